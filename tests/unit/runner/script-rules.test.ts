import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Declaration} from '../../../tools/runner/declaration';
import {
  checkScriptRules,
  firstSwarmCommand,
  scriptBuiltTags,
  scriptImageReferences,
} from '../../../tools/runner/static/script';

const refs = (text: string) => scriptImageReferences(text).map((r) => `${r.line}:${r.col} ${r.ref}`);

function problems(text: string, declaration: Partial<Declaration> = {}) {
  const decl = {kind: 'script', uses: [], swarm: false, checks: [], ...declaration} as Declaration;
  return checkScriptRules('examples/x/run.sh', text, decl).map((p) => `${p.line}:${p.col} ${p.rule}`);
}

test('image references written out: in commands, service create and a heredoc FROM line', () => {
  const text = [
    'docker run -d --name "$db" mysql:8.4',
    'docker service create --name "$svc" mysql:8.4 >/dev/null',
    'docker build -t "$image" - <<\'DOCKERFILE\'',
    'FROM busybox:1.36 AS base',
    'DOCKERFILE',
    'docker run ghcr.io/team/app:2.0-slim true',
    'docker run localhost:5000/team/app:1.0@sha256:' + 'a'.repeat(64),
    'echo "pinned to mysql:8.4."',
  ].join('\n');
  assert.deepEqual(refs(text), [
    '1:28 mysql:8.4',
    '2:37 mysql:8.4',
    '4:6 busybox:1.36',
    '6:12 ghcr.io/team/app:2.0-slim',
    `7:12 localhost:5000/team/app:1.0@sha256:${'a'.repeat(64)}`,
    '8:17 mysql:8.4',
  ]);
});

test('no image references in the look-alikes of the current examples', () => {
  const text = [
    'docker run -d -p "127.0.0.1:$port:5000" "$registry"',
    'image=localhost:$port/${prefix}hello:1.0',
    'curl -fsS "http://127.0.0.1:$port/v2/_catalog" http://localhost:5000/v2/',
    'curl 127.0.0.1:5000 localhost:5000',
    'docker run -p 8080:80 -v "$volume:/var/lib/mysql" -v "$PWD/pw.txt:/run/secrets/pw:ro" "$image"',
    'docker inspect -f \'{{.State.Health.Status}}\' "$db"',
    '--secret "source=$app_secret,target=db_app_password,mode=0400"',
    'curl "http://$web:80/" "${host}:8080"',
    'echo "run.sh: this engine is not a Swarm manager"',
    '# a comment naming mysql:8.4 is no use of it',
    'echo "$#" ${#names[@]}   # nor is this: nginx:1.27',
  ].join('\n');
  assert.deepEqual(refs(text), []);
});

test('tags the script makes itself are not references to declare', () => {
  const text = [
    'docker build -t demo/app:1.0 .',
    'docker build --quiet \\',
    '  --tag=demo/other:2.0 .',
    'docker tag demo/app:1.0 localhost:5000/demo/app:1.0',
    'docker run demo/app:1.0 && docker run localhost:5000/demo/app:1.0 && docker run demo/other:2.0',
  ].join('\n');
  assert.deepEqual([...scriptBuiltTags(text)].sort(), [
    'demo/app:1.0',
    'demo/other:2.0',
    'localhost:5000/demo/app:1.0',
  ]);
  assert.deepEqual(problems(text), []);
});

test('image-undeclared: each undeclared image once per file, at its first use', () => {
  const text = 'echo start\ndocker run nginx:1.27\ndocker run busybox:1.36 ping web\ndocker run nginx:1.27\n';
  assert.deepEqual(problems(text), ['2:12 image-undeclared', '3:12 image-undeclared']);
  assert.deepEqual(problems(text, {uses: ['nginx:1.27']}), ['3:12 image-undeclared']);
  assert.deepEqual(problems(text, {uses: ['nginx:1.27', 'busybox:1.36']}), []);
  // A latest image can never be declared: it is reported too.
  assert.deepEqual(problems('docker run busybox:latest true\n', {uses: ['busybox:1.36']}), ['1:12 image-undeclared']);
});

test('swarm-undeclared: swarm-only commands need swarm: true', () => {
  const text =
    'docker info --format \'{{.Swarm.ControlAvailable}}\'\ndocker network ls\nprintf x | docker secret create "$s" -\ndocker service rm "$svc"\n';
  assert.deepEqual(firstSwarmCommand(text), {command: 'docker secret', line: 3, col: 12});
  assert.deepEqual(problems(text), ['3:12 swarm-undeclared']);
  assert.deepEqual(problems(text, {swarm: true}), []);
  for (const command of ['service ls', 'stack deploy -c stack.yaml s', 'node ls', 'config create c f']) {
    assert.deepEqual(problems(`docker ${command}\n`), ['1:1 swarm-undeclared'], command);
  }
  assert.deepEqual(
    problems('docker container ls\n# docker stack deploy in a comment\necho "docker swarm init first"\n'),
    [],
  );
});
