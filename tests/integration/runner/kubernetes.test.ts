// The kubernetes kind without a cluster (not started, never passed) and, with a stand-in kubectl
// that records its calls, the order apply → rollout → delete in a namespace of the run's own.
import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {FIXTURES, runCli} from './helpers';

/** A directory with a fake `kubectl` first on PATH; it appends each call to calls.log. */
function fakeKubectl(clusterAnswers: boolean): {path: string; calls: () => string[]} {
  const dir = mkdtempSync(join(tmpdir(), 'fg-fake-kubectl-'));
  const log = join(dir, 'calls.log');
  writeFileSync(
    join(dir, 'kubectl'),
    `#!/usr/bin/env bash
echo "$*" >> ${JSON.stringify(log)}
case "$1" in
  version) ${clusterAnswers ? `echo '{"clientVersion":{},"serverVersion":{"gitVersion":"v1.31.0"}}'` : `echo 'The connection to the server localhost:8080 was refused' >&2; exit 1`} ;;
  get) exit 0 ;;   # no namespace of the run is left
  *) exit 0 ;;
esac
`,
  );
  chmodSync(join(dir, 'kubectl'), 0o755);
  return {
    path: `${dir}:${process.env.PATH}`,
    calls: () => readFileSync(log, 'utf8').trim().split('\n'),
  };
}

test('without a cluster a kubernetes example is not started, and never counted as passed', async () => {
  const kubectl = fakeKubectl(false);
  const run = await runCli(['up', '--examples', FIXTURES, 'k8s-passes'], {env: {PATH: kubectl.path}});
  assert.equal(run.code, 0, run.stdout);
  const [result] = run.report!.examples;
  assert.equal(result.status, 'not-started');
  assert.equal(result.notStarted, 'not started: no cluster (KUBECONFIG)');
  assert.match(run.stdout, /k8s-passes .*NOT STARTED .*not started: no cluster \(KUBECONFIG\)/);
  assert.match(run.stdout, /^0 passed, 0 failed, 1 skipped$/m);
  assert.deepEqual(
    kubectl.calls().map((c) => c.split(' ')[0]),
    ['version'],
  );
});

test("with a cluster: namespace, apply, rollout status, then delete, all in the run's namespace", async () => {
  const kubectl = fakeKubectl(true);
  const run = await runCli(['up', '--examples', FIXTURES, 'k8s-passes'], {env: {PATH: kubectl.path}});
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const [result] = run.report!.examples;
  assert.equal(result.status, 'passed');
  assert.equal(result.cleaned, true);
  const ns = result.project!;
  assert.match(ns, /^fg-k8s-passes-[0-9a-f]{6}$/);
  const calls = kubectl
    .calls()
    .slice(1)
    .map((c) => c.replace(/--timeout=\d+s/, '--timeout=Ns'));
  assert.deepEqual(calls, [
    `create namespace ${ns}`,
    `apply -n ${ns} -f k8s/web.yaml`,
    `rollout status -n ${ns} deployment/web --timeout=Ns`,
    `delete -n ${ns} --ignore-not-found --wait=true -f k8s/web.yaml`,
    `delete namespace ${ns} --ignore-not-found --wait=true`,
    'get namespaces -o name --request-timeout=10s',
  ]);
});
