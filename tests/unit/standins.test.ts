import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {
  LABEL_BASE_HASH,
  LABEL_HASH,
  LABEL_STANDIN,
  baseHash,
  decideLocal,
  standinFor,
  standinHash,
} from '../../tools/standins/standins';
import {parseImageRef} from '../../tools/core/image-ref';

test('parseImageRef reads references the way Docker does', () => {
  assert.deepEqual(parseImageRef('mysql:8.4'), {
    registry: 'docker.io',
    repository: 'library/mysql',
    tag: '8.4',
    digest: undefined,
  });
  assert.deepEqual(parseImageRef('docker.io/library/redis:7.4'), {
    registry: 'docker.io',
    repository: 'library/redis',
    tag: '7.4',
    digest: undefined,
  });
  assert.deepEqual(parseImageRef('index.docker.io/nginx'), {
    registry: 'docker.io',
    repository: 'library/nginx',
    tag: undefined,
    digest: undefined,
  });
  assert.deepEqual(parseImageRef('localhost:5000/team/app:1.0'), {
    registry: 'localhost:5000',
    repository: 'team/app',
    tag: '1.0',
    digest: undefined,
  });
  assert.deepEqual(parseImageRef('bitnami/redis:7.4'), {
    registry: 'docker.io',
    repository: 'bitnami/redis',
    tag: '7.4',
    digest: undefined,
  });
  assert.deepEqual(parseImageRef('nginx:1.27@sha256:abc'), {
    registry: 'docker.io',
    repository: 'library/nginx',
    tag: '1.27',
    digest: 'sha256:abc',
  });
  assert.deepEqual(parseImageRef('localhost/app'), {
    registry: 'localhost',
    repository: 'app',
    tag: undefined,
    digest: undefined,
  });
});

test('standinFor maps every official image the examples use to its folder', () => {
  const expected: Record<string, string> = {
    'nginx:1.27': 'tests/images/nginx',
    'mysql:8.4': 'tests/images/mysql',
    'wordpress:6.6-apache': 'tests/images/wordpress',
    'redis:7.4': 'tests/images/redis',
    'busybox:1.36': 'tests/images/busybox',
    'haproxy:3.0': 'tests/images/haproxy',
    'registry:2.8': 'tests/images/registry',
    'python:3.12-slim': 'tests/images/python',
    'docker:28-dind': 'tests/images/dind',
    'docker:26-dind': 'tests/images/dind',
  };
  for (const [ref, folder] of Object.entries(expected)) assert.equal(standinFor(ref), folder, ref);
});

test('standinFor accepts Docker Hub prefixes and digests', () => {
  assert.equal(standinFor('docker.io/library/mysql:8.4'), 'tests/images/mysql');
  assert.equal(standinFor('docker.io/mysql:8.4'), 'tests/images/mysql');
  assert.equal(standinFor('library/redis:7.4'), 'tests/images/redis');
  assert.equal(standinFor('registry-1.docker.io/library/nginx:1.27@sha256:0123'), 'tests/images/nginx');
});

test('standinFor has nothing for other registries, other namespaces or unknown images', () => {
  assert.equal(standinFor('localhost:5000/nginx:1.27'), undefined);
  assert.equal(standinFor('ghcr.io/library/mysql:8.4'), undefined);
  assert.equal(standinFor('bitnami/redis:7.4'), undefined);
  assert.equal(standinFor('fieldguide/flask-counter:1.0'), undefined);
  assert.equal(standinFor('postgres:16'), undefined);
  assert.equal(standinFor('docker:27-cli'), undefined, 'only the dind variant of docker has a stand-in');
  assert.equal(standinFor('base:1'), undefined, 'the base folder is not an image stand-in');
  assert.equal(standinFor('dind:1'), undefined);
});

test('standinHash is stable and follows content, names, the executable bit and the base image', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fg-standin-'));
  try {
    mkdirSync(join(dir, 'conf'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM fieldguide/debian:bookworm\n');
    writeFileSync(join(dir, 'conf', 'a.conf'), 'a\n');
    const first = standinHash(dir);
    assert.match(first, /^[0-9a-f]{64}$/);
    assert.equal(standinHash(dir), first);
    assert.notEqual(first, baseHash());

    writeFileSync(join(dir, 'conf', 'a.conf'), 'b\n');
    const changed = standinHash(dir);
    assert.notEqual(changed, first);

    writeFileSync(join(dir, 'conf', 'a.conf'), 'a\n');
    assert.equal(standinHash(dir), first, 'restoring the content restores the hash');

    chmodSync(join(dir, 'conf', 'a.conf'), 0o755);
    assert.notEqual(standinHash(dir), first, 'the executable bit matters to COPY');
    chmodSync(join(dir, 'conf', 'a.conf'), 0o644);

    rmSync(join(dir, 'conf', 'a.conf'));
    writeFileSync(join(dir, 'conf', 'b.conf'), 'a\n');
    assert.notEqual(standinHash(dir), first, 'a renamed file changes the hash');
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('standinHash reads relative folders from the repository root', () => {
  assert.equal(standinHash('tests/images/redis'), standinHash(join(import.meta.dirname, '..', 'images', 'redis')));
  assert.notEqual(standinHash('tests/images/redis'), standinHash('tests/images/nginx'));
});

test('decideLocal: real images are used, stand-ins only while their hash matches', () => {
  assert.equal(decideLocal(null, 'h1'), 'absent');
  assert.equal(decideLocal(null, undefined), 'absent');
  assert.equal(decideLocal({}, 'h1'), 'use-local', 'an image without our labels is the real one');
  assert.equal(decideLocal({maintainer: 'NGINX'}, 'h1'), 'use-local');
  assert.equal(decideLocal({[LABEL_STANDIN]: 'nginx', [LABEL_HASH]: 'h1'}, 'h1'), 'use-standin');
  assert.equal(decideLocal({[LABEL_STANDIN]: 'nginx', [LABEL_HASH]: 'h0'}, 'h1'), 'stale-standin');
  assert.equal(decideLocal({[LABEL_STANDIN]: 'nginx'}, 'h1'), 'stale-standin');
  assert.equal(
    decideLocal({[LABEL_BASE_HASH]: 'b'}, 'h1'),
    'stale-standin',
    'built on our base by hand, without the hash',
  );
});

test('decideLocal: without a stand-in folder whatever the engine has is used', () => {
  assert.equal(
    decideLocal({[LABEL_BASE_HASH]: 'b'}, undefined),
    'use-local',
    'e.g. an example image built FROM a stand-in',
  );
  assert.equal(decideLocal({[LABEL_STANDIN]: 'gone', [LABEL_HASH]: 'h1'}, undefined), 'use-local');
});
