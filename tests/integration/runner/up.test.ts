// The runner on the real engine: failing and interrupted runs leave nothing behind.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {after, before, test} from 'node:test';
import {exists, FIXTURES, resourcesNamed, runCli, swarmState} from './helpers';
import {ensureImage} from '../../../tools/runner/images';

/** Names the runner gives these fixtures' resources (fg-<example>-<random>) and their secrets. */
const prefixesOf = (...names: string[]) => [...names.map((n) => `fg-${n}-`), 'fg-runner-test-'];

/** Resources that appeared during the run: other people's (and earlier runs') are not ours to judge. */
function appeared(beforeList: string[], prefixes: string[]): string[] {
  return resourcesNamed(prefixes).filter((r) => !beforeList.includes(r));
}

// The fixtures run on busybox: the real image, or the offline stand-in from tests/images/.
let swarmBefore = '';
before(async () => {
  swarmBefore = swarmState();
  await ensureImage('busybox:1.36', (line) => console.log(line));
});

// Stack runs initialise a swarm when the engine is in none; interrupted or not, they leave it.
after(() => {
  assert.equal(swarmState(), swarmBefore, "the engine's swarm membership changed during these tests");
});

test('failing compose examples: exit 1, logs of the failing service, nothing left behind', async () => {
  const prefixes = prefixesOf('compose-unhealthy', 'compose-smoke-fails');
  const beforeList = resourcesNamed(prefixes);
  const run = await runCli(['up', '--examples', FIXTURES, 'compose-unhealthy', 'compose-smoke-fails']);
  assert.equal(run.code, 1, run.stdout);
  assert.match(run.stdout, /^0 passed, 2 failed$/m);
  const [unhealthy, smoke] = run.report!.examples;
  assert.equal(unhealthy.startFailed, true);
  assert.match(unhealthy.error ?? '', /is unhealthy/);
  assert.match(unhealthy.logs ?? '', /about to fail the healthcheck/, 'the failing service logs are shown');
  assert.match(
    run.stdout,
    /last log lines:\n {2}services not running or not healthy: web\n(?: {2}.*\n)* {2}web-1 +\| about to fail the healthcheck\n/,
  );
  assert.equal(smoke.startFailed, false);
  assert.deepEqual(
    smoke.checks.map((c) => c.status),
    ['failed'],
  );
  assert.match(smoke.checks[0].detail ?? '', /does not contain "something else"/);
  for (const e of run.report!.examples) assert.equal(e.cleaned, true);
  assert.deepEqual(appeared(beforeList, prefixes), []);
});

test('a failing stack example: exit 1, limit named, secrets, volumes and networks removed', async () => {
  const prefixes = prefixesOf('stack-smoke-fails');
  const beforeList = resourcesNamed(prefixes);
  const run = await runCli(['up', '--examples', FIXTURES, 'stack-smoke-fails']);
  assert.equal(run.code, 1, run.stdout);
  const [result] = run.report!.examples;
  assert.equal(result.startFailed, false);
  const statuses = result.checks.map((c) => c.status);
  if (!existsSync('/proc/net/ip_vs')) {
    assert.deepEqual(statuses, ['not-checked', 'failed']);
    assert.match(run.stdout, /ipvs: not checked: swarm VIP\/ingress \(no IPVS in this kernel\)/);
  }
  assert.equal(statuses.at(-1), 'failed');
  assert.equal(result.cleaned, true);
  assert.deepEqual(appeared(beforeList, prefixes), []);
});

test('a script that leaves a volume fails, and the sweep removes the volume', async () => {
  const prefixes = prefixesOf('script-leaves-volume');
  const beforeList = resourcesNamed(prefixes);
  const run = await runCli(['up', '--examples', FIXTURES, 'script-leaves-volume']);
  assert.equal(run.code, 1, run.stdout);
  const [result] = run.report!.examples;
  assert.equal(result.cleaned, false);
  assert.match(result.leftovers.join(), /^volume fg-script-leaves-volume-[0-9a-f]{6}-forgotten$/);
  assert.match(run.stdout, /left behind \(removed now\): volume fg-script-leaves-volume-/);
  assert.deepEqual(appeared(beforeList, prefixes), []);
});

test('SIGINT while compose up waits: exit 130, nothing left behind', async () => {
  const prefixes = prefixesOf('compose-slow');
  const beforeList = resourcesNamed(prefixes);
  const run = await runCli(['up', '--examples', FIXTURES, 'compose-slow'], {
    // Interrupt once the container really exists, while `up --wait` is still waiting.
    interrupt: {signal: 'SIGINT', ready: (stderr) => /starting \(compose/.test(stderr) && exists('fg-compose-slow-')},
    timeoutMs: 120_000,
  });
  assert.equal(run.code, 130, run.stderr);
  assert.match(run.stderr, /SIGINT: stopping and removing fg-compose-slow-/);
  assert.deepEqual(appeared(beforeList, prefixes), []);
});

/** Containers in state "created" (never started) on the engine. */
const unstarted = () =>
  execFileSync('docker', ['ps', '--all', '--quiet', '--no-trunc', '--filter', 'status=created'], {encoding: 'utf8'})
    .split('\n')
    .filter(Boolean);

test('SIGINT while a script runs: the unnamed container its docker run --rm never started is removed too', async () => {
  const prefixes = prefixesOf('script-interrupted');
  const beforeList = resourcesNamed(prefixes);
  const unstartedBefore = unstarted();
  const run = await runCli(['up', '--examples', FIXTURES, 'script-interrupted'], {
    interrupt: {signal: 'SIGINT', ready: (stderr) => /created a container, now waiting/.test(stderr)},
    timeoutMs: 120_000,
  });
  assert.equal(run.code, 130, run.stderr);
  assert.match(run.stderr, /removing 1 container\(s\) run\.sh created but never started/);
  assert.deepEqual(
    unstarted().filter((id) => !unstartedBefore.includes(id)),
    [],
  );
  assert.deepEqual(appeared(beforeList, prefixes), []);
});

test('SIGTERM while a stack waits for its replicas: exit 143, secret and volume removed too', async () => {
  const prefixes = prefixesOf('stack-slow');
  const beforeList = resourcesNamed(prefixes);
  const run = await runCli(['up', '--examples', FIXTURES, 'stack-slow'], {
    interrupt: {
      signal: 'SIGTERM',
      ready: (stderr) =>
        /starting \(stack/.test(stderr) && resourcesNamed(['fg-stack-slow-']).some((r) => r.startsWith('container ')),
    },
    timeoutMs: 240_000,
  });
  assert.equal(run.code, 143, run.stderr);
  assert.deepEqual(appeared(beforeList, prefixes), []);
  // The volume of a task container is created by the engine, outside `docker stack rm`.
  assert.deepEqual(resourcesNamed(['fg-stack-slow-']), []);
});

test('passing examples of every engine kind: exit 0, each cleaned', async () => {
  const names = ['compose-passes', 'stack-passes', 'dockerfile-passes', 'script-passes'];
  const prefixes = prefixesOf(...names);
  const beforeList = resourcesNamed(prefixes);
  const run = await runCli(['up', '--examples', FIXTURES, ...names]);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /^4 passed, 0 failed$/m);
  for (const e of run.report!.examples) {
    assert.equal(e.status, 'passed', e.name);
    assert.equal(e.cleaned, true, e.name);
    assert.ok(e.startedSeconds !== null && e.startedSeconds >= 0, e.name);
    assert.ok(
      e.checks.every((c) => c.status === 'passed'),
      e.name,
    );
  }
  assert.deepEqual(appeared(beforeList, prefixes), []);
});

test("a container someone else makes from an image the runner built is not the runner's to remove", async () => {
  const prefixes = prefixesOf('stack-builds');
  const beforeList = resourcesNamed(prefixes);
  const bystander = `bystander-${randomBytes(3).toString('hex')}`;
  try {
    const run = await runCli(['up', '--examples', FIXTURES, 'stack-builds'], {
      env: {FG_WAIT: '10'},
      // Once the stack is up, someone else starts a container from the image the runner built.
      during: {
        ready: (stderr) => /\[stack-builds\] ready in/.test(stderr),
        action: () =>
          execFileSync('docker', ['run', '-d', '--name', bystander, 'fg-runner-test/app:1.0'], {stdio: 'ignore'}),
      },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.report!.examples[0].cleaned, true);
    const state = execFileSync('docker', ['inspect', '--format', '{{.State.Running}}', bystander], {
      encoding: 'utf8',
    }).trim();
    assert.equal(state, 'true', 'the bystander container is still there and running');
  } finally {
    execFileSync('docker', ['rm', '-f', bystander], {stdio: 'ignore'});
    // Stack images are kept by the runner (like compose's tagged images); this one is the test's.
    execFileSync('docker', ['image', 'rm', 'fg-runner-test/app:1.0'], {stdio: 'ignore'});
  }
  assert.deepEqual(appeared(beforeList, prefixes), []);
});
