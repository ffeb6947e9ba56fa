// script examples: `bash run.sh` is the lesson; it names everything with $FG_PREFIX and cleans up
// after itself. The runner sweeps whatever is left with that prefix and counts it as a failure.
// Before it runs, the images it declares under `uses:` are made available and, with `swarm: true`,
// the engine is made a swarm manager.
import {run} from '../exec';
import {sleep, tail} from '../../core/exec';
import {interruption} from '../../core/teardown';
import {findResources, type Resource} from '../sweep';
import {remainingMs, StartError, type Driver, type RunContext} from './driver';
import {ensureSwarm} from './swarm';

export class ScriptDriver implements Driver {
  private output = '';
  /** When run.sh started, and whether it was killed (interrupt or timeout) rather than ending itself. */
  private startedAt = 0;
  private killed = false;
  constructor(private readonly ctx: RunContext) {}

  get prefix(): string {
    return `${this.ctx.project}-`;
  }

  async images(): Promise<string[]> {
    return this.ctx.decl.uses;
  }

  async start(): Promise<void> {
    const {ctx} = this;
    if (ctx.decl.swarm) await ensureSwarm(ctx.engine, ctx.log);
    this.startedAt = Date.now();
    const r = await run('bash', ['run.sh'], {
      cwd: ctx.decl.dir,
      env: {...ctx.engine.env, ...this.env()},
      timeoutMs: remainingMs(ctx),
      onLine: (line) => ctx.log(`  | ${line}`),
    });
    this.output = r.stdout + r.stderr;
    this.killed = r.interrupted || r.timedOut;
    if (r.code !== 0) {
      const why = r.interrupted
        ? 'interrupted'
        : r.timedOut
          ? `not done within ${ctx.decl.timeout} s`
          : `exit ${r.code ?? r.signal}`;
      throw new StartError(`bash run.sh failed (${why})`);
    }
  }

  env(): Record<string, string> {
    return {FG_PROJECT: this.ctx.project, FG_PREFIX: this.prefix};
  }

  async logs(): Promise<string> {
    return tail(this.output, 30);
  }

  async teardown(): Promise<void> {
    // The script cleans up itself; what it left is found by leftovers() and reported. A killed
    // script cannot: a `docker run --rm` whose CLI died between create and start leaves an unnamed
    // container that no prefix finds.
    // On an interrupt this runs from the signal handler, beside run.sh's own end.
    if (this.startedAt === 0 || !(this.killed || interruption.aborted)) return;
    const images = (image: string) => this.ctx.decl.uses.includes(image) || image.startsWith(this.prefix);
    const left = await unstartedRunContainers(this.ctx, images, this.startedAt);
    if (left.length === 0) return;
    this.ctx.log(`removing ${left.length} container(s) run.sh created but never started: ${left.join(', ')}`);
    const r = await this.ctx.engine.docker(['rm', '--force', ...left], {timeoutMs: 60_000, survivesInterrupt: true});
    if (r.code !== 0) throw new Error(`docker rm of ${left.join(', ')} failed: ${tail(r.stderr, 5)}`);
  }

  leftoverMatch() {
    return [{prefix: this.prefix}];
  }

  leftovers(): Promise<Resource[]> {
    return findResources(this.ctx.engine, {prefix: this.prefix});
  }
}

/** Seconds a container made by a live `docker run` stays in state "created": its CLI starts it at once. */
const UNSTARTED_SECONDS = 3;

/**
 * Containers of `docker run --rm` (AutoRemove) of the example's images, created since `sinceMs` and
 * never started: seen "created" twice, UNSTARTED_SECONDS apart, so a container another example's
 * live CLI is about to start is never taken.
 */
async function unstartedRunContainers(
  ctx: RunContext,
  isExampleImage: (image: string) => boolean,
  sinceMs: number,
): Promise<string[]> {
  const look = async (): Promise<string[]> => {
    const opts = {timeoutMs: 30_000, survivesInterrupt: true};
    const ids = await ctx.engine.docker(['ps', '--all', '--quiet', '--no-trunc', '--filter', 'status=created'], opts);
    const found = ids.stdout.split('\n').filter(Boolean);
    if (ids.code !== 0 || found.length === 0) return [];
    const format = '{{.Id}} {{.Created}} {{.HostConfig.AutoRemove}} {{.Config.Image}}';
    const r = await ctx.engine.docker(['container', 'inspect', '--format', format, ...found], opts);
    return r.stdout
      .split('\n')
      .map((line) => line.split(' '))
      .filter(
        ([, created, autoRemove, image]) =>
          autoRemove === 'true' && Date.parse(created) >= sinceMs - 1000 && isExampleImage(image ?? ''),
      )
      .map(([id]) => id);
  };
  const first = await look();
  if (first.length === 0) return [];
  await sleep(UNSTARTED_SECONDS * 1000);
  const again = new Set(await look());
  return first.filter((id) => again.has(id));
}
