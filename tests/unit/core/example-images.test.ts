import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {test} from 'node:test';
import {composeServiceImages, neededImagesOf} from '../../../tools/core/example-images';
import {readDeclaration} from '../../../tools/runner/declaration';

const examples = resolve(__dirname, '../../../examples');

/** A real example's images, from its declaration as the runner and the site read it. */
function imagesOf(name: string): string[] {
  const {declaration, problems} = readDeclaration(join(examples, name));
  assert.deepEqual(problems, [], name);
  return neededImagesOf(declaration!);
}

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fg-images-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), {recursive: true});
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}

test('compose with a build: the images it names and the base of what it builds, not the built service', () => {
  assert.deepEqual(imagesOf('flask-redis-scale'), ['haproxy:3.0', 'python:3.12-slim', 'redis:7.4']);
  assert.deepEqual(imagesOf('ci-pipeline'), ['python:3.12-slim']);
});

test('a multi-stage build: stage names, scratch and COPY --from a stage are no images', () => {
  // offline-guide: FROM scratch AS site, FROM nginx:1.27 AS pages, COPY --from=site, COPY --from=pages
  assert.deepEqual(imagesOf('offline-guide'), ['nginx:1.27']);
  assert.deepEqual(imagesOf('dockerfile-basics'), ['python:3.12-slim']);
  const dir = fixture({
    Dockerfile:
      'ARG V=1.36\nFROM busybox:${V} AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /bin/sh /sh\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /\n',
  });
  assert.deepEqual(neededImagesOf({dir, kind: 'dockerfile'}), ['busybox:1.36', 'nginx:1.27']);
});

test('stack: the images of stack.yaml and the bases of its images:, less the images it builds', () => {
  // rolling-update builds fieldguide/rollout:1.0 and 2.0 (2.0 FROM 1.0) and deploys 1.0
  assert.deepEqual(imagesOf('rolling-update'), ['python:3.12-slim']);
  assert.deepEqual(imagesOf('swarm-whoami'), ['python:3.12-slim']);
  assert.deepEqual(imagesOf('wordpress-stack'), ['mysql:8.4', 'wordpress:6.6-apache']);
});

test('script: its uses:, sorted; none when it uses none', () => {
  assert.deepEqual(imagesOf('private-registry'), ['busybox:1.36', 'registry:2.8']);
  assert.deepEqual(imagesOf('user-defined-bridge'), ['busybox:1.36', 'nginx:1.27']);
  assert.deepEqual(imagesOf('netns-veth'), []);
});

test('kubernetes: the container images of its manifests (a cluster without internet access needs them too)', () => {
  assert.deepEqual(imagesOf('wordpress-kubernetes'), ['mysql:8.4', 'wordpress:6.6-apache']);
  const dir = fixture({
    'web.k8s.yaml': [
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: tick}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: t, image: "busybox:1.36"}]\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: i, image: "redis:7.4"}]\n  containers: [{name: c, image: "nginx:1.27"}]\n',
    ].join('---\n'),
    'README.md': 'image: not-a-manifest:1.0\n',
  });
  assert.deepEqual(neededImagesOf({dir, kind: 'kubernetes'}), ['busybox:1.36', 'nginx:1.27', 'redis:7.4']);
});

test('every example lists only pinned references, sorted and once each', () => {
  for (const name of ['bind-mount-nginx', 'flask-redis-scale', 'wordpress-compose', 'stack-update', 'tmpfs-scratch']) {
    const images = imagesOf(name);
    assert.ok(images.length > 0, name);
    assert.deepEqual(images, [...new Set(images)].sort(), name);
    for (const ref of images) assert.match(ref, /^[a-z0-9./_-]+:[\w.-]+$/, `${name}: ${ref}`);
  }
});

test('the runner reads the same services from `docker compose config` output (absolute contexts, inline Dockerfiles)', () => {
  const dir = fixture({'app/Containerfile': 'FROM python:3.12-slim\n'});
  const services = {
    app: {build: {context: join(dir, 'app'), dockerfile: 'Containerfile'}, image: 'fg-app:1.0'},
    inline: {build: {context: dir, dockerfile_inline: 'FROM busybox:1.36\n'}},
    cache: {image: 'redis:7.4'},
    own: {image: 'fieldguide/own:1.0'},
  };
  assert.deepEqual(composeServiceImages(services, dir, new Set(['fieldguide/own:1.0'])), [
    'python:3.12-slim',
    'busybox:1.36',
    'redis:7.4',
  ]);
});
