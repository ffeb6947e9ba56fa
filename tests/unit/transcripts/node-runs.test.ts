// A multi-node block is drawn as runs of commands per node; a single-engine block stays one run
// with the text it always had.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {nodeRuns, sessionText, type TranscriptBlock} from '../../../src/components/Transcript/types';

const step = (command: string, output: string, on?: string) => ({command, output, exit: 0, ...(on ? {on} : {})});

test('consecutive commands on one node make one run; the compared text names each node', () => {
  const block: TranscriptBlock = {
    standins: [],
    steps: [
      step('docker swarm init', 'ok', 'manager'),
      step('docker node ls', 'x', 'manager'),
      step('docker swarm join', 'joined', 'worker1'),
      step('docker node ls', 'y', 'manager'),
    ],
  };
  assert.deepEqual(nodeRuns(block), [
    {node: 'manager', text: '$ docker swarm init\nok\n$ docker node ls\nx'},
    {node: 'worker1', text: '$ docker swarm join\njoined'},
    {node: 'manager', text: '$ docker node ls\ny'},
  ]);
  assert.equal(sessionText(block).split('\n')[0], 'manager $ docker swarm init');
});

test('a single-engine block is one run, its text unchanged', () => {
  const block: TranscriptBlock = {standins: [], steps: [step('docker ps', 'CONTAINER ID'), step('true', '')]};
  assert.deepEqual(nodeRuns(block), [{node: undefined, text: '$ docker ps\nCONTAINER ID\n$ true'}]);
  assert.equal(sessionText(block), '$ docker ps\nCONTAINER ID\n$ true');
});
