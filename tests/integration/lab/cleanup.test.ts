/**
 * The lab leaves nothing behind: not after `down`, not when `up` fails halfway, not when `up` is
 * interrupted. Each test uses its own lab name, so a lab a reader has running is never touched.
 *
 *   node --import tsx --test tests/integration/lab/cleanup.test.ts
 */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {dockerOutput, dockerSucceeds, waitFor} from '../../../tools/core/exec';
import {ensureNodeImage} from '../../../tools/lab/node-image';
import {LAB_LABEL, labLayout, removingLab, swarmDown, swarmUp, withSwarmLab} from '../../../tools/lab/swarm';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const log = (line: string) => console.log(line);

/** Everything on the host engine that carries the lab's label or one of its names. */
async function leftovers(name: string): Promise<string[]> {
  const layout = labLayout(name);
  const filter = ['--filter', `label=${LAB_LABEL}=${name}`];
  const found = [
    ...(await dockerOutput(['ps', '--all', ...filter, '--format', 'container {{.Names}}'])).split('\n'),
    ...(await dockerOutput(['network', 'ls', ...filter, '--format', 'network {{.Name}}'])).split('\n'),
    ...(await dockerOutput(['volume', 'ls', ...filter, '--format', 'volume {{.Name}}'])).split('\n'),
  ].filter(Boolean);
  for (const node of layout.nodes) {
    if (await dockerSucceeds(['container', 'inspect', node.container])) found.push(`container ${node.container}`);
    if (await dockerSucceeds(['volume', 'inspect', node.volume])) found.push(`volume ${node.volume}`);
  }
  if (await dockerSucceeds(['network', 'inspect', layout.network])) found.push(`network ${layout.network}`);
  return [...new Set(found)];
}

test('an up that fails after the swarm formed removes its nodes, network and volumes, and rethrows', async () => {
  const name = `fglab-fail${randomBytes(3).toString('hex')}`;
  const missingImage = `fglab-no-such-image-${randomBytes(3).toString('hex')}:1`;
  await removingLab(
    name,
    log,
    (signal) =>
      assert.rejects(swarmUp({name, log, images: [missingImage], signal}), (err: Error) =>
        err.message.includes(missingImage),
      ),
    async () => assert.deepEqual(await leftovers(name), []),
  );
});

// withSwarmLab is swarmUp, then swarmDown whatever happens: its first case is also the proof that
// an up then a down leave nothing behind (a test of its own started one more lab for that alone).
test('withSwarmLab starts a lab for its function, gives it the manager, and removes the lab, leaving nothing, even when the function fails', async () => {
  const name = `fglab-with${randomBytes(3).toString('hex')}`;
  try {
    const nodes = await withSwarmLab(
      async (lab) => {
        assert.match(lab.managerHost, /^tcp:\/\/127\.0\.0\.1:\d+$/);
        assert.equal(lab.env.DOCKER_HOST, lab.managerHost);
        assert.equal(
          await lab.nodeDocker('swarm-worker2', ['info', '--format', '{{.Swarm.LocalNodeState}}']),
          'active',
        );
        assert.notDeepEqual(await leftovers(name), [], 'the running lab is found by the leftovers check');
        return (await lab.docker(['node', 'ls', '--format', '{{.Hostname}} {{.Status}}'])).split('\n').sort();
      },
      {name, log, images: []},
    );
    assert.deepEqual(nodes, ['swarm-manager Ready', 'swarm-worker1 Ready', 'swarm-worker2 Ready']);
    assert.deepEqual(await leftovers(name), []);
    await assert.rejects(
      withSwarmLab(
        async () => {
          throw new Error('the function failed');
        },
        {name, log, images: []},
      ),
      /the function failed/,
    );
    assert.deepEqual(await leftovers(name), []);
  } finally {
    await swarmDown(name, log);
  }
});

test('an interrupted `lab swarm up` cleans up and exits with 130', async () => {
  const name = `fglab-int${randomBytes(3).toString('hex')}`;
  // The node image is made ready first, so the interrupt lands while nodes are starting.
  await ensureNodeImage(log);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tools/lab/cli.ts'), 'swarm', 'up'], {
    cwd: repoRoot,
    env: {...process.env, FG_LAB_NAME: name},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    await waitFor(
      'the first lab node to exist',
      async () =>
        (await dockerSucceeds(['container', 'inspect', labLayout(name).nodes[0].container])) ? true : undefined,
      {timeoutMs: 600_000, intervalMs: 250},
    );
    child.kill('SIGINT');
    const code = await exited;
    assert.equal(code, 130, output);
    assert.match(output, /SIGINT: stopping and removing lab /);
    assert.deepEqual(await leftovers(name), []);
  } finally {
    child.kill('SIGKILL');
    await swarmDown(name, log);
  }
});
