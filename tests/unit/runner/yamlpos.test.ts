import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseYaml, positionOf, problemAt} from '../../../tools/runner/yamlpos';

const text = `services:
  web:
    image: nginx:1.27
    ports:
      - "8080:80"
      - target: 443
---
second: doc
`;

test('syntax errors name the file, line and column', () => {
  const {problems} = parseYaml('x/compose.yaml', 'services:\n  web:\n    image: a\n   ports: []\n');
  assert.equal(problems.length, 1);
  assert.deepEqual([problems[0].file, problems[0].line, problems[0].rule], ['x/compose.yaml', 4, 'yaml-syntax']);
  assert.ok(!problems[0].message.includes('\n'), 'one line per problem');
});

test('duplicate keys are syntax errors at the second key', () => {
  const {problems} = parseYaml('f.yaml', 'a: 1\nb: 2\na: 3\n');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].line, 3);
});

test('an empty file has no documents and no problems', () => {
  const {yaml, problems} = parseYaml('f.yaml', '');
  assert.deepEqual(problems, []);
  assert.equal(yaml.docs.length, 0);
  assert.deepEqual(positionOf(yaml, ['a']), {line: 1, col: 1});
});

test('positions of keys, values and sequence items', () => {
  const {yaml} = parseYaml('f.yaml', text);
  assert.deepEqual(positionOf(yaml, ['services', 'web', 'image'], 'key'), {line: 3, col: 5});
  assert.deepEqual(positionOf(yaml, ['services', 'web', 'image'], 'value'), {line: 3, col: 12});
  assert.deepEqual(positionOf(yaml, ['services', 'web', 'ports', 0]), {line: 5, col: 9});
  assert.deepEqual(positionOf(yaml, ['services', 'web', 'ports', 1, 'target'], 'key'), {line: 6, col: 9});
});

test('a missing path points at the deepest entry that exists', () => {
  const {yaml} = parseYaml('f.yaml', text);
  assert.deepEqual(positionOf(yaml, ['services', 'web', 'healthcheck'], 'key'), {line: 2, col: 3});
  assert.deepEqual(positionOf(yaml, ['services', 'db', 'image'], 'key'), {line: 1, col: 1});
});

test('later documents of a multi-document file', () => {
  const {yaml} = parseYaml('f.yaml', text);
  assert.deepEqual(positionOf(yaml, ['second'], 'key', 1), {line: 8, col: 1});
  const p = problemAt(yaml, ['second'], 'rule-x', 'msg', 'value', 1);
  assert.deepEqual(p, {file: 'f.yaml', line: 8, col: 9, rule: 'rule-x', message: 'msg'});
});
