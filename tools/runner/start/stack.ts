// stack examples: a single-node swarm (initialised if needed), `docker stack deploy`, wait for
// every replica, then `docker stack rm` and wait until its networks are gone. With `--lab` the
// swarm is the three-node lab: images are built on the host and loaded into every node, published
// ports are forwarded from 127.0.0.1, exec checks reach the task on whichever node holds it.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'yaml';
import {execInService, forwardPublishedPort, stackPlacement, type PortForward} from '../../lab/services';
import {loadImagesIntoLab, type SwarmLab} from '../../lab/swarm';
import {interruption} from '../../core/teardown';
import {hostDocker, type RunResult} from '../exec';
import {sleep, tail} from '../../core/exec';
import {placementChecks, publishedPorts} from '../lab';
import type {CheckResult} from '../result';
import {RUNNER_LABEL} from '../names';
import {builtImageBases} from '../../core/example-images';
import {findResources, removeResources, waitUntilGone, type Resource} from '../sweep';
import {composeEnv, composeImages, dedupe} from './compose';
import {remainingMs, StartError, type Driver, type RunContext} from './driver';
import {ensureSwarm} from './swarm';

const NAMESPACE = 'com.docker.stack.namespace';

export class StackDriver implements Driver {
  private readonly file = 'stack.yaml';
  private readonly createdSecrets: string[] = [];
  private readonly forwards: PortForward[] = [];
  constructor(private readonly ctx: RunContext) {}

  private get nsLabel() {
    return `${NAMESPACE}=${this.ctx.project}`;
  }

  async images(): Promise<string[]> {
    const {decl, project} = this.ctx;
    const built = new Set(decl.images.map((i) => i.tag));
    // A base that is one of the example's own images is built before it, in the declared order.
    return [
      ...new Set([
        ...(await composeImages(this.ctx.engine, decl.dir, this.file, project, built)),
        ...builtImageBases(decl.dir, decl.images),
      ]),
    ];
  }

  async start(): Promise<void> {
    const {ctx} = this;
    const {decl, project, log} = ctx;
    await ensureSwarm(ctx.engine, log);

    // The lab's nodes cannot build for each other: build on the host, then load into every node.
    const build = ctx.lab ? hostDocker : ctx.engine.docker;
    for (const img of decl.images) {
      log(`building ${img.tag}`);
      const r = await build(['build', '-t', img.tag, '-f', join(img.context, img.dockerfile), img.context], {
        cwd: decl.dir,
        timeoutMs: remainingMs(ctx),
      });
      if (r.code !== 0) throw new StartError(`docker build of ${img.tag} failed:\n${tail(r.stderr || r.stdout, 15)}`);
    }
    if (ctx.lab) await this.prepareLab(ctx.lab);

    for (const secret of decl.secrets) {
      if ((await this.ctx.engine.docker(['secret', 'inspect', secret.name], {timeoutMs: 30_000})).code === 0) {
        throw new StartError(
          `secret ${secret.name} already exists and was not created by this run: remove it or wait for the other run`,
        );
      }
      // Remembered before creation: the teardown removes it even if creation is interrupted.
      this.createdSecrets.push(secret.name);
      const args = ['secret', 'create', '--label', `${RUNNER_LABEL}=${project}`, secret.name, secret.file ?? '-'];
      const r = await this.ctx.engine.docker(args, {cwd: decl.dir, input: secret.stdin, timeoutMs: 30_000});
      if (r.code !== 0) throw new StartError(`docker secret create ${secret.name} failed: ${tail(r.stderr, 5)}`);
    }

    const deploy = await this.ctx.engine.docker(
      ['stack', 'deploy', '--detach=true', '--resolve-image', 'never', '-c', this.file, project],
      {
        cwd: decl.dir,
        env: composeEnv(this.ctx.engine, project),
        timeoutMs: remainingMs(ctx),
      },
    );
    if (deploy.code !== 0)
      throw new StartError(`docker stack deploy failed:\n${tail(deploy.stderr || deploy.stdout, 15)}`);
    await this.waitForReplicas();
  }

  /** Images into every node of the lab; a forward from 127.0.0.1 for each published port. */
  private async prepareLab(lab: SwarmLab): Promise<void> {
    const {decl, project, log} = this.ctx;
    const tags = [
      ...new Set([
        ...(await composeImages(this.ctx.engine, decl.dir, this.file, project, new Set(decl.images.map((i) => i.tag)))),
        ...decl.images.map((i) => i.tag),
      ]),
    ];
    await loadImagesIntoLab(tags, lab.name, log);
    for (const port of publishedPorts(this.stackDoc())) {
      log(`forwarding 127.0.0.1:${port} to the lab node that publishes it`);
      this.forwards.push(await forwardPublishedPort(lab, port));
    }
  }

  /** `docker service ls` rows of this stack: name and replicas as "running/desired". */
  private async services(): Promise<{name: string; running: number; desired: number}[]> {
    const r = await this.ctx.engine.docker(
      ['service', 'ls', '--filter', `label=${this.nsLabel}`, '--format', '{{.Name}}\t{{.Replicas}}'],
      {timeoutMs: 30_000},
    );
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, replicas] = line.split('\t');
        const m = /^(\d+)\/(\d+)/.exec(replicas ?? '');
        return {name, running: m ? Number(m[1]) : 0, desired: m ? Number(m[2]) : -1};
      });
  }

  private async waitForReplicas(): Promise<void> {
    const expected = Object.keys(this.stackServices()).length;
    while (!interruption.aborted) {
      const services = await this.services();
      const last = services.map((s) => `${s.name} ${s.running}/${s.desired}`).join(', ');
      if (services.length >= expected && services.every((s) => s.desired >= 0 && s.running >= s.desired)) return;
      if (remainingMs(this.ctx) <= 0) {
        const errors = await this.ctx.engine.docker(
          [
            'stack',
            'ps',
            '--no-trunc',
            '--filter',
            'desired-state=shutdown',
            '--format',
            '{{.Name}} {{.CurrentState}} {{.Error}}',
            this.ctx.project,
          ],
          {timeoutMs: 30_000},
        );
        throw new StartError(
          `replicas not all running within ${this.ctx.decl.timeout} s: ${last}\n${tail(errors.stdout, 10)}`,
        );
      }
      await sleep(2000);
    }
    throw new StartError('interrupted');
  }

  private stackDoc(): {services?: Record<string, {ports?: []} | null>} {
    // Static checks have validated the file already.
    return parse(readFileSync(join(this.ctx.decl.dir, this.file), 'utf8')) as {
      services?: Record<string, {ports?: []} | null>;
    };
  }

  private stackServices(): Record<string, unknown> {
    return this.stackDoc().services ?? {};
  }

  async placement(): Promise<CheckResult[]> {
    const {lab, project} = this.ctx;
    if (!lab) return [];
    return placementChecks(project, await this.services(), await stackPlacement(lab, project));
  }

  async exec(service: string, command: string[], timeoutMs: number): Promise<RunResult> {
    const name = `${this.ctx.project}_${service}`;
    if (this.ctx.lab) {
      const r = await execInService(this.ctx.lab, name, command, {timeoutMs});
      return {code: r.code, signal: null, stdout: r.stdout, stderr: r.stderr, timedOut: r.timedOut, interrupted: false};
    }
    const ps = await this.ctx.engine.docker(
      ['ps', '-q', '--filter', `label=com.docker.swarm.service.name=${name}`, '--filter', 'status=running'],
      {timeoutMs: 30_000},
    );
    const id = ps.stdout.split('\n').find(Boolean);
    if (!id)
      return {
        code: 1,
        signal: null,
        stdout: '',
        stderr: `no running task of service ${name}`,
        timedOut: false,
        interrupted: false,
      };
    return this.ctx.engine.docker(['exec', id, ...command], {timeoutMs});
  }

  env(): Record<string, string> {
    return {FG_PROJECT: this.ctx.project};
  }

  async logs(): Promise<string> {
    const services = await this.services();
    const failing = services.filter((s) => s.running < s.desired);
    const chosen = failing.length ? failing : services;
    const parts: string[] = [];
    for (const s of chosen) {
      const r = await this.ctx.engine.docker(['service', 'logs', '--no-task-ids', '--tail', '30', s.name], {
        timeoutMs: 30_000,
        survivesInterrupt: true,
      });
      parts.push(`--- ${s.name} (${s.running}/${s.desired} running)\n${tail(r.stdout + r.stderr, 30)}`);
    }
    const ps = await this.ctx.engine.docker(
      ['stack', 'ps', '--no-trunc', '--format', '{{.Name}}\t{{.CurrentState}}\t{{.Error}}', this.ctx.project],
      {timeoutMs: 30_000, survivesInterrupt: true},
    );
    parts.push(`--- tasks\n${tail(ps.stdout, 15)}`);
    return parts.join('\n');
  }

  async teardown(): Promise<void> {
    const {project} = this.ctx;
    const opts = {timeoutMs: 60_000, survivesInterrupt: true};
    for (const forward of this.forwards.splice(0)) await forward.close();
    if (
      (await findResources(this.ctx.engine, {label: this.nsLabel}, ['service', 'network', 'secret', 'config'])).length >
      0
    ) {
      await this.ctx.engine.docker(['stack', 'rm', project], opts);
    }
    // stack rm returns at once; networks and containers go when the tasks have stopped.
    const left = await waitUntilGone(
      this.ctx.engine,
      {label: this.nsLabel},
      ['service', 'container', 'network'],
      120_000,
    );
    if (left.length > 0) await removeResources(this.ctx.engine, left, {label: this.nsLabel});
    // stack rm keeps volumes: remove the ones this stack created.
    const volumes = await findResources(this.ctx.engine, {label: this.nsLabel}, ['volume']);
    if (volumes.length > 0) await removeResources(this.ctx.engine, volumes, {label: this.nsLabel});
    for (const name of this.createdSecrets) {
      const mine = await this.ctx.engine.docker(
        ['secret', 'inspect', '--format', `{{index .Spec.Labels "${RUNNER_LABEL}"}}`, name],
        opts,
      );
      if (mine.code === 0 && mine.stdout.trim() === project) await this.ctx.engine.docker(['secret', 'rm', name], opts);
    }
    await this.sweepNodes();
  }

  /** The lab's workers, whose containers and volumes the manager's API does not list. */
  private workers(): string[] {
    return this.ctx.lab?.layout.nodes.filter((n) => n.role === 'worker').map((n) => n.hostname) ?? [];
  }

  /** Containers and volumes of this stack on each worker, as `<node>/<name>`. */
  private async nodeLeftovers(hostname: string): Promise<Resource[]> {
    const lab = this.ctx.lab!;
    const list = async (type: 'container' | 'volume', args: string[]) =>
      (
        await lab
          .nodeDocker(hostname, [...args, '--filter', `label=${this.nsLabel}`], {timeoutMs: 30_000})
          .catch(() => '')
      )
        .split('\n')
        .filter(Boolean)
        .map((id): Resource => ({type, id, name: `${hostname}/${id}`}));
    return [
      ...(await list('container', ['ps', '-a', '--quiet', '--no-trunc'])),
      ...(await list('volume', ['volume', 'ls', '--quiet'])),
    ];
  }

  /** On each worker: waits for the stack's containers to go, then removes its volumes (stack rm keeps them). */
  async sweepNodes(): Promise<void> {
    const lab = this.ctx.lab;
    if (!lab) return;
    for (const hostname of this.workers()) {
      const deadline = Date.now() + 120_000;
      let left = await this.nodeLeftovers(hostname);
      while (left.some((r) => r.type === 'container') && Date.now() < deadline) {
        await sleep(1000);
        left = await this.nodeLeftovers(hostname);
      }
      const containers = left.filter((r) => r.type === 'container').map((r) => r.id);
      if (containers.length)
        await lab.nodeDocker(hostname, ['rm', '-f', '-v', ...containers], {timeoutMs: 60_000}).catch(() => '');
      const volumes = left.filter((r) => r.type === 'volume').map((r) => r.id);
      if (volumes.length)
        await lab.nodeDocker(hostname, ['volume', 'rm', '-f', ...volumes], {timeoutMs: 60_000}).catch(() => '');
    }
  }

  leftoverMatch() {
    return [{label: this.nsLabel}, {label: `${RUNNER_LABEL}=${this.ctx.project}`}, {prefix: this.ctx.project}];
  }

  async leftovers(): Promise<Resource[]> {
    const [ns, mine, named] = this.leftoverMatch();
    return dedupe([
      ...(await findResources(this.ctx.engine, ns, ['service', 'container', 'network', 'volume', 'secret', 'config'])),
      ...(await findResources(this.ctx.engine, mine, ['secret'])),
      ...(await findResources(this.ctx.engine, named, [
        'service',
        'container',
        'network',
        'volume',
        'secret',
        'config',
      ])),
      ...(await Promise.all(this.workers().map((hostname) => this.nodeLeftovers(hostname)))).flat(),
    ]);
  }
}
