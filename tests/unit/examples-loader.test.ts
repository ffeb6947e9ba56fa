import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {unzipSync} from 'fflate';
import {exampleDirs, languageOf, readExample} from '../../src/plugins/examples/examples.cjs';
import {zipExample} from '../../src/plugins/examples/index';
import {readerCommands} from '../../src/components/Example/commands';
import type {ExampleData} from '../../src/components/Example/types';

const examplesDir = path.resolve(__dirname, '../../examples');

function fixture(files: Record<string, string>): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ex-')), 'demo');
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true});
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

test('file languages follow names', () => {
  assert.equal(languageOf('Dockerfile'), 'docker');
  assert.equal(languageOf('app/Dockerfile'), 'docker');
  assert.equal(languageOf('compose.yaml'), 'yaml');
  assert.equal(languageOf('run.sh'), 'bash');
  assert.equal(languageOf('default.conf'), 'nginx');
  assert.equal(languageOf('haproxy.cfg'), 'ini');
  assert.equal(languageOf('requirements.txt'), 'text');
});

test('the site shows the exact bytes of the listed files', () => {
  const compose = 'services:\n  web:\n    image: nginx:1.27\n\n';
  const dir = fixture({'example.yaml': 'kind: compose\nfiles: [compose.yaml]\n', 'compose.yaml': compose, 'README.md': 'x\n'});
  const example = readExample(dir);
  assert.equal(example.files[0].content, compose);
  assert.deepEqual(example.allFiles, ['README.md', 'compose.yaml', 'example.yaml']);
});

test('a listed file that does not exist is an error naming the declaration', () => {
  const dir = fixture({'example.yaml': 'kind: compose\nfiles: [compose.yaml]\n'});
  assert.throws(() => readExample(dir), /example\.yaml: "files" lists compose\.yaml, which does not exist/);
});

test('the .zip holds the whole folder byte for byte and is the same on every build', () => {
  const dir = fixture({'example.yaml': 'kind: script\n', 'run.sh': '#!/bin/sh\necho hi\n', 'conf/a.conf': 'x'});
  fs.chmodSync(path.join(dir, 'run.sh'), 0o755);
  const zip = zipExample(dir);
  assert.deepEqual(zipExample(dir), zip);
  const entries = unzipSync(zip);
  assert.deepEqual(Object.keys(entries).sort(), ['demo/conf/a.conf', 'demo/example.yaml', 'demo/run.sh']);
  assert.equal(Buffer.from(entries['demo/run.sh']).toString(), '#!/bin/sh\necho hi\n');
});

test('every example folder in the repository loads', () => {
  const dirs = exampleDirs(examplesDir);
  assert.ok(dirs.length > 0);
  for (const dir of dirs) {
    const example = readExample(dir);
    assert.ok(example.files.length > 0, `${dir}: shows no file`);
    assert.ok(example.title?.['zh-Hans'] && example.title?.en, `${dir}: title in both languages`);
  }
});

test('reader commands start, check and stop a compose example', () => {
  const example = {
    name: 'web',
    kind: 'compose',
    images: [],
    secrets: [],
    files: [],
    checks: [
      {name: {'zh-Hans': 'a', en: 'a'}, http: {url: 'http://127.0.0.1:8080/', status: 200}},
      {name: {'zh-Hans': 'b', en: 'b'}, exec: {service: 'cache', command: ['redis-cli', 'ping']}},
      {name: {'zh-Hans': 'b2', en: 'b2'}, exec: {service: 'db', command: "mysql -e 'select 1'"}},
      {name: {'zh-Hans': 'c', en: 'c'}, script: 'check.sh'},
    ],
  } as unknown as ExampleData;
  assert.deepEqual(readerCommands(example), [
    'docker compose up -d --wait',
    'curl -fsS http://127.0.0.1:8080/',
    'docker compose exec cache redis-cli ping',
    `docker compose exec db sh -c 'mysql -e '\\''select 1'\\'''`,
    'bash check.sh',
    'docker compose down -v',
  ]);
});

test('reader commands for a stack create its external secrets first and remove them last', () => {
  const example = {
    name: 'secrets',
    kind: 'stack',
    images: [{tag: 'demo/app:1.0', context: 'app'}],
    secrets: [{name: 'db_pw', file: 'db_pw.txt'}, {name: 'api', stdin: 'not a key'}],
    files: [],
    checks: [],
  } as unknown as ExampleData;
  assert.deepEqual(readerCommands(example), [
    'docker build -t demo/app:1.0 app',
    'docker secret create db_pw db_pw.txt',
    "printf %s 'not a key' | docker secret create api -",
    'docker stack deploy -c stack.yaml secrets',
    'docker stack rm secrets',
    'docker secret rm db_pw api',
  ]);
});

test('reader commands for Kubernetes apply the k8s/ folder, not the example folder', () => {
  const example = {name: 'k', kind: 'kubernetes', images: [], secrets: [], checks: [], files: [{path: 'k8s/app.yaml'}]} as unknown as ExampleData;
  assert.deepEqual(readerCommands(example), ['kubectl apply -f k8s/', 'kubectl wait --for=condition=Available deployment --all --timeout=300s', 'kubectl delete -f k8s/']);
});
