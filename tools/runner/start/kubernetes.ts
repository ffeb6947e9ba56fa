// kubernetes examples, when a cluster answers: apply the manifests in a namespace of their own,
// wait for every rollout, then delete the namespace.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {run, type RunResult} from '../exec';
import {tail} from '../../core/exec';
import {findResources, type Resource} from '../sweep';
import {parseYaml, valueOf} from '../yamlpos';
import {remainingMs, StartError, type Driver, type RunContext} from './driver';

const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
interface Manifest {
  kind?: string;
  metadata?: {name?: string};
  items?: (Manifest | null)[];
}

export class KubernetesDriver implements Driver {
  constructor(
    private readonly ctx: RunContext,
    private readonly manifests: string[],
  ) {}

  private kubectl(args: string[], timeoutMs: number, survivesInterrupt = false): Promise<RunResult> {
    return run('kubectl', args, {cwd: this.ctx.decl.dir, timeoutMs, survivesInterrupt});
  }

  async images(): Promise<string[]> {
    return []; // the cluster pulls its own images
  }

  private workloads(): string[] {
    const out: string[] = [];
    for (const file of this.manifests) {
      // Read as the checker read it (which bounded its aliases): merge keys, more than 100 aliases, kind: List.
      const {yaml} = parseYaml(file, readFileSync(join(this.ctx.decl.dir, file), 'utf8'));
      for (let d = 0; d < yaml.docs.length; d++) {
        const doc = valueOf(yaml, d) as Manifest | null;
        for (const obj of doc?.kind === 'List' && Array.isArray(doc.items) ? doc.items : [doc]) {
          if (obj?.kind && ROLLOUT_KINDS.has(obj.kind) && obj.metadata?.name)
            out.push(`${obj.kind.toLowerCase()}/${obj.metadata.name}`);
        }
      }
    }
    return out;
  }

  async start(): Promise<void> {
    const ns = this.ctx.project;
    const create = await this.kubectl(['create', 'namespace', ns], 60_000);
    if (create.code !== 0) throw new StartError(`kubectl create namespace failed: ${tail(create.stderr, 5)}`);
    const files = this.manifests.flatMap((f) => ['-f', f]);
    const apply = await this.kubectl(['apply', '-n', ns, ...files], remainingMs(this.ctx));
    if (apply.code !== 0) throw new StartError(`kubectl apply failed:\n${tail(apply.stderr, 15)}`);
    for (const workload of this.workloads()) {
      const seconds = Math.max(1, Math.floor(remainingMs(this.ctx) / 1000));
      const r = await this.kubectl(
        ['rollout', 'status', '-n', ns, workload, `--timeout=${seconds}s`],
        remainingMs(this.ctx) + 5000,
      );
      if (r.code !== 0)
        throw new StartError(`rollout of ${workload} did not finish:\n${tail(r.stderr || r.stdout, 10)}`);
    }
  }

  env(): Record<string, string> {
    return {FG_PROJECT: this.ctx.project};
  }

  async logs(): Promise<string> {
    const r = await this.kubectl(['get', 'pods,events', '-n', this.ctx.project], 30_000, true);
    return tail(r.stdout + r.stderr, 40);
  }

  async teardown(): Promise<void> {
    const ns = this.ctx.project;
    const files = this.manifests.flatMap((f) => ['-f', f]);
    // Cluster-scoped objects (a PersistentVolume…) are not in the namespace: delete them by file.
    await this.kubectl(['delete', '-n', ns, '--ignore-not-found', '--wait=true', ...files], 180_000, true);
    await this.kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=true'], 180_000, true);
  }

  leftoverMatch() {
    return [{prefix: this.ctx.project}];
  }

  leftovers(): Promise<Resource[]> {
    return findResources(this.ctx.engine, {prefix: this.ctx.project}, ['namespace']);
  }
}
