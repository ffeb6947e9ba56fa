// script examples: `bash run.sh` is the lesson; it names everything with $FG_PREFIX and cleans up
// after itself. The runner sweeps whatever is left with that prefix and counts it as a failure.
// Before it runs, the images it declares under `uses:` are made available and, with `swarm: true`,
// the engine is made a swarm manager.
import {run} from '../exec';
import {tail} from '../../core/exec';
import {findResources, type Resource} from '../sweep';
import {remainingMs, StartError, type Driver, type RunContext} from './driver';
import {ensureSwarm} from './swarm';

export class ScriptDriver implements Driver {
  private output = '';
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
    const r = await run('bash', ['run.sh'], {
      cwd: ctx.decl.dir,
      env: {...ctx.engine.env, ...this.env()},
      timeoutMs: remainingMs(ctx),
      onLine: (line) => ctx.log(`  | ${line}`),
    });
    this.output = r.stdout + r.stderr;
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
    // The script cleans up itself; what it left is found by leftovers() and reported.
  }

  leftoverMatch() {
    return [{prefix: this.prefix}];
  }

  leftovers(): Promise<Resource[]> {
    return findResources(this.ctx.engine, {prefix: this.prefix});
  }
}
