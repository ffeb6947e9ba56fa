// The one way the tools run a program: without a shell, in its own process group (so a timeout or
// an interrupt stops it with everything it started), output collected and optionally streamed.
import {spawn, type ChildProcess} from 'node:child_process';
import type {Readable} from 'node:stream';
import {interruption} from './teardown';

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Text or a stream fed to the command's standard input. */
  input?: string | Readable;
  /** Milliseconds before the process group gets SIGTERM (then SIGKILL 5 s later). */
  timeoutMs?: number;
  /** Called with each line of stdout and stderr as it arrives. */
  onLine?: (line: string) => void;
  /**
   * Stopped at SIGINT/SIGTERM, and not started after one: the work's commands. A teardown's
   * commands leave it unset, so they finish.
   */
  stopOnInterrupt?: boolean;
}

export interface ExecResult {
  /** null when the process was ended by a signal (`signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  interrupted: boolean;
}

interface Running {
  child: ChildProcess;
  stopOnInterrupt: boolean;
  interrupted: boolean;
}

const running = new Set<Running>();

function stopGroup(child: ChildProcess): void {
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  setTimeout(() => kill('SIGKILL'), 5000).unref();
}

interruption.addEventListener('abort', () => {
  for (const entry of running) {
    if (!entry.stopOnInterrupt) continue;
    entry.interrupted = true;
    stopGroup(entry.child);
  }
});

/** Splits a stream's chunks into lines for `onLine`; the last, unterminated one comes with `flush`. */
function lineSplitter(onLine: ((line: string) => void) | undefined): (chunk: string, flush?: boolean) => void {
  let rest = '';
  return (chunk, flush = false) => {
    if (!onLine) return;
    const parts = (rest + chunk).split('\n');
    rest = flush ? '' : (parts.pop() ?? '');
    for (const line of parts) if (line !== '' || !flush) onLine(line);
  };
}

/** Runs a command and collects its output; never throws (a command that cannot start exits 127). */
export function run(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    if (options.stopOnInterrupt && interruption.aborted) {
      resolve({code: null, signal: 'SIGINT', stdout: '', stderr: 'interrupted', timedOut: false, interrupted: true});
      return;
    }
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const entry: Running = {child, stopOnInterrupt: !!options.stopOnInterrupt, interrupted: false};
    running.add(entry);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const outLines = lineSplitter(options.onLine);
    const errLines = lineSplitter(options.onLine);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => ((stdout += d), outLines(d)));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => ((stderr += d), errLines(d)));
    // A command that exits before reading all its input closes the pipe; that is its business.
    child.stdin!.on('error', () => {});
    if (options.input === undefined || typeof options.input === 'string') child.stdin!.end(options.input ?? '');
    else options.input.pipe(child.stdin!);
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(
            () => {
              timedOut = true;
              stopGroup(child);
            },
            Math.max(0, options.timeoutMs),
          );
    let finished = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      running.delete(entry);
      outLines('', true);
      errLines('', true);
      if (timedOut) stderr += `\n(stopped after ${options.timeoutMs} ms)`;
      resolve({code, signal, stdout, stderr, timedOut, interrupted: entry.interrupted});
    };
    child.on('error', (err) => ((stderr += String(err)), finish(127, null)));
    child.on('close', finish);
  });
}

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly result: ExecResult,
  ) {
    const why = result.interrupted
      ? 'was interrupted'
      : result.timedOut
        ? 'timed out'
        : `exited with ${result.code ?? result.signal}`;
    const detail = tail(result.stderr.trim() || result.stdout.trim(), 20);
    super(`\`${command}\` ${why}${detail ? `:\n${detail}` : ''}`);
  }
}

/** Runs a command that must succeed; throws CommandError with its last output lines otherwise. */
export async function runOk(file: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const result = await run(file, args, options);
  if (result.code !== 0) throw new CommandError(`${file} ${args.join(' ')}`, result);
  return result;
}

/** `docker …` on the engine `options.env` points at: its trimmed standard output; throws CommandError on failure. */
export async function dockerOutput(args: readonly string[], options: ExecOptions = {}): Promise<string> {
  return (await runOk('docker', args, options)).stdout.trim();
}

/** Whether `docker …` succeeded. */
export async function dockerSucceeds(args: readonly string[], options: ExecOptions = {}): Promise<boolean> {
  return (await run('docker', args, options)).code === 0;
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  {timeoutMs, intervalMs = 1000, signal}: {timeoutMs: number; intervalMs?: number; signal?: AbortSignal},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${why}`);
    }
    await sleep(intervalMs);
  }
}
