import assert from 'node:assert/strict';
import {test} from 'node:test';
import {
  cleanedCell,
  closingLine,
  formatDetails,
  formatTable,
  limitsCell,
  smokeCell,
  startedCell,
  summarize,
  table,
  type Report,
} from '../../../tools/runner/report';
import {emptyResult, type ExampleResult} from '../../../tools/runner/result';

const name = {'zh-Hans': '检查', en: 'a check'};

function example(over: Partial<ExampleResult>): ExampleResult {
  return {
    ...emptyResult('ex'),
    kind: 'compose',
    chapter: 'compose',
    status: 'passed',
    cleaned: true,
    startedSeconds: 12.34,
    ...over,
  };
}

test('cells say what happened, never pass over what was not done', () => {
  assert.equal(startedCell(example({})), '12.3 s');
  assert.equal(startedCell(example({startedSeconds: null, startFailed: true})), 'failed');
  assert.equal(
    startedCell(example({startedSeconds: null, notStarted: 'not started: no cluster (KUBECONFIG)'})),
    'not started: no cluster (KUBECONFIG)',
  );
  assert.equal(smokeCell(example({checks: []})), '—');
  assert.equal(
    smokeCell(
      example({
        checks: [
          {name, type: 'http', status: 'passed', seconds: 1},
          {name, type: 'exec', status: 'failed', seconds: 1},
          {name, type: 'exec', status: 'not-checked', seconds: 0},
        ],
      }),
    ),
    '1/3 passed, 1 failed, 1 not checked',
  );
  assert.equal(cleanedCell(example({cleaned: false, leftovers: ['volume a', 'network b']})), 'NO: 2 left');
  assert.equal(cleanedCell(example({cleaned: null})), '—');
  assert.equal(
    limitsCell(
      example({limits: [{feature: 'ipvs', reason: 'swarm VIP/ingress (no IPVS in this kernel)', what: name}]}),
    ),
    'ipvs: not checked: swarm VIP/ingress (no IPVS in this kernel)',
  );
});

test('the table lines up, even with Chinese text', () => {
  const t = table([
    ['a', 'b'],
    ['中文', 'x'],
    ['longer', 'y'],
  ]).split('\n');
  assert.deepEqual(t, ['a      | b', '-------|--', '中文     | x', 'longer | y']);
});

test('up table has every column the issue asks for', () => {
  const report: Report = {
    command: 'up',
    startedAt: '',
    seconds: 1,
    engine: {server: '20.10', ipvs: false, cluster: false},
    examples: [example({name: 'wp', standins: ['mysql:8.4', 'wordpress:6.6-apache']})],
    summary: {passed: 1, failed: 0, notStarted: 0},
  };
  const [head, , row] = formatTable(report).split('\n');
  for (const col of [
    'example',
    'kind',
    'static',
    'started in',
    'smoke',
    'cleaned',
    'stand-ins used',
    'limits not checked',
  ])
    assert.ok(head.includes(col), col);
  assert.match(
    row,
    /^wp\s+\| compose \| PASS\s+\| ok\s+\| 12\.3 s .*\| yes\s+\| mysql:8\.4, wordpress:6\.6-apache \| —$/,
  );
});

test('details name failed checks, leftovers, limits and logs', () => {
  const report: Report = {
    command: 'up',
    startedAt: '',
    seconds: 1,
    engine: {server: null, ipvs: null, cluster: null},
    examples: [
      example({name: 'ok'}),
      example({
        name: 'bad',
        status: 'failed',
        cleaned: false,
        leftovers: ['volume fg-bad-1_data'],
        logs: 'db-1 | boom',
        checks: [
          {name, type: 'http', status: 'failed', detail: 'GET http://127.0.0.1/: status 502, expected 200', seconds: 3},
        ],
      }),
    ],
    summary: {passed: 1, failed: 1, notStarted: 0},
  };
  const details = formatDetails(report);
  assert.ok(!details.includes('== ok'), 'passing examples without limits are not repeated');
  assert.match(
    details,
    /== bad: FAIL\ncheck failed: a check: GET .* status 502, expected 200\nleft behind \(removed now\): volume fg-bad-1_data\nlast log lines:\n {2}db-1 \| boom/,
  );
});

test('summary and closing line', () => {
  const s = summarize([example({}), example({status: 'failed'}), example({status: 'not-started'})]);
  assert.deepEqual(s, {passed: 1, failed: 1, notStarted: 1});
  assert.equal(closingLine(s), '1 passed, 1 failed, 1 skipped');
  assert.equal(closingLine({passed: 3, failed: 0, notStarted: 0}), '3 passed, 0 failed');
});
