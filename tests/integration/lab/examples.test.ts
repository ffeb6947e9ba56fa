/**
 * Every stack example of examples/ on the three-node lab, through the example runner itself
 * (`up --lab`): deployed with `docker stack deploy`, the replicas of each service that has more
 * than one on more than one node, and its own checks passing across nodes. The runner does the
 * checking; this test asserts on its exit code and JSON report, and works out independently from
 * each stack.yaml which services must carry a placement check.
 *
 *   node --import tsx --test tests/integration/lab/examples.test.ts
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {parse} from 'yaml';
import type {Report} from '../../../tools/runner/report';
import {run} from '../../../tools/core/exec';
import {REPO_ROOT} from '../../../tools/core/repo';
import {
  DEFAULT_LAB_NAME,
  describeLostNodes,
  lostNodes,
  startingLab,
  swarmStatus,
  swarmUp,
  type StartingLab,
} from '../../../tools/lab/swarm';

const log = (line: string) => console.log(line);

interface StackFile {
  services: Record<string, {deploy?: {mode?: string; replicas?: number; placement?: {constraints?: string[]}}}>;
}

const examplesDir = path.join(REPO_ROOT, 'examples');
const stackExamples = fs
  .readdirSync(examplesDir, {withFileTypes: true})
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(examplesDir, e.name, 'example.yaml')))
  .map((e) => ({name: e.name, dir: path.join(examplesDir, e.name)}))
  .map((e) => ({
    ...e,
    declaration: parse(fs.readFileSync(path.join(e.dir, 'example.yaml'), 'utf8')) as {
      kind: string;
      checks?: Array<{script?: string}>;
    },
  }))
  .filter((e) => e.declaration.kind === 'stack')
  .map((e) => ({...e, stack: parse(fs.readFileSync(path.join(e.dir, 'stack.yaml'), 'utf8')) as StackFile}))
  .sort((a, b) => a.name.localeCompare(b.name));

/** Services that want more than one task: replicated with replicas > 1, or global (one per node of three). */
const multiReplica = (stack: StackFile) =>
  Object.entries(stack.services)
    .filter(([, s]) => s.deploy?.mode === 'global' || (s.deploy?.replicas ?? 1) > 1)
    .map(([name]) => name);

/** The lab this suite started, when none was running; removed after it, also on SIGINT/SIGTERM. */
let ownLab: StartingLab<unknown> | undefined;

before(async () => {
  if (!(await swarmStatus()).ready) {
    ownLab = startingLab(DEFAULT_LAB_NAME, log, (signal) => swarmUp({log, signal}));
    await ownLab.started;
  }
});

after(async () => {
  await ownLab?.teardown.run();
});

test('there are stack examples to run', () => {
  assert.ok(stackExamples.length > 0, `no kind: stack example under ${examplesDir}`);
  assert.ok(
    stackExamples.some((e) => multiReplica(e.stack).length > 0),
    'no stack example has a service with more than one replica',
  );
});

for (const example of stackExamples) {
  // A check script finds its task with `docker ps` and runs `docker exec` in it: with DOCKER_HOST at
  // the manager that only sees tasks on the manager, so the services it looks for must be placed
  // there, or the check passes or fails by where the task landed.
  for (const script of (example.declaration.checks ?? []).flatMap((c) => (c.script ? [c.script] : []))) {
    const text = fs.readFileSync(path.join(example.dir, script), 'utf8');
    const services = [...text.matchAll(/com\.docker\.swarm\.service\.name=\$\{stack\}_([\w-]+)/g)].map((m) => m[1]);
    test(`${example.name}/${script} finds ${services.join(', ') || 'no task'} with docker ps: placed on the manager`, () => {
      for (const service of services) {
        const constraints = example.stack.services[service]?.deploy?.placement?.constraints ?? [];
        assert.ok(
          constraints.some((c) => /^node\.role\s*==\s*manager$/.test(c.trim())),
          `${example.name}/stack.yaml: service ${service} needs deploy.placement.constraints: ["node.role == manager"] — ${script} looks for it with docker ps on the manager`,
        );
      }
    });
  }
}

test('npm run examples -- up --lab: every stack example passes on the lab, replicas on more than one node', async (t) => {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fg-lab-examples-')), 'examples.json');
  const names = stackExamples.map((e) => e.name);
  const started = Date.now();
  const r = await run(
    process.execPath,
    ['--import', 'tsx', 'tools/runner/cli.ts', 'up', '--lab', '--json', json, ...names],
    {cwd: REPO_ROOT},
  );
  log(`runner up --lab ${names.join(' ')}: exit ${r.code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  log(r.stdout);
  if (r.code !== 0) log(r.stderr.split('\n').slice(-60).join('\n'));
  assert.equal(r.code, 0, 'the runner failed: see its report above');
  const report = JSON.parse(fs.readFileSync(json, 'utf8')) as Report;
  assert.match(report.engine.lab ?? '', /^fglab-swarm \(tcp:\/\/127\.0\.0\.1:\d+, 3 nodes\)$/);
  for (const example of stackExamples) {
    await t.test(example.name, () => {
      const result = report.examples.find((e) => e.name === example.name);
      assert.ok(result, `${example.name} is missing from the report`);
      assert.equal(result.status, 'passed', result.error ?? JSON.stringify(result.checks));
      assert.equal(result.cleaned, true);
      const placements = result.checks.filter((c) => c.type === 'placement');
      assert.deepEqual(
        placements.map((c) => c.name.en).sort(),
        multiReplica(example.stack)
          .map((s) => `replicas of ${s} on more than one node`)
          .sort(),
      );
      for (const p of placements) {
        assert.equal(p.status, 'passed', p.detail);
        const nodes = new Set(p.detail?.replace(/^.* on /, '').split(', '));
        assert.ok(nodes.size > 1, `${p.name.en}: ${p.detail}`);
        log(`${example.name}: ${p.name.en}: ${p.detail}`);
      }
      for (const c of result.checks.filter((c) => c.status === 'not-checked'))
        log(`NOT CHECKED: ${example.name}: ${c.name.en}: ${c.detail}`);
    });
  }
});

// Last: a node that died during the run (the machine short of memory, say) explains a failure
// above; this names it, so it is not read as the examples' fault.
test('no lab node was lost to the machine during the run', async () => {
  const lost = await lostNodes();
  assert.deepEqual(lost, [], describeLostNodes(lost, fs.readFileSync('/proc/meminfo', 'utf8')));
});
