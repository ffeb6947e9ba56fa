// One example from static checks to a clean engine: the order that keeps the promise that nothing
// is left behind is: register the teardown, then create anything.
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {runCheck} from './checks';
import {interruption, registerTeardown} from '../core/teardown';
import type {Declaration} from './declaration';
import {NO_CLUSTER, NO_IPVS} from './features';
import {ensureImage} from './images';
import {LAB_STACK_ONLY} from './lab';
import type {SwarmLab} from '../lab/swarm';
import {uniqueName} from './names';
import {formatProblem} from './problems';
import {emptyResult, type ExampleResult, type LimitResult} from './result';
import {ComposeDriver} from './start/compose';
import {DockerfileDriver} from './start/dockerfile';
import type {Driver, RunContext} from './start/driver';
import type {TargetEngine} from './exec';
import {KubernetesDriver} from './start/kubernetes';
import {ScriptDriver} from './start/script';
import {StackDriver} from './start/stack';
import type {StaticResult} from './static/index';
import {describe, removeResources, type Resource} from './sweep';

/** Reason given for a limit the runner cannot detect: example.yaml says what is checked instead. */
export const DECLARED_LIMIT = 'declared limit';

export interface Features {
  ipvs: boolean;
  cluster: boolean;
}

/** Declared limits this engine cannot check, with the reason printed in the report. */
export function missingFeatures(decl: Declaration, features: Features): LimitResult[] {
  return decl.limits.flatMap((l): LimitResult[] => {
    if (l.feature === 'ipvs') return features.ipvs ? [] : [{feature: l.feature, reason: NO_IPVS, what: l.what}];
    return [{feature: l.feature, reason: DECLARED_LIMIT, what: l.what}];
  });
}

/** Why the example cannot start yet: the first `requires:` path that does not exist, or null. */
export function unmetRequirement(decl: Declaration): string | null {
  const missing = decl.requires.find((r) => !existsSync(join(decl.dir, r.path)));
  return missing ? `${missing.why} (${missing.path} is missing)` : null;
}

export function staticResult(name: string, stat: StaticResult): ExampleResult {
  const result = emptyResult(name);
  result.kind = stat.declaration?.kind ?? null;
  result.chapter = stat.declaration?.chapter ?? null;
  result.problems = stat.problems.map(formatProblem);
  result.status = stat.problems.length === 0 ? 'passed' : 'failed';
  return result;
}

function makeDriver(decl: Declaration, ctx: RunContext, stat: StaticResult): Driver {
  switch (decl.kind) {
    case 'compose':
      return new ComposeDriver(ctx);
    case 'stack':
      return new StackDriver(ctx);
    case 'dockerfile':
      return new DockerfileDriver(ctx);
    case 'script':
      return new ScriptDriver(ctx);
    case 'kubernetes':
      return new KubernetesDriver(ctx, stat.manifests);
  }
}

/** The context of one run of `decl`: a unique project name, and the deadline its timeout sets from now. */
function runContext(
  decl: Declaration,
  engine: TargetEngine,
  log: (s: string) => void,
  lab: SwarmLab | null,
): RunContext {
  return {
    decl,
    project: uniqueName(decl.name),
    deadline: Date.now() + decl.timeout * 1000,
    log,
    engine,
    ...(lab ? {lab} : {}),
  };
}

/**
 * The images an example runs without building them (the bases of what it builds included), as its
 * driver would make them present before starting it; a kubernetes example has none (the cluster
 * pulls its own). Reads only: nothing is created on the engine.
 */
export function exampleImages(decl: Declaration, stat: StaticResult, engine: TargetEngine): Promise<string[]> {
  const ctx = runContext(decl, engine, () => {}, null);
  return makeDriver(decl, ctx, stat).images();
}

/** Why this engine does not start the example (lab, cluster, `requires:`), or null when it does. */
function whyNotStarted(decl: Declaration, features: Features, lab: SwarmLab | null): string | null {
  if (lab && decl.kind !== 'stack') return LAB_STACK_ONLY;
  if (decl.kind === 'kubernetes' && !features.cluster) return NO_CLUSTER;
  return unmetRequirement(decl);
}

/**
 * Starts one example, runs its checks and removes it again, or says why it is not started. `lab`: run
 * on the Swarm lab (`up --lab`); examples other than stacks are then not started.
 */
export async function upExample(
  name: string,
  stat: StaticResult,
  features: Features,
  log: (s: string) => void,
  engine: TargetEngine,
  lab: SwarmLab | null = null,
): Promise<ExampleResult> {
  const t0 = Date.now();
  const result = staticResult(name, stat);
  const decl = stat.declaration;
  if (stat.problems.length > 0 || !decl) {
    result.status = 'failed';
    result.error = 'static checks failed: not started';
  } else {
    result.limits = missingFeatures(decl, features);
    const notStarted = whyNotStarted(decl, features, lab);
    if (notStarted) {
      result.status = 'not-started';
      result.notStarted = `not started: ${notStarted}`;
    } else {
      const ctx = runContext(decl, engine, (s) => log(`[${name}] ${s}`), lab);
      result.project = ctx.project;
      await startCheckAndRemove(ctx, makeDriver(decl, ctx, stat), result);
    }
  }
  result.seconds = (Date.now() - t0) / 1000;
  return result;
}

/**
 * Starts the example, runs its checks and removes it again, whatever happened on the way; sets the
 * result's status. A teardown that fails makes the example fail, its error added to the first one.
 */
async function startCheckAndRemove(ctx: RunContext, driver: Driver, result: ExampleResult): Promise<void> {
  // Registered before anything is created, so an interrupt removes it too.
  const teardown = registerTeardown(ctx.project, () => removeExample(ctx, driver, result), {log: ctx.log});
  let failed = await startAndCheck(ctx, driver, result);
  if (failed && !interruption.aborted) {
    result.logs = await driver.logs().catch((err: Error) => `could not read logs: ${err.message}`);
  }

  ctx.log('cleaning up');
  try {
    await teardown.run();
  } catch (err) {
    // The original failure stays the headline; the teardown's own is added to it.
    result.error = [result.error, `teardown: ${(err as Error).message}`].filter(Boolean).join('\n');
    failed = true;
  }
  result.status = failed || !result.cleaned ? 'failed' : 'passed';
}

/**
 * The example's teardown, then the check for leftovers and their removal: one unit, so that an
 * interrupt runs all of it too. The teardown's own error is thrown once the leftovers are handled.
 */
async function removeExample(ctx: RunContext, driver: Driver, result: ExampleResult): Promise<void> {
  let teardownError: unknown = null;
  try {
    await driver.teardown();
  } catch (err) {
    teardownError = err;
  }
  const left: Resource[] = await driver.leftovers();
  result.cleaned = left.length === 0;
  result.leftovers = left.map(describe);
  if (left.length > 0) {
    ctx.log(`left behind: ${result.leftovers.join(', ')}; removing`);
    for (const match of driver.leftoverMatch()) {
      if ((await removeResources(ctx.engine, left, match)).length === 0) break;
    }
    await driver.sweepNodes?.();
  }
  if (teardownError) throw teardownError;
}

/**
 * Makes the images present, starts the example and runs its checks; whether any of that failed, the
 * error in the result. Throws nothing, so that the removal after it always runs.
 */
async function startAndCheck(ctx: RunContext, driver: Driver, result: ExampleResult): Promise<boolean> {
  try {
    await ensureImages(ctx, driver, result);
    await startExample(ctx, driver, result);
    return await runChecks(ctx, driver, result);
  } catch (err) {
    result.error = (err as Error).message;
    ctx.log(`failed: ${result.error.split('\n')[0]}`);
    return true;
  }
}

/** Makes present the images the example runs without building, noting those that are stand-ins. */
async function ensureImages(ctx: RunContext, driver: Driver, result: ExampleResult): Promise<void> {
  for (const ref of await driver.images()) {
    const image = await ensureImage(ref, ctx.log);
    if (image.standin) result.standins.push(ref);
  }
}

/** Starts the example within its timeout, noting how long that took, or that the start failed. */
async function startExample(ctx: RunContext, driver: Driver, result: ExampleResult): Promise<void> {
  const {decl} = ctx;
  // The example's timeout covers start and checks, not building stand-ins for its images.
  ctx.deadline = Date.now() + decl.timeout * 1000;
  ctx.log(`starting (${decl.kind}, project ${ctx.project}, timeout ${decl.timeout} s)`);
  const startedAt = Date.now();
  try {
    await driver.start();
  } catch (err) {
    result.startFailed = true;
    throw err;
  }
  result.startedSeconds = (Date.now() - startedAt) / 1000;
  ctx.log(`ready in ${result.startedSeconds.toFixed(1)} s`);
}

/** The placement checks (`--lab`), then the declared ones, each recorded and logged; whether any failed. */
async function runChecks(ctx: RunContext, driver: Driver, result: ExampleResult): Promise<boolean> {
  const missing = new Map(result.limits.map((l) => [l.feature, l.reason]));
  let failed = false;
  for (const r of (await driver.placement?.()) ?? []) {
    result.checks.push(r);
    ctx.log(`check ${r.status}: ${r.name.en} (${r.detail})`);
    if (r.status === 'failed') failed = true;
  }
  for (const check of ctx.decl.checks) {
    if (interruption.aborted) throw new Error('interrupted');
    const r = await runCheck(check, ctx, driver, missing);
    result.checks.push(r);
    ctx.log(`check ${r.status}: ${check.name.en}${r.detail ? ` (${r.detail})` : ''}`);
    if (r.status === 'failed') failed = true;
  }
  return failed;
}
