// The runner's commands (tools/core/exec.ts): the work's commands stop at SIGINT/SIGTERM, a
// teardown's (`survivesInterrupt`) finish; `docker` goes to the engine the examples run on.
import * as core from '../core/exec';

export type RunResult = core.ExecResult;

export interface RunOptions extends Omit<core.ExecOptions, 'stopOnInterrupt' | 'input'> {
  input?: string;
  /** Teardown commands must finish even while the runner is being interrupted. */
  survivesInterrupt?: boolean;
}

const coreOptions = ({survivesInterrupt, ...options}: RunOptions): core.ExecOptions => ({...options, stopOnInterrupt: !survivesInterrupt});

export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return core.run(cmd, args, coreOptions(opts));
}

/** Runs a command that must succeed; throws CommandError with its output otherwise. */
export function runOk(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return core.runOk(cmd, args, coreOptions(opts));
}

let targetEnv: NodeJS.ProcessEnv | null = null;

/** Aims every later `docker` call and script check at another engine (`--lab`: the Swarm lab's manager). */
export function targetEngine(env: NodeJS.ProcessEnv | null): void {
  targetEnv = env;
}

/** Process environment of commands that talk to the engine the examples run on. */
export function engineEnv(): NodeJS.ProcessEnv {
  return targetEnv ?? process.env;
}

/** `docker` against the engine the examples run on (this machine's, or the lab's with `--lab`). */
export function docker(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return run('docker', args, {...opts, env: opts.env ?? engineEnv()});
}

/** `docker` against this machine's engine whatever the target: images are built here, then loaded into the lab. */
export function hostDocker(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return run('docker', args, opts);
}
