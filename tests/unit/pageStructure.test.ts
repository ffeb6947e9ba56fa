import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pageStructure} from './pageStructure';

function page(source: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'page-')), 'p.mdx');
  fs.writeFileSync(file, source);
  return file;
}

test('reads headings, figures and examples in order, ignoring code fences', () => {
  const s = pageStructure(
    page(
      [
        "import A from '@site/src/components/diagrams/ImageLayers';",
        "import wp from '@site/examples/wordpress-compose/example.yaml';",
        '## One {/* #one */}',
        '<A />',
        '```bash',
        '## not a heading',
        '```',
        '### Two {/* #two */}',
        '<Example example={wp} />',
      ].join('\n'),
    ),
  );
  assert.deepEqual(s.headings, ['##:one', '###:two']);
  assert.deepEqual(s.figures, ['ImageLayers']);
  assert.deepEqual(s.examples, ['wordpress-compose']);
  assert.deepEqual(s.errors, []);
});

test('a heading without an id, an h1, or an unimported example is an error with file:line', () => {
  const s = pageStructure(page('# Title\n## No id\n<Example example={x} />\n'));
  assert.equal(s.errors.length, 3);
  assert.match(s.errors[0], /p\.mdx:1 /);
  assert.match(s.errors[1], /p\.mdx:2 heading without an explicit id/);
  assert.match(s.errors[2], /p\.mdx:3 <Example> of x/);
});

test('a drifted translation shows up as a difference', () => {
  const zh = pageStructure(page('## A {/* #a */}\n## B {/* #b */}\n'));
  const en = pageStructure(page('## A {/* #a */}\n## B {/* #bee */}\n'));
  assert.notDeepEqual(en.headings, zh.headings);
});

test('a merge conflict marker left in a page is an error with file:line', () => {
  const s = pageStructure(page('## One {/* #one */}\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch\n'));
  assert.deepEqual(
    s.errors.map((e) => e.replace(/^.*p\.mdx:/, '')),
    [
      '2 a merge conflict marker: <<<<<<< HEAD',
      '4 a merge conflict marker: =======',
      '6 a merge conflict marker: >>>>>>> branch',
    ],
  );
});
