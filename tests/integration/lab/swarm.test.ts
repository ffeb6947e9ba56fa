/**
 * Swarm behaviours demonstrated on the three-node lab (tools/lab/): placement across nodes, a
 * client on one node reaching tasks on the others over the overlay network, rescheduling a dead
 * task, draining a node, a rolling update that keeps answering, and a secret that reaches a worker
 * without landing on disk. Uses a running lab (`npm run lab -- swarm up`) or starts its own.
 *
 *   node --import tsx --test tests/integration/lab/swarm.test.ts
 */
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {dockerOutput, run, waitFor} from '../../../tools/core/exec';
import {registerTeardown, type Teardown} from '../../../tools/core/teardown';
import {
  DEFAULT_LAB_NAME,
  describeLostNodes,
  KERNEL_LIMITS,
  lostNodes,
  openLab,
  startingLab,
  swarmStatus,
  swarmUp,
  type LabNode,
  type StartingLab,
  type SwarmLab,
} from '../../../tools/lab/swarm';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const suffix = randomBytes(3).toString('hex');
const stack = `fglabdemo${suffix}`;
const web = `${stack}_web`;
const secretName = `${stack}-db-password`;
const reader = `${stack}_reader`;
const log = (line: string) => console.log(line);

let lab: SwarmLab;
/** The lab this suite started, when none was running; removed after it, also on SIGINT/SIGTERM. */
let ownLab: StartingLab<unknown> | undefined;
/** What the suite made in the lab: removed before the lab (newest teardown first). */
let suiteWork: Teardown | undefined;

/** Removes what this suite made in the lab. */
async function removeSuiteWork(): Promise<void> {
  await lab.docker(['service', 'rm', reader, `${stack}_vip`]).catch(() => {});
  await lab.docker(['stack', 'rm', stack]).catch(() => {});
  await lab.docker(['secret', 'rm', secretName]).catch(() => {});
  for (const node of lab.layout.nodes) {
    await lab.docker(['node', 'update', '--availability', 'active', node.hostname]).catch(() => {});
  }
  await waitFor(
    "the demo stack's network to go",
    async () => {
      const networks = await lab.docker([
        'network',
        'ls',
        '--filter',
        `label=com.docker.stack.namespace=${stack}`,
        '--quiet',
      ]);
      return networks === '' ? true : undefined;
    },
    {timeoutMs: 60_000},
  ).catch((err: Error) => log(err.message));
}

interface TaskRow {
  ID: string;
  Name: string;
  Node: string;
  DesiredState: string;
  CurrentState: string;
  Error: string;
}

async function tasks(service: string): Promise<TaskRow[]> {
  const out = await lab.docker(['service', 'ps', '--no-trunc', '--format', '{{json .}}', service]);
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as TaskRow);
}

const isRunning = (t: TaskRow) => t.DesiredState === 'Running' && t.CurrentState.startsWith('Running');

/** Waits until `service` has exactly `replicas` running tasks and none starting or stopping. */
async function converged(service: string, replicas: number, timeoutMs = 120_000): Promise<TaskRow[]> {
  return waitFor(
    `${replicas} running tasks of ${service}`,
    async () => {
      const rows = await tasks(service);
      const desired = rows.filter((t) => t.DesiredState === 'Running');
      return desired.length === replicas && desired.every(isRunning) ? desired : undefined;
    },
    {timeoutMs},
  );
}

function node(hostname: string): LabNode {
  const found = lab.layout.nodes.find((n) => n.hostname === hostname);
  assert.ok(found, `no lab node called ${hostname}`);
  return found;
}

/** The container of a Swarm task, on the node that runs it. */
async function taskContainer(task: TaskRow): Promise<string> {
  const id = await lab.nodeDocker(task.Node, [
    'ps',
    '--quiet',
    '--filter',
    `label=com.docker.swarm.task.id=${task.ID}`,
  ]);
  assert.ok(id, `task ${task.Name} (${task.ID}) has no container on ${task.Node}`);
  return id;
}

/** Runs Python in the probe task (on the manager) and parses the JSON it prints. */
async function inProbe<T>(code: string, args: string[] = []): Promise<T> {
  const [probe] = await converged(`${stack}_probe`, 1);
  const container = await taskContainer(probe);
  const out = await lab.nodeDocker(probe.Node, ['exec', container, 'python', '-c', code, ...args], {
    timeoutMs: 300_000,
  });
  return JSON.parse(out) as T;
}

interface Answer {
  task: string;
  node: string;
  version: string;
  ip: string;
}

/** Asks every address behind tasks.web once. */
const ASK_EVERY_TASK = `
import json, socket, urllib.request
answers = []
for ip in sorted(socket.gethostbyname_ex("tasks.web")[2]):
    answer = json.load(urllib.request.urlopen(f"http://{ip}:8000/", timeout=3))
    answer["ip"] = ip
    answers.append(answer)
print(json.dumps(answers))
`;

before(async () => {
  if (!(await swarmStatus()).ready) {
    const started = Date.now();
    ownLab = startingLab(DEFAULT_LAB_NAME, log, (signal) => swarmUp({log, signal}));
    await ownLab.started;
    log(`lab started for this suite in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  lab = await openLab();
  suiteWork = registerTeardown("the suite's services, stack and secret", removeSuiteWork, {log});
  await lab.docker(['stack', 'deploy', '--compose-file', path.join(fixtures, 'stack.yaml'), stack]);
  await converged(web, 3);
});

after(async () => {
  try {
    await suiteWork?.run();
  } finally {
    await ownLab?.teardown.run();
  }
});

test("a stack's replicas are placed on more than one node", async () => {
  const running = await converged(web, 3);
  const nodes = new Set(running.map((t) => t.Node));
  log(`${web}: ${running.map((t) => `${t.Name} on ${t.Node}`).join(', ')}`);
  assert.ok(nodes.size >= 2, `all replicas on ${[...nodes].join(', ')}`);
});

test('a task on the manager reaches the tasks on the workers through tasks.<service> DNS over the overlay network', async () => {
  const running = await converged(web, 3);
  const subnet = await lab.docker([
    'network',
    'inspect',
    '--format',
    '{{range .IPAM.Config}}{{.Subnet}}{{end}}',
    `${stack}_backend`,
  ]);
  // DNS may lag a task that just turned healthy: ask until every running task answers.
  const answers = await waitFor(
    'an answer from every task',
    async () => {
      const got = await inProbe<Answer[]>(ASK_EVERY_TASK);
      return running.every((t) => got.some((a) => a.task.startsWith(`${t.Name}.`))) ? got : undefined;
    },
    {timeoutMs: 60_000, intervalMs: 2000},
  );
  log(
    `from the probe on swarm-manager: ${answers.map((a) => `${a.ip} → ${a.task} on ${a.node}`).join('; ')} (overlay ${subnet})`,
  );
  const remote = answers.filter((a) => a.node !== 'swarm-manager');
  assert.ok(remote.length >= 1, 'no answer came from another node');
  const prefix = subnet.split('.').slice(0, 2).join('.');
  for (const a of answers) assert.ok(a.ip.startsWith(`${prefix}.`), `${a.ip} is not on the overlay ${subnet}`);
});

test('a task on a worker whose container dies is rescheduled', async () => {
  const running = await converged(web, 3);
  const victim = running.find((t) => t.Node !== 'swarm-manager');
  assert.ok(victim, 'no task runs on a worker');
  const container = await taskContainer(victim);
  log(`killing ${victim.Name} (${container}) on ${victim.Node}`);
  await lab.nodeDocker(victim.Node, ['kill', container]);
  const replaced = await waitFor(
    "a new task in the dead one's slot",
    async () => {
      const rows = await tasks(web);
      const dead = rows.find((t) => t.ID === victim.ID);
      const successor = rows.find((t) => t.ID !== victim.ID && t.Name === victim.Name && isRunning(t));
      return dead && dead.DesiredState === 'Shutdown' && successor ? {dead, successor} : undefined;
    },
    {timeoutMs: 90_000},
  );
  log(
    `${victim.ID.slice(0, 12)}: ${replaced.dead.CurrentState} ${replaced.dead.Error}; new task ${replaced.successor.ID.slice(0, 12)} on ${replaced.successor.Node}`,
  );
  assert.match(replaced.dead.CurrentState, /^(Failed|Shutdown)/);
  await converged(web, 3);
});

test('docker node update --availability drain moves the tasks off a node', async () => {
  const running = await converged(web, 3);
  const drained = running.find((t) => t.Node !== 'swarm-manager')?.Node ?? 'swarm-worker2';
  try {
    log(
      `draining ${drained}, which runs ${running
        .filter((t) => t.Node === drained)
        .map((t) => t.Name)
        .join(', ')}`,
    );
    await lab.docker(['node', 'update', '--availability', 'drain', drained]);
    const after = await waitFor(
      `no ${web} task on ${drained}`,
      async () => {
        const rows = (await tasks(web)).filter((t) => t.DesiredState === 'Running');
        return rows.length === 3 && rows.every(isRunning) && rows.every((t) => t.Node !== drained) ? rows : undefined;
      },
      {timeoutMs: 120_000},
    );
    log(`after the drain: ${after.map((t) => `${t.Name} on ${t.Node}`).join(', ')}`);
    assert.equal(await lab.docker(['node', 'inspect', '--format', '{{.Spec.Availability}}', drained]), 'drain');
    const onDrained = await lab.nodeDocker(drained, [
      'ps',
      '--quiet',
      '--filter',
      `label=com.docker.swarm.service.name=${web}`,
    ]);
    assert.equal(onDrained, '', `${drained} still runs containers of ${web}`);
  } finally {
    await lab.docker(['node', 'update', '--availability', 'active', drained]);
  }
});

/** Sends a request every 0.2 s until /tmp/stop appears, like a client holding several addresses. */
const KEEP_ASKING = `
import json, os, socket, sys, time, urllib.request
deadline = time.time() + float(sys.argv[1])
answers, failures = [], []
while time.time() < deadline and not os.path.exists("/tmp/stop"):
    try:
        addresses = socket.gethostbyname_ex("tasks.web")[2]
    except OSError as e:
        failures.append(f"DNS: {e}")
        addresses = []
    for ip in addresses:  # a client given several addresses tries the next when one fails
        try:
            answers.append(json.load(urllib.request.urlopen(f"http://{ip}:8000/", timeout=2))["version"])
            break
        except OSError as e:
            last = f"{ip}: {e}"
    else:
        if addresses:
            failures.append(last)
    time.sleep(0.2)
print(json.dumps({"versions": answers, "failures": failures}))
`;

test('a rolling update keeps the service answering', async () => {
  await converged(web, 3);
  const [probe] = await converged(`${stack}_probe`, 1);
  const container = await taskContainer(probe);
  await lab.nodeDocker(probe.Node, ['exec', container, 'rm', '-f', '/tmp/stop']);
  const asking = lab.nodeDocker(probe.Node, ['exec', container, 'python', '-c', KEEP_ASKING, '240'], {
    timeoutMs: 300_000,
  });
  const started = Date.now();
  await new Promise((r) => setTimeout(r, 3000));
  await lab.docker(['service', 'update', '--quiet', '--detach=false', '--env-add', 'VERSION=2', web], {
    timeoutMs: 240_000,
  });
  await converged(web, 3);
  await new Promise((r) => setTimeout(r, 3000));
  await lab.nodeDocker(probe.Node, ['exec', container, 'touch', '/tmp/stop']);
  const {versions, failures} = JSON.parse(await asking) as {versions: string[]; failures: string[]};
  const count = (v: string) => versions.filter((x) => x === v).length;
  log(
    `during ${((Date.now() - started) / 1000).toFixed(0)} s: ${versions.length} answers (v1 ${count('1')}, v2 ${count('2')}), ${failures.length} failed${failures.length ? `: ${failures.slice(0, 3).join('; ')}` : ''}`,
  );
  assert.equal(failures.length, 0, `requests failed during the update: ${failures.slice(0, 5).join('; ')}`);
  assert.ok(count('1') > 0 && count('2') > 0, 'the client did not see both versions');
  assert.deepEqual(versions.slice(-5), Array(5).fill('2'), 'the last answers are not all from v2');
  const specVersion = await lab.docker([
    'service',
    'inspect',
    '--format',
    '{{json .Spec.TaskTemplate.ContainerSpec.Env}}',
    web,
  ]);
  assert.ok(specVersion.includes('VERSION=2'));
});

/** Directories of image layers: content fixed before the secret existed, skipped to keep the search bounded. */
async function imageLayerDirs(
  listImages: () => Promise<string>,
  inspect: (ids: string[]) => Promise<string>,
): Promise<string[]> {
  const ids = (await listImages()).split('\n').filter(Boolean);
  if (!ids.length) return [];
  const dirs = (await inspect(ids)).split(/[\s:]+/).filter((d) => d.includes('/overlay2/'));
  return [...new Set(dirs.map((d) => d.split('/overlay2/')[1].split('/')[0]))];
}

test("a secret is readable in a task on a worker and nowhere on the host's disk in plain text", async () => {
  const secret = `fglab-secret-${randomBytes(16).toString('hex')}`;
  const control = `fglab-control-${randomBytes(16).toString('hex')}`;
  await lab.docker(['secret', 'create', secretName, '-'], {input: secret});
  await lab.docker(
    [
      'service',
      'create',
      '--quiet',
      '--detach=false',
      '--name',
      reader,
      '--init',
      '--secret',
      `source=${secretName},target=db_password`,
      '--constraint',
      'node.role == worker',
      'python:3.12-slim',
      'sleep',
      'infinity',
    ],
    {timeoutMs: 120_000},
  );
  const [task] = await converged(reader, 1);
  assert.notEqual(task.Node, 'swarm-manager');
  const container = await taskContainer(task);
  const read = await lab.nodeDocker(task.Node, ['exec', container, 'cat', '/run/secrets/db_password']);
  log(`${reader} on ${task.Node} reads /run/secrets/db_password: ${read === secret ? 'the secret' : 'something else'}`);
  assert.equal(read, secret);
  const mounts = await lab.nodeDocker(task.Node, ['exec', container, 'grep', '/run/secrets', '/proc/mounts']);
  assert.match(mounts, /tmpfs/, 'the secret is not on a tmpfs in the task');

  // Controls: the same marker written to a worker's engine volume and into the task's writable
  // layer must be found, or the search could not have seen the secret either.
  const worker = node(task.Node);
  await dockerOutput(['exec', worker.container, 'sh', '-c', `echo ${control} > /var/lib/docker/fglab-control`]);
  await lab.nodeDocker(task.Node, ['exec', container, 'sh', '-c', `echo ${control} > /tmp/fglab-control`]);

  // The host's /var/lib/docker holds the node containers' own layers and their engines' volumes
  // (images, containers, the Raft log in swarm/). Image layers are skipped: they predate the secret.
  const skip = new Set(
    await imageLayerDirs(
      () => dockerOutput(['image', 'ls', '--all', '--quiet']),
      (ids) =>
        dockerOutput([
          'image',
          'inspect',
          '--format',
          '{{.GraphDriver.Data.UpperDir}}:{{.GraphDriver.Data.LowerDir}}',
          ...ids,
        ]),
    ),
  );
  for (const n of lab.layout.nodes) {
    for (const dir of await imageLayerDirs(
      () => dockerOutput(['exec', n.container, 'docker', 'image', 'ls', '--all', '--quiet']),
      (ids) =>
        dockerOutput([
          'exec',
          n.container,
          'docker',
          'image',
          'inspect',
          '--format',
          '{{.GraphDriver.Data.UpperDir}}:{{.GraphDriver.Data.LowerDir}}',
          ...ids,
        ]),
    ))
      skip.add(dir);
  }
  const started = Date.now();
  const grep = await run(
    'nice',
    [
      '-n',
      '19',
      'grep',
      '--recursive',
      '--fixed-strings',
      '--text',
      '--only-matching',
      '--devices=skip',
      '--exclude-dir=merged',
      ...[...skip].map((d) => `--exclude-dir=${d}`),
      '-e',
      secret,
      '-e',
      control,
      '/var/lib/docker',
    ],
    {timeoutMs: 900_000},
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const unexpectedErrors = grep.stderr.split('\n').filter((l) => l && !/No such file or directory/.test(l));
  assert.ok(
    grep.code === 0 || grep.code === 1 || (grep.code === 2 && unexpectedErrors.length === 0),
    `grep failed (${grep.code}): ${unexpectedErrors.slice(0, 5).join('\n')}`,
  );
  const hits = grep.stdout.split('\n').filter(Boolean);
  const secretHits = hits.filter((h) => h.endsWith(`:${secret}`));
  const controlHits = hits.filter((h) => h.endsWith(`:${control}`));
  log(
    `searched /var/lib/docker (${skip.size} image layer folders skipped) in ${seconds} s: control found in ${controlHits.length} files, secret in ${secretHits.length}`,
  );
  assert.ok(
    controlHits.some((h) => h.includes(`/volumes/${worker.volume}/_data/fglab-control:`)),
    "the control in the worker's engine volume was not found",
  );
  assert.ok(
    controlHits.some((h) => h.includes('/diff/tmp/fglab-control:')),
    "the control in the task's writable layer was not found",
  );
  assert.deepEqual(secretHits, [], 'the secret is on disk in plain text');
});

/** Where the kernel has IPVS: a VIP service, asked through its name and through the ingress port on every node. */
async function checkVipAndIngress(part: string): Promise<void> {
  const vip = `${stack}_vip`;
  const port = '18080';
  await lab.docker(
    [
      'service',
      'create',
      '--quiet',
      '--detach=false',
      '--name',
      vip,
      '--network',
      `${stack}_backend`,
      '--replicas',
      '2',
      '--endpoint-mode',
      'vip',
      '--publish',
      `published=${port},target=8000,mode=ingress`,
      '--config',
      `source=${stack}_web_py,target=/srv/web.py`,
      'python:3.12-slim',
      'python',
      '/srv/web.py',
    ],
    {timeoutMs: 120_000},
  );
  try {
    if (part.startsWith('VIP')) {
      const tasksSeen = await inProbe<string[]>(`
import json, socket, urllib.request
address = socket.gethostbyname("${vip}")
print(json.dumps(sorted({json.load(urllib.request.urlopen(f"http://{address}:8000/", timeout=3))["task"] for _ in range(20)})))
`);
      assert.ok(tasksSeen.length >= 2, `the VIP sent every request to ${tasksSeen.join(', ')}`);
    } else {
      for (const n of lab.layout.nodes) {
        const answer = await lab.nodeDocker(n.hostname, [
          'run',
          '--rm',
          '--network',
          'host',
          'python:3.12-slim',
          'python',
          '-c',
          `import urllib.request; print(urllib.request.urlopen("http://127.0.0.1:${port}/", timeout=3).status)`,
        ]);
        assert.equal(answer, '200', `the routing mesh on ${n.hostname} did not answer`);
      }
    }
  } finally {
    await lab.docker(['service', 'rm', vip]).catch(() => {});
  }
}

for (const limit of KERNEL_LIMITS) {
  for (const part of limit.parts) {
    test(`${part} (needs ${limit.feature.toUpperCase()})`, async (t) => {
      if (lab.ipvs) return checkVipAndIngress(part);
      log(
        `NOT CHECKED: ${part}: this kernel has no ${limit.feature.toUpperCase()}; checked instead: ${limit.checkedInstead}`,
      );
      t.skip(`not checked: no ${limit.feature.toUpperCase()} in this kernel`);
    });
  }
}

// Last: a node that died during the suite (the machine short of memory, say) explains the failures
// above it; this names it, so they are not read as the examples' fault.
test('no lab node was lost to the machine during the suite', async () => {
  const lost = await lostNodes();
  assert.deepEqual(lost, [], describeLostNodes(lost, fs.readFileSync('/proc/meminfo', 'utf8')));
});
