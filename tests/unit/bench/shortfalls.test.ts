// A score below 100 fails the landing gate; the gate's line must say which audit fell short and
// what it found, or a failure on CI's machine cannot be told apart from noise afterwards.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {shortfalls} from '../../../tools/bench/measure';

type Report = Parameters<typeof shortfalls>[0];
type Audit = {score: number | null; items?: Record<string, unknown>[]};

const report = (audits: Record<string, Audit>, weights: Record<string, number>) =>
  ({
    categories: {
      'best-practices': {
        id: 'best-practices',
        auditRefs: Object.entries(weights).map(([id, weight]) => ({id, weight})),
      },
      performance: {id: 'performance', auditRefs: [{id: 'total-blocking-time', weight: 30}]},
    },
    audits: Object.fromEntries(
      Object.entries<Audit>({...audits, 'total-blocking-time': {score: 0.2}}).map(([id, a]) => [
        id,
        {id, score: a.score, details: a.items ? {type: 'table', items: a.items} : undefined},
      ]),
    ),
  }) as unknown as Report;

test('a failed weighted audit is named with its findings', () => {
  const found = shortfalls(
    report(
      {
        'errors-in-console': {score: 0, items: [{source: 'network', description: 'Failed to load resource:\n 404'}]},
        doctype: {score: 1},
      },
      {'errors-in-console': 1, doctype: 1},
    ),
  );
  assert.deepEqual(found, ['best-practices/errors-in-console: Failed to load resource: 404']);
});

test('unweighted, passing, not applicable and performance audits are not shortfalls', () => {
  const found = shortfalls(
    report(
      {'valid-source-maps': {score: 0}, charset: {score: 1}, 'image-aspect-ratio': {score: null}},
      {'valid-source-maps': 0, charset: 1, 'image-aspect-ratio': 1},
    ),
  );
  assert.deepEqual(found, []);
});
