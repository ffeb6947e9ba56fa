// npm run transcripts -- update|check|list [--jobs N] [name…]   (see transcripts/README.md)
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {TranscriptFile} from '../../src/components/Transcript/types';
import {interruption, runMain} from '../core/teardown';
import {formatProblem} from '../runner/problems';
import {siteCensus} from './census';
import {mergeTranscript, transcriptDiff, transcriptJson} from './compare';
import {sessionSubnet} from './engine';
import {runSession} from './run';
import {selectSessions} from './select';
import {REPO_ROOT} from '../core/repo';
import {loadSession, outputPath, sessionIds, type Session} from './session';

const USAGE = 'usage: npm run transcripts -- update|check|list [--jobs N] [<page>/<session> | <page> | <session> …]';

function committed(id: string): TranscriptFile | undefined {
  const file = outputPath(id);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TranscriptFile) : undefined;
}

/** The engine the site says transcripts ran on (docker-versions.json), or undefined when it is not recorded yet. */
function recordedEngine(): string | undefined {
  const file = path.join(REPO_ROOT, 'docker-versions.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as {engine: string}).engine : undefined;
}

const log = (line: string) => console.log(`  ${line}`);

/** What went wrong with a session, in one line (undefined when it passed). */
type Failure = string | undefined;

async function update(session: Session): Promise<Failure> {
  const fresh = await runSession(session, log);
  const merged = mergeTranscript(committed(session.id), fresh, session.volatile);
  writeFileSync(outputPath(session.id), transcriptJson(merged));
  console.log(
    `${session.id}: written (${path.relative(REPO_ROOT, outputPath(session.id))}, engine ${fresh.ranOn.engine})`,
  );
  return undefined;
}

async function check(session: Session): Promise<Failure> {
  const before = committed(session.id);
  const fresh = await runSession(session, log);
  const diff = transcriptDiff(before, fresh, session.volatile);
  const engine = recordedEngine();
  const problems = [
    ...(before ? [] : [`no generated file: run \`npm run transcripts -- update ${session.id}\``]),
    // Build metadata (Debian's `+dfsg4`) is no other version.
    ...(engine && before && before.ranOn.engine.split('+')[0] !== engine
      ? [`committed output ran on Engine ${before.ranOn.engine}, docker-versions.json records ${engine}: regenerate it`]
      : []),
  ];
  for (const p of problems) console.log(`${session.id}: FAIL ${p}`);
  if (diff.length > 0)
    console.log(`${session.id}: FAIL the output changed (volatile parts shown as <kind>):\n${diff.join('\n')}`);
  if (!engine) console.log(`${session.id}: the engine version was not compared: docker-versions.json is missing`);
  if (problems.length === 0 && diff.length === 0) console.log(`${session.id}: ok`);
  const firstChange = diff.find((line) => /^[-+]/.test(line) && !/^(---|\+\+\+) /.test(line));
  return problems[0] ?? (firstChange && `the output changed, first at: ${firstChange}`);
}

/** Commands in a generated file (0 when there is none yet). */
const commandCount = (file: TranscriptFile | undefined) =>
  Object.values(file?.blocks ?? {}).reduce((n, b) => n + b.steps.length, 0);

function list(ids: string[]): void {
  for (const id of ids) {
    const file = committed(id);
    const blocks = Object.keys(file?.blocks ?? {}).length;
    console.log(
      `${id}: ${file ? `${blocks} blocks, ${commandCount(file)} commands, engine ${file.ranOn.engine}` : 'not generated yet'}; subnet ${sessionSubnet(id).subnet}`,
    );
  }
  const pages = siteCensus('zh-Hans');
  const sum = (f: (p: (typeof pages)[number]) => number) => pages.reduce((n, p) => n + f(p), 0);
  const generated = sum((p) => p.generated);
  const handWritten = sum((p) => p.handWritten);
  const notRun = new Map<string, number>();
  for (const p of pages)
    for (const [reason, n] of Object.entries(p.notRun)) notRun.set(reason, (notRun.get(reason) ?? 0) + n);
  const notRunTotal = [...notRun.values()].reduce((a, b) => a + b, 0);
  const total = generated + handWritten + notRunTotal;
  const share = (n: number) => `${total ? ((100 * n) / total).toFixed(1) : '0.0'} %`;
  console.log(`\nCommands on the site (zh-Hans pages; en shows the same transcripts): ${total}`);
  console.log(`  generated and checked: ${generated} (${share(generated)})`);
  console.log(
    `  not run here: ${notRunTotal} (${share(notRunTotal)})${[...notRun].map(([r, n]) => `; ${r} ${n} (${share(n)})`).join('')}`,
  );
  console.log(`  hand-written, not converted yet: ${handWritten} (${share(handWritten)})`);
  const pending = pages.filter((p) => !p.converted && p.handWritten > 0).map((p) => path.basename(p.file));
  console.log(`Pages not converted yet: ${pending.join(', ') || 'none'}`);
}

/**
 * Runs `runOne` for every session, up to `jobs` at a time, never two with one subnet at once (they
 * would take turns for it anyway, holding a place while they wait).
 */
async function inParallel(ids: string[], jobs: number, runOne: (id: string) => Promise<void>): Promise<void> {
  const pending = [...ids];
  const busy = new Set<string>();
  const running = new Set<Promise<void>>();
  // After SIGINT/SIGTERM no session starts; those running stop as their commands die.
  while ((pending.length > 0 && !interruption.aborted) || running.size > 0) {
    const next =
      running.size < jobs && !interruption.aborted
        ? pending.findIndex((id) => !busy.has(sessionSubnet(id).subnet))
        : -1;
    if (next < 0) {
      await Promise.race(running);
      continue;
    }
    const [id] = pending.splice(next, 1);
    const {subnet} = sessionSubnet(id);
    busy.add(subnet);
    const run: Promise<void> = runOne(id).finally(() => (busy.delete(subnet), running.delete(run)));
    running.add(run);
  }
}

/** Sessions at a time: three keep both cores busy; four were not reliably faster (README, Measured figures). */
const DEFAULT_JOBS = 3;

async function main(argv: string[]): Promise<number> {
  const jobsAt = argv.indexOf('--jobs');
  const jobs = jobsAt >= 0 ? Number(argv[jobsAt + 1]) : DEFAULT_JOBS;
  if (jobsAt >= 0) argv = argv.filter((_, i) => i !== jobsAt && i !== jobsAt + 1);
  if (!Number.isInteger(jobs) || jobs < 1) return (console.error(`--jobs takes a whole number ≥ 1\n${USAGE}`), 2);
  const [command, ...names] = argv;
  if (!['update', 'check', 'list'].includes(command)) return (console.error(USAGE), 2);
  const {ids, unknown} = selectSessions(sessionIds(), names);
  if (unknown.length > 0) return (console.error(`no session named ${unknown.join(', ')}\n${USAGE}`), 2);
  if (command === 'list') return (list(ids), 0);
  const started = Date.now();
  const failures = new Map<string, string>();
  // The run takes about as long as its longest session: those with the most commands start first.
  const commands = new Map(ids.map((id) => [id, commandCount(committed(id))]));
  const longestFirst = [...ids].sort((a, b) => commands.get(b)! - commands.get(a)!);
  await inParallel(longestFirst, jobs, async (id) => {
    const sessionStarted = Date.now();
    const {session, problems} = loadSession(id);
    const failure = session
      ? await (command === 'update' ? update : check)(session).catch(
          (err: Error) => (console.log(`${id}: FAIL ${err.message}`), err.message.split('\n')[0]),
        )
      : problems.map(formatProblem).join('; ') || 'not loaded';
    for (const p of problems) console.log(formatProblem(p));
    if (failure) failures.set(id, failure);
    console.log(`${id}: ${failure ? 'failed' : 'done'} in ${((Date.now() - sessionStarted) / 1000).toFixed(0)} s`);
  });
  const failed = ids.filter((id) => failures.has(id)).map((id) => `${id}: ${failures.get(id)}`);
  console.log(
    `${command}: ${ids.length - failed.length} of ${ids.length} sessions ok in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  // Last, so that the end of a long log names what to look for.
  if (failed.length > 0) console.log(`failed:\n${failed.map((f) => `  ${f}`).join('\n')}`);
  return failed.length === 0 ? 0 : 1;
}

runMain(() => main(process.argv.slice(2)), 'transcripts');
