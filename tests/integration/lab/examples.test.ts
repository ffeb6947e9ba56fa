/**
 * Every stack example of examples/ on the three-node lab: deployed with `docker stack deploy`, its
 * tasks spread over more than one node (from `docker stack ps`), and its own checks passing across
 * nodes: http checks through a forward from 127.0.0.1 to the node that publishes the port, exec
 * checks in whichever node runs the task, script checks with DOCKER_HOST at the manager. A check
 * that needs a feature this kernel lacks (`needs: ipvs`) is reported as not checked.
 *
 *   node --import tsx --test tests/integration/lab/examples.test.ts
 */
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {parse} from 'yaml';
import {execFile, sleep, waitFor} from '../../lab/exec';
import {prepareLabImages, repoRoot, stackFileImages} from '../../lab/images';
import {execInService, forwardPublishedPort, stackPlacement, type PortForward} from '../../lab/services';
import {loadImagesIntoLab, onInterrupt, openLab, swarmDown, swarmStatus, swarmUp, type Interrupt, type SwarmLab} from '../../lab/swarm';

const log = (line: string) => console.log(line);

interface Declaration {
  kind: string;
  timeout?: number;
  secrets?: Array<{name: string; file?: string; stdin?: string}>;
  checks?: Array<{
    name: {en: string};
    needs?: string;
    http?: {url: string; status: number; contains?: string};
    exec?: {service: string; command: string[] | string; expect?: string};
    script?: string;
  }>;
}

const examplesDir = path.join(repoRoot, 'examples');
const stackExamples = fs
  .readdirSync(examplesDir, {withFileTypes: true})
  .filter((e) => e.isDirectory() && fs.existsSync(path.join(examplesDir, e.name, 'example.yaml')))
  .map((e) => ({name: e.name, dir: path.join(examplesDir, e.name)}))
  .map((e) => ({...e, declaration: parse(fs.readFileSync(path.join(e.dir, 'example.yaml'), 'utf8')) as Declaration}))
  .filter((e) => e.declaration.kind === 'stack')
  .sort((a, b) => a.name.localeCompare(b.name));

let lab: SwarmLab;
let ownLab = false;
let interrupt: Interrupt | undefined;
let starting: Promise<unknown> = Promise.resolve();
/** What the running test made, removed by it or by the interrupt handler. */
const cleanups = new Set<() => Promise<unknown>>();

async function cleanUp(): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) await cleanup().catch((err: Error) => log(`cleanup: ${err.message}`));
  cleanups.clear();
  await starting.catch(() => {});
  if (ownLab) await swarmDown(undefined, log);
}

before(async () => {
  interrupt = onInterrupt(cleanUp, log);
  if (!(await swarmStatus()).ready) {
    ownLab = true;
    starting = swarmUp({log, signal: interrupt.signal});
    await starting;
  } else {
    // A lab started before an example was added lacks its images.
    await loadImagesIntoLab((await prepareLabImages(log)).tags, undefined, log);
  }
  lab = await openLab();
});

after(async () => {
  try {
    await cleanUp();
  } finally {
    interrupt?.dispose();
  }
});

/** Published ports of a stack file (host mode or not), to forward from the host's loopback. */
function publishedPorts(stackText: string): number[] {
  const doc = parse(stackText) as {services?: Record<string, {ports?: Array<{published?: number | string} | string>}>};
  const ports: number[] = [];
  for (const service of Object.values(doc.services ?? {})) {
    for (const port of service?.ports ?? []) {
      const published = typeof port === 'string' ? port.split(':').at(-2) : port.published;
      if (published !== undefined) ports.push(Number(published));
    }
  }
  return ports;
}

for (const example of stackExamples) {
  test(`stack example ${example.name} runs across nodes and passes its checks`, async (t) => {
    const stack = `fglabex${randomBytes(3).toString('hex')}`;
    const deadline = Date.now() + (example.declaration.timeout ?? 300) * 1000;
    const stackText = fs.readFileSync(path.join(example.dir, 'stack.yaml'), 'utf8');
    const forwards: PortForward[] = [];
    const secrets: string[] = [];
    const remove = async () => {
      for (const f of forwards) await f.close();
      await lab.docker(['stack', 'rm', stack]).catch(() => {});
      await waitFor(`${stack} to be gone`, async () => {
        const left = await lab.docker(['network', 'ls', '--quiet', '--filter', `label=com.docker.stack.namespace=${stack}`]);
        return left === '' ? true : undefined;
      }, {timeoutMs: 120_000});
      const volumes = await lab.docker(['volume', 'ls', '--quiet', '--filter', `label=com.docker.stack.namespace=${stack}`]).catch(() => '');
      for (const node of lab.layout.nodes) {
        for (const volume of volumes.split('\n').filter(Boolean)) await lab.nodeDocker(node.hostname, ['volume', 'rm', volume]).catch(() => {});
        const onNode = await lab.nodeDocker(node.hostname, ['volume', 'ls', '--quiet', '--filter', `label=com.docker.stack.namespace=${stack}`]).catch(() => '');
        for (const volume of onNode.split('\n').filter(Boolean)) await lab.nodeDocker(node.hostname, ['volume', 'rm', volume]).catch(() => {});
      }
      for (const secret of secrets) await lab.docker(['secret', 'rm', secret]).catch(() => {});
    };
    cleanups.add(remove);
    try {
      for (const image of stackFileImages(stackText)) {
        assert.ok(await lab.docker(['image', 'inspect', '--format', '{{.Id}}', image]).catch(() => ''), `${image} is not in the lab`);
      }
      for (const secret of example.declaration.secrets ?? []) {
        secrets.push(secret.name);
        await lab.docker(['secret', 'create', secret.name, secret.file ? path.join(example.dir, secret.file) : '-'], {input: secret.stdin});
      }
      for (const port of publishedPorts(stackText)) forwards.push(await forwardPublishedPort(lab, port));
      await execFile('docker', ['stack', 'deploy', '--detach=true', '--resolve-image', 'never', '-c', 'stack.yaml', stack], {env: lab.env, cwd: example.dir})
        .then((r) => assert.equal(r.code, 0, r.stderr));
      const expected = Object.keys((parse(stackText) as {services: object}).services).length;
      const placement = await waitFor(`every replica of ${stack}`, async () => {
        const rows = (await lab.docker(['stack', 'services', '--format', '{{.Replicas}}', stack])).split('\n').filter(Boolean);
        const allUp = rows.length === expected && rows.every((r) => /^(\d+)\/\1\b/.test(r));
        return allUp ? stackPlacement(lab, stack) : undefined;
      }, {timeoutMs: Math.max(10_000, deadline - Date.now()), intervalMs: 2000});
      const nodes = new Set(Object.values(placement).flat().map((p) => p.node));
      log(`${example.name}: ${Object.entries(placement).map(([s, tasks]) => `${s.slice(stack.length + 1)} on ${tasks.map((p) => p.node).join(', ')}`).join('; ')}`);
      assert.ok(nodes.size >= 2, `every task of ${example.name} runs on ${[...nodes].join(', ')}`);

      for (const check of example.declaration.checks ?? []) {
        const name = check.name.en;
        if (check.script) {
          // A check script finds its task with `docker ps` and runs `docker exec` in it: with
          // DOCKER_HOST at the manager that only sees tasks on the manager, so the services it
          // looks for must be placed there, or the check passes or fails by where the task landed.
          const script = fs.readFileSync(path.join(example.dir, check.script), 'utf8');
          const services = [...script.matchAll(/com\.docker\.swarm\.service\.name=\$\{stack\}_([\w-]+)/g)].map((m) => m[1]);
          await t.test(`${check.script} finds ${services.join(', ') || 'no task'} with docker ps: placed on the manager`, () => {
            const doc = parse(stackText) as {services: Record<string, {deploy?: {placement?: {constraints?: string[]}}}>};
            for (const service of services) {
              const constraints = doc.services[service]?.deploy?.placement?.constraints ?? [];
              assert.ok(
                constraints.some((c) => /^node\.role\s*==\s*manager$/.test(c.trim())),
                `${example.name}/stack.yaml: service ${service} needs deploy.placement.constraints: ["node.role == manager"] — ${check.script} looks for it with docker ps on the manager`,
              );
            }
          });
        }
        if (check.needs && !(check.needs === 'ipvs' && lab.ipvs)) {
          log(`NOT CHECKED: ${example.name}: ${name}: needs ${check.needs.toUpperCase()}, which this kernel lacks`);
          await t.test(name, (st) => st.skip(`not checked: no ${check.needs!.toUpperCase()} in this kernel`));
          continue;
        }
        await t.test(name, async () => {
          if (check.http) {
            const {url, status, contains} = check.http;
            // Like the runner: retried until the example's deadline (WordPress needs its database first).
            let last = '';
            for (;;) {
              try {
                const res = await fetch(url, {redirect: 'manual', signal: AbortSignal.timeout(10_000)});
                const body = await res.text();
                if (res.status === status && (contains === undefined || body.includes(contains))) return;
                last = `status ${res.status}`;
              } catch (err) {
                last = (err as Error).message;
              }
              if (Date.now() > deadline) assert.fail(`GET ${url}: ${last}`);
              await sleep(2000);
            }
          } else if (check.exec) {
            const command = typeof check.exec.command === 'string' ? ['sh', '-c', check.exec.command] : check.exec.command;
            const r = await execInService(lab, `${stack}_${check.exec.service}`, command);
            assert.equal(r.code, 0, r.stderr);
            if (check.exec.expect !== undefined) assert.ok(r.stdout.includes(check.exec.expect), r.stdout);
          } else if (check.script) {
            const r = await execFile('bash', [check.script], {
              env: {...lab.env, FG_PROJECT: stack},
              timeoutMs: Math.max(10_000, deadline - Date.now()),
              cwd: example.dir,
            });
            assert.equal(r.code, 0, `${check.script} failed:\n${(r.stdout + r.stderr).split('\n').slice(-15).join('\n')}`);
          }
        });
      }
    } finally {
      cleanups.delete(remove);
      await remove();
    }
  });
}
