// dockerfile examples: build the folder's Dockerfile under a unique tag, run the checks, remove it.
import {join} from 'node:path';
import type {RunResult} from '../exec';
import {tail} from '../../core/exec';
import {dockerfileBases} from '../../core/example-images';
import {findResources, type Resource} from '../sweep';
import {remainingMs, StartError, type Driver, type RunContext} from './driver';

export class DockerfileDriver implements Driver {
  private runs = 0;
  constructor(private readonly ctx: RunContext) {}

  get tag(): string {
    return `${this.ctx.project}:check`;
  }

  async images(): Promise<string[]> {
    return dockerfileBases(join(this.ctx.decl.dir, 'Dockerfile'));
  }

  async start(): Promise<void> {
    const r = await this.ctx.engine.docker(['build', '-t', this.tag, '.'], {
      cwd: this.ctx.decl.dir,
      timeoutMs: remainingMs(this.ctx),
    });
    if (r.code !== 0) throw new StartError(`docker build failed:\n${tail(r.stderr || r.stdout, 15)}`);
  }

  runImage(args: string[], timeoutMs: number): Promise<RunResult> {
    const name = `${this.ctx.project}-run-${++this.runs}`;
    return this.ctx.engine.docker(['run', '--rm', '--name', name, this.tag, ...args], {timeoutMs});
  }

  env(): Record<string, string> {
    return {FG_PROJECT: this.ctx.project, FG_IMAGE: this.tag, FG_PREFIX: `${this.ctx.project}-`};
  }

  async logs(): Promise<string> {
    return '';
  }

  async teardown(): Promise<void> {
    const opts = {timeoutMs: 60_000, survivesInterrupt: true};
    const containers = await findResources(this.ctx.engine, {prefix: `${this.ctx.project}-`}, ['container']);
    if (containers.length) await this.ctx.engine.docker(['rm', '-f', ...containers.map((c) => c.id)], opts);
    await this.ctx.engine.docker(['image', 'rm', '-f', this.tag], opts);
  }

  leftoverMatch() {
    return [{prefix: this.ctx.project}];
  }

  leftovers(): Promise<Resource[]> {
    return findResources(this.ctx.engine, {prefix: this.ctx.project}, ['container', 'network', 'volume', 'image']);
  }
}
