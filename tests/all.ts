/**
 * The one test command (`npm test`, run by .ci/run): every check of the project, each able to fail
 * the run. It runs all steps (a later one may still tell something useful), prints a summary with
 * timings and the last lines of every failed step, and exits non-zero if any step failed.
 *
 * Steps run in phases; a phase's lanes run side by side, each lane's steps one after another. The
 * Docker-in-Docker steps mostly wait on engines while the site's use the CPU, so running the two
 * lanes together brings the run to about an hour (README, "Measured figures"). Each line a step
 * prints is prefixed with its name; each step's whole output is also in test-results/steps/<name>.log.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(__dirname, '..');
// Written by .ci/install-engine.sh (npm test's pretest) just before this runs.
const versions = JSON.parse(fs.readFileSync(path.join(root, 'docker-versions.json'), 'utf8')) as {
  engine: string;
  secondEngine: string | null;
};
const secondMajor = versions.secondEngine?.split('.')[0];

function testFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f))
    .sort();
}

interface Step {
  name: string;
  command: string[];
  /** A step that makes no sense after this one failed (e2e without a build). */
  needs?: string;
  /** Why the step cannot run on this machine: it fails with this note, never passes. */
  unavailable?: string;
  /** A step of another lane whose output this one reads (the build reads the examples' report): waited for, pass or fail. */
  after?: string;
}

/**
 * node --test over the test files under `dir`; `split` takes out the files it names (a step of their
 * own): `only` runs just those, `except` all the others, so that every file in `dir` still belongs
 * to a step. A named file that does not exist stops the run before it starts.
 */
function nodeTest(dir: string, split?: {only: string[]} | {except: string[]}): string[] {
  const files = testFiles(path.join(root, dir));
  const named = split ? ('only' in split ? split.only : split.except) : [];
  const missing = named.filter((name) => !files.some((f) => path.basename(f) === name));
  if (missing.length > 0) throw new Error(`tests/all.ts: no ${missing.join(', ')} in ${dir}`);
  const isNamed = (f: string) => named.includes(path.basename(f));
  return [
    'node',
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    ...files.filter((f) => (split && 'only' in split ? isNamed(f) : !isNamed(f))),
  ];
}

/** Phases run one after another; a phase is lanes that run side by side; a lane is steps in order. */
const phases: Step[][][] = [
  [
    // On a fresh machine the stand-ins' builds (about 6 min one after another) wait mostly on the
    // package mirror and the disk, so the checks that use the processor run beside them.
    [
      {name: 'examples-static', command: ['npx', 'tsx', 'tools/runner/cli.ts', 'check']},
      // Every image the examples use (stand-ins built where needed) and both majors' engines, made
      // present before the next phase, so that two lanes never build the same stand-in at once.
      {name: 'images', command: ['npx', 'tsx', 'tools/runner/cli.ts', 'images'], needs: 'examples-static'},
    ],
    [
      {name: 'typecheck', command: ['npx', 'tsc']},
      // ESLint's and typescript-eslint's recommended rules (eslint.config.mjs).
      {name: 'lint', command: ['npx', 'eslint', '.']},
      // Prettier's formatting of the project's code (.prettierrc.json; .prettierignore leaves out what
      // readers copy and generated files; npm run format applies it).
      {name: 'format', command: ['npx', 'prettier', '--check', '.']},
      // The layout's import rules (.dependency-cruiser.cjs, README "Layout").
      {
        name: 'dependencies',
        command: ['npx', 'depcruise', 'src', 'tools', 'tests', '--config', '.dependency-cruiser.cjs'],
      },
      {name: 'unit', command: nodeTest('tests/unit')},
    ],
  ],
  [
    // Every example on the host engine, then Docker-in-Docker engines (the pages' sessions, the
    // Swarm lab), then the runner's own tests on the host engine.
    [
      // Every example started on the engine; its JSON report also feeds the site's "tested with"
      // lines (the build waits for it). It makes the host a Swarm manager for a while, which the
      // runner's tests at the end of this lane must not overlap.
      // Two at a time where they can share the engine (tools/runner/schedule.ts).
      {name: 'examples', command: ['npx', 'tsx', 'tools/runner/cli.ts', 'up', '--jobs', '2'], needs: 'examples-static'},
      // The pages' terminal sessions rerun on fresh Docker-in-Docker engines; a changed output fails
      // with a diff (transcripts/README.md). The proof that a session leaves nothing behind is at
      // the end of the other lane, which is shorter.
      {name: 'transcripts', command: ['npx', 'tsx', 'tools/transcripts/cli.ts', 'check']},
      // The three-node lab's own lifecycle: removed after a failed start, a down, an interrupt.
      {name: 'lab-lifecycle', command: nodeTest('tests/integration/lab', {only: ['cleanup.test.ts']})},
      // A three-node Swarm in Docker-in-Docker: the stack examples across nodes, then placement,
      // cross-node DNS, rescheduling, drain, updates, secrets. Both suites use one lab (`lab swarm
      // run`), started once (about 2.5 min under load) and removed after them.
      {
        name: 'swarm-lab',
        command: [
          'npx',
          'tsx',
          'tools/lab/cli.ts',
          'swarm',
          'run',
          '--',
          ...nodeTest('tests/integration/lab', {except: ['cleanup.test.ts']}),
        ],
      },
      // The runner's lifecycle on the host engine: teardown on failure and on SIGTERM, leftovers found.
      {name: 'runner', command: nodeTest('tests/integration/runner')},
    ],
    // The second engine's example run (its report, like the first's, feeds the build), then the site:
    // build, PDFs, browser, then the engine upgrade. The two lanes take about as long (README,
    // "Measured figures").
    [
      // The same examples on the second engine major (a fresh Docker-in-Docker engine with its own CLI
      // and Compose), as a reader with that Docker runs them; its report feeds the same lines.
      {
        name: 'examples-engine2',
        command: ['npx', 'tsx', 'tools/runner/cli.ts', 'up', '--engine', secondMajor ?? '', '--jobs', '2'],
        needs: 'examples-static',
        unavailable: secondMajor
          ? undefined
          : 'no second engine major in docker-versions.json: install-engine.sh could not fetch one',
      },
      {name: 'build', command: ['npx', 'docusaurus', 'build'], after: 'examples'},
      // The guide to read offline: a PDF per language from the build, then checked with poppler.
      {name: 'pdf', command: ['npx', 'tsx', 'tools/pdf/cli.ts'], needs: 'build'},
      {name: 'pdf-check', command: nodeTest('tests/pdf'), needs: 'pdf'},
      // The built site as a container image (examples/offline-guide), with a report of its own (the
      // examples step above finds no build and reports it not started).
      {
        name: 'site-image',
        command: [
          'npx',
          'tsx',
          'tools/runner/cli.ts',
          'up',
          'offline-guide',
          '--json',
          'test-results/examples-site-image.json',
        ],
        needs: 'build',
      },
      {name: 'e2e', command: ['npx', 'playwright', 'test', '-c', 'tests/e2e'], needs: 'build'},
      // The budgets a run decides the same way every time, against a fresh default Docusaurus site
      // built and measured in the same run: bytes, requests, a build that succeeds, Lighthouse
      // accessibility, best practices and SEO. Timing (Lighthouse's, and the build's ≤ 90 s, which a
      // loaded machine missed) varies more from run to run than its budgets' margins here (README,
      // "Measuring"), so `npm run bench -- --check` judges it, not the landing gate.
      // It measures the build step's site (--site build) rather than building the guide again.
      {
        name: 'budgets',
        command: ['npx', 'tsx', 'tools/bench/bench.ts', '--check', '--scores-only', '--site', 'build'],
        needs: 'build',
      },
      // A session's engines are removed whether it passes, fails or is interrupted (each test looks
      // only for its own session's engines, so the pages' sessions may run at the same time).
      {name: 'transcripts-cleanup', command: nodeTest('tests/integration/transcripts')},
      // .ci/install-engine.sh upgrading a Debian 12 machine that runs Docker 20.10 (in a throw-away
      // Docker-in-Docker container): the old daemon stopped, images and volumes kept, a rerun a no-op.
      // In this lane because the other one is the longer since the e2e step got shorter.
      {name: 'engine-upgrade', command: nodeTest('tests/integration/engine')},
    ],
  ],
];

interface Result {
  name: string;
  ok: boolean;
  seconds: number;
  note?: string;
  /** The step's last lines, shown in the summary when it failed. */
  tail: string[];
  /** The first failed tests' TAP report (name and error, without the stack): a count alone says too little. */
  failures: string[];
}

const TAIL_LINES = 8;
const FAILURE_LINES = 16;
const MAX_FAILURES = 3;
const logDir = path.join(root, 'test-results/steps');

/** Runs one step, its output prefixed with its name on ours and kept whole in its log file. */
function runStep(step: Step): Promise<Result> {
  const command = step.command.join(' ');
  console.log(`[${step.name}] === ${command.length > 160 ? `${command.slice(0, 160)}…` : command}`);
  fs.mkdirSync(logDir, {recursive: true});
  const logFile = fs.createWriteStream(path.join(logDir, `${step.name}.log`));
  const tail: string[] = [];
  const failures: string[] = [];
  // Lines left to keep of the failure report being read (node --test's TAP: `not ok N - name`, then YAML).
  let keep = 0;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command[0], step.command.slice(1), {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
    let spawnError: string | undefined;
    const streams = [child.stdout, child.stderr].map(
      (stream) =>
        new Promise<void>((done) =>
          readline
            .createInterface({input: stream, crlfDelay: Infinity})
            .on('line', (line) => {
              console.log(`[${step.name}] ${line}`);
              logFile.write(`${line}\n`);
              if (line.trim()) {
                tail.push(line);
                if (tail.length > TAIL_LINES) tail.shift();
              }
              if (/^\s*not ok \d+ /.test(line) && failures.filter((l) => /^\s*not ok /.test(l)).length < MAX_FAILURES)
                keep = FAILURE_LINES;
              if (keep > 0 && /^\s*(code:|stack:|\.\.\.$)/.test(line)) keep = 0;
              if (keep > 0 && !/^\s*(---$|duration_ms:|failureType:)/.test(line)) {
                failures.push(line);
                keep--;
              }
            })
            .on('close', done),
        ),
    );
    child.on('error', (err) => (spawnError = err.message));
    child.on('close', async (code) => {
      await Promise.all(streams);
      logFile.end();
      resolve({
        name: step.name,
        ok: code === 0,
        seconds: (Date.now() - started) / 1000,
        note: spawnError,
        tail,
        failures,
      });
    });
  });
}

const only = process.argv.slice(2);
const results: Result[] = [];

const selected = (step: Step) => only.length === 0 || only.includes(step.name);
/** Settles when the named step has finished (pass or fail), for the steps of other lanes that read its output. */
const finished = new Map<string, {promise: Promise<void>; settle: () => void}>();
function finishedStep(name: string) {
  let entry = finished.get(name);
  if (!entry) {
    let settle = () => {};
    const promise = new Promise<void>((done) => (settle = done));
    entry = {promise, settle};
    finished.set(name, entry);
  }
  return entry;
}

async function runLane(lane: Step[]): Promise<void> {
  for (const step of lane.filter(selected)) {
    if (step.after && phases.flat(2).some((s) => s.name === step.after && selected(s)))
      await finishedStep(step.after).promise;
    await runOne(step);
    finishedStep(step.name).settle();
  }
}

async function runOne(step: Step): Promise<void> {
  const needed = results.find((r) => r.name === step.needs);
  if (needed && !needed.ok)
    results.push({
      name: step.name,
      ok: false,
      seconds: 0,
      note: `not run: ${step.needs} failed`,
      tail: [],
      failures: [],
    });
  else if (step.unavailable)
    results.push({
      name: step.name,
      ok: false,
      seconds: 0,
      note: `not run: ${step.unavailable}`,
      tail: [],
      failures: [],
    });
  else results.push(await runStep(step));
}

async function main(): Promise<number> {
  const started = Date.now();
  for (const phase of phases) await Promise.all(phase.map(runLane));
  const order = phases.flat(2).map((s) => s.name);
  results.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  console.log('\n=== summary');
  for (const r of results) {
    console.log(
      `${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(19)} ${r.seconds.toFixed(1).padStart(7)} s${r.note ? `  (${r.note})` : ''}`,
    );
  }
  const failed = results.filter((r) => !r.ok);
  console.log(
    `steps: ${results.length - failed.length} passed, ${failed.length} failed, in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const clip = (line: string) => (line.length > 240 ? `${line.slice(0, 240)}…` : line);
  for (const r of failed.filter((f) => f.tail.length > 0)) {
    console.log(`\n--- ${r.name} (whole output: test-results/steps/${r.name}.log)`);
    if (r.failures.length > 0) console.log(`failed tests:\n${r.failures.map(clip).join('\n')}\nlast lines:`);
    for (const line of r.tail) console.log(clip(line));
  }
  return failed.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
