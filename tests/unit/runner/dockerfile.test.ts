import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDockerfile, instructions, readDockerfile } from '../../../tools/runner/static/dockerfile';

test('instructions join continuation lines and skip comments', () => {
  const ins = instructions(`# syntax comment
FROM debian:12 AS base

RUN apt-get update \\
    # a comment inside
    && apt-get install -y curl \\

    && true
CMD ["sh"]
`);
  assert.deepEqual(ins.map((i) => [i.keyword, i.line]), [['FROM', 2], ['RUN', 4], ['CMD', 9]]);
  assert.match(ins[1].args, /apt-get update\s+&& apt-get install -y curl\s+&& true/);
});

test('base images: stages, scratch, ARG defaults and COPY --from', () => {
  const info = readDockerfile(`ARG PY=3.12
FROM python:\${PY}-slim AS build
FROM build AS test
FROM scratch AS empty
FROM debian:12
COPY --from=build /app /app
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx.conf
COPY --from=0 /x /x
FROM $UNSET
`);
  assert.deepEqual(info.baseImages.map((b) => [b.ref, b.line, b.unresolved]), [
    ['python:3.12-slim', 2, false], ['debian:12', 5, false], ['nginx:1.27', 7, false],
  ]);
  // An empty name is dockerfile-utils' to report (base-name-empty); a partly resolved one is ours.
  assert.deepEqual(readDockerfile('FROM app:${TAG}\n').baseImages, [{ ref: 'app:', line: 1, unresolved: true }]);
});

test('HEALTHCHECK counts for the final image, through stages, and NONE turns it off', () => {
  assert.equal(readDockerfile('FROM a:1\nHEALTHCHECK CMD true\n').hasHealthcheck, true);
  assert.equal(readDockerfile('FROM a:1\n').hasHealthcheck, false);
  assert.equal(readDockerfile('FROM a:1 AS base\nHEALTHCHECK CMD true\nFROM base\nRUN x\n').hasHealthcheck, true);
  assert.equal(readDockerfile('FROM a:1 AS base\nHEALTHCHECK CMD true\nFROM b:1\n').hasHealthcheck, false);
  assert.equal(readDockerfile('FROM a:1 AS base\nHEALTHCHECK CMD true\nFROM base\nHEALTHCHECK NONE\n').hasHealthcheck, false);
});

test('dockerfile-utils diagnostics and the pinned rule, with lines', () => {
  const problems = checkDockerfile('examples/x/Dockerfile', `from debian
WORKDIR app
FOO bar
FROM python:3.12-slim
FROM nginx:latest
`);
  assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.rule}`).sort(), [
    'examples/x/Dockerfile:1:1 dockerfile-casing-instruction',
    'examples/x/Dockerfile:1:1 image-unpinned',
    'examples/x/Dockerfile:2:9 dockerfile-workdir-is-not-absolute',
    'examples/x/Dockerfile:3:1 dockerfile-unknown-instruction',
    'examples/x/Dockerfile:5:1 image-unpinned',
  ]);
});

test('a clean Dockerfile has no problems', () => {
  assert.deepEqual(checkDockerfile('Dockerfile', 'FROM debian:12\nWORKDIR /app\nCOPY . .\nHEALTHCHECK CMD true\nCMD ["sh"]\n'), []);
});
