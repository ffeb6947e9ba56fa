import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {stackExampleImages, stackFileImages} from '../../../tools/lab/images';
import {
  describeLostNodes,
  dockerEnvFor,
  formatStatus,
  labLayout,
  nodeRunArgs,
  parseNodeLs,
  type LabStatus,
} from '../../../tools/lab/swarm';

test("a lab's names all start with its name and its nodes are the notes' manager and two workers", () => {
  const layout = labLayout('fglab-swarm');
  assert.equal(layout.label, 'io.fieldguide.lab=fglab-swarm');
  assert.equal(layout.network, 'fglab-swarm-net');
  assert.deepEqual(
    layout.nodes.map((n) => [n.role, n.hostname, n.container, n.volume]),
    [
      ['manager', 'swarm-manager', 'fglab-swarm-manager', 'fglab-swarm-manager-data'],
      ['worker', 'swarm-worker1', 'fglab-swarm-worker1', 'fglab-swarm-worker1-data'],
      ['worker', 'swarm-worker2', 'fglab-swarm-worker2', 'fglab-swarm-worker2-data'],
    ],
  );
});

test('a lab name that docker would reject or that could match other things is refused', () => {
  assert.throws(() => labLayout('Lab One'), /lowercase letters, digits and dashes/);
  assert.throws(() => labLayout(''), /lowercase/);
});

test('nodes run without --privileged, with every capability the VM grants', () => {
  const layout = labLayout('t');
  const args = nodeRunArgs(layout, layout.nodes[1], 'docker:28-dind');
  assert.ok(!args.includes('--privileged'));
  const pairs = (flag: string) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
  assert.deepEqual(pairs('--cap-add'), ['ALL']);
  assert.deepEqual(pairs('--cap-drop'), [], 'Engine 28 refuses to drop a capability the VM lacks');
  assert.deepEqual(pairs('--security-opt'), ['seccomp=unconfined', 'systempaths=unconfined']);
  assert.deepEqual(pairs('--cgroupns'), ['private']);
  assert.deepEqual(pairs('--device-cgroup-rule'), ['a *:* rwm']);
  assert.deepEqual(pairs('--label'), ['io.fieldguide.lab=t', 'io.fieldguide.lab.role=worker']);
  const volumes = pairs('--volume');
  assert.equal(volumes[0], 't-worker1-data:/var/lib/docker');
  // The stand-in's entrypoint and mount preparation, from the repository, on either image.
  assert.deepEqual(
    volumes.slice(1).map((v) => v.replace(/^.*\/tests\/images\/dind\//, '')),
    [
      'prepare-mounts.sh:/usr/local/bin/prepare-mounts.sh:ro',
      'dockerd-entrypoint.sh:/usr/local/bin/dockerd-entrypoint.sh:ro',
    ],
  );
  for (const v of volumes.slice(1)) assert.ok(fs.existsSync(v.split(':')[0]), `${v}: the mounted file exists`);
  assert.deepEqual(pairs('--entrypoint'), ['dockerd-entrypoint.sh']);
  assert.deepEqual(pairs('--env'), ['DOCKER_TLS_CERTDIR=']);
  assert.deepEqual(args.slice(-2), ['docker:28-dind', '--log-level=warn']);
});

test('only the manager publishes its engine, and only on the loopback address', () => {
  const layout = labLayout('t');
  const published = layout.nodes.map((n) => {
    const args = nodeRunArgs(layout, n, 'img');
    return args.flatMap((a, i) => (a === '--publish' ? [args[i + 1]] : []));
  });
  assert.deepEqual(published, [['127.0.0.1::2375'], [], []]);
});

test('the docker CLI environment for the lab drops settings that would override DOCKER_HOST', () => {
  const env = dockerEnvFor(
    {DOCKER_HOST: 'tcp://127.0.0.1:32770'},
    {
      PATH: '/bin',
      DOCKER_HOST: 'unix:///other.sock',
      DOCKER_CONTEXT: 'remote',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: '/certs',
    },
  );
  assert.deepEqual(env, {PATH: '/bin', DOCKER_HOST: 'tcp://127.0.0.1:32770'});
});

test('docker node ls JSON lines are parsed, other lines ignored', () => {
  const rows = parseNodeLs(
    '{"Availability":"Active","EngineVersion":"20.10.24","Hostname":"swarm-manager","ManagerStatus":"Leader","Status":"Ready"}\n' +
      'WARNING: something\n' +
      '{"Availability":"Drain","EngineVersion":"20.10.24","Hostname":"swarm-worker1","ManagerStatus":"","Status":"Down"}\n',
  );
  assert.deepEqual(
    rows.map((r) => [r.Hostname, r.Status, r.Availability, r.ManagerStatus]),
    [
      ['swarm-manager', 'Ready', 'Active', 'Leader'],
      ['swarm-worker1', 'Down', 'Drain', ''],
    ],
  );
});

test('the status table says when the lab is missing, half there or ready', () => {
  const node = (state: string, status: string) => ({
    container: 'c',
    hostname: 'h',
    state,
    address: '',
    role: '',
    status,
    availability: '',
    engine: '',
  });
  const base: LabStatus = {name: 'l', nodes: [node('missing', '')], ready: false, exists: false};
  assert.match(formatStatus(base), /^Swarm lab "l" is not running\./);
  assert.match(formatStatus({...base, exists: true}), /^Swarm lab "l" is not ready\./);
  const ready = formatStatus({
    ...base,
    nodes: [node('running', 'Ready')],
    ready: true,
    exists: true,
    managerHost: 'tcp://127.0.0.1:1',
  });
  assert.match(ready, /is ready: 1 manager, 2 workers\. Manager API: tcp:\/\/127\.0\.0\.1:1/);
  assert.match(ready.split('\n')[1], /^CONTAINER\s+STATE\s+ADDRESS\s+NODE\s+ROLE\s+STATUS\s+AVAILABILITY\s+ENGINE$/);
});

test("a stack file's images are listed once each, in order; services without image are skipped", () => {
  const yaml = `
services:
  db: {image: "mysql:8.4"}
  app:
    image: wordpress:6.6-apache
  again: {image: "mysql:8.4"}
  built: {build: .}
`;
  assert.deepEqual(stackFileImages(yaml), ['mysql:8.4', 'wordpress:6.6-apache']);
  assert.deepEqual(stackFileImages(''), []);
});

test('only stack examples contribute images; built images are listed as builds, not as images to find', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fglab-examples-'));
  try {
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('whoami-stack/example.yaml', 'kind: stack\nimages:\n  - {tag: "fieldguide/whoami:1.0", context: app}\n');
    write(
      'whoami-stack/stack.yaml',
      'services:\n  whoami: {image: "fieldguide/whoami:1.0"}\n  client: {image: "busybox:1.36"}\n',
    );
    write('wordpress-compose/example.yaml', 'kind: compose\n');
    write('wordpress-compose/compose.yaml', 'services:\n  db: {image: "mariadb:11"}\n');
    write('notes/README.md', 'not an example');
    const needs = stackExampleImages(dir);
    assert.deepEqual(needs.used, ['busybox:1.36']);
    assert.deepEqual(needs.built, [
      {
        tag: 'fieldguide/whoami:1.0',
        context: path.join(dir, 'whoami-stack/app'),
        dockerfile: path.join(dir, 'whoami-stack/app/Dockerfile'),
      },
    ]);
    assert.deepEqual(stackExampleImages(path.join(dir, 'absent')), {used: [], built: []});
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test("a lost node is named with its cause and the host memory, as the machine's doing", () => {
  const meminfo = 'MemTotal:       25165824 kB\nMemFree:          100000 kB\nMemAvailable:     524288 kB\n';
  const text = describeLostNodes(
    [
      {
        container: 'fglab-swarm-worker1',
        state: 'exited',
        exitCode: 137,
        oomKilled: true,
        restarts: 0,
        finishedAt: '2026-12-01T15:00:00Z',
        error: '',
      },
      {
        container: 'fglab-swarm-worker2',
        state: 'exited',
        exitCode: 137,
        oomKilled: false,
        restarts: 0,
        finishedAt: '0001-01-01T00:00:00Z',
        error: '',
      },
      {
        container: 'fglab-swarm-manager',
        state: 'missing',
        exitCode: -1,
        oomKilled: false,
        restarts: 0,
        finishedAt: '',
        error: 'the container is gone',
      },
    ],
    meminfo,
  );
  const lines = text.split('\n');
  assert.equal(lines.length, 4);
  assert.match(
    lines[0],
    /^LAB NODE LOST TO THE MACHINE, NOT TO THE EXAMPLE: fglab-swarm-worker1 killed by the out-of-memory killer at 2026-12-01T15:00:00Z$/,
  );
  assert.match(lines[1], /fglab-swarm-worker2 exited with code 137 \(SIGKILL: usually the kernel reclaiming memory\)$/);
  assert.match(lines[2], /fglab-swarm-manager removed \(the container is gone\)$/);
  assert.equal(
    lines[3],
    'host memory now: 0.5 GiB available of 24.0 GiB; tests on this lab after the loss are not evidence about the examples',
  );
});
