import assert from 'node:assert/strict';
import {test} from 'node:test';
import {unifiedDiff} from '../../../tools/transcripts/diff';

test('equal texts have no diff', () => {
  assert.deepEqual(unifiedDiff(['a', 'b'], ['a', 'b']), []);
});

test('a changed line shows as - and + with two lines of context, far lines elided', () => {
  const before = ['1', '2', '3', '4', '5', '6', '7', '8'];
  const after = ['1', '2', '3', '4', '5', 'six', '7', '8'];
  assert.deepEqual(unifiedDiff(before, after), ['@@', ' 4', ' 5', '-6', '+six', ' 7', ' 8']);
});

test('added and removed lines', () => {
  assert.deepEqual(unifiedDiff(['a', 'b', 'c'], ['a', 'c', 'd']), [' a', '-b', ' c', '+d']);
});
