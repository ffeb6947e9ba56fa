import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {imageTag, isPinned, validateDeclaration} from '../../../tools/runner/declaration';
import {parseYaml} from '../../../tools/runner/yamlpos';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fg-decl-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), {recursive: true});
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function validate(
  text: string,
  files: Record<string, string> = {'compose.yaml': 'services: {}\n'},
  name = 'my-example',
) {
  const dir = folder({...files, 'example.yaml': text});
  const {yaml} = parseYaml('examples/my-example/example.yaml', text);
  return validateDeclaration(yaml, name, dir);
}

const GOOD = `title: { zh-Hans: 标题, en: Title }
summary: { zh-Hans: 摘要, en: Summary }
kind: compose
chapter: compose
topics: [compose]
files: [compose.yaml]
checks:
  - name: { zh-Hans: 首页, en: home }
    http: { url: "http://127.0.0.1:8080/" }
`;

const lines = (r: ReturnType<typeof validate>) => r.problems.map((p) => `${p.line} ${p.rule}`);

test('a good declaration gets defaults and no problems', () => {
  const r = validate(GOOD);
  assert.deepEqual(r.problems, []);
  assert.equal(r.declaration?.timeout, 300);
  assert.deepEqual(r.declaration?.checks[0].http, {url: 'http://127.0.0.1:8080/', status: 200});
  assert.deepEqual(r.declaration?.images, []);
});

test('unknown keys, at their line', () => {
  const r = validate(GOOD + 'colour: blue\n');
  assert.deepEqual(lines(r), ['10 declaration-unknown-key']);
  // Still returned, so the checks of the other files can use its images, secrets and limits.
  assert.equal(r.declaration?.kind, 'compose');
});

test('a comma in unquoted flow text gets a hint', () => {
  const r = validate(GOOD.replace('{ zh-Hans: 首页, en: home }', '{ zh-Hans: 首页, en: home, then more }'));
  assert.deepEqual(lines(r), ['8 declaration-language']);
  assert.match(
    r.problems[0].message,
    /unknown language "then more": a comma in unquoted text inside \{ \}\? put the text in quotes/,
  );
});

test('both languages in titles, summaries and check names', () => {
  const r = validate(
    GOOD.replace('{ zh-Hans: 标题, en: Title }', '{ en: Title }').replace(
      '{ zh-Hans: 首页, en: home }',
      '{ zh-Hans: 首页, fr: accueil }',
    ),
  );
  assert.deepEqual(lines(r), ['1 declaration-language', '8 declaration-language', '8 declaration-language']);
  assert.match(r.problems[0].message, /title has no zh-Hans text/);
});

test('files listed must exist, inside the folder', () => {
  const r = validate(GOOD.replace('files: [compose.yaml]', 'files: [compose.yaml, gone.txt, ../escape.txt]'));
  assert.deepEqual(lines(r), ['6 missing-file', '6 declaration-value']);
  assert.match(r.problems[0].message, /"gone.txt" does not exist/);
});

test('the kind needs its entry file', () => {
  const r = validate(GOOD.replace('kind: compose', 'kind: stack'));
  assert.ok(r.problems.some((p) => p.rule === 'missing-file' && /stack.yaml/.test(p.message) && p.line === 3));
});

test('enumerations: kind, chapter, topics', () => {
  const r = validate(
    GOOD.replace('kind: compose', 'kind: helm').replace('topics: [compose]', 'topics: [compose, dns]'),
  );
  assert.deepEqual(lines(r), ['3 declaration-value', '5 declaration-value']);
});

test('checks: exactly one type, allowed for the kind, loopback only', () => {
  const text =
    GOOD +
    `  - name: { zh-Hans: 二, en: two }
    http: { url: "http://127.0.0.1/" }
    script: check.sh
  - name: { zh-Hans: 三, en: three }
    run: { args: [x] }
  - name: { zh-Hans: 四, en: four }
    http: { url: "http://10.0.0.5:8080/" }
`;
  const r = validate(text, {'compose.yaml': 'services: {}\n', 'check.sh': 'true\n'});
  assert.deepEqual(lines(r), ['10 check-type', '14 check-type', '16 check-url-host']);
});

test('needs: must name a declared limit', () => {
  const ok = validate(
    GOOD +
      `    needs: ipvs
limits:
  - feature: ipvs
    what: { zh-Hans: 虚拟 IP, en: the VIP }
`,
  );
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.declaration?.checks[0].needs, 'ipvs');
  const bad = validate(GOOD + '    needs: ipvs\n');
  assert.deepEqual(lines(bad), ['10 declaration-value']);
});

test('stack images and secrets', () => {
  const text =
    GOOD.replace('kind: compose', 'kind: stack').replace('files: [compose.yaml]', 'files: [stack.yaml]') +
    `images:
  - { tag: "fieldguide/app:1.0", context: app }
  - { tag: "fieldguide/app", context: app }
secrets:
  - { name: db_root_password, file: root.txt }
  - { name: api_key, stdin: "k3y" }
  - { name: both, file: root.txt, stdin: x }
`;
  const r = validate(text, {'stack.yaml': 'services: {}\n', 'app/Dockerfile': 'FROM x:1\n', 'root.txt': 'pw\n'});
  assert.deepEqual(lines(r), ['12 image-unpinned', '16 declaration-value']);
});

test('images and secrets belong to stacks only', () => {
  const r = validate(GOOD + 'secrets:\n  - { name: a, stdin: b }\n');
  assert.deepEqual(lines(r), ['10 declaration-value']);
});

const SCRIPT = GOOD.replace('kind: compose', 'kind: script')
  .replace('files: [compose.yaml]', 'files: [run.sh]')
  .replace(/checks:[\s\S]*$/, '');
const RUN_SH = {'run.sh': 'echo hi\n'};

test('a script declares the images it uses, pinned, and whether it needs a swarm', () => {
  const ok = validate(SCRIPT + 'uses: [mysql:8.4, "localhost:5000/team/app:1.0"]\nswarm: true\n', RUN_SH);
  assert.deepEqual(ok.problems, []);
  assert.deepEqual(ok.declaration?.uses, ['mysql:8.4', 'localhost:5000/team/app:1.0']);
  assert.equal(ok.declaration?.swarm, true);

  const defaults = validate(SCRIPT, RUN_SH);
  assert.deepEqual([defaults.declaration?.uses, defaults.declaration?.swarm], [[], false]);

  const bad = validate(SCRIPT + 'uses:\n  - mysql\n  - nginx:latest\n  - busybox:1.36\nswarm: yes please\n', RUN_SH);
  assert.deepEqual(
    bad.problems.map((p) => `${p.line}:${p.col} ${p.rule}`),
    ['8:5 image-unpinned', '9:5 image-unpinned', '11:1 declaration-value'],
  );
  assert.deepEqual(bad.declaration?.uses, ['busybox:1.36']);
  assert.deepEqual(lines(validate(SCRIPT + 'uses: mysql:8.4\n', RUN_SH)), ['7 declaration-value']);
});

test('uses: and swarm: belong to script examples only', () => {
  assert.deepEqual(lines(validate(GOOD + 'uses: [nginx:1.27]\nswarm: true\n')), [
    '10 declaration-value',
    '11 declaration-value',
  ]);
});

test('the folder name must be kebab-case', () => {
  assert.deepEqual(lines(validate(GOOD, undefined, 'My_Example')), ['1 example-name']);
});

test('image tags', () => {
  assert.equal(imageTag('nginx'), null);
  assert.equal(imageTag('nginx:1.27'), '1.27');
  assert.equal(imageTag('localhost:5000/app'), null);
  assert.equal(imageTag('localhost:5000/app:2'), '2');
  assert.equal(imageTag('app@sha256:abc'), '@sha256:abc');
  assert.equal(isPinned('nginx:latest'), false);
  assert.equal(isPinned('nginx'), false);
  assert.equal(isPinned('registry:5000/team/app:1.2.3'), true);
  assert.equal(isPinned('app@sha256:abc'), true);
});
