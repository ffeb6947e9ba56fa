import {spawn} from 'node:child_process';
import type {Readable} from 'node:stream';

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Killed by `timeoutMs`, not ended by itself. */
  timedOut: boolean;
}

export interface ExecOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Text or a stream fed to the command's standard input. */
  input?: string | Readable;
  /** Kill the command after this long and fail. */
  timeoutMs?: number;
}

export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly result: ExecResult,
  ) {
    const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-5).join('\n');
    super(`\`${command}\` exited with ${result.code}${detail ? `:\n${detail}` : ''}`);
  }
}

/** Runs a command without a shell and collects its output; never throws on a non-zero exit. */
export function execFile(file: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {env: options.env ?? process.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            stderr += `\n(killed after ${options.timeoutMs} ms)`;
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({code: code ?? (signal ? 128 : 1), stdout, stderr, timedOut});
    });
    // A command that exits before reading all its input closes the pipe; that is its business.
    child.stdin.on('error', () => {});
    if (typeof options.input === 'string') child.stdin.end(options.input);
    else if (options.input) options.input.pipe(child.stdin);
    else child.stdin.end();
  });
}

/** Runs `docker …` and returns its trimmed standard output; throws CommandError on failure. */
export async function docker(args: string[], options: ExecOptions = {}): Promise<string> {
  const result = await execFile('docker', args, options);
  if (result.code !== 0) throw new CommandError(`docker ${args.join(' ')}`, result);
  return result.stdout.trim();
}

/** Runs `docker …` and reports only whether it succeeded. */
export async function dockerOk(args: string[], options: ExecOptions = {}): Promise<boolean> {
  return (await execFile('docker', args, options)).code === 0;
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
