// Child processes of the runner. Each runs in its own process group so that a timeout or an
// interrupt can stop it with everything it started; the runner stops them itself on SIGINT/SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { interruption } from '../core/teardown';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Milliseconds before the process group gets SIGTERM (then SIGKILL 5 s later). */
  timeoutMs?: number;
  /** Called with each line of stdout and stderr as it arrives. */
  onLine?: (line: string) => void;
  /** Teardown commands must finish even while the runner is being interrupted. */
  survivesInterrupt?: boolean;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  interrupted: boolean;
}

const active = new Set<{ child: ChildProcess; survivesInterrupt: boolean; interrupted: boolean }>();
let interrupting = false;

export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    if (interrupting && !opts.survivesInterrupt) {
      resolve({ code: null, signal: 'SIGINT', stdout: '', stderr: 'interrupted', timedOut: false, interrupted: true });
      return;
    }
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const entry = { child, survivesInterrupt: !!opts.survivesInterrupt, interrupted: false };
    active.add(entry);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const lineSplitter = () => {
      let rest = '';
      return (chunk: string, flush = false) => {
        if (!opts.onLine) return;
        const parts = (rest + chunk).split('\n');
        rest = flush ? '' : (parts.pop() ?? '');
        for (const line of parts) if (line !== '' || !flush) opts.onLine(line);
      };
    };
    const outLines = lineSplitter();
    const errLines = lineSplitter();
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { stdout += d; outLines(d); });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; errLines(d); });
    child.stdin!.on('error', () => { /* the child may exit before reading its input */ });
    child.stdin!.end(opts.input ?? '');
    let timer: NodeJS.Timeout | undefined;
    if (opts.timeoutMs !== undefined) {
      timer = setTimeout(() => {
        timedOut = true;
        stopGroup(child);
      }, Math.max(0, opts.timeoutMs));
    }
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (timer) clearTimeout(timer);
      active.delete(entry);
      outLines('', true);
      errLines('', true);
      resolve({ code, signal, stdout, stderr, timedOut, interrupted: entry.interrupted });
    };
    child.on('error', (err) => { stderr += String(err); finish(127, null); });
    child.on('close', finish);
  });
}

function stopGroup(child: ChildProcess): void {
  const kill = (sig: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  setTimeout(() => kill('SIGKILL'), 5000).unref();
}

/** Stops every running child that is not part of a teardown; later `run` calls return at once. */
function interruptAll(): void {
  interrupting = true;
  for (const entry of active) {
    if (!entry.survivesInterrupt) {
      entry.interrupted = true;
      stopGroup(entry.child);
    }
  }
}

interruption.addEventListener('abort', interruptAll);

/** Runs a command that must succeed; throws with its output otherwise. */
export async function runOk(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) {
    const why = r.interrupted ? 'interrupted' : r.timedOut ? 'timed out' : `exit ${r.code ?? r.signal}`;
    throw new CommandError(`${cmd} ${args.join(' ')}: ${why}\n${tail(r.stderr || r.stdout, 20)}`, r);
  }
  return r;
}

export class CommandError extends Error {
  constructor(message: string, readonly result: RunResult) {
    super(message);
  }
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
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
  return run('docker', args, { ...opts, env: opts.env ?? engineEnv() });
}

export function dockerOk(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return runOk('docker', args, { ...opts, env: opts.env ?? engineEnv() });
}

/** `docker` against this machine's engine whatever the target: images are built here, then loaded into the lab. */
export function hostDocker(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return run('docker', args, opts);
}
