import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {topologyOf, parsePort} from '../../src/plugins/examples/exampleData';
import {layoutTopology, layoutTopologyNarrow, type TopologyLayout} from '../../src/components/Topology/layout';

const labels = {
  host: 'host',
  network: (name: string, driver: string) => `network ${name} (${driver})`,
  replicas: (n: number) => `${n} replicas`,
  build: (context: string) => `build ${context}`,
  also: (networks: string[]) => `also on ${networks.join(', ')}`,
};

const examplesDir = path.resolve(__dirname, '../../examples');

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

/** Where every box and arrow of a layout lands: its size, then each box's corner and size, each arrow's points. */
function geometry(layout: TopologyLayout): string[] {
  return [
    `${layout.width}x${layout.height}`,
    ...layout.boxes.map((b) => `${b.key} ${b.x},${b.y} ${b.width}x${b.height}`),
    ...layout.arrows.map(
      (a) => `${a.key} ${a.points.map((p) => p.join(',')).join(' ')}${a.labelAt ? ` @${a.labelAt.join(',')}` : ''}`,
    ),
  ];
}

// Pinned from the figures the site drew before layout.ts was split into steps: a rewrite must not move anything.
test('wide and narrow layouts of real examples stay where they were drawn', () => {
  const wordpress = topologyOf(path.join(examplesDir, 'wordpress-compose/compose.yaml'));
  assert.deepEqual(geometry(layoutTopology(wordpress, labels)), [
    '622x336',
    'host 16,16 590x52',
    'network:default 16,104 590x106',
    'service:db 56,138 184x58',
    'service:wordpress 280,138 184x58',
    'volume:db-data 16,258 170x46',
    'secret:db_password 226,258 170x46',
    'secret:db_root_password 436,258 170x46',
    'db->volume:db-data 148,196 101,258',
    'db->secret:db_password 148,196 311,258',
    'db->secret:db_root_password 148,196 521,258',
    'port:wordpress:0 342,68 342,138 @426,91',
    'wordpress->secret:db_password 372,196 311,258',
    'wordpress=>db 280,167 240,167',
  ]);
  assert.deepEqual(geometry(layoutTopologyNarrow(wordpress, labels)), [
    '412x454',
    'host 16,16 380x52',
    'network:default 16,92 380x198',
    'service:db 44,126 184x56',
    'service:wordpress 44,198 184x72',
    'volume:db-data 16,322 170x46',
    'secret:db_password 226,322 170x46',
    'secret:db_root_password 16,392 170x46',
    'db->volume:db-data 44,154 22,154 22,314 101,314 101,322',
    'db->secret:db_password 44,158 25,158 25,314 311,314 311,322',
    'db->secret:db_root_password 44,162 28,162 28,384 101,384 101,392',
    'port:wordpress 242,68 242,234 228,234',
    'wordpress=>db 204,198 204,182',
    'wordpress->secret:db_password 44,234 27,234 27,310 311,310 311,322',
  ]);
  const flask = topologyOf(path.join(examplesDir, 'flask-redis-scale/compose.yaml'));
  assert.deepEqual(geometry(layoutTopology(flask, labels)), [
    '840x336',
    'host 16,16 808x52',
    'network:default 16,104 808x106',
    'service:redis 56,138 216x58',
    'service:web 312,138 216x58',
    'service:lb 568,138 216x58',
    'bind:./haproxy.cfg 16,258 170x46',
    'web=>redis 312,167 272,167',
    'port:lb:0 646,68 646,138 @730,91',
    'lb->bind:./haproxy.cfg 676,196 101,258',
    'lb=>web 568,167 528,167',
  ]);
  assert.deepEqual(geometry(layoutTopologyNarrow(flask, labels)), [
    '304x456',
    'host 16,16 272x52',
    'network:default 16,92 272x270',
    'service:redis 44,126 216x56',
    'service:web 44,198 216x56',
    'service:lb 44,270 216x72',
    'bind:./haproxy.cfg 16,394 170x46',
    'web=>redis 236,198 236,182',
    'port:lb 274,68 274,306 260,306',
    'lb=>web 236,270 236,254',
    'lb->bind:./haproxy.cfg 44,306 32,306 32,386 101,386 101,394',
  ]);
});
