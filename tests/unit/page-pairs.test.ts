import {test} from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {enDocsDir, mdxFiles, pageStructure, zhDocsDir} from './pageStructure';

// Both languages are first-class: every page exists in zh-Hans and en with the same
// sections (and anchors), figures and examples, in the same order.
test('every page exists in both languages', () => {
  assert.deepEqual(mdxFiles(enDocsDir), mdxFiles(zhDocsDir));
});

for (const file of mdxFiles(zhDocsDir)) {
  test(`${file}: zh-Hans and en have the same sections, figures and examples`, () => {
    const zh = pageStructure(path.join(zhDocsDir, file));
    const en = pageStructure(path.join(enDocsDir, file));
    assert.deepEqual([...zh.errors, ...en.errors], []);
    assert.deepEqual(en.headings, zh.headings, 'headings and their ids');
    assert.deepEqual(en.figures, zh.figures, 'figures');
    assert.deepEqual(en.examples, zh.examples, 'examples');
    assert.equal(en.sidebarPosition, zh.sidebarPosition, 'sidebar_position');
  });
}
