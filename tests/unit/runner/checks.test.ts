import assert from 'node:assert/strict';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, test} from 'node:test';
import {commandArgs, httpAttempt, outputAttempt, runCheck} from '../../../tools/runner/checks';
import type {Check, Declaration} from '../../../tools/runner/declaration';
import {targetEngine, type RunResult} from '../../../tools/runner/exec';
import type {Driver, RunContext} from '../../../tools/runner/start/driver';

let server: Server;
let base = '';
let hits = 0;

before(async () => {
  server = createServer((req, res) => {
    hits++;
    // Answers 503 twice, then 200: the check must retry.
    if (req.url === '/flaky' && hits <= 2) return void res.writeHead(503).end('not yet');
    if (req.url === '/redirect') return void res.writeHead(302, {location: '/'}).end();
    res.writeHead(200).end('hello from the server');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const result = (over: Partial<RunResult>): RunResult => ({
  code: 0,
  signal: null,
  stdout: '',
  stderr: '',
  timedOut: false,
  interrupted: false,
  ...over,
});

test('http attempts: status, body, redirects not followed, refused connections', async () => {
  assert.equal((await httpAttempt(`${base}/`, 200, 'hello', 2000)).ok, true);
  assert.match((await httpAttempt(`${base}/`, 200, 'bye', 2000)).detail, /does not contain "bye"/);
  assert.match((await httpAttempt(`${base}/redirect`, 200, undefined, 2000)).detail, /status 302, expected 200/);
  assert.equal((await httpAttempt(`${base}/redirect`, 302, undefined, 2000)).ok, true);
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  assert.match((await httpAttempt(`http://127.0.0.1:${port}/`, 200, undefined, 2000)).detail, /ECONNREFUSED/);
});

test('output attempts', () => {
  assert.equal(outputAttempt(result({stdout: 'PONG\n'}), 'PONG', 'x').ok, true);
  assert.match(outputAttempt(result({stdout: 'nope'}), 'PONG', 'x').detail, /does not contain "PONG"/);
  assert.match(outputAttempt(result({code: 2, stderr: 'boom'}), undefined, 'x').detail, /exit 2: boom/);
  assert.match(outputAttempt(result({code: null, timedOut: true}), undefined, 'x').detail, /timed out/);
});

test('a command string runs through sh -c', () => {
  assert.deepEqual(commandArgs('echo $HOME'), ['sh', '-c', 'echo $HOME']);
  assert.deepEqual(commandArgs(['redis-cli', 'ping']), ['redis-cli', 'ping']);
});

function context(seconds: number): RunContext {
  const decl = {name: 'x', dir: process.cwd()} as Declaration;
  return {decl, project: 'fg-x-000000', deadline: Date.now() + seconds * 1000, log: () => {}, engine: targetEngine()};
}

const fakeDriver = (exec: () => RunResult): Driver => ({
  images: async () => [],
  start: async () => {},
  env: () => ({}),
  logs: async () => '',
  teardown: async () => {},
  leftovers: async () => [],
  leftoverMatch: () => [],
  exec: async () => exec(),
});

const name = {'zh-Hans': '检查', en: 'check'};

test('http checks retry until they pass', async () => {
  hits = 0;
  const r = await runCheck(
    {name, http: {url: `${base}/flaky`, status: 200}},
    context(20),
    fakeDriver(() => result({})),
    new Map(),
  );
  assert.equal(r.status, 'passed');
  assert.equal(hits, 3);
});

test('a check that keeps failing fails when the example deadline passes', async () => {
  const t0 = Date.now();
  let calls = 0;
  const check: Check = {name, exec: {service: 'web', command: ['true'], expect: 'yes'}};
  const r = await runCheck(
    check,
    context(3),
    fakeDriver(() => {
      calls++;
      return result({stdout: 'no'});
    }),
    new Map(),
  );
  assert.equal(r.status, 'failed');
  assert.ok(calls >= 2, `retried (${calls} calls)`);
  assert.ok(Date.now() - t0 < 5000);
});

test('a check needing a missing feature is not checked, never passed', async () => {
  const check: Check = {name, needs: 'ipvs', exec: {service: 'web', command: ['true']}};
  const r = await runCheck(
    check,
    context(5),
    fakeDriver(() => {
      throw new Error('must not run');
    }),
    new Map([['ipvs', 'swarm VIP/ingress (no IPVS in this kernel)']]),
  );
  assert.deepEqual([r.status, r.detail], ['not-checked', 'not checked: swarm VIP/ingress (no IPVS in this kernel)']);
});

test('a try that times out near the deadline does not hide the wrong answer before it', async () => {
  let calls = 0;
  const driver = fakeDriver(() => (++calls === 1 ? result({stdout: 'wrong'}) : result({code: null, timedOut: true})));
  const r = await runCheck(
    {name, exec: {service: 'web', command: ['true'], expect: 'right'}},
    context(3),
    driver,
    new Map(),
  );
  assert.equal(r.status, 'failed');
  assert.match(r.detail ?? '', /output does not contain "right": "wrong" \(the last try timed out\)/);
});
