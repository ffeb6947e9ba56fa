import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import type {Declaration} from '../../../tools/runner/declaration';
import {mayStartBeside, slotOf, type Slot} from '../../../tools/runner/schedule';

/** A declaration of `kind` over a folder holding `files`. */
function withExample(kind: Declaration['kind'], files: Record<string, string>, swarm = false): Slot {
  const dir = mkdtempSync(join(tmpdir(), 'fg-schedule-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return slotOf({kind, swarm, dir, checks: []} as unknown as Declaration);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const ports = (slot: Slot) => [...slot.ports].sort((a, b) => a - b);

test('compose ports in the short and long syntax; a port without a host side publishes none', () => {
  const slot = withExample('compose', {
    'compose.yaml':
      'services:\n  web: {image: nginx:1.27, ports: ["127.0.0.1:8081:80", "9000:9000/udp", "80"]}\n  db: {image: mysql:8.4, ports: [{target: 3306, published: 13306}, {target: 5432}]}\n',
  });
  assert.deepEqual([slot.alone, ports(slot)], [false, [8081, 9000, 13306]]);
});

test('a script: docker run -p and --publish= are read; compose -p is a project name', () => {
  const slot = withExample('script', {
    'run.sh':
      'docker run -d -p 127.0.0.1:5000:5000 registry:2.8\ndocker run --publish=8090:80 nginx:1.27\ndocker compose -p "$FG_PROJECT" up -d\ndocker run -P nginx:1.27\n',
  });
  assert.deepEqual([slot.alone, ports(slot)], [false, [5000, 8090]]);
});

test('what cannot be read runs alone: a port in a variable, the long --publish form, an unreadable file', () => {
  assert.equal(
    withExample('script', {'run.sh': 'docker run -p "127.0.0.1:$port:5000" registry:2.8\n'}).why,
    'a published port in run.sh is not written out',
  );
  assert.equal(
    withExample('script', {'run.sh': 'docker run --publish published=8080,target=80 nginx:1.27\n'}).alone,
    true,
  );
  assert.equal(
    withExample('compose', {'compose.yaml': 'services:\n  web: {image: nginx:1.27, ports: ["${PORT:-8080}:80"]}\n'})
      .alone,
    true,
  );
  assert.equal(withExample('compose', {'compose.yaml': 'services: [unclosed\n'}).alone, true);
});

test('a stack and a swarm script use the swarm, with the ports they publish; a compose file does not', () => {
  const stack = withExample('stack', {
    'stack.yaml': 'services:\n  web: {image: nginx:1.27, ports: [{target: 80, published: 8084, mode: host}]}\n',
  });
  assert.deepEqual([stack.alone, stack.swarm, ports(stack)], [false, true, [8084]]);
  const script = withExample('script', {'run.sh': 'docker service ls\n'}, true);
  assert.deepEqual([script.alone, script.swarm], [false, true]);
  assert.equal(withExample('compose', {'compose.yaml': 'services: {}\n'}).swarm, false);
});

test('two examples share the engine only when neither runs alone, their host ports differ and one at most uses the swarm', () => {
  const a: Slot = {alone: false, swarm: false, ports: new Set([8080])};
  const b: Slot = {alone: false, swarm: false, ports: new Set([8081])};
  const clash: Slot = {alone: false, swarm: false, ports: new Set([8080])};
  const alone: Slot = {alone: true, swarm: false, ports: new Set()};
  const swarm: Slot = {alone: false, swarm: true, ports: new Set([8084])};
  const otherSwarm: Slot = {alone: false, swarm: true, ports: new Set()};
  assert.equal(mayStartBeside(b, [a]), true);
  assert.equal(mayStartBeside(clash, [a]), false);
  assert.equal(mayStartBeside(alone, [a]), false);
  assert.equal(mayStartBeside(a, [alone]), false);
  assert.equal(mayStartBeside(alone, []), true);
  assert.equal(mayStartBeside(swarm, [a]), true);
  assert.equal(mayStartBeside(a, [swarm]), true);
  assert.equal(mayStartBeside(otherSwarm, [swarm]), false);
  assert.equal(mayStartBeside(otherSwarm, [a, b]), true);
});

test('the examples of this repository: stacks and swarm scripts on the swarm, every one with its ports', async () => {
  const {checkExample} = await import('../../../tools/runner/static/index');
  const slot = async (name: string) => {
    const {declaration} = await checkExample(join(__dirname, '../../../examples', name));
    return slotOf(declaration!);
  };
  assert.deepEqual(ports(await slot('port-mapping')), [8080]);
  assert.deepEqual(ports(await slot('dockerfile-basics')), [8085]);
  assert.equal((await slot('tmpfs-scratch')).alone, false);
  const wordpressStack = await slot('wordpress-stack');
  assert.deepEqual([wordpressStack.swarm, wordpressStack.alone, ports(wordpressStack)], [true, false, [8084]]);
  assert.deepEqual([(await slot('stack-update')).swarm, (await slot('rolling-update')).swarm], [true, true]);
});
