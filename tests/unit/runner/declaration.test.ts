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

/** Each problem as `line:col rule message`: the problems of a check body differ in their messages only. */
const messages = (r: ReturnType<typeof validate>) => r.problems.map((p) => `${p.line}:${p.col} ${p.rule} ${p.message}`);
const withChecks = (checks: string) => GOOD.replace(/checks:[\s\S]*$/, checks);

test('checks: a list, at least one for a compose example', () => {
  assert.deepEqual(messages(validate(withChecks('checks: http://127.0.0.1/\n'))), [
    '7:1 declaration-value checks must be a list',
    '7:1 declaration-missing a compose example needs at least one check',
  ]);
  assert.deepEqual(messages(validate(withChecks(''))), [
    '1:1 declaration-missing a compose example needs at least one check',
  ]);
});

test('checks: every malformed check and check body, with its message', () => {
  const text = withChecks(`checks:
  - just text
  - name: { zh-Hans: 一, en: one }
    http: "http://127.0.0.1/"
    colour: blue
  - name: { zh-Hans: 二, en: two }
    http: { url: "not a url" }
  - name: { zh-Hans: 三, en: three }
    http: { url: "ftp://127.0.0.1/" }
  - name: { zh-Hans: 四, en: four }
    http: { url: "http://localhost/", status: "ok" }
  - name: { zh-Hans: 五, en: five }
    http: { url: "http://[::1]/", contains: 3, method: GET }
  - name: { zh-Hans: 六, en: six }
    exec: { command: [x] }
  - name: { zh-Hans: 七, en: seven }
    exec: { service: web, command: [] }
  - name: { zh-Hans: 八, en: eight }
    exec: { service: web, command: "", user: root }
  - name: { zh-Hans: 九, en: nine }
    exec: { service: web, command: [ping], expect: [PONG] }
  - name: { zh-Hans: 十, en: ten }
    script: gone.sh
  - name: { zh-Hans: 十一, en: eleven }
    needs: 3
    exec: { service: web, command: "redis-cli ping", expect: PONG }
`);
  assert.deepEqual(messages(validate(text)), [
    '8:5 declaration-value a check is { name, http | exec | script | run }',
    '11:5 declaration-unknown-key check: unknown key "colour" (known: name, needs, http, exec, script, run)',
    '10:5 declaration-value http check needs a mapping',
    '13:5 declaration-value http check needs an http:// url',
    '15:5 declaration-value http check needs an http:// url',
    '17:39 declaration-value status must be a number',
    '19:48 declaration-unknown-key http check: unknown key "method" (known: url, status, contains)',
    '19:35 declaration-value contains must be text',
    '21:5 declaration-missing exec check needs a service',
    '23:5 declaration-missing exec check needs a command (a string run by sh -c, or a list)',
    '25:40 declaration-unknown-key exec check: unknown key "user" (known: service, command, expect)',
    '25:5 declaration-missing exec check needs a command (a string run by sh -c, or a list)',
    '27:44 declaration-value expect must be text',
    '29:5 missing-file check script "gone.sh" does not exist in the example folder',
    '31:5 declaration-value needs: "3" must name a feature listed under limits:',
  ]);
});

test('checks: run checks of a Dockerfile example, and what valid checks become', () => {
  const dockerfile = (checks: string) =>
    validate(
      withChecks(checks).replace('kind: compose', 'kind: dockerfile').replace('[compose.yaml]', '[Dockerfile]'),
      {Dockerfile: 'FROM alpine:3.20\n'},
    );
  const bad = dockerfile(`checks:
  - name: { zh-Hans: 一, en: one }
    run: { args: --version }
  - name: { zh-Hans: 二, en: two }
    run: { args: [a], expect: 3, env: {} }
`);
  assert.deepEqual(messages(bad), [
    '9:12 declaration-value args must be a list of strings',
    '11:34 declaration-unknown-key run check: unknown key "env" (known: args, expect)',
    '11:23 declaration-value expect must be text',
  ]);
  const good = dockerfile(`checks:
  - name: { zh-Hans: 一, en: one }
    run: {}
  - name: { zh-Hans: 二, en: two }
    run: { args: [--version], expect: "1." }
`);
  assert.deepEqual(good.problems, []);
  assert.deepEqual(
    good.declaration?.checks.map((c) => c.run),
    [{args: []}, {args: ['--version'], expect: '1.'}],
  );
  const compose = validate(
    withChecks(`checks:
  - name: { zh-Hans: 一, en: one }
    http: { url: "http://localhost:8080/", status: 404, contains: Not Found }
  - name: { zh-Hans: 二, en: two }
    exec: { service: cache, command: [redis-cli, ping], expect: PONG }
  - name: { zh-Hans: 三, en: three }
    exec: { service: web, command: "true" }
`),
  );
  assert.deepEqual(compose.problems, []);
  assert.deepEqual(
    compose.declaration?.checks.map(({http, exec}) => http ?? exec),
    [
      {url: 'http://localhost:8080/', status: 404, contains: 'Not Found'},
      {service: 'cache', command: ['redis-cli', 'ping'], expect: 'PONG'},
      {service: 'web', command: 'true'},
    ],
  );
});
