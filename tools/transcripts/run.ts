// Runs one session on a fresh engine and returns what the page shows.
import path from 'node:path';
import {ensureImage, standinFor} from '../standins/standins';
import type {StandinNote, TranscriptBlock, TranscriptFile} from '../../src/components/Transcript/types';
import {copyFolder, loadImages, withEngine, type Engine} from './engine';
import {REPO_ROOT, type Block, type Session} from './session';
import {differsByFolder} from './standin-notes';

/** Where a block's commands run inside the engine container. */
export const workdirIn = (block: Block) => (block.workdir ? `/work/${path.basename(block.workdir)}` : '/work');

export async function runSession(session: Session, log: (line: string) => void): Promise<TranscriptFile> {
  const standins = await hostImages(session.images, log);
  return withEngine(session.id, log, async (engine) => {
    await loadImages(engine, session.images);
    await copyWorkdirs(engine, session.blocks);
    const blocks: Record<string, TranscriptBlock> = {};
    for (const block of session.blocks) blocks[block.name] = await runBlock(engine, session, block, standins, log);
    return {source: session.source, ranOn: await engine.versions(), standins, blocks};
  }, session.daemon);
}

/** Makes the declared images present on the host (stand-ins built where needed); notes the stand-ins. */
async function hostImages(images: string[], log: (line: string) => void): Promise<StandinNote[]> {
  const differs = differsByFolder();
  const notes: StandinNote[] = [];
  for (const image of images) {
    const ensured = await ensureImage(image, log);
    if (!ensured.standin) continue;
    const folder = standinFor(image) ?? '';
    notes.push({image, folder, differs: differs.get(folder) ?? ''});
  }
  return notes;
}

async function copyWorkdirs(engine: Engine, blocks: Block[]): Promise<void> {
  const dirs = new Set(blocks.map((b) => b.workdir).filter((d): d is string => d !== undefined));
  for (const dir of dirs) await copyFolder(engine, path.join(REPO_ROOT, dir), workdirIn({name: '', workdir: dir, steps: []}));
}

async function runBlock(engine: Engine, session: Session, block: Block, standins: StandinNote[], log: (line: string) => void): Promise<TranscriptBlock> {
  const steps: TranscriptBlock['steps'] = [];
  for (const step of block.steps) {
    log(`${session.id} ${block.name}: $ ${step.command}`);
    const result = await engine.run(step.command, workdirIn(block), step.input);
    const output = result.stdout.replace(/\n$/, '');
    if (result.code !== step.exit) {
      throw new Error(`${session.source}: block ${block.name}: \`${step.command}\` exited with ${result.code}, expected ${step.exit}:\n${output.split('\n').slice(-10).join('\n')}`);
    }
    steps.push({command: step.command, output, exit: result.code});
  }
  const text = steps.map((s) => `${s.command}\n${s.output}`).join('\n');
  return {steps, standins: standins.filter((s) => text.includes(s.image)).map((s) => s.image)};
}
