// The swarm an engine is in is not the runner's to end, unless the runner started it. Tested on an
// engine of its own (Docker-in-Docker, its API published on 127.0.0.1 only), so the shared
// engine's swarm is never touched.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {after, before, test} from 'node:test';
import {ensureNodeImage} from '../../../tools/lab/node-image';
import {registerTeardown} from '../../../tools/core/teardown';
import {ensureImage} from '../../../tools/runner/images';
import {FIXTURES, runCli} from './helpers';
import {DIND_ENTRYPOINT, DIND_RUN_FLAGS} from '../../../tools/standins/dind';

const container = `fg-runner-dind-${randomBytes(3).toString('hex')}`;
let env: NodeJS.ProcessEnv = {};

const dind = (args: string[]) =>
  execFileSync('docker', args, {
    encoding: 'utf8',
    env: {...process.env, ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

// On SIGINT/SIGTERM no after() runs: the engine container goes then too. In place before it exists.
const engineTeardown = registerTeardown(
  container,
  async () => void spawnSync('docker', ['rm', '-f', '-v', container], {stdio: 'ignore'}),
);

before(async () => {
  const {tag} = await ensureNodeImage((line) => console.log(line));
  await ensureImage('busybox:1.36', (line) => console.log(line));
  execFileSync(
    'docker',
    [
      'run',
      '--detach',
      '--name',
      container,
      ...DIND_RUN_FLAGS,
      '--volume',
      '/var/lib/docker',
      ...DIND_ENTRYPOINT,
      '--publish',
      '127.0.0.1::2375',
      tag,
    ],
    {stdio: 'ignore'},
  );
  const port = execFileSync('docker', ['port', container, '2375/tcp'], {encoding: 'utf8'})
    .split('\n')
    .find((l) => l.startsWith('127.0.0.1:'))!
    .trim();
  env = {DOCKER_HOST: `tcp://${port}`};
  const deadline = Date.now() + 60_000;
  while (spawnSync('docker', ['version'], {env: {...process.env, ...env}, stdio: 'ignore'}).status !== 0) {
    if (Date.now() > deadline) throw new Error(`the engine in ${container} did not start`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  // The fixture's image, copied from the host engine into this one.
  execFileSync('sh', ['-c', `docker save busybox:1.36 | DOCKER_HOST=${env.DOCKER_HOST} docker load -q`], {
    stdio: 'ignore',
  });
});

after(() => engineTeardown.run());

const swarmState = () => dind(['info', '--format', '{{.Swarm.LocalNodeState}}']);
const networks = () => dind(['network', 'ls', '--format', '{{.Name}}']).split('\n').sort();

test('an engine not in a swarm: the runner initialises one and leaves it again, leaving nothing', async () => {
  assert.equal(swarmState(), 'inactive');
  const networksBefore = networks();
  const run = await runCli(['up', '--examples', FIXTURES, 'stack-builds'], {env});
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stderr, /swarm: initialising a single-node swarm/);
  assert.match(run.stderr, /swarm: leaving the swarm the runner initialised/);
  assert.equal(swarmState(), 'inactive');
  assert.deepEqual(networks(), networksBefore, 'no ingress or docker_gwbridge network left');
  assert.equal(dind(['ps', '-a', '-q']), '');
  assert.equal(dind(['volume', 'ls', '-q']), '');
});

test('a script example declaring swarm: true gets a swarm before run.sh, and the runner leaves it again', async () => {
  assert.equal(swarmState(), 'inactive');
  const run = await runCli(['up', '--examples', FIXTURES, 'script-swarm'], {env});
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stderr, /swarm state: active/);
  assert.match(run.stderr, /swarm: leaving the swarm the runner initialised/);
  assert.equal(swarmState(), 'inactive');
});

test('an engine already in a swarm stays in it', async () => {
  dind(['swarm', 'init', '--advertise-addr', '127.0.0.1']);
  try {
    const run = await runCli(['up', '--examples', FIXTURES, 'stack-builds'], {env});
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.doesNotMatch(run.stderr, /swarm: (initialising|leaving)/);
    assert.equal(swarmState(), 'active');
    assert.equal(dind(['service', 'ls', '-q']), '');
  } finally {
    dind(['swarm', 'leave', '--force']);
  }
});
