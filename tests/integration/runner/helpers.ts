// Running the runner's CLI as a reader or CI would, and listing what it might have left behind.
import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import type {Report} from '../../../tools/runner/report';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES = 'tests/fixtures/examples';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  report: Report | null;
}

export interface CliOptions {
  /** Sends this signal once `ready` returns true (polled every 500 ms). */
  interrupt?: {signal: NodeJS.Signals; ready: (stderr: string) => boolean};
  /** Runs `action` once, as soon as `ready` returns true (polled every 500 ms). */
  during?: {ready: (stderr: string) => boolean; action: () => void};
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /**
   * Processor seconds the runner and each process it starts may use (prlimit's RLIMIT_CPU, which
   * children inherit): past it the kernel kills the process. Unlike a wall-clock limit it does not
   * grow when other work on the machine keeps the runner waiting.
   */
  cpuSeconds?: number;
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  const json = join(mkdtempSync(join(tmpdir(), 'fg-runner-report-')), 'examples.json');
  return new Promise((done, fail) => {
    const command = [process.execPath, '--import', 'tsx', 'tools/runner/cli.ts', ...args, '--json', json];
    if (opts.cpuSeconds !== undefined) command.unshift('prlimit', `--cpu=${opts.cpuSeconds}`, '--');
    const child = spawn(command[0], command.slice(1), {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {...process.env, ...opts.env},
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const killer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`runner did not finish in time:\n${stderr}`));
    }, opts.timeoutMs ?? 600_000);
    let poller: NodeJS.Timeout | undefined;
    const when = opts.interrupt
      ? {ready: opts.interrupt.ready, action: () => child.kill(opts.interrupt!.signal)}
      : opts.during;
    if (when) {
      poller = setInterval(() => {
        if (when.ready(stderr)) {
          clearInterval(poller);
          when.action();
        }
      }, 500);
    }
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      if (poller) clearInterval(poller);
      let report: Report | null = null;
      try {
        report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      } catch {
        /* interrupted runs write none */
      }
      done({code, signal, stdout, stderr, report});
    });
  });
}

function lines(args: string[]): string[] {
  try {
    return execFileSync('docker', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // e.g. `docker secret ls` when the engine is not a swarm manager
  }
}

/**
 * Everything on the engine whose name starts with one of the prefixes, as "type name" lines, from
 * the lists the issue names: docker ps -a, network ls, volume ls, stack ls, secret ls (and services).
 */
export function resourcesNamed(prefixes: string[]): string[] {
  const lists: [string, string[]][] = [
    ['container', ['ps', '-a', '--format', '{{.Names}}']],
    ['network', ['network', 'ls', '--format', '{{.Name}}']],
    ['volume', ['volume', 'ls', '--format', '{{.Name}}']],
    ['stack', ['stack', 'ls', '--format', '{{.Name}}']],
    ['service', ['service', 'ls', '--format', '{{.Name}}']],
    ['secret', ['secret', 'ls', '--format', '{{.Name}}']],
  ];
  return lists.flatMap(([type, args]) =>
    lines(args)
      .filter((n) => prefixes.some((p) => n.startsWith(p)))
      .map((n) => `${type} ${n}`),
  );
}

/** The engine's swarm membership (inactive, active, …): a run must leave it as it found it. */
export function swarmState(): string {
  return execFileSync('docker', ['info', '--format', '{{.Swarm.LocalNodeState}}'], {encoding: 'utf8'}).trim();
}

/** Waits until a resource with this prefix exists (the runner really started something). */
export function exists(prefix: string): boolean {
  return resourcesNamed([prefix]).length > 0;
}
