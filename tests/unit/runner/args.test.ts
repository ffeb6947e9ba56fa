import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseArgs} from '../../../tools/runner/args';

test('commands, names and options', () => {
  assert.deepEqual(parseArgs(['up', 'a', 'b', '--json', 'out.json']), {
    command: 'up',
    names: ['a', 'b'],
    examplesDir: 'examples',
    json: 'out.json',
    lab: false,
    engine: null,
    jobs: 1,
  });
  assert.deepEqual(parseArgs(['check', '--examples', 'tests/fixtures/examples']), {
    command: 'check',
    names: [],
    examplesDir: 'tests/fixtures/examples',
    json: null,
    lab: false,
    engine: null,
    jobs: 1,
  });
});

test('--lab: up on the Swarm lab', () => {
  assert.deepEqual(parseArgs(['up', '--lab', 'swarm-whoami']), {
    command: 'up',
    names: ['swarm-whoami'],
    examplesDir: 'examples',
    json: null,
    lab: true,
    engine: null,
    jobs: 1,
  });
});

test('bad arguments are explained', () => {
  assert.equal(parseArgs([]), 'no command given');
  assert.equal(parseArgs(['start']), 'unknown command "start"');
  assert.equal(parseArgs(['up', '--json']), '--json needs a value');
  assert.equal(parseArgs(['up', '--fast']), 'unknown option "--fast"');
  assert.equal(parseArgs(['check', '--lab']), '--lab works with up only');
  assert.equal(parseArgs(['list', 'a', '--lab']), '--lab works with up only');
});

test('--engine MAJOR: up on a fresh engine of another major', () => {
  assert.deepEqual(parseArgs(['up', '--engine', '26', 'port-mapping']), {
    command: 'up',
    names: ['port-mapping'],
    examplesDir: 'examples',
    json: null,
    lab: false,
    engine: '26',
    jobs: 1,
  });
  assert.equal(parseArgs(['check', '--engine', '26']), '--engine works with up only');
  assert.equal(
    parseArgs(['up', '--engine', 'docker:26-dind']),
    '--engine takes an engine major such as 26, not "docker:26-dind"',
  );
  assert.equal(parseArgs(['up', '--engine']), '--engine needs a value');
  assert.equal(parseArgs(['up', '--lab', '--engine', '26']), '--lab and --engine exclude each other');
});

test('--jobs N: up runs up to N examples at a time', () => {
  assert.equal((parseArgs(['up', '--jobs', '2']) as {jobs: number}).jobs, 2);
  assert.equal((parseArgs(['up', '--engine', '26', '--jobs', '3']) as {jobs: number}).jobs, 3);
  assert.equal(parseArgs(['up', '--jobs', '0']), '--jobs takes a whole number ≥ 1, not "0"');
  assert.equal(parseArgs(['up', '--jobs', 'two']), '--jobs takes a whole number ≥ 1, not "two"');
  assert.equal(parseArgs(['check', '--jobs', '2']), '--jobs works with up only');
});
