import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {formatProblem} from '../../../tools/runner/problems';
import {imagesOf, loadSession, sessionIds} from '../../../tools/transcripts/session';
import {selectSessions} from '../../../tools/transcripts/select';

test('every session source in transcripts/ reads without problems', () => {
  const ids = sessionIds();
  assert.ok(ids.length > 0, 'no session sources found');
  for (const id of ids) assert.deepEqual(loadSession(id).problems.map(formatProblem), [], id);
});

function sourceProblems(yaml: string): string[] {
  const root = mkdtempSync(path.join(tmpdir(), 'fgts-source-'));
  mkdirSync(path.join(root, 'page'));
  writeFileSync(path.join(root, 'page/s.yaml'), yaml);
  return loadSession('page/s', root).problems.map((p) => `${p.line} ${p.message}`);
}

function sourceOf(yaml: string) {
  const root = mkdtempSync(path.join(tmpdir(), 'fgts-source-'));
  mkdirSync(path.join(root, 'page'));
  writeFileSync(path.join(root, 'page/s.yaml'), yaml);
  return loadSession('page/s', root);
}

test('a bad source gets one problem per mistake, each naming its line', () => {
  const yaml = [
    'images: [busybox:1.36]',
    'volatile: [id, everything]',
    'blocks:',
    '  - name: Bad Name',
    '    commands: [ls]',
    '  - name: two',
    '    workdir: /etc',
    '    commands:',
    '      - run: false',
    '        exit: one',
  ].join('\n');
  assert.deepEqual(sourceProblems(yaml), [
    '2 unknown volatile kind "everything" (digest, id, time, swarm-id, duration, size, mac-address, veth-name, ip-address, port, pid, ssh-key, column-padding, buildkit-progress)',
    '4 a block needs a name of lowercase letters, digits and dashes',
    '7 workdir must be a folder under examples/ or transcripts/',
    '9 a command is a string, or {run: <command>, exit: <status>, input: [<typed line>, …], on: <node>, save: <VARIABLE>, unordered: true, until: <text of its settled output>} (until without input)',
  ]);
});

test('until: the text a settled output shows; not empty, not with input', () => {
  const yaml = (step: string) => ['blocks:', '  - name: a', '    commands:', `      - ${step}`].join('\n');
  assert.deepEqual(sourceOf(yaml("{run: docker inspect x, until: 'OOMKilled=true'}")).session!.blocks[0].steps, [
    {command: 'docker inspect x', exit: 0, until: 'OOMKilled=true'},
  ]);
  for (const bad of [
    "{run: docker inspect x, until: ''}",
    '{run: docker inspect x, until: [a]}',
    '{run: sh, input: [ls], until: x}',
  ]) {
    assert.equal(sourceProblems(yaml(bad)).length, 1, bad);
  }
});

test('unknown keys and duplicate block names are problems', () => {
  const yaml = [
    'blocks:',
    '  - name: a',
    '    commands: [ls]',
    '  - name: a',
    '    commands: [ls]',
    'network: host',
  ].join('\n');
  assert.deepEqual(sourceProblems(yaml), [
    '6 unknown key "network" (images, multi-platform, volatile, daemon, nodes, blocks)',
    '4 block name "a" is used twice',
  ]);
});

test('daemon is the map daemon.json holds', () => {
  assert.deepEqual(sourceProblems(['daemon: [debug]', 'blocks: [{name: a, commands: [ls]}]'].join('\n')), [
    '1 daemon must be a map: the settings of /etc/docker/daemon.json',
  ]);
  assert.deepEqual(sourceProblems(['daemon: {debug: true}', 'blocks: [{name: a, commands: [ls]}]'].join('\n')), []);
});

test('sessions are selected by full id, page or session name', () => {
  const all = ['01-images/basics', '01-images/registry', '02-net/basics'];
  assert.deepEqual(selectSessions(all, []).ids, all);
  assert.deepEqual(selectSessions(all, ['01-images']).ids, ['01-images/basics', '01-images/registry']);
  assert.deepEqual(selectSessions(all, ['basics']).ids, ['01-images/basics', '02-net/basics']);
  assert.deepEqual(selectSessions(all, ['02-net/basics', 'nope']), {ids: ['02-net/basics'], unknown: ['nope']});
});

test('nodes: a multi-node session; on: picks the node of a block or a command', () => {
  const yaml = [
    'nodes: [manager, worker1, worker2]',
    'blocks:',
    '  - name: a',
    '    on: worker1',
    '    commands:',
    '      - docker info',
    '      - {run: docker node ls, on: manager}',
  ].join('\n');
  const {session, problems} = sourceOf(yaml);
  assert.deepEqual(problems, []);
  assert.deepEqual(session!.nodes, ['manager', 'worker1', 'worker2']);
  assert.equal(session!.blocks[0].on, 'worker1');
  assert.deepEqual(session!.blocks[0].steps, [
    {command: 'docker info', exit: 0},
    {command: 'docker node ls', exit: 0, on: 'manager'},
  ]);
  // A single-engine session has no nodes key at all (its generated file stays as it was).
  assert.equal('nodes' in sourceOf('blocks: [{name: a, commands: [ls]}]').session!, false);
});

test('images: an entry with on: is loaded only into those nodes; others into every node', () => {
  const yaml = [
    'nodes: [manager, worker1, worker2]',
    'images: [busybox:1.36, {image: mysql:8.4, on: worker1}, {image: nginx:1.27, on: [manager, worker2]}]',
    'blocks: [{name: a, commands: [ls]}]',
  ].join('\n');
  const {session, problems} = sourceOf(yaml);
  assert.deepEqual(problems, []);
  assert.deepEqual(session!.images, ['busybox:1.36', 'mysql:8.4', 'nginx:1.27']);
  assert.deepEqual(
    session!.nodes!.map((node) => imagesOf(session!, node)),
    [
      ['busybox:1.36', 'nginx:1.27'],
      ['busybox:1.36', 'mysql:8.4'],
      ['busybox:1.36', 'nginx:1.27'],
    ],
  );
  // Without an entry naming nodes the session has no imageNodes key, and its one engine gets all.
  const single = sourceOf('images: [busybox:1.36, nginx:1.27]\nblocks: [{name: a, commands: [ls]}]').session!;
  assert.equal('imageNodes' in single, false);
  assert.deepEqual(imagesOf(single, undefined), ['busybox:1.36', 'nginx:1.27']);
});

test('bad images: entries are problems at their line', () => {
  const problems = (images: string, nodes = 'nodes: [a, b]\n') =>
    sourceProblems(`${nodes}images: ${images}\nblocks: [{name: a, commands: [ls]}]`);
  assert.deepEqual(problems('[{image: mysql:8.4, on: c}]'), ['2 on: names no node of this session (a, b)']);
  assert.deepEqual(problems('[{image: mysql:8.4, on: a}]', ''), [
    "1 on: needs the session's nodes: [<node>, …] (a single-engine session runs everything on its one engine)",
  ]);
  assert.deepEqual(problems('[{image: mysql:8.4, on: []}]'), ['2 on: names at least one node']);
  assert.deepEqual(problems('[{image: mysql:8.4, nodes: a}]'), [
    '2 an image is a reference, or {image: <reference>, on: <node> | [<node>, …]}',
  ]);
  assert.deepEqual(problems('[busybox:1.36, {image: busybox:1.36, on: a}]'), ['2 busybox:1.36 is listed twice']);
  assert.deepEqual(problems('busybox:1.36'), ['2 images must be a list of image references']);
});

test('bad nodes and on: are problems at their line and column', () => {
  const yaml = [
    'nodes: [manager, Worker, manager]',
    'blocks:',
    '  - name: a',
    '    on: worker9',
    '    commands:',
    '      - {run: ls, on: [manager]}',
  ].join('\n');
  assert.deepEqual(
    sourceOf(yaml)
      .problems.map(formatProblem)
      .map((p) => p.replace(/^.*s\.yaml:/, 's.yaml:')),
    [
      's.yaml:1:18 transcript-source node name "Worker" must be a host name: a lowercase letter, then lowercase letters, digits and dashes',
      's.yaml:1:26 transcript-source node "manager" is named twice',
      's.yaml:4:5 transcript-source on: names no node of this session (manager, Worker, manager)',
      's.yaml:6:19 transcript-source on: names no node of this session (manager, Worker, manager)',
    ],
  );
  assert.deepEqual(sourceProblems(['nodes: [solo]', 'blocks: [{name: a, commands: [ls]}]'].join('\n')), [
    '1 nodes must name 2 to 8 nodes (one engine each); leave it out for one engine',
  ]);
  assert.deepEqual(sourceProblems(['blocks:', '  - name: a', '    on: manager', '    commands: [ls]'].join('\n')), [
    "3 on: needs the session's nodes: [<node>, …] (a single-engine session runs everything on its one engine)",
  ]);
  assert.deepEqual(sourceProblems(['blocks:', '  - name: a', '    commands: [{run: ls, save: X}]'].join('\n')), [
    "3 save: hands a value from one node to another: it needs the session's nodes: [<node>, …]",
  ]);
  assert.deepEqual(
    sourceProblems(['nodes: [a, b]', 'blocks:', '  - name: a', '    commands: [{run: ls, save: token}]'].join('\n')),
    ['4 save: names an environment variable: capital letters, digits and underscores'],
  );
});
