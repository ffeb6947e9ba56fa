import {test} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {unzipSync} from 'fflate';
import {exampleFiles} from '../../tools/core/example-files';
import {exampleDirs, languageOf, readExample, readReports} from '../../src/plugins/examples/exampleData';
import {exampleDataFile} from '../../src/plugins/examples/exampleDataFile.cjs';
import examplesPlugin, {zipExample} from '../../src/plugins/examples/index';
import {imagesList, imagesScript} from '../../src/plugins/examples/offlineKit';
import {spawnSync} from 'node:child_process';
import type {LoadContext} from '@docusaurus/types';
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

/** A compose example's declaration, complete as the runner reads it, showing `files`. */
const declaration = (files: string) =>
  'title: {zh-Hans: 演示, en: Demo}\nsummary: {zh-Hans: 演示, en: Demo}\nkind: compose\nchapter: compose\ntopics: [compose]\n' +
  `files: ${files}\nchecks:\n  - name: {zh-Hans: 页面, en: the page}\n    http: {url: "http://127.0.0.1:8080/", status: 200}\n`;

test('the site shows the exact bytes of the listed files', () => {
  const compose = 'services:\n  web:\n    image: nginx:1.27\n\n';
  const dir = fixture({'example.yaml': declaration('[compose.yaml]'), 'compose.yaml': compose, 'README.md': 'x\n'});
  const example = readExample(dir, []);
  assert.equal(example.files[0].content, compose);
  assert.deepEqual(example.allFiles, ['README.md', 'compose.yaml', 'example.yaml']);
});

test('a declaration the runner would refuse fails the site build with its first problem, placed in example.yaml', () => {
  const dir = fixture({'example.yaml': declaration('[compose.yaml, missing.txt]'), 'compose.yaml': 'services: {}\n'});
  assert.throws(
    () => readExample(dir, [], 'examples/demo'),
    /^Error: examples\/demo\/example\.yaml:6:\d+ missing-file file "missing\.txt" does not exist in the example folder$/,
  );
  fs.writeFileSync(path.join(dir, 'example.yaml'), 'title: [unclosed\n');
  assert.throws(() => readExample(dir, [], 'examples/demo'), /^Error: examples\/demo\/example\.yaml:\d+:\d+ /);
});

test('the "tested with" runs come from the reports that exist, in their order', () => {
  const dir = fixture({'example.yaml': declaration('[compose.yaml]'), 'compose.yaml': 'services: {}\n'});
  const report = (server: string, status: string) => ({
    command: 'up',
    startedAt: '2026-12-02T10:00:00Z',
    seconds: 1,
    engine: {server, ipvs: false, cluster: false},
    examples: [
      {
        name: 'demo',
        status,
        startedSeconds: 2,
        checks: [{status: 'passed'}, {status: 'failed'}],
        standins: ['nginx:1.27'],
        limits: [{feature: 'ipvs'}],
      },
    ],
  });
  const reports = ['a.json', 'none.json', 'b.json'].map((f) => path.join(path.dirname(dir), f));
  fs.writeFileSync(reports[0], JSON.stringify(report('28.5.2', 'passed')));
  fs.writeFileSync(reports[2], JSON.stringify(report('26.1.5', 'failed')));
  assert.deepEqual(
    readExample(dir, readReports(reports)).lastRuns.map((r) => [
      r.engine,
      r.status,
      r.checksPassed,
      r.checks,
      r.notChecked,
    ]),
    [
      ['28.5.2', 'passed', 1, 2, ['ipvs']],
      ['26.1.5', 'failed', 1, 2, ['ipvs']],
    ],
  );
});

test('the .zip holds the whole folder byte for byte, plus the offline image kit, and is the same on every build', () => {
  const dir = fixture({'example.yaml': 'kind: script\n', 'run.sh': '#!/bin/sh\necho hi\n', 'conf/a.conf': 'x'});
  fs.chmodSync(path.join(dir, 'run.sh'), 0o755);
  const zip = zipExample(dir, exampleFiles(dir), ['nginx:1.27', 'busybox:1.36']);
  assert.deepEqual(zipExample(dir, exampleFiles(dir), ['nginx:1.27', 'busybox:1.36']), zip);
  const entries = unzipSync(zip);
  assert.deepEqual(Object.keys(entries).sort(), [
    'demo/conf/a.conf',
    'demo/example.yaml',
    'demo/images.sh',
    'demo/images.txt',
    'demo/run.sh',
  ]);
  assert.equal(Buffer.from(entries['demo/run.sh']).toString(), '#!/bin/sh\necho hi\n');
  assert.equal(Buffer.from(entries['demo/images.sh']).toString(), imagesScript());
  assert.deepEqual(listedImages(Buffer.from(entries['demo/images.txt']).toString()), ['busybox:1.36', 'nginx:1.27']);
});

test("an example folder with a file of the kit's name is refused: the .zip would hold two", () => {
  const dir = fixture({'example.yaml': 'kind: script\n', 'images.txt': 'mine\n'});
  assert.throws(() => zipExample(dir, exampleFiles(dir), []), /images\.txt: the \.zip generates images\.txt/);
});

/** The references of an images.txt: what images.sh reads (comments and blank lines dropped). */
function listedImages(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

test('images.txt has its comment header, then one reference per line, sorted; the same header for every example', () => {
  const text = imagesList(['redis:7.4', 'haproxy:3.0', 'python:3.12-slim', 'redis:7.4']);
  const lines = text.trimEnd().split('\n');
  assert.ok(lines[0].startsWith('# '));
  assert.deepEqual(
    lines.filter((l) => !l.startsWith('#')),
    ['haproxy:3.0', 'python:3.12-slim', 'redis:7.4'],
  );
  assert.equal(imagesList([]), text.slice(0, text.indexOf('haproxy')));
});

test('the site build zips every example with its images.txt and images.sh, and writes the same list for its <Example>', async () => {
  // A site folder holding real examples (a compose file with a build, a stack, a script, a Kubernetes
  // example); the plugin's loadContent writes the downloads as `docusaurus build` does.
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-site-'));
  const expected: Record<string, string[]> = {
    'flask-redis-scale': ['haproxy:3.0', 'python:3.12-slim', 'redis:7.4'],
    'rolling-update': ['python:3.12-slim'],
    'private-registry': ['busybox:1.36', 'registry:2.8'],
    'wordpress-kubernetes': ['mysql:8.4', 'wordpress:6.6-apache'],
    'netns-veth': [],
  };
  try {
    fs.mkdirSync(path.join(site, 'docs'));
    for (const name of Object.keys(expected))
      fs.cpSync(path.join(examplesDir, name), path.join(site, 'examples', name), {recursive: true});
    const plugin = examplesPlugin({siteDir: site, baseUrl: '/'} as LoadContext);
    const gallery = await plugin.loadContent!();
    const downloads = path.join(site, '.generated/static/downloads');
    for (const [name, images] of Object.entries(expected)) {
      const entries = unzipSync(fs.readFileSync(path.join(downloads, `${name}.zip`)));
      assert.deepEqual(
        listedImages(Buffer.from(entries[`${name}/images.txt`]).toString()),
        images,
        `${name}.zip images.txt`,
      );
      assert.equal(Buffer.from(entries[`${name}/images.sh`]).toString(), imagesScript(), `${name}.zip images.sh`);
      assert.deepEqual(gallery.find((e) => e.name === name)?.neededImages, images, `${name} in the gallery`);
      const data = JSON.parse(
        fs.readFileSync(exampleDataFile(path.join(site, 'examples', name)), 'utf8'),
      ) as ExampleData;
      assert.deepEqual(data.neededImages, images, `${name} for <Example>`);
    }
  } finally {
    fs.rmSync(site, {recursive: true, force: true});
  }
});

test('images.sh is POSIX sh and refuses bad arguments with its usage and a non-zero exit', () => {
  const dir = fixture({'images.sh': imagesScript(), 'images.txt': imagesList(['busybox:1.36'])});
  const script = path.join(dir, 'images.sh');
  assert.equal(spawnSync('dash', ['-n', script]).status, 0);
  for (const args of [[], ['ship'], ['save', 'a.tar', 'extra']]) {
    const r = spawnSync('sh', [script, ...args], {encoding: 'utf8'});
    assert.equal(r.status, 2, `images.sh ${args.join(' ')}`);
    assert.match(r.stderr, /usage: sh images\.sh save \[FILE\]/);
  }
  const help = spawnSync('sh', [script, '--help'], {encoding: 'utf8'});
  assert.equal(help.status, 0);
  assert.match(help.stdout, /demo-images\.tar/);
  assert.match(imagesScript(), /^#!\/bin\/sh\n/);
  assert.match(imagesScript(), /^set -eu$/m);
});

test('every example folder in the repository loads', () => {
  const dirs = exampleDirs(examplesDir);
  assert.ok(dirs.length > 0);
  for (const dir of dirs) {
    const example = readExample(dir, []);
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

test('reader commands for a stack build its images (-f only for a Dockerfile of another name), create its external secrets first and remove them last', () => {
  const example = {
    name: 'secrets',
    kind: 'stack',
    images: [
      {tag: 'demo/app:1.0', context: 'app', dockerfile: 'Dockerfile'},
      {tag: 'demo/app:prod', context: 'app', dockerfile: 'Dockerfile.prod'},
    ],
    secrets: [
      {name: 'db_pw', file: 'db_pw.txt'},
      {name: 'api', stdin: 'not a key'},
    ],
    files: [],
    checks: [],
  } as unknown as ExampleData;
  assert.deepEqual(readerCommands(example), [
    'docker build -t demo/app:1.0 app',
    'docker build -t demo/app:prod -f app/Dockerfile.prod app',
    'docker secret create db_pw db_pw.txt',
    "printf %s 'not a key' | docker secret create api -",
    'docker stack deploy -c stack.yaml secrets',
    'docker stack rm secrets',
    'docker secret rm db_pw api',
  ]);
});

test('reader commands for Kubernetes apply the k8s/ folder, not the example folder', () => {
  const example = {
    name: 'k',
    kind: 'kubernetes',
    images: [],
    secrets: [],
    checks: [],
    files: [{path: 'k8s/app.yaml'}],
  } as unknown as ExampleData;
  assert.deepEqual(readerCommands(example), [
    'kubectl apply -f k8s/',
    'kubectl wait --for=condition=Available deployment --all --timeout=300s',
    'kubectl delete -f k8s/',
  ]);
});
