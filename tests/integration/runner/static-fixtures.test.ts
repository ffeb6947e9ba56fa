// Each bad fixture gives the expected `file:line:col rule` lines (needs the docker CLI with the
// compose plugin, not a running engine).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {FIXTURES, runCli} from './helpers';

const EXPECTED: Record<string, string[]> = {
  'bad-compose': [
    'compose.yaml:1:1 no-version',
    'compose.yaml:3:3 healthcheck-missing',
    'compose.yaml:4:5 image-unpinned',
    'compose.yaml:8:5 image-unpinned',
    'compose.yaml:10:7 inline-secret',
    'compose.yaml:11:7 secret-file-path',
    'compose.yaml:19:9 inline-secret',
  ],
  'bad-compose-schema': ['compose.yaml:6:5 compose-config'],
  'bad-yaml': ['compose.yaml:6:1 yaml-syntax'],
  'bad-declaration': [
    'example.yaml:1:1 declaration-language',
    'example.yaml:5:19 declaration-value',
    'example.yaml:6:1 declaration-value',
    'example.yaml:7:23 missing-file',
    'example.yaml:8:1 declaration-unknown-key',
    'example.yaml:11:13 check-url-host',
    'example.yaml:12:5 check-type',
    'example.yaml:15:5 declaration-language',
    'example.yaml:16:5 declaration-missing',
  ],
  'bad-stack': [
    'stack.yaml:4:5 stack-build',
    'stack.yaml:5:5 stack-container-name',
    'stack.yaml:6:5 stack-restart',
    'stack.yaml:7:5 stack-depends-on',
    'stack.yaml:9:9 limit-undeclared',
    'stack.yaml:14:5 stack-config',
    'stack.yaml:16:7 inline-secret',
    'stack.yaml:23:3 stack-secret-undeclared',
  ],
  'bad-dockerfile': [
    'Dockerfile:1:1 dockerfile-casing-instruction',
    'Dockerfile:1:1 image-unpinned',
    'Dockerfile:3:6 dockerfile-base-name-empty',
    'Dockerfile:6:9 dockerfile-workdir-is-not-absolute',
    'Dockerfile:7:1 dockerfile-unknown-instruction',
  ],
  'bad-k8s': [
    'k8s/web.yaml:15:11 healthcheck-missing',
    'k8s/web.yaml:16:18 image-unpinned',
    'k8s/web.yaml:19:15 k8s-unknown-field',
    'k8s/web.yaml:22:15 inline-secret',
    'k8s/web.yaml:23:7 k8s-unknown-field',
    'k8s/web.yaml:32:7 k8s-schema',
    'k8s/web.yaml:35:7 k8s-kind',
  ],
};

test('every bad fixture gives exactly its expected file:line:col rule lines, and check fails', async () => {
  const run = await runCli(['check', '--examples', FIXTURES, ...Object.keys(EXPECTED)]);
  assert.equal(run.code, 1, run.stderr);
  const got = run.stdout
    .split('\n')
    .filter((l) => l.startsWith(`${FIXTURES}/`))
    .map((l) => l.split(' ').slice(0, 2).join(' '));
  const expected = Object.entries(EXPECTED).flatMap(([name, ls]) => ls.map((l) => `${FIXTURES}/${name}/${l}`));
  assert.deepEqual([...got].sort(), [...expected].sort());
  assert.match(run.stdout, /^0 passed, 7 failed$/m);
  assert.equal(
    run.report?.examples.every((e) => e.status === 'failed'),
    true,
  );
});

test('the good fixtures pass check', async () => {
  const good = [
    'compose-passes',
    'compose-unhealthy',
    'compose-smoke-fails',
    'compose-slow',
    'stack-passes',
    'stack-smoke-fails',
    'stack-slow',
    'dockerfile-passes',
    'script-passes',
    'script-leaves-volume',
    'script-swarm',
  ];
  const run = await runCli(['check', '--examples', FIXTURES, ...good]);
  assert.equal(run.code, 0, run.stdout);
  assert.match(run.stdout, new RegExp(`^${good.length} passed, 0 failed$`, 'm'));
});

test('an unknown example name is a usage error', async () => {
  const run = await runCli(['check', '--examples', FIXTURES, 'no-such-example']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /no example named no-such-example/);
});

// Issue 19: unusual and hostile input, one category per fixture under tests/fixtures/hostile.
const HOSTILE = 'tests/fixtures/hostile';
const HOSTILE_EXPECTED: Record<string, string[]> = {
  'alias-bomb': ['compose.yaml:7:9 yaml-alias'],
  'binary-yaml': ['compose.yaml:3:25 yaml-syntax'],
  'k8s-self-alias': ['k8s/app.yaml:6:10 yaml-alias'],
  'merge-keys-bad': ['compose.yaml:3:3 image-unpinned', 'compose.yaml:5:5 inline-secret'],
  'compose-yml': [
    'compose.yml:1:1 compose-filename',
    'compose.yml:3:5 image-unpinned',
    'compose.yml:5:5 compose-config',
    'example.yaml:3:1 missing-file',
  ],
  override: ['compose.override.yaml:4:5 compose-config', 'compose.override.yaml:5:3 healthcheck-missing'],
  'located-ports': ['compose.yaml:7:9 compose-config'],
  'located-cycle': ['compose.yaml:9:5 compose-config'],
  'located-bind': ['compose.yaml:8:9 compose-config'],
  'located-network-mode': ['compose.yaml:5:5 compose-config'],
  'located-duration': ['compose.yaml:7:7 compose-config'],
  'located-top-type': ['compose.yaml:6:1 compose-config'],
  'stack-once': ['stack.yaml:8:9 compose-config'],
  'k8s-api-rules': [
    'k8s/app.yaml:4:9 k8s-name',
    'k8s/app.yaml:6:5 k8s-label',
    'k8s/app.yaml:7:10 k8s-label',
    'k8s/app.yaml:11:1 k8s-spec',
    'k8s/app.yaml:22:30 k8s-selector',
    'k8s/app.yaml:27:17 k8s-name',
    'k8s/app.yaml:39:9 k8s-name',
  ],
  'dockerfile-unbuildable': [
    'Dockerfile:2:1 dockerfile-stage-cycle',
    'Dockerfile:3:1 dockerfile-repository-case',
    'Dockerfile:4:1 dockerfile-exec-form',
  ],
  'compose-unrunnable': ['compose.yaml:4:5 compose-restart', 'compose.yaml:8:5 compose-build-context'],
  'compose-negative-scale': ['compose.yaml:5:5 compose-config'],
  'compose-duplicate-name': ['compose.yaml:9:5 compose-config'],
};
const HOSTILE_GOOD = ['many-aliases', 'merge-keys-pass', 'multi-doc', 'k8s-list'];

test('hostile and unusual input: each defect once, placed, and the run checks every example and writes its report', async () => {
  const names = [...Object.keys(HOSTILE_EXPECTED), ...HOSTILE_GOOD];
  // Bounded by processor time, not by the clock: the check takes about 11 s alone and took 65 s
  // at load average 47, so a wall-clock limit between the two would be decided by the machine's load.
  // An alias bomb that reached a parser would spin past 30 processor-seconds and be killed.
  const run = await runCli(['check', '--examples', HOSTILE, ...names], {timeoutMs: 300_000, cpuSeconds: 30});
  assert.equal(
    run.signal,
    null,
    `killed by ${run.signal}: a process of the check used more than 30 s of processor time`,
  );
  assert.equal(run.code, 1, run.stderr);
  assert.doesNotMatch(run.stderr, /runner error/);
  const lines = run.stdout.split('\n').filter((l) => l.startsWith(`${HOSTILE}/`));
  assert.ok(
    lines.every((l) => /^\S+:\d+:\d+ [a-z0-9-]+ [^\p{Cc}]+$/u.test(l)),
    'one clean file:line:col rule message line each',
  );
  const got = lines.map((l) => l.split(' ').slice(0, 2).join(' '));
  const expected = Object.entries(HOSTILE_EXPECTED).flatMap(([name, ls]) => ls.map((l) => `${HOSTILE}/${name}/${l}`));
  assert.deepEqual([...got].sort(), [...expected].sort());
  const report = run.report!;
  assert.deepEqual(report.examples.map((e) => e.name).sort(), [...names].sort());
  for (const name of HOSTILE_GOOD) assert.equal(report.examples.find((e) => e.name === name)?.status, 'passed', name);
  // Refused files reach no subprocess; the file next to them is still checked.
  const ran = (name: string) => report.examples.find((e) => e.name === name)!.staticChecks!.ran;
  assert.ok(!ran('alias-bomb').some((c) => c.startsWith('compose-config')), ran('alias-bomb').join(', '));
  assert.ok(ran('many-aliases').some((c) => c.startsWith('compose-config')));
  assert.ok(ran('override').includes(`compose-config ${HOSTILE}/override/compose.override.yaml`));
});
