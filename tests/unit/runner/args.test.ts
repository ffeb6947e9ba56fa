import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs } from '../../runner/args';

test('commands, names and options', () => {
  assert.deepEqual(parseArgs(['up', 'a', 'b', '--json', 'out.json']), { command: 'up', names: ['a', 'b'], examplesDir: 'examples', json: 'out.json' });
  assert.deepEqual(parseArgs(['check', '--examples', 'tests/fixtures/examples']), { command: 'check', names: [], examplesDir: 'tests/fixtures/examples', json: null });
});

test('bad arguments are explained', () => {
  assert.equal(parseArgs([]), 'no command given');
  assert.equal(parseArgs(['start']), 'unknown command "start"');
  assert.equal(parseArgs(['up', '--json']), '--json needs a value');
  assert.equal(parseArgs(['up', '--fast']), 'unknown option "--fast"');
});
