/**
 * The one test command (`npm test`, run by .ci/run): every check of the project, in order,
 * each able to fail the run. It runs all steps (a later one may still tell something useful),
 * prints a summary with timings, and exits non-zero if any step failed.
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
// Written by .ci/install-engine.sh (npm test's pretest) just before this runs.
const versions = JSON.parse(fs.readFileSync(path.join(root, 'docker-versions.json'), 'utf8')) as {engine: string; secondEngine: string | null};
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
}

const nodeTest = (dir: string) => ['node', '--import', 'tsx', '--test', '--test-concurrency=1', ...testFiles(path.join(root, dir))];

const steps: Step[] = [
  {name: 'typecheck', command: ['npx', 'tsc']},
  {name: 'unit', command: nodeTest('tests/unit')},
  {name: 'examples-static', command: ['npx', 'tsx', 'tools/runner/cli.ts', 'check']},
  // Every example started on the engine; its JSON report also feeds the site's "tested with" lines.
  {name: 'examples', command: ['npx', 'tsx', 'tools/runner/cli.ts', 'up'], needs: 'examples-static'},
  // The same examples on the second engine major (a fresh Docker-in-Docker engine with its own CLI
  // and Compose), as a reader with that Docker runs them; its report feeds the same lines.
  {
    name: 'examples-engine2',
    command: ['npx', 'tsx', 'tools/runner/cli.ts', 'up', '--engine', secondMajor ?? ''],
    needs: 'examples-static',
    unavailable: secondMajor ? undefined : 'no second engine major in docker-versions.json: install-engine.sh could not fetch one',
  },
  // .ci/install-engine.sh upgrading a Debian 12 machine that runs Docker 20.10 (in a throw-away
  // Docker-in-Docker container): the old daemon stopped, images and volumes kept, a rerun a no-op.
  {name: 'engine-upgrade', command: nodeTest('tests/integration/engine')},
  // The pages' terminal sessions rerun on fresh Docker-in-Docker engines; a changed output fails
  // with a diff (transcripts/README.md). Then proof that a session leaves nothing behind.
  {name: 'transcripts', command: ['npx', 'tsx', 'tools/transcripts/cli.ts', 'check']},
  {name: 'transcripts-cleanup', command: nodeTest('tests/integration/transcripts')},
  {name: 'runner', command: nodeTest('tests/integration/runner')},
  // A three-node Swarm in Docker-in-Docker: placement, cross-node DNS, rescheduling, drain, updates, secrets.
  {name: 'swarm-lab', command: nodeTest('tests/integration/lab')},
  {name: 'build', command: ['npx', 'docusaurus', 'build']},
  // The guide to read offline: a PDF per language from the build, then checked with poppler.
  {name: 'pdf', command: ['npx', 'tsx', 'tools/pdf/cli.ts'], needs: 'build'},
  {name: 'pdf-check', command: nodeTest('tests/pdf'), needs: 'pdf'},
  // The built site as a container image (examples/offline-guide): it needs build/, so it runs here,
  // with a report of its own (the examples step above finds no build and reports it not started).
  {name: 'site-image', command: ['npx', 'tsx', 'tools/runner/cli.ts', 'up', 'offline-guide', '--json', 'test-results/examples-site-image.json'], needs: 'build'},
  {name: 'e2e', command: ['npx', 'playwright', 'test', '-c', 'tests/e2e'], needs: 'build'},
  // The budgets a run decides the same way every time, against a fresh default Docusaurus site built
  // and measured in the same run: bytes, requests, a build that succeeds, Lighthouse accessibility,
  // best practices and SEO. Timing (Lighthouse's, and the build's ≤ 90 s, which a loaded machine
  // missed) varies more from run to run than its budgets' margins here (README, "Measuring"), so
  // `npm run bench -- --check` judges it, not the landing gate.
  {name: 'budgets', command: ['npx', 'tsx', 'tools/bench/bench.ts', '--check', '--scores-only']},
];

const only = process.argv.slice(2);
const results: {name: string; ok: boolean; seconds: number; note?: string}[] = [];
for (const step of steps.filter((s) => only.length === 0 || only.includes(s.name))) {
  const needed = results.find((r) => r.name === step.needs);
  if (needed && !needed.ok) {
    results.push({name: step.name, ok: false, seconds: 0, note: `not run: ${step.needs} failed`});
    continue;
  }
  if (step.unavailable) {
    results.push({name: step.name, ok: false, seconds: 0, note: `not run: ${step.unavailable}`});
    continue;
  }
  console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(step.command[0], step.command.slice(1), {cwd: root, stdio: 'inherit'});
  const ok = run.status === 0;
  results.push({name: step.name, ok, seconds: (Date.now() - started) / 1000, note: run.error?.message});
}

console.log('\n=== summary');
for (const r of results) {
  console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(12)} ${r.seconds.toFixed(1).padStart(7)} s${r.note ? `  (${r.note})` : ''}`);
}
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
