// The report says, per example, which static checks ran and which could not run here (issue 19).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checksRanCell, formatDetails, formatTable, withStaticChecks, type Report} from '../../../tools/runner/report';
import {emptyResult} from '../../../tools/runner/result';

const stat = {
  checksRan: ['yaml-syntax', 'declaration', 'dockerfile-rules x/Dockerfile'],
  checksNotRun: ['docker-build-check x/Dockerfile: no Docker engine answers'],
};

test('each example carries the static checks that ran and those that did not', () => {
  const e = withStaticChecks({...emptyResult('x'), status: 'passed'}, stat);
  assert.deepEqual(e.staticChecks, {ran: stat.checksRan, notRun: stat.checksNotRun});
  assert.equal(checksRanCell(e), '3 ran, 1 not run');
  assert.equal(checksRanCell(emptyResult('y')), '—');
  const report: Report = {
    command: 'check',
    startedAt: '',
    seconds: 1,
    engine: {server: null, ipvs: null, cluster: null},
    examples: [e],
    summary: {passed: 1, failed: 0, notStarted: 0},
  };
  assert.match(formatTable(report).split('\n')[2], /\| 3 ran, 1 not run \| PASS$/);
  // A check that could not run is said even when the example passed: never passed over in silence.
  assert.match(
    formatDetails(report),
    /== x: PASS\nstatic check not run: docker-build-check x\/Dockerfile: no Docker engine answers/,
  );
});
