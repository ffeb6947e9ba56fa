import assert from 'node:assert/strict';
import {test} from 'node:test';
import {uniqueName} from '../../../tools/runner/names';

test('unique names are fg-<example>-<6 hex>', () => {
  assert.match(uniqueName('wordpress-compose'), /^fg-wordpress-compose-[0-9a-f]{6}$/);
  assert.equal(
    uniqueName('flask', () => 'abc123'),
    'fg-flask-abc123',
  );
});

test('two runs of one example get different names', () => {
  const names = new Set(Array.from({length: 50}, () => uniqueName('same')));
  assert.equal(names.size, 50);
});

test('long or odd example names still give valid, short project names', () => {
  const name = uniqueName('A-Very_Long example name that goes on and on-', () => '000000');
  assert.match(name, /^[a-z0-9][a-z0-9-]*$/);
  assert.ok(name.length <= 3 + 24 + 7, name);
  assert.ok(!name.includes('--'), name);
  assert.equal(
    uniqueName('---', () => '000000'),
    'fg-example-000000',
  );
});
