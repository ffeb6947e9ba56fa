// Engines start on a copy of their image set's seed: only the declared images, an engine ID of their
// own, and nothing a session does reaches the seed or the next session.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {leftoverEngines} from '../../../tools/transcripts/engine';
import {runSession} from '../../../tools/transcripts/run';
import type {Session} from '../../../tools/transcripts/session';

const session: Session = {
  id: 'test/seed',
  source: 'tests/integration/transcripts/seed.test.ts',
  images: ['busybox:1.36'],
  volatile: [],
  blocks: [
    {
      name: 'only',
      steps: [
        {command: "docker image ls --format '{{.Repository}}:{{.Tag}}'", exit: 0},
        {command: "docker info --format '{{.ID}}'", exit: 0},
        {command: 'docker image rm busybox:1.36 >/dev/null && docker image ls --quiet | wc -l', exit: 0},
      ],
    },
  ],
};

test('two engines from one seed: its images only, IDs of their own, and the first one’s removal does not reach the second', async () => {
  const outputs = [];
  for (let i = 0; i < 2; i++) {
    const file = await runSession(session, () => {});
    outputs.push(file.blocks.only.steps.map((s) => s.output));
    assert.deepEqual(await leftoverEngines(session.id), []);
  }
  const [first, second] = outputs;
  for (const run of outputs) assert.deepEqual([run[0], run[2]], ['busybox:1.36', '0']);
  assert.match(first[1], /^[0-9a-f-]{36}$/);
  assert.notEqual(first[1], second[1]);
});
