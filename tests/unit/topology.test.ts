import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {topologyOf, parsePort} from '../../src/plugins/examples/exampleData';
import {layoutTopology} from '../../src/components/Topology/layout';

const labels = {
  host: 'host',
  network: (name: string, driver: string) => `network ${name} (${driver})`,
  replicas: (n: number) => `${n} replicas`,
  build: (context: string) => `build ${context}`,
  also: (networks: string[]) => `also on ${networks.join(', ')}`,
};

/** Every text the drawing shows: box labels and details, arrow labels. */
function drawnText(file: string): string {
  const layout = layoutTopology(topologyOf(file), labels);
  return [...layout.boxes.flatMap((b) => [b.label, b.detail ?? '']), ...layout.arrows.map((a) => a.label ?? '')].join(
    '\n',
  );
}

test('ports in every compose syntax', () => {
  assert.deepEqual(parsePort('127.0.0.1:8080:80'), {
    published: '8080',
    target: '80',
    hostIp: '127.0.0.1',
    mode: 'ingress',
  });
  assert.deepEqual(parsePort('8080:80/tcp'), {published: '8080', target: '80', hostIp: null, mode: 'ingress'});
  assert.deepEqual(parsePort(80), {published: null, target: '80', hostIp: null, mode: 'ingress'});
  assert.deepEqual(parsePort({target: 80, published: 8084, mode: 'host'}), {
    published: '8084',
    target: '80',
    hostIp: null,
    mode: 'host',
  });
});

test('the picture follows the file: change the compose file and the drawing changes with it', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'topo-')), 'compose.yaml');
  fs.writeFileSync(file, 'services:\n  web:\n    image: nginx:1.27\n    ports: ["127.0.0.1:8080:80"]\n');
  const before = drawnText(file);
  assert.match(before, /web/);
  assert.match(before, /network default \(bridge\)/);
  assert.match(before, /127\.0\.0\.1:8080 → 80/);
  assert.doesNotMatch(before, /cache/);

  fs.writeFileSync(
    file,
    [
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    ports: ["127.0.0.1:9090:80"]',
      '    networks: [front, back]',
      '    depends_on: [cache]',
      '  cache:',
      '    image: redis:7.4',
      '    networks: [back]',
      '    volumes: ["cache-data:/data"]',
      '    secrets: [token]',
      'networks: {front: {}, back: {}}',
      'volumes: {cache-data: {}}',
      'secrets: {token: {file: ./token.txt}}',
      '',
    ].join('\n'),
  );
  const after = drawnText(file);
  for (const part of [
    'cache',
    'redis:7.4',
    'network front (bridge)',
    'network back (bridge)',
    'cache-data',
    'token',
    '127.0.0.1:9090 → 80',
    'also on back',
  ]) {
    assert.ok(after.includes(part), `the drawing shows ${part}`);
  }
  assert.doesNotMatch(after, /8080/);
  assert.doesNotMatch(after, /network default/);
  const layout = layoutTopology(topologyOf(file), labels);
  assert.ok(
    layout.arrows.some((a) => a.key === 'web=>cache' && a.dashed),
    'depends_on is drawn as a dashed arrow',
  );
});

test('stack files default to overlay networks and show replicas', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'topo-')), 'stack.yaml');
  fs.writeFileSync(file, 'services:\n  whoami:\n    image: fieldguide/whoami:1.0\n    deploy: {replicas: 3}\n');
  const text = drawnText(file);
  assert.match(text, /network default \(overlay\)/);
  assert.match(text, /3 replicas/);
});

test('the figure reads the file as Compose does: merge keys followed', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'topo-')), 'compose.yaml');
  fs.writeFileSync(
    file,
    'x-web: &web\n  image: nginx:1.27\n  networks: [front]\nservices:\n  a:\n    <<: *web\n  b:\n    <<: *web\n    ports: ["8080:80"]\nnetworks:\n  front: {}\n',
  );
  const model = topologyOf(file);
  assert.deepEqual(
    model.services.map((s) => [s.name, s.image, s.networks]),
    [
      ['a', 'nginx:1.27', ['front']],
      ['b', 'nginx:1.27', ['front']],
    ],
  );
});

test('a compose file the runner would refuse fails the build with its file and line', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'topo-')), 'compose.yaml');
  fs.writeFileSync(file, 'services:\n  a:\n    image: x\n  a:\n    image: y\n');
  assert.throws(
    () => topologyOf(file, 'examples/demo/compose.yaml'),
    /^Error: examples\/demo\/compose\.yaml:4:\d+ yaml-syntax /,
  );
});
