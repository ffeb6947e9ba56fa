// Runs one session on a fresh engine and returns what the page shows.
import path from 'node:path';
import {ensureImage, standinFor} from '../standins/standins';
import type {StandinNote, TranscriptBlock, TranscriptFile} from '../../src/components/Transcript/types';
import {copyFolder, withEngines, type Engine} from './engine';
import {ensureSeed} from './seed';
import {waitFor, type ExecResult} from '../core/exec';
import {interruption} from '../core/teardown';
import {REPO_ROOT} from '../core/repo';
import {imagesOf, UNTIL_TIMEOUT_MS, type Block, type Session, type Step} from './session';
import {differsByFolder} from './standin-notes';

/** Where a block's commands run inside the engine container. */
export const workdirIn = (block: Block) => (block.workdir ? `/work/${path.basename(block.workdir)}` : '/work');

/**
 * Runs a session on fresh engines: one, or one per node of a multi-node session. Every engine starts
 * with its images (`imagesOf`), from the seed of that set (./seed.ts), and gets the work folders; in
 * a multi-node session each command runs on its step's node, else its block's, else the first node,
 * and the generated step names that node.
 */
export async function runSession(session: Session, log: (line: string) => void): Promise<TranscriptFile> {
  const started = Date.now();
  const standins = await hostImages(session.images, log);
  const {nodes} = session;
  const multiPlatform = session.multiPlatform ?? [];
  if (multiPlatform.length) standins.push(...arm64Notes(multiPlatform));
  const seeds = await Promise.all(
    (nodes ?? [undefined]).map((node) => {
      const images = imagesOf(session, node);
      const spec = {
        images: images.filter((image) => !multiPlatform.includes(image)),
        twoPlatform: images.filter((image) => multiPlatform.includes(image)),
        daemon: session.daemon,
      };
      return ensureSeed(spec, log);
    }),
  );
  return withEngines(
    session.id,
    nodes,
    log,
    async (engines) => {
      for (const engine of engines) await copyWorkdirs(engine, session.blocks);
      log(
        `${session.id}: ${engines.length > 1 ? `${engines.length} engines` : 'engine'} up, images and files in, after ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      const blocks: Record<string, TranscriptBlock> = {};
      const saved: Record<string, string> = {};
      for (const block of session.blocks) {
        const nodeOf = nodes && ((step: Step) => step.on ?? block.on ?? nodes[0]);
        const engineFor = (step: Step) => (nodeOf ? engines[nodes.indexOf(nodeOf(step))] : engines[0]);
        blocks[block.name] = await runBlock(engineFor, session, block, standins, log, nodeOf, saved);
      }
      return {source: session.source, ranOn: await engines[0].versions(), standins, blocks};
    },
    {daemon: session.daemon, seeds},
  );
}

/** Makes the declared images present on the host (stand-ins built where needed); notes the stand-ins. */
async function hostImages(images: string[], log: (line: string) => void): Promise<StandinNote[]> {
  const differs = differsByFolder();
  const notes: StandinNote[] = [];
  for (const image of images) {
    const ensured = await ensureImage(image, log);
    if (!ensured.standin) continue;
    const folder = standinFor(image) ?? '';
    const note = differs.get(folder);
    if (!note)
      throw new Error(`${image}: its stand-in (${folder}) has no "Differs:" and "差异：" in tests/images/README.md`);
    notes.push({image, folder, differs: note});
  }
  return notes;
}

/** The arm64 stand-in's note, for each image loaded with both platforms. */
function arm64Notes(images: string[]): StandinNote[] {
  const folder = 'tests/images/busybox-arm64';
  const note = differsByFolder().get(folder);
  if (!note) throw new Error(`${folder} has no "Differs:" and "差异：" in tests/images/README.md`);
  return images.map((image) => ({image, folder, differs: note}));
}

async function copyWorkdirs(engine: Engine, blocks: Block[]): Promise<void> {
  const dirs = new Set(blocks.map((b) => b.workdir).filter((d): d is string => d !== undefined));
  for (const dir of dirs)
    await copyFolder(engine, path.join(REPO_ROOT, dir), workdirIn({name: '', workdir: dir, steps: []}));
}

/** Runs a step once, or with `until` again every second until its output shows the settled state. */
async function runSettled(engine: Engine, step: Step, dir: string, saved: Record<string, string>): Promise<ExecResult> {
  const {until} = step;
  if (until === undefined) return engine.run(step.command, dir, step.input, saved);
  return waitFor(
    `"${until}" in the output of \`${step.command}\``,
    async () => {
      const result = await engine.run(step.command, dir, step.input, saved);
      if (result.stdout.includes(until)) return result;
      throw new Error(`last output:\n${result.stdout.trimEnd()}`);
    },
    {timeoutMs: UNTIL_TIMEOUT_MS, signal: interruption},
  );
}

/** Commands that take at least this long have their time logged. */
const SLOW_COMMAND_SECONDS = 5;

async function runBlock(
  engineFor: (step: Step) => Engine,
  session: Session,
  block: Block,
  standins: StandinNote[],
  log: (line: string) => void,
  nodeOf: ((step: Step) => string) | undefined,
  saved: Record<string, string>,
): Promise<TranscriptBlock> {
  const steps: TranscriptBlock['steps'] = [];
  for (const step of block.steps) {
    const node = nodeOf?.(step);
    log(`${session.id} ${block.name}: ${node ? `${node} ` : ''}$ ${step.command}`);
    const started = Date.now();
    const result = await runSettled(engineFor(step), step, workdirIn(block), saved);
    // Where a slow session spends its time (the check has a time budget, README "Measured figures").
    const seconds = (Date.now() - started) / 1000;
    if (seconds >= SLOW_COMMAND_SECONDS) log(`${session.id} ${block.name}: took ${seconds.toFixed(1)} s`);
    const output = result.stdout.replace(/\n$/, '');
    if (result.code !== step.exit) {
      throw new Error(
        `${session.source}: block ${block.name}: \`${step.command}\`${node ? ` on ${node}` : ''} exited with ${result.code}, expected ${step.exit}:\n${output.split('\n').slice(-10).join('\n')}`,
      );
    }
    if (step.save) saved[step.save] = output.trim();
    steps.push({
      command: step.command,
      output,
      exit: result.code,
      ...(node ? {on: node} : {}),
      ...(step.unordered ? {unordered: true as const} : {}),
    });
  }
  const text = steps.map((s) => `${s.command}\n${s.output}`).join('\n');
  return {steps, standins: standins.filter((s) => text.includes(s.image)).map((s) => s.image)};
}
