import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs } from '../../runner/args';

test('commands, names and options', () => {
  assert.deepEqual(parseArgs(['up', 'a', 'b', '--json', 'out.json']), { command: 'up', names: ['a', 'b'], examplesDir: 'examples', json: 'out.json', lab: false });
  assert.deepEqual(parseArgs(['check', '--examples', 'tests/fixtures/examples']), { command: 'check', names: [], examplesDir: 'tests/fixtures/examples', json: null, lab: false });
});

test('--lab: up on the Swarm lab', () => {
  assert.deepEqual(parseArgs(['up', '--lab', 'swarm-whoami']), { command: 'up', names: ['swarm-whoami'], examplesDir: 'examples', json: null, lab: true });
});

test('bad arguments are explained', () => {
  assert.equal(parseArgs([]), 'no command given');
  assert.equal(parseArgs(['start']), 'unknown command "start"');
  assert.equal(parseArgs(['up', '--json']), '--json needs a value');
  assert.equal(parseArgs(['up', '--fast']), 'unknown option "--fast"');
  assert.equal(parseArgs(['check', '--lab']), '--lab works with up only');
  assert.equal(parseArgs(['list', 'a', '--lab']), '--lab works with up only');
});
