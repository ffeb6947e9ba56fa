// compose examples: `docker compose -p <unique> up -d --wait --build`, then `down -v`.
import type {RunResult, TargetEngine} from '../exec';
import {tail} from '../../core/exec';
import {composeServiceImages} from '../../core/example-images';
import {findResources, type Resource} from '../sweep';
import {remainingMs, StartError, type Driver, type RunContext} from './driver';

export function composeEnv(engine: TargetEngine, project: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...engine.env, FG_PROJECT: project};
  for (const k of Object.keys(env)) if (k.startsWith('COMPOSE_')) delete env[k];
  return env;
}

/** Images of a compose or stack file as Compose reads it: referenced (not built) ones, and base images of builds. */
export async function composeImages(
  engine: TargetEngine,
  dir: string,
  file: string,
  project: string,
  builtTags: Set<string> = new Set(),
): Promise<string[]> {
  const r = await engine.docker(['compose', '-p', project, '-f', file, 'config', '--format', 'json'], {
    cwd: dir,
    env: composeEnv(engine, project),
    timeoutMs: 60_000,
  });
  if (r.code !== 0) throw new StartError(`docker compose config failed: ${tail(r.stderr, 5)}`);
  return composeServiceImages((JSON.parse(r.stdout) as {services?: unknown}).services, dir, builtTags);
}

export class ComposeDriver implements Driver {
  private readonly file = 'compose.yaml';
  constructor(private readonly ctx: RunContext) {}

  private compose(args: string[], timeoutMs: number, survivesInterrupt = false): Promise<RunResult> {
    const {ctx} = this;
    return ctx.engine.docker(['compose', '--ansi', 'never', '-p', ctx.project, '-f', this.file, ...args], {
      cwd: ctx.decl.dir,
      env: composeEnv(ctx.engine, ctx.project),
      timeoutMs,
      survivesInterrupt,
    });
  }

  images(): Promise<string[]> {
    return composeImages(this.ctx.engine, this.ctx.decl.dir, this.file, this.ctx.project);
  }

  async start(): Promise<void> {
    const waitSeconds = Math.max(1, Math.floor(remainingMs(this.ctx) / 1000));
    const r = await this.compose(
      ['up', '-d', '--wait', '--build', '--wait-timeout', String(waitSeconds)],
      remainingMs(this.ctx) + 5000,
    );
    if (r.code !== 0) {
      const why = r.interrupted
        ? 'interrupted'
        : r.timedOut
          ? `not ready within ${this.ctx.decl.timeout} s`
          : `exit ${r.code}`;
      throw new StartError(`docker compose up failed (${why}):\n${tail(withoutProgress(r.stderr || r.stdout), 15)}`);
    }
  }

  exec(service: string, command: string[], timeoutMs: number): Promise<RunResult> {
    return this.compose(['exec', '-T', service, ...command], timeoutMs);
  }

  env(): Record<string, string> {
    return {FG_PROJECT: this.ctx.project};
  }

  async logs(): Promise<string> {
    const ps = await this.compose(['ps', '-a', '--format', 'json'], 30_000, true);
    const rows = parseJsonLines(ps.stdout) as {Service?: string; State?: string; Health?: string}[];
    const failing = rows
      .filter((c) => c.State !== 'running' || (c.Health !== undefined && c.Health !== '' && c.Health !== 'healthy'))
      .map((c) => c.Service)
      .filter((s): s is string => !!s);
    const services = [...new Set(failing)];
    const r = await this.compose(['logs', '--no-color', '--tail', '30', ...services], 30_000, true);
    const header = services.length ? `services not running or not healthy: ${services.join(', ')}` : 'all services';
    const text = stripAnsi(r.stdout + r.stderr).trim();
    return `${header}\n${text ? tail(text, 30 * Math.max(1, services.length || rows.length)) : '(no output)'}`;
  }

  async teardown(): Promise<void> {
    const r = await this.compose(['down', '-v', '--remove-orphans', '--rmi', 'local', '--timeout', '5'], 180_000, true);
    if (r.code !== 0) throw new Error(`docker compose down failed: ${tail(r.stderr, 10)}`);
  }

  leftoverMatch() {
    return [{label: `com.docker.compose.project=${this.ctx.project}`}, {prefix: this.ctx.project}];
  }

  async leftovers(): Promise<Resource[]> {
    const byLabel = await findResources(this.ctx.engine, this.leftoverMatch()[0], ['container', 'network', 'volume']);
    const byName = await findResources(this.ctx.engine, this.leftoverMatch()[1], [
      'container',
      'network',
      'volume',
      'image',
    ]);
    return dedupe([...byLabel, ...byName]);
  }
}

/** Compose colours and erases lines even with --ansi never when it thinks it may. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}

/** Drops compose's progress lines (`Container x  Started`…): the error is what is left. */
export function withoutProgress(output: string): string {
  return output
    .split('\n')
    .filter(
      (l) =>
        !/^\s*(Network|Volume|Container|Image|Service)\s+\S+\s+(Creating|Created|Starting|Started|Waiting|Healthy|Running|Recreate|Recreated|Built|Pulling|Pulled|Stopping|Stopped|Removing|Removed)\s*$/.test(
          l,
        ),
    )
    .join('\n');
}

export function parseJsonLines(text: string): unknown[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[];
  return trimmed
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);
}

export function dedupe(resources: Resource[]): Resource[] {
  const seen = new Set<string>();
  return resources.filter((r) => {
    const key = `${r.type}:${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
