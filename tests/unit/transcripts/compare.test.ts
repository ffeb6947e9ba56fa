import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {TranscriptFile} from '../../../src/components/Transcript/types';
import {mergeTranscript, transcriptDiff} from '../../../tools/transcripts/compare';

const file = (output: string, command = 'docker run -d busybox:1.36 sleep 9', unordered?: true): TranscriptFile => ({
  source: 'transcripts/p/s.yaml',
  ranOn: {engine: '28.5.2', compose: null},
  standins: [],
  blocks: {start: {steps: [{command, output, exit: 0, ...(unordered ? {unordered} : {})}], standins: []}},
});

const ID1 = '3e7640b9c3482495dd671416e0a26cc00dea3cc770863378c89ce18df06a44a5';
const ID2 = '6d3c69e47db0a0bc9b1b2b6a1e2c3d4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';

test('outputs that differ only in declared volatile parts match, and update keeps the committed bytes', () => {
  assert.deepEqual(transcriptDiff(file(ID1), file(ID2), ['id']), []);
  assert.equal(mergeTranscript(file(ID1), file(ID2), ['id']).blocks.start.steps[0].output, ID1);
});

test('an undeclared kind is a difference, shown as a readable diff', () => {
  assert.deepEqual(transcriptDiff(file(ID1), file(ID2), []), [
    '--- start (committed)',
    '+++ start (this run)',
    ' $ docker run -d busybox:1.36 sleep 9',
    `-${ID1}`,
    `+${ID2}`,
  ]);
});

test('a changed command or a new block is a difference; update takes the new output', () => {
  assert.equal(transcriptDiff(file(ID1), file(ID1, 'docker run -d busybox:1.36 sleep 10'), ['id']).length, 5);
  assert.deepEqual(transcriptDiff(undefined, file(ID1), ['id']), [
    '--- start (committed)',
    '+++ start (this run)',
    '+$ docker run -d busybox:1.36 sleep 9',
    '+<id>',
  ]);
  assert.equal(mergeTranscript(file('a'), file('b'), ['id']).blocks.start.steps[0].output, 'b');
});

test('an unordered command matches its lines in any order, and only its lines', () => {
  const down = 'docker compose down -v';
  const run1 = ' Volume p_data  Removing\n Network p_default  Removing\n Volume p_data  Removed';
  const run2 = ' Network p_default  Removing\n Volume p_data  Removing\n Volume p_data  Removed';
  assert.deepEqual(transcriptDiff(file(run1, down, true), file(run2, down, true), []), []);
  assert.equal(mergeTranscript(file(run1, down, true), file(run2, down, true), []).blocks.start.steps[0].output, run1);
  assert.notDeepEqual(
    transcriptDiff(file(run1, down), file(run2, down), []),
    [],
    'without unordered, the order is compared',
  );
  assert.notDeepEqual(
    transcriptDiff(file(run1, down, true), file(`${run2}\n Network p_default  Removed`, down, true), []),
    [],
    'a missing or extra line is still a change',
  );
});

test('update takes a command changed only in a volatile part (an address) from this run', () => {
  const join = (ip: string) => `docker swarm join --token "$T" ${ip}:2377`;
  const merged = mergeTranscript(
    file('This node joined a swarm as a worker.', join('10.213.0.2')),
    file('This node joined a swarm as a worker.', join('10.213.26.2')),
    ['ip-address'],
  );
  assert.equal(merged.blocks.start.steps[0].command, join('10.213.26.2'));
});
