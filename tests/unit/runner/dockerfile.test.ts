import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checkDockerfile} from '../../../tools/runner/static/dockerfile';

test('dockerfile-utils diagnostics and the pinned rule, with lines', () => {
  const problems = checkDockerfile(
    'examples/x/Dockerfile',
    `from debian
WORKDIR app
FOO bar
FROM python:3.12-slim
FROM nginx:latest
`,
  );
  assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.rule}`).sort(), [
    'examples/x/Dockerfile:1:1 dockerfile-casing-instruction',
    'examples/x/Dockerfile:1:1 image-unpinned',
    'examples/x/Dockerfile:2:9 dockerfile-workdir-is-not-absolute',
    'examples/x/Dockerfile:3:1 dockerfile-unknown-instruction',
    'examples/x/Dockerfile:5:1 image-unpinned',
  ]);
});

test('a clean Dockerfile has no problems', () => {
  assert.deepEqual(
    checkDockerfile('Dockerfile', 'FROM debian:12\nWORKDIR /app\nCOPY . .\nHEALTHCHECK CMD true\nCMD ["sh"]\n'),
    [],
  );
});
