import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {formatProblem} from '../../../tools/runner/problems';
import {loadSession, sessionIds} from '../../../tools/transcripts/session';
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

test('a bad source gets one problem per mistake, each naming its line', () => {
  const yaml = ['images: [busybox:1.36]', 'volatile: [id, everything]', 'blocks:', '  - name: Bad Name', '    commands: [ls]', '  - name: two', '    workdir: /etc', '    commands:', '      - run: false', '        exit: one'].join('\n');
  assert.deepEqual(sourceProblems(yaml), [
    '2 unknown volatile kind "everything" (digest, id, time, swarm-id, duration, size, mac-address, veth-name, ip-address, port, pid, column-padding, buildkit-progress)',
    '4 a block needs a name of lowercase letters, digits and dashes',
    '7 workdir must be a folder under examples/ or transcripts/',
    '9 a command is a string, or {run: <command>, exit: <status>, input: [<typed line>, …]}',
  ]);
});

test('unknown keys and duplicate block names are problems', () => {
  const yaml = ['blocks:', '  - name: a', '    commands: [ls]', '  - name: a', '    commands: [ls]', 'network: host'].join('\n');
  assert.deepEqual(sourceProblems(yaml), ['6 unknown key "network" (images, volatile, daemon, blocks)', '4 block name "a" is used twice']);
});

test('daemon is the map daemon.json holds', () => {
  assert.deepEqual(sourceProblems(['daemon: [debug]', 'blocks: [{name: a, commands: [ls]}]'].join('\n')), ['1 daemon must be a map: the settings of /etc/docker/daemon.json']);
  assert.deepEqual(sourceProblems(['daemon: {debug: true}', 'blocks: [{name: a, commands: [ls]}]'].join('\n')), []);
});

test('sessions are selected by full id, page or session name', () => {
  const all = ['01-images/basics', '01-images/registry', '02-net/basics'];
  assert.deepEqual(selectSessions(all, []).ids, all);
  assert.deepEqual(selectSessions(all, ['01-images']).ids, ['01-images/basics', '01-images/registry']);
  assert.deepEqual(selectSessions(all, ['basics']).ids, ['01-images/basics', '02-net/basics']);
  assert.deepEqual(selectSessions(all, ['02-net/basics', 'nope']), {ids: ['02-net/basics'], unknown: ['nope']});
});
