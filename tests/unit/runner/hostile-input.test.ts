// The checker on unusual and hostile input (issue 19), one test per category. Messages of
// `docker compose config` and `docker build --check` below were recorded from Compose 2.40.3 and
// Engine 28.5.2.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {formatProblem} from '../../../tools/runner/problems';
import {boundedRun, limitHit, MEMORY_LIMIT_BYTES} from '../../../tools/runner/static/bounded';
import {buildCheckProblems} from '../../../tools/runner/static/build-check';
import {checkComposeRules, locateComposeError} from '../../../tools/runner/static/compose';
import {checkDockerfile, repositoryPath} from '../../../tools/runner/static/dockerfile';
import {checkExample, configMessage} from '../../../tools/runner/static/index';
import {checkManifests, labelKeyProblem, labelValueProblem} from '../../../tools/runner/static/kubernetes';
import {MAX_DEPTH, parseYaml, positionOf, valueOf} from '../../../tools/runner/yamlpos';

const parsed = (text: string, file = 'compose.yaml') => parseYaml(file, text);
const brief = (ps: {line: number; col: number; rule: string}[]) => ps.map((p) => `${p.line}:${p.col} ${p.rule}`).sort();

function aliasBomb(levels: number): string {
  const lines = ['x-0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i <= levels; i++)
    lines.push(
      `x-${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\nservices:\n  web:\n    command: *l${levels}\n`;
}

test('alias bombs are refused at once, where the expansion passes the limit', () => {
  // Processor time, not the clock: a loaded machine makes the clock slow, not the parse.
  const before = process.cpuUsage();
  const {yaml, problems} = parsed(aliasBomb(9));
  const used = process.cpuUsage(before);
  assert.deepEqual(brief(problems), ['6:10 yaml-alias']);
  assert.match(problems[0].message, /alias bomb/);
  assert.ok(used.user + used.system < 2_000_000, 'refusing costs the size of the source, not of the expansion');
  assert.equal(yaml.file, 'compose.yaml');
});

test('aliases inside their own anchor, aliases without anchor and deep nesting are refused', () => {
  assert.deepEqual(brief(parsed('a: &x\n  b: *x\n').problems), ['2:6 yaml-alias']);
  assert.deepEqual(brief(parsed('a: *nope\n').problems), ['1:4 yaml-alias']);
  const deep = `a: ${'['.repeat(MAX_DEPTH + 10)}${']'.repeat(MAX_DEPTH + 10)}\n`;
  const problems = parsed(deep).problems;
  assert.ok(problems.length >= 1 && problems.length <= 3, `${problems.length} problems`);
  assert.ok(problems.every((p) => p.rule === 'yaml-alias' || p.rule === 'yaml-syntax'));
});

test('a valid file with more than 100 alias uses is read whole', () => {
  const env = Array.from({length: 150}, (_, i) => `      F${i}: *on`).join('\n');
  const {yaml, problems} = parsed(`x-on: &on "yes"\nservices:\n  web:\n    environment:\n${env}\n`);
  assert.deepEqual(problems, []);
  const value = valueOf(yaml) as {services: {web: {environment: Record<string, string>}}};
  assert.equal(Object.keys(value.services.web.environment).length, 150);
});

test('merge keys: values from a fragment count, and problems in it are placed in the fragment', () => {
  const {yaml} = parsed(`x-base: &base
  image: postgres
  restart: always
  healthcheck: { test: ["CMD", "true"] }
services:
  db:
    <<: *base
  cache:
    <<: [*base]
    image: redis:7.4
`);
  assert.deepEqual(positionOf(yaml, ['services', 'db', 'image'], 'value'), {line: 2, col: 10});
  const problems = checkComposeRules(yaml, {dir: '/nonexistent', isStack: false, declaration: null});
  assert.deepEqual(brief(problems), ['2:3 image-unpinned'], 'cache overrides the image; neither lacks a healthcheck');
});

test('a fragment merged into several services is one defect, reported once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fgchk-merge-'));
  writeFileSync(
    join(dir, 'compose.yaml'),
    'x-base: &base\n  image: postgres\n  restart: "no"\nservices:\n  a: { <<: *base }\n  b: { <<: *base }\n',
  );
  const result = await checkExample(dir);
  rmSync(dir, {recursive: true});
  assert.deepEqual(
    result.problems.filter((p) => p.rule === 'image-unpinned').map((p) => p.line),
    [2],
  );
});

test('control characters: refused in YAML, escaped in every printed problem', () => {
  const {problems} = parsed('services:\n  web:\n    image: "a\x1b[2Jb"\n');
  assert.deepEqual(brief(problems), ['3:14 yaml-syntax']);
  const line = formatProblem({file: 'f\x07', line: 1, col: 1, rule: 'r', message: 'bad\x00byte\nnext\x9b'});
  assert.equal(line, 'f\\x07:1:1 r bad\\x00byte\\x0anext\\x9b');
});

test('multi-document compose files are merged as Compose merges them', () => {
  const {yaml} = parsed(
    'services:\n  web:\n    image: busybox:1.36\n---\nservices:\n  web:\n    healthcheck: { test: ["CMD", "true"] }\n  job:\n    image: busybox\n    restart: "no"\n',
  );
  assert.deepEqual(brief(checkComposeRules(yaml, {dir: '/nonexistent', isStack: false, declaration: null})), [
    '9:5 image-unpinned',
  ]);
  const {yaml: notMap} = parsed('services: {}\n---\n- a list\n');
  assert.deepEqual(brief(checkComposeRules(notMap, {dir: '/nonexistent', isStack: false, declaration: null})), [
    '1:1 compose-shape',
  ]);
});

test('an override file is judged merged onto its base', () => {
  const {yaml: base} = parsed('services:\n  web:\n    image: busybox:1.36\n');
  const {yaml: override} = parsed(
    'services:\n  web:\n    ports: ["8080:80"]\n  extra:\n    image: busybox:1.36\n',
    'compose.override.yaml',
  );
  const problems = checkComposeRules(override, {dir: '/nonexistent', isStack: false, declaration: null, base});
  // web is judged in the base file (where its missing healthcheck is reported); extra is new here.
  assert.deepEqual(
    problems.map((p) => `${p.file}:${p.line} ${p.rule}`),
    ['compose.override.yaml:4 healthcheck-missing'],
  );
});

test('compose values no engine runs: unknown restart policy, missing build context', () => {
  const {yaml} = parsed(
    'services:\n  a:\n    image: busybox:1.36\n    restart: sometimes\n    healthcheck: { test: ["CMD", "true"] }\n  b:\n    build: ./nowhere\n    restart: on-failure:3\n  c:\n    build: { context: "${CTX}" }\n    restart: "${POLICY}"\n',
  );
  const problems = checkComposeRules(yaml, {dir: '/nonexistent', isStack: false, declaration: null});
  assert.deepEqual(brief(problems.filter((p) => p.rule !== 'healthcheck-missing')), [
    '4:5 compose-restart',
    '7:5 compose-build-context',
  ]);
});

test('config errors without a line are placed by path, service and value', () => {
  const {yaml} = parsed(`services:
  web:
    image: busybox:1.36
    ports:
      - "8080:80"
      - "80:80:80:80"
    depends_on: [db]
    network_mode: service:nope
    volumes:
      - type: bind
        target: /data
  db:
    image: busybox:1.36
    depends_on: [web]
    healthcheck:
      interval: 5x
`);
  const at = (message: string) => {
    const p = locateComposeError(yaml, 'compose-config', message);
    return `${p.line}:${p.col}`;
  };
  assert.equal(at('Invalid ip address 80:80: address 80:80:: too many colons in address'), '6:9');
  assert.equal(at('dependency cycle detected: db -> web -> db'), '14:5');
  assert.equal(at('invalid mount config for type "bind": field Source must not be empty'), '10:9');
  assert.equal(at('service "web" depends on undefined service "nope": invalid compose project'), '8:5');
  assert.equal(
    at(
      'decoding failed due to the following error(s): \'services[db].healthcheck.interval\' time: unknown unit "x" in duration "5x"',
    ),
    '16:7',
  );
  assert.equal(at('services.db.scale: must be greater than or equal to 0'), '12:3');
  assert.equal(at('services must be a mapping'), '1:1');
});

test('undefined networks and secrets, missing env files and extends files are placed at the key that names them', () => {
  const {yaml} = parsed(
    'services:\n  web:\n    image: busybox:1.36\n    networks: [back]\n    secrets: [pw]\n    env_file: [missing.env]\n  app:\n    extends: { file: other.yaml, service: base }\n',
  );
  const at = (message: string) => {
    const p = locateComposeError(yaml, 'compose-config', message);
    return `${p.line}:${p.col}`;
  };
  assert.equal(at('service "web" refers to undefined network back: invalid compose project'), '4:5');
  assert.equal(at('service "web" refers to undefined secret pw: invalid compose project'), '5:5');
  assert.equal(at('env file missing.env not found: stat missing.env: no such file or directory'), '6:16');
  assert.equal(at('open other.yaml: no such file or directory'), '8:5');
});

test('a duplicate container_name is placed at the second service, whichever one Compose names', () => {
  const {yaml} = parsed('services:\n  a:\n    container_name: same\n  b:\n    container_name: same\n');
  for (const named of ['a', 'b']) {
    const p = locateComposeError(
      yaml,
      'compose-config',
      `services.${named}: container name "same" is already in use by service {}"`,
    );
    assert.equal(`${p.line}:${p.col}`, '5:5');
  }
});

test('a config error spread over lines keeps what it says', () => {
  assert.equal(
    configMessage('yaml: unmarshal errors:\n  line 6: cannot unmarshal !!seq into string\n', '/x'),
    'yaml: unmarshal errors: line 6: cannot unmarshal !!seq into string',
  );
  assert.equal(
    configMessage(
      'time="…" level=warning msg="x"\nvalidating /x/compose.yaml: services.web additional properties \'port\' not allowed\n',
      '/x',
    ),
    "validating compose.yaml: services.web additional properties 'port' not allowed",
  );
});

test('Kubernetes rules only the API server applies: names, labels, selectors, spec', async () => {
  assert.equal(labelKeyProblem('example.com/app'), null);
  assert.match(labelKeyProblem('Example_.com/app') ?? '', /prefix/);
  assert.match(labelKeyProblem(`a${'b'.repeat(63)}`) ?? '', /63/);
  assert.equal(labelValueProblem(''), null);
  assert.match(labelValueProblem(true) ?? '', /string/);
  const {yaml} = parsed(
    `apiVersion: apps/v1
kind: Deployment
metadata: { name: web_1 }
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: { name: p, labels: { tier: "a b" } }
    spec:
      containers:
        - { name: Web, image: "nginx:1.27", readinessProbe: { exec: { command: ["true"] } } }
`,
    'k8s/app.yaml',
  );
  assert.deepEqual(brief(await checkManifests(yaml)), [
    '10:42 k8s-label',
    '13:19 k8s-name',
    '1:1 k8s-spec',
    '3:19 k8s-name',
  ]);
});

test('Dockerfiles the builder refuses: own stage in COPY --from, upper-case repository, non-string exec arrays', () => {
  assert.equal(repositoryPath('localhost:5000/Team/app:1.0'), 'Team/app');
  assert.equal(repositoryPath('Registry/app:1.0'), 'app', 'an upper-case first part is a registry host');
  const problems = checkDockerfile(
    'Dockerfile',
    'FROM busybox:1.36 AS build\nCOPY --from=BUILD /a /b\nFROM library/Busybox:1.36\nENTRYPOINT ["sh", 1]\nCMD [not json]\n',
  );
  assert.deepEqual(brief(problems), [
    '2:1 dockerfile-stage-cycle',
    '3:1 dockerfile-repository-case',
    '4:1 dockerfile-exec-form',
  ]);
});

test('docker build --check output becomes located problems', () => {
  const warning =
    'Check complete, 1 warning has been found!\n\nWARNING: JSONArgsRecommended - https://docs.docker.com/go/dockerfile/rule/json-args-recommended/\nJSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior related to OS signals\nDockerfile:5\n--------------------\n';
  assert.deepEqual(brief(buildCheckProblems(warning, 'x/Dockerfile')), ['5:1 build-check-json-args-recommended']);
  const error =
    'ERROR: when using JSON array syntax, arrays must be comprised of strings only\nDockerfile:4\n--------------------\n';
  assert.deepEqual(brief(buildCheckProblems(error, 'x/Dockerfile')), ['4:1 build-check-error']);
});

test('a subprocess of the checker cannot take more than its memory limit, nor more than its time', async () => {
  const big = `bytearray(${2 * MEMORY_LIMIT_BYTES})`;
  const r = await boundedRun('python3', ['-c', `${big}; print("allocated")`], {timeoutMs: 20_000});
  assert.notEqual(r.code, 0);
  assert.doesNotMatch(r.stdout, /allocated/);
  assert.match(r.stderr, /MemoryError/);
  const small = await boundedRun('python3', ['-c', 'bytearray(100 * 1024 * 1024); print("ok")'], {timeoutMs: 20_000});
  assert.equal(small.stdout.trim(), 'ok', 'the limit leaves room for ordinary work');
  const slow = await boundedRun('sleep', ['30'], {timeoutMs: 300});
  assert.match(limitHit(slow, 300) ?? '', /time limit/);
});

test('a fault of the checker fails that example only, as a located problem', async () => {
  const result = await checkExample('/nonexistent/fgchk-missing-example');
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0].rule, 'checker-error');
  assert.deepEqual(result.checksRan, []);
});
