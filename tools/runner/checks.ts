// Smoke checks of a started example: http (retried until the example's deadline), exec in a
// service (retried too), run of a built image, and a script in the example folder.
import {join} from 'node:path';
import type {Check} from './declaration';
import {interruption} from '../core/teardown';
import {run, type RunResult} from './exec';
import {sleep, tail} from '../core/exec';
import type {CheckResult} from './result';
import {remainingMs, type Driver, type RunContext} from './start/driver';

export const checkType = (c: Check) => (c.http ? 'http' : c.exec ? 'exec' : c.run ? 'run' : 'script');

interface Attempt {
  ok: boolean;
  detail: string;
  /** The attempt ran out of time rather than getting an answer. */
  timedOut?: boolean;
}

/**
 * Retries `attempt` until it passes or the example's deadline passes. Reports the last answer
 * that was a real one: "timed out" near the deadline says less than the wrong output before it.
 */
async function retryUntilDeadline(ctx: RunContext, attempt: () => Promise<Attempt>): Promise<Attempt> {
  let last: Attempt;
  let lastAnswer: Attempt | null = null;
  do {
    last = await attempt();
    if (last.ok || interruption.aborted) return last;
    if (!last.timedOut) lastAnswer = last;
    if (remainingMs(ctx) > 1000) await sleep(1000);
  } while (remainingMs(ctx) > 1000);
  return lastAnswer && last.timedOut ? {ok: false, detail: `${lastAnswer.detail} (the last try timed out)`} : last;
}

/** Each try gets at least a few seconds, even right before the deadline. */
const tryTimeout = (ctx: RunContext, min: number, max: number) => Math.max(min, Math.min(max, remainingMs(ctx)));

export async function httpAttempt(
  url: string,
  status: number,
  contains: string | undefined,
  timeoutMs: number,
): Promise<Attempt> {
  try {
    const res = await fetch(url, {redirect: 'manual', signal: AbortSignal.timeout(timeoutMs)});
    const body = await res.text();
    if (res.status !== status) return {ok: false, detail: `GET ${url}: status ${res.status}, expected ${status}`};
    if (contains !== undefined && !body.includes(contains)) {
      return {
        ok: false,
        detail: `GET ${url}: status ${res.status} but the body does not contain "${contains}" (starts: ${JSON.stringify(body.slice(0, 120))})`,
      };
    }
    return {ok: true, detail: `GET ${url}: ${res.status}`};
  } catch (err) {
    const e = err as Error & {cause?: {code?: string; message?: string}};
    const timedOut = e.name === 'TimeoutError';
    return {
      ok: false,
      detail: `GET ${url}: ${timedOut ? 'no answer in time' : (e.cause?.code ?? e.cause?.message ?? e.message)}`,
      timedOut,
    };
  }
}

export function outputAttempt(r: RunResult, expect: string | undefined, what: string): Attempt {
  if (r.timedOut) return {ok: false, detail: `${what}: timed out`, timedOut: true};
  if (r.code !== 0) return {ok: false, detail: `${what}: exit ${r.code ?? r.signal}: ${tail(r.stderr || r.stdout, 5)}`};
  if (expect !== undefined && !r.stdout.includes(expect)) {
    return {ok: false, detail: `${what}: output does not contain "${expect}": ${JSON.stringify(tail(r.stdout, 5))}`};
  }
  return {ok: true, detail: `${what}: ok`};
}

/** Commands given as one string run through `sh -c`, as a reader would type them. */
export const commandArgs = (command: string | string[]) =>
  typeof command === 'string' ? ['sh', '-c', command] : command;

/**
 * Runs one check. `missing` names the features this engine lacks (limit id → reason): a check
 * that needs one is reported as not checked.
 */
export async function runCheck(
  check: Check,
  ctx: RunContext,
  driver: Driver,
  missing: Map<string, string>,
): Promise<CheckResult> {
  const started = Date.now();
  const type = checkType(check);
  const done = (a: Attempt): CheckResult => ({
    name: check.name,
    type,
    status: a.ok ? 'passed' : 'failed',
    ...(a.ok ? {} : {detail: a.detail}),
    seconds: (Date.now() - started) / 1000,
  });
  if (check.needs && missing.has(check.needs)) {
    return {
      name: check.name,
      type,
      status: 'not-checked',
      detail: `not checked: ${missing.get(check.needs)}`,
      seconds: 0,
    };
  }
  if (check.http) {
    const {url, status, contains} = check.http;
    return done(await retryUntilDeadline(ctx, () => httpAttempt(url, status, contains, tryTimeout(ctx, 3000, 10_000))));
  }
  if (check.exec) {
    const {service, command, expect} = check.exec;
    if (!driver.exec) return done({ok: false, detail: 'exec checks are not supported for this kind'});
    const args = commandArgs(command);
    const what = `exec in ${service}: ${args.join(' ')}`;
    return done(
      await retryUntilDeadline(ctx, async () =>
        outputAttempt(await driver.exec!(service, args, tryTimeout(ctx, 5000, 60_000)), expect, what),
      ),
    );
  }
  if (check.run) {
    if (!driver.runImage) return done({ok: false, detail: 'run checks are not supported for this kind'});
    const r = await driver.runImage(check.run.args, tryTimeout(ctx, 5000, Infinity));
    return done(outputAttempt(r, check.run.expect, `docker run <image> ${check.run.args.join(' ')}`.trim()));
  }
  const script = check.script!;
  const r = await run('bash', [script], {
    cwd: ctx.decl.dir,
    env: {...ctx.engine.env, ...driver.env()},
    timeoutMs: tryTimeout(ctx, 5000, Infinity),
    onLine: (line) => ctx.log(`  | ${line}`),
  });
  return done(outputAttempt(r, undefined, `bash ${join(script)}`));
}
