// `requires:` in example.yaml: an example that needs what another step makes (the built site) is
// not started without it, and says why; it is never reported as passed or failed.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {validateDeclaration, type Declaration} from '../../../tools/runner/declaration';
import {targetEngine} from '../../../tools/runner/exec';
import {unmetRequirement, upExample} from '../../../tools/runner/run-example';
import type {StaticResult} from '../../../tools/runner/static/index';
import {parseYaml} from '../../../tools/runner/yamlpos';

const DECLARATION = `title: { zh-Hans: 标题, en: Title }
summary: { zh-Hans: 摘要, en: Summary }
kind: compose
chapter: images
topics: [dockerfile]
files: [compose.yaml]
checks:
  - name: { zh-Hans: 首页, en: home }
    http: { url: "http://127.0.0.1:8080/" }
requires:
  - { path: ../site/index.html, why: the site is not built }
`;

/** A repository-like folder: examples/site-image/ and, when `built`, site/index.html beside it. */
function validate(text: string, built: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'fg-requires-'));
  const dir = join(root, 'site-image');
  mkdirSync(dir);
  writeFileSync(join(dir, 'compose.yaml'), 'services: {}\n');
  if (built) {
    mkdirSync(join(root, 'site'));
    writeFileSync(join(root, 'site', 'index.html'), '<html></html>');
  }
  return validateDeclaration(parseYaml('examples/site-image/example.yaml', text).yaml, 'site-image', dir);
}

const up = (declaration: Declaration) =>
  upExample(
    'site-image',
    {problems: [], declaration} as unknown as StaticResult,
    {ipvs: false, cluster: false},
    () => {},
    targetEngine(),
  );

test('requires: parsed, and a missing path is no problem for the static check', () => {
  const r = validate(DECLARATION, false);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.declaration?.requires, [{path: '../site/index.html', why: 'the site is not built'}]);
  assert.deepEqual(validate(DECLARATION.replace(/requires:[^]*$/, ''), false).declaration?.requires, []);
});

test('requires: malformed entries, at their line', () => {
  const r = validate(
    DECLARATION.replace(
      '{ path: ../site/index.html, why: the site is not built }',
      '{ path: /abs/index.html, because: x }',
    ),
    false,
  );
  assert.deepEqual(
    r.problems.map((p) => `${p.line} ${p.rule}`),
    ['11 declaration-unknown-key', '11 declaration-value'],
  );
  const noWhy = validate(DECLARATION.replace(', why: the site is not built', ''), false);
  assert.deepEqual(
    noWhy.problems.map((p) => `${p.line} ${p.rule}`),
    ['11 declaration-missing'],
  );
});

test('requires: a missing path means not started, with the reason; nothing is created', async () => {
  const r = await up(validate(DECLARATION, false).declaration!);
  assert.equal(r.status, 'not-started');
  assert.equal(r.notStarted, 'not started: the site is not built (../site/index.html is missing)');
  assert.equal(r.project, null);
  assert.equal(r.cleaned, null);
});

test('requires: met once the path exists', () => {
  assert.equal(unmetRequirement(validate(DECLARATION, true).declaration!), null);
});
