// The runner's commands (tools/core/exec.ts): the work's commands stop at SIGINT/SIGTERM, a
// teardown's (`survivesInterrupt`) finish. What talks to the engine the examples run on is handed it
// (a TargetEngine), never a global.
import * as core from '../core/exec';

export type RunResult = core.ExecResult;

export interface RunOptions extends Omit<core.ExecOptions, 'stopOnInterrupt' | 'input'> {
  input?: string;
  /** Teardown commands must finish even while the runner is being interrupted. */
  survivesInterrupt?: boolean;
}

const coreOptions = ({survivesInterrupt, ...options}: RunOptions): core.ExecOptions => ({
  ...options,
  stopOnInterrupt: !survivesInterrupt,
});

export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return core.run(cmd, args, coreOptions(opts));
}

/** Runs a command that must succeed; throws CommandError with its output otherwise. */
export function runOk(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return core.runOk(cmd, args, coreOptions(opts));
}

/** The engine the examples run on: this machine's, or the Swarm lab's manager (`up --lab`). */
export interface TargetEngine {
  /** Process environment of the commands that talk to it (with DOCKER_HOST for the lab). */
  env: NodeJS.ProcessEnv;
  /** `docker …` against it. */
  docker(args: readonly string[], opts?: RunOptions): Promise<RunResult>;
}

export function targetEngine(env: NodeJS.ProcessEnv = process.env): TargetEngine {
  return {env, docker: (args, opts = {}) => run('docker', args, {...opts, env: opts.env ?? env})};
}

/** `docker` against this machine's engine whatever the target: images are built here, then loaded into the lab. */
export function hostDocker(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return run('docker', args, opts);
}
