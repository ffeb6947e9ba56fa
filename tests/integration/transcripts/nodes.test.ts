// A multi-node session (nodes: …) gets one fresh engine per node, named and addressed as the
// session says, and leaves none of them behind, whether it passes or fails.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {existsSync} from 'node:fs';
import {dockerOutput} from '../../../tools/core/exec';
import {leftoverEngines, sessionSubnet, withEngines} from '../../../tools/transcripts/engine';
import {runSession} from '../../../tools/transcripts/run';
import type {Session} from '../../../tools/transcripts/session';

/** The manager's address: the first node's on the session's subnet. */
const manager = sessionSubnet('test/nodes').address(0);
const base = {
  id: 'test/nodes',
  source: 'tests/integration/transcripts/nodes.test.ts',
  images: [],
  volatile: [],
  nodes: ['manager', 'worker1'],
} satisfies Partial<Session>;

test('a two-node swarm: commands run on their node, a saved value reaches the other node, nothing is left', async () => {
  const file = await runSession(
    {
      ...base,
      blocks: [
        {
          name: 'init',
          on: 'manager',
          steps: [
            {command: 'hostname; docker swarm init >/dev/null && echo initialised', exit: 0},
            {command: 'docker swarm join-token -q worker', exit: 0, save: 'WORKER_TOKEN'},
          ],
        },
        {
          name: 'join',
          steps: [
            {command: `hostname; docker swarm join --token "$WORKER_TOKEN" ${manager}:2377`, exit: 0, on: 'worker1'},
            {command: "docker node ls --format '{{.Hostname}} {{.Status}}' | sort", exit: 0},
          ],
        },
      ],
    },
    () => {},
  );
  assert.deepEqual(
    file.blocks.init.steps.map((s) => [s.on, s.output.split('\n')[0]]),
    [
      ['manager', 'manager'],
      ['manager', file.blocks.init.steps[1].output],
    ],
  );
  assert.match(file.blocks.init.steps[1].output, /^SWMTKN-1-/);
  assert.deepEqual(
    file.blocks.join.steps.map((s) => [s.on, s.output]),
    [
      ['worker1', 'worker1\nThis node joined a swarm as a worker.'],
      ['manager', 'manager Ready\nworker1 Ready'],
    ],
  );
  assert.deepEqual(await leftoverEngines(base.id), []);
});

test('a failing command on a worker fails the session and still removes every node', async () => {
  await assert.rejects(
    runSession({...base, blocks: [{name: 'only', on: 'worker1', steps: [{command: 'false', exit: 0}]}]}, () => {}),
    /`false` on worker1 exited with 1, expected 0/,
  );
  assert.deepEqual(await leftoverEngines(base.id), []);
});

test("each node's data root is a folder of its own, and goes with it", async () => {
  const dataRoots = await withEngines(
    base.id,
    base.nodes,
    () => {},
    async (engines) =>
      Promise.all(
        engines.map((e) =>
          dockerOutput([
            'inspect',
            '--format',
            '{{range .Mounts}}{{if eq .Destination "/var/lib/docker"}}{{.Source}}{{end}}{{end}}',
            e.name,
          ]),
        ),
      ),
  );
  assert.equal(new Set(dataRoots).size, 2);
  for (const dir of dataRoots) assert.equal(existsSync(dir), false, `${dir} is left`);
  assert.deepEqual(await leftoverEngines(base.id), []);
});
