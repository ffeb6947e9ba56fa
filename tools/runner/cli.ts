// npm run examples -- check|up|list|images [name…] [--examples DIR] [--json FILE] [--lab] [--engine MAJOR] [--jobs N]
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {REPO_ROOT} from '../core/repo';
import {parse} from 'yaml';
import {interruptedBy, runAllTeardowns, runMain} from '../core/teardown';
import {targetEngine, type TargetEngine} from './exec';
import {openRunningLab} from './lab';
import {upOnOtherEngine} from './otherEngine';
import type {SwarmLab} from '../lab/swarm';
import {hasCluster, hasIpvs} from './features';
import {formatProblem} from './problems';
import {
  closingLine,
  formatDetails,
  formatTable,
  summarize,
  table,
  withStaticChecks,
  writeJson,
  type Report,
} from './report';
import type {ExampleResult} from './result';
import {ensureImage} from './images';
import {exampleImages, staticResult, upExample, type Features} from './run-example';
import {mayStartBeside, slotOf} from './schedule';
import {checkExample, type StaticResult} from './static/index';
import {parseArgs, USAGE, type Options} from './args';
import {CHECK_REPORT, engineReport, UP_REPORT} from './reportFiles.cjs';

/** Example folders: every folder under the examples directory (README.md and the like are skipped). */
export function exampleNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.') && statSync(join(dir, n)).isDirectory())
    .sort();
}

const log = (s: string) => process.stderr.write(`${s}\n`);

async function engineVersion(engine: TargetEngine): Promise<string | null> {
  const r = await engine.docker(['version', '--format', '{{.Server.Version}}'], {timeoutMs: 30_000});
  return r.code === 0 ? r.stdout.trim() : null;
}

/** Examples checked at once: their subprocesses mostly wait on each other's start-up, not on the processor. */
const CHECK_CONCURRENCY = 4;

async function checkAll(root: string, names: string[]): Promise<Map<string, StaticResult>> {
  const statics = new Map<string, StaticResult>();
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift())
      statics.set(name, await checkExample(join(root, name)));
  };
  await Promise.all(Array.from({length: CHECK_CONCURRENCY}, worker));
  return statics;
}

/** The Docker-in-Docker engine images of the majors docker-versions.json records (this machine's and the second). */
function engineImages(): string[] {
  const file = join(REPO_ROOT, 'docker-versions.json');
  if (!existsSync(file)) return [];
  const versions = JSON.parse(readFileSync(file, 'utf8')) as {engine: string; secondEngine: string | null};
  return [versions.engine, versions.secondEngine].flatMap((v) => (v ? [`docker:${v.split('.')[0]}-dind`] : []));
}

/**
 * `images`: every image the examples run without building, and the engines of both majors, made
 * present on this engine, the stand-ins built a few at a time. Fails (exit 1) naming each image that
 * could not be made present and each example whose static checks failed (its images are then unknown).
 */
async function ensureAllImages(root: string, names: string[]): Promise<number> {
  const t0 = Date.now();
  const statics = await checkAll(root, names);
  const engine = targetEngine();
  const refs = new Set<string>();
  const failures: string[] = [];
  for (const name of names) {
    const stat = statics.get(name)!;
    if (!stat.declaration || stat.problems.length > 0) {
      failures.push(`${name}: static checks failed, its images are unknown (npm run examples -- check ${name})`);
      continue;
    }
    try {
      for (const ref of await exampleImages(stat.declaration, stat, engine)) refs.add(ref);
    } catch (err) {
      failures.push(`${name}: ${(err as Error).message}`);
    }
  }
  for (const ref of engineImages()) refs.add(ref);
  // All at once: the stand-ins' module decides how many builds run side by side. Failures are
  // reported in the references' order, not in the order the builds ended.
  const imageFailures = await Promise.all(
    [...refs].sort().map(async (ref) => {
      const started = Date.now();
      try {
        const image = await ensureImage(ref, (line) => log(`[${ref}] ${line}`));
        log(
          `${ref}: ${image.standin ? `stand-in, ${image.built ? 'built' : 'up to date'}` : 'the real image'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
        return [];
      } catch (err) {
        return [`${ref}: ${(err as Error).message}`];
      }
    }),
  );
  failures.push(...imageFailures.flat());
  for (const failure of failures) process.stderr.write(`${failure}\n`);
  process.stdout.write(
    `${refs.size} images, ${failures.length} problems, in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  return failures.length > 0 ? 1 : 0;
}

/**
 * Runs `up` for the names, up to `jobs` at a time: the swarm examples first, then the rest, each in
 * their order, except that one which may start beside the running ones (schedule.ts) passes one
 * that may not; an example that must run alone waits, once first in line, until the others are done
 * and lets none pass it. The swarm examples go first because they run one after another: begun
 * early, that chain has the other examples beside it instead of running on its own at the end.
 * Stops starting new ones after an interrupt.
 */
async function runScheduled(
  names: string[],
  statics: Map<string, StaticResult>,
  jobs: number,
  up: (name: string) => Promise<void>,
): Promise<void> {
  const slots = new Map(
    names.map((name) => {
      const decl = statics.get(name)!.declaration;
      return [name, decl ? slotOf(decl) : {alone: true, swarm: false, ports: new Set<number>()}];
    }),
  );
  const pending = [...names.filter((n) => slots.get(n)!.swarm), ...names.filter((n) => !slots.get(n)!.swarm)];
  const running = new Map<string, Promise<void>>();
  while (pending.length > 0 && !interruptedBy()) {
    const beside = [...running.keys()].map((n) => slots.get(n)!);
    // The first that may start; one that must run alone, once first in line, lets nothing pass it.
    const index =
      running.size >= jobs
        ? -1
        : slots.get(pending[0])!.alone
          ? running.size === 0
            ? 0
            : -1
          : pending.findIndex((n) => mayStartBeside(slots.get(n)!, beside));
    if (index < 0) {
      await Promise.race(running.values());
      continue;
    }
    const [next] = pending.splice(index, 1);
    const slot = slots.get(next)!;
    if (jobs > 1 && slot.alone && slot.why) log(`[${next}] runs alone: ${slot.why}`);
    running.set(
      next,
      up(next).finally(() => running.delete(next)),
    );
  }
  await Promise.all(running.values());
}

/** The examples folder and the examples named on the command line (all when none is), or why not. */
function selectExamples(opts: Options): {root: string; names: string[]} | string {
  const root = resolve(opts.examplesDir);
  if (!existsSync(root)) return `no examples folder at ${opts.examplesDir}`;
  const all = exampleNames(root);
  const unknown = opts.names.filter((n) => !all.includes(n));
  if (unknown.length) {
    return `no example named ${unknown.join(', ')} in ${opts.examplesDir} (have: ${all.join(', ') || 'none'})`;
  }
  return {root, names: opts.names.length ? opts.names : all};
}

/** `list`: name, kind, chapter and titles of each example, read from its example.yaml without checking it. */
function listExamples(root: string, names: string[]): void {
  const rows = names.map((n) => {
    const file = join(root, n, 'example.yaml');
    let d: {kind?: string; chapter?: string; title?: Record<string, string>} = {};
    try {
      d = (parse(readFileSync(file, 'utf8')) ?? {}) as typeof d;
    } catch {
      /* shown as unknown; `check` says why */
    }
    return [n, d.kind ?? '?', d.chapter ?? '?', d.title?.en ?? '', d.title?.['zh-Hans'] ?? ''];
  });
  process.stdout.write(`${table([['name', 'kind', 'chapter', 'title', '标题'], ...rows])}\n${names.length} examples\n`);
}

/** Where `up` runs its examples: the engine, what it can check, and the lab with `--lab`. */
interface UpTarget {
  engine: TargetEngine;
  features: Features;
  lab: SwarmLab | null;
}

/**
 * The engine `up` runs on (the running lab's manager with `--lab`) and its features, noted in the
 * report and logged; null, after saying why, when there is no lab or no engine answers.
 */
async function openUpTarget(
  onLab: boolean,
  names: string[],
  statics: Map<string, StaticResult>,
  reportedEngine: Report['engine'],
): Promise<UpTarget | null> {
  let lab: SwarmLab | null = null;
  if (onLab) {
    const opened = await openRunningLab();
    if (typeof opened === 'string') {
      process.stderr.write(`${opened}\n`);
      return null;
    }
    lab = opened;
    reportedEngine.lab = `${lab.name} (${lab.managerHost}, ${lab.layout.nodes.length} nodes)`;
  }
  // With --lab every docker call and script check goes to the lab's manager; builds stay on the host.
  const engine = targetEngine(lab?.env);
  reportedEngine.server = await engineVersion(engine);
  if (!reportedEngine.server) {
    process.stderr.write('no Docker engine answers (docker version): `up` needs one\n');
    return null;
  }
  const features: Features = {
    ipvs: lab ? lab.ipvs : await hasIpvs(),
    cluster: names.some((n) => statics.get(n)?.declaration?.kind === 'kubernetes') ? await hasCluster() : false,
  };
  reportedEngine.ipvs = features.ipvs;
  reportedEngine.cluster = features.cluster;
  if (reportedEngine.lab) log(`Swarm lab ${reportedEngine.lab}`);
  log(
    `engine ${reportedEngine.server}; IPVS ${features.ipvs ? 'yes' : 'no'}; Kubernetes cluster ${features.cluster ? 'yes' : 'no'}`,
  );
  return {engine, features, lab};
}

/** `up` on the target, the examples started as runScheduled allows; their results in the order of `names`. */
async function upExamples(
  names: string[],
  statics: Map<string, StaticResult>,
  jobs: number,
  {engine, features, lab}: UpTarget,
): Promise<ExampleResult[]> {
  const results = new Map<string, ExampleResult>();
  try {
    await runScheduled(names, statics, jobs, async (name) => {
      results.set(
        name,
        withStaticChecks(await upExample(name, statics.get(name)!, features, log, engine, lab), statics.get(name)!),
      );
    });
  } finally {
    // What outlives one example (a swarm the runner initialised) goes when the run ends.
    await runAllTeardowns();
  }
  return names.flatMap((name) => results.get(name) ?? []);
}

/** Writes the report's JSON file and prints its table, details and closing line; exits 1 when an example failed. */
function writeReport(report: Report, jsonPath: string): number {
  report.summary = summarize(report.examples);
  writeJson(jsonPath, report);
  const details = formatDetails(report);
  process.stdout.write(
    `\n${formatTable(report)}\n\n${details ? `${details}\n` : ''}report: ${jsonPath}\n${closingLine(report.summary)}\n`,
  );
  return report.summary.failed > 0 ? 1 : 0;
}

/** `check` and `up`: the static checks' problems, one a line, then (with `up`) the runs, then the report. */
async function checkOrUp(command: Report['command'], opts: Options, root: string, names: string[]): Promise<number> {
  const t0 = Date.now();
  const startedAt = new Date().toISOString();
  const statics = await checkAll(root, names);
  for (const name of names) for (const p of statics.get(name)!.problems) process.stdout.write(`${formatProblem(p)}\n`);

  const report: Report = {
    command,
    startedAt,
    seconds: 0,
    engine: {server: null, ipvs: null, cluster: null},
    examples: [],
    summary: {passed: 0, failed: 0, notStarted: 0},
  };
  if (command === 'check') {
    report.examples = names.map((n) => withStaticChecks(staticResult(n, statics.get(n)!), statics.get(n)!));
  } else {
    const target = await openUpTarget(opts.lab, names, statics, report.engine);
    if (!target) return 2;
    report.examples = await upExamples(names, statics, opts.jobs, target);
  }
  report.seconds = (Date.now() - t0) / 1000;
  return writeReport(report, opts.json ?? (command === 'check' ? CHECK_REPORT : UP_REPORT));
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n\n${USAGE}`);
    return 2;
  }
  const opts = parsed;
  const selected = selectExamples(opts);
  if (typeof selected === 'string') {
    process.stderr.write(`${selected}\n`);
    return 2;
  }
  const {root, names} = selected;
  if (opts.command === 'list') {
    listExamples(root, names);
    return 0;
  }
  if (opts.command === 'images') return ensureAllImages(root, names);
  if (opts.engine) {
    const json = opts.json ?? engineReport(opts.engine);
    return upOnOtherEngine(opts.engine, root, [...names, '--json', json, '--jobs', String(opts.jobs)], log);
  }
  return checkOrUp(opts.command, opts, root, names);
}

runMain(() => main(process.argv.slice(2)), 'runner');
