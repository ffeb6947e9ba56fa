// Terminal blocks on the pages: every one is a generated transcript or a "not run here" block,
// generated files are up to date with their sources, and both languages show the same transcripts.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import type {TranscriptFile} from '../../../src/components/Transcript/types';
import {PAGE_DIRS, pageCensus, siteCensus} from '../../../tools/transcripts/census';
import {loadSession, outputPath, sessionIds} from '../../../tools/transcripts/session';
import {differsByFolder} from '../../../tools/transcripts/standin-notes';

for (const locale of Object.keys(PAGE_DIRS) as (keyof typeof PAGE_DIRS)[]) {
  test(`${locale}: every page shows only generated or "not run here" terminal blocks`, () => {
    const pages = siteCensus(locale);
    assert.deepEqual(
      pages.flatMap((p) => p.problems),
      [],
    );
    // A page with no transcript yet is not exempt: its typed terminal blocks fail too.
    const handWritten = pages
      .filter((p) => p.handWritten > 0)
      .map((p) => `${path.basename(p.file)}: ${p.handWritten} typed commands (make them a generated <Transcript>)`);
    assert.deepEqual(handWritten, []);
  });
}

const transcriptUses = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/<Transcript\s+session=\{(\w+)\}\s+block="([^"]*)"/g)].map((m) => m[2]);
const transcriptImports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/from\s+'@site\/transcripts\/([^']+)\.json'/g)].map((m) => m[1]).sort();

test('zh-Hans and en show the same transcripts in the same order', () => {
  for (const page of siteCensus('zh-Hans')) {
    const name = path.basename(page.file);
    const en = path.join(PAGE_DIRS.en, name);
    assert.deepEqual(transcriptImports(en), transcriptImports(page.file), `${name}: imported sessions`);
    assert.deepEqual(transcriptUses(en), transcriptUses(page.file), `${name}: blocks`);
  }
});

test('every generated file holds exactly the commands of its source (else: npm run transcripts -- update)', () => {
  for (const id of sessionIds()) {
    const {session} = loadSession(id);
    const generated = JSON.parse(readFileSync(outputPath(id), 'utf8')) as TranscriptFile;
    const expected = Object.fromEntries(session!.blocks.map((b) => [b.name, b.steps.map((s) => [s.command, s.exit])]));
    const actual = Object.fromEntries(
      Object.entries(generated.blocks).map(([name, b]) => [name, b.steps.map((s) => [s.command, s.exit])]),
    );
    assert.deepEqual(actual, expected, id);
  }
});

test("every generated file's stand-in notes are the stand-in list's current text (else: npm run transcripts -- update)", () => {
  const notes = differsByFolder();
  for (const id of sessionIds()) {
    const generated = JSON.parse(readFileSync(outputPath(id), 'utf8')) as TranscriptFile;
    for (const s of generated.standins) assert.deepEqual(s.differs, notes.get(s.folder), `${id}: ${s.image}`);
  }
});

test('every stand-in in the list says how it differs, in both languages, for the notes beside transcripts', () => {
  const notes = differsByFolder();
  for (const folder of ['nginx', 'mysql', 'wordpress', 'redis', 'busybox', 'haproxy', 'registry', 'python', 'dind']) {
    const note = notes.get(`tests/images/${folder}`);
    assert.ok(note && note.en.length > 20 && note['zh-Hans'].length > 10, folder);
  }
  const python = notes.get('tests/images/python')!;
  assert.match(python.en, /^Python 3\.11, not 3\.12: .* preinstalled\.$/);
  // Wrapped Chinese lines join without a space; Latin words keep theirs.
  assert.match(python['zh-Hans'], /^Python 3\.11，不是 3\.12：.*宽松地固定，而且只用预装的那些。$/);
});

test('a stand-in without a paragraph in both languages is left out, not half-filled', () => {
  const list = [
    '### a → `a/` (x)',
    'Differs: only English.',
    '',
    '### b → `b/` (y)',
    'Differs: one',
    'two.',
    '差异：一',
    '二。',
    'Honours: more.',
  ].join('\n');
  assert.deepEqual([...differsByFolder(list)], [['tests/images/b', {en: 'one two.', 'zh-Hans': '一二。'}]]);
});

test('on a converted page, a plain terminal block and a file-like block that is no example file are problems', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fgts-page-'));
  const page = path.join(dir, 'page.mdx');
  const dockerfile = readFileSync('examples/dockerfile-basics/Dockerfile', 'utf8');
  writeFileSync(
    page,
    [
      "import basics from '@site/transcripts/01-images-and-containers/basics.json';",
      '<Transcript session={basics} block="container-diff" />',
      '```shell-session',
      '$ docker ps',
      '```',
      '```yaml',
      'services: {}',
      '```',
      '```yaml title="compose.yaml (excerpt)"',
      'services: {}',
      '```',
      '```docker',
      dockerfile.trimEnd(),
      '```',
      '<NotRunHere reason="kubernetes">',
      '```shell-session',
      '$ kubectl get pods',
      '```',
      '</NotRunHere>',
    ].join('\n'),
  );
  const census = pageCensus(page);
  assert.deepEqual(
    census.problems.map((p) => p.replace(/^.*page\.mdx:/, '')),
    [
      '3 a `shell-session` block on a converted page: make it a generated <Transcript> or a <NotRunHere> block',
      '6 a file-like code block that is no whole file of examples/: show the file, or title it as an excerpt (title="… (excerpt)" / "…（片段）")',
    ],
  );
  assert.equal(census.handWritten, 1);
  assert.deepEqual(census.notRun, {kubernetes: 1});
});
