import assert from 'node:assert/strict';
import {test} from 'node:test';
import {instructions, readDockerfile} from '../../../tools/core/dockerfile';

test('instructions join continuation lines and skip comments', () => {
  const ins = instructions(`# syntax comment
FROM debian:12 AS base

RUN apt-get update \\
    # a comment inside
    && apt-get install -y curl \\

    && true
CMD ["sh"]
`);
  assert.deepEqual(
    ins.map((i) => [i.keyword, i.line]),
    [
      ['FROM', 2],
      ['RUN', 4],
      ['CMD', 9],
    ],
  );
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
  assert.deepEqual(
    info.baseImages.map((b) => [b.ref, b.line, b.unresolved]),
    [
      ['python:3.12-slim', 2, false],
      ['debian:12', 5, false],
      ['nginx:1.27', 7, false],
    ],
  );
  // An empty name is dockerfile-utils' to report (base-name-empty); a partly resolved one is ours.
  assert.deepEqual(readDockerfile('FROM app:${TAG}\n').baseImages, [{ref: 'app:', line: 1, unresolved: true}]);
});

test('HEALTHCHECK counts for the final image, through stages, and NONE turns it off', () => {
  assert.equal(readDockerfile('FROM a:1\nHEALTHCHECK CMD true\n').hasHealthcheck, true);
  assert.equal(readDockerfile('FROM a:1\n').hasHealthcheck, false);
  assert.equal(readDockerfile('FROM a:1 AS base\nHEALTHCHECK CMD true\nFROM base\nRUN x\n').hasHealthcheck, true);
  assert.equal(readDockerfile('FROM a:1 AS base\nHEALTHCHECK CMD true\nFROM b:1\n').hasHealthcheck, false);
  assert.equal(
    readDockerfile('FROM a:1 AS base\nHEALTHCHECK CMD true\nFROM base\nHEALTHCHECK NONE\n').hasHealthcheck,
    false,
  );
});

test('base images: lower-case keywords, --platform, and a stage named like an image later', () => {
  const text = [
    'FROM python:3.12-slim AS build',
    'RUN pip wheel .',
    'from --platform=linux/amd64 busybox:1.36',
    'FROM build AS test',
    'FROM scratch',
    'FROM python:3.12-slim',
  ].join('\n');
  assert.deepEqual(
    readDockerfile(text).baseImages.map((b) => b.ref),
    ['python:3.12-slim', 'busybox:1.36', 'python:3.12-slim'],
  );
});
