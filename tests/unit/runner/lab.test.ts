import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Declaration} from '../../../tools/runner/declaration';
import {placementChecks, publishedPorts} from '../../../tools/runner/lab';
import {targetEngine} from '../../../tools/runner/exec';
import {upExample} from '../../../tools/runner/run-example';
import type {StaticResult} from '../../../tools/runner/static/index';
import type {SwarmLab} from '../../../tools/lab/swarm';

const task = (service: string, i: number, node: string) => ({task: `${service}.${i}`, node});

test('placement: one check per service wanting more than one replica; passes only when its tasks span two nodes', () => {
  const checks = placementChecks(
    'st',
    [
      {name: 'st_web', desired: 3},
      {name: 'st_db', desired: 1},
      {name: 'st_api', desired: 2},
      {name: 'st_gone', desired: 2},
    ],
    {
      st_web: [
        task('st_web', 1, 'swarm-worker2'),
        task('st_web', 2, 'swarm-manager'),
        task('st_web', 3, 'swarm-worker2'),
      ],
      st_db: [task('st_db', 1, 'swarm-manager')],
      st_api: [task('st_api', 1, 'swarm-worker1'), task('st_api', 2, 'swarm-worker1')],
    },
  );
  assert.deepEqual(
    checks.map((c) => [c.name.en, c.type, c.status, c.detail]),
    [
      [
        'replicas of web on more than one node',
        'placement',
        'passed',
        '3 running replicas on swarm-manager, swarm-worker2',
      ],
      ['replicas of api on more than one node', 'placement', 'failed', '2 running replicas on swarm-worker1'],
      ['replicas of gone on more than one node', 'placement', 'failed', '0 running replicas on no node'],
    ],
  );
  assert.equal(checks[0].name['zh-Hans'], 'web 的副本分布在多个节点上');
});

test('placement: a stack of single-replica services gets no placement check', () => {
  assert.deepEqual(
    placementChecks('st', [{name: 'st_db', desired: 1}], {st_db: [task('st_db', 1, 'swarm-manager')]}),
    [],
  );
});

test('published ports: long and short syntax, each once; unpublished and ranges left out', () => {
  assert.deepEqual(
    publishedPorts({
      services: {
        web: {
          ports: [
            {published: 8084, target: 80, mode: 'host'} as never,
            '127.0.0.1:9000:9000/tcp',
            '8080:80',
            '3000',
            8000 as never,
          ],
        },
        again: {ports: [{published: '8084'}, {target: 53} as never, '7000-7001:7000-7001']},
        none: null,
        noPorts: {},
      },
    }),
    [8084, 9000, 8080],
  );
  assert.deepEqual(publishedPorts(null), []);
});

test('--lab: an example of another kind is not started, never passed, and nothing is touched', async () => {
  const stat = {
    problems: [],
    declaration: {name: 'vol', kind: 'script', limits: [], checks: [], timeout: 60} as unknown as Declaration,
  } as unknown as StaticResult;
  const lab = {} as SwarmLab; // never used: the example stops before anything is run
  const r = await upExample('vol', stat, {ipvs: false, cluster: false}, () => {}, targetEngine(), lab);
  assert.equal(r.status, 'not-started');
  assert.equal(r.notStarted, 'not started: --lab runs stack examples only');
  assert.equal(r.project, null);
  assert.equal(r.cleaned, null);
});
