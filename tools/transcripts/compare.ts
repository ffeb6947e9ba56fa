// Committed transcript against a fresh run, with the session's volatile parts masked.
import {sessionText, type TranscriptBlock, type TranscriptFile} from '../../src/components/Transcript/types';
import {unifiedDiff} from './diff';
import {mask, type VolatileKind} from './volatile';

/**
 * The block's text as compared: volatile parts masked, and the output lines of an `unordered`
 * command sorted (before masking, so a line's volatile part can still move it).
 */
function comparable(block: TranscriptBlock, kinds: readonly VolatileKind[]): string {
  const steps = block.steps.map((s) => (s.unordered ? {...s, output: s.output.split('\n').sort().join('\n')} : s));
  return mask(sessionText({...block, steps}), kinds);
}

const maskedLines = (file: TranscriptFile | undefined, block: string, kinds: readonly VolatileKind[]) =>
  file?.blocks[block] ? comparable(file.blocks[block], kinds).split('\n') : [];

/**
 * Differences per block (`-` committed, `+` fresh; volatile parts shown as `<kind>`); empty when
 * every block matches.
 */
export function transcriptDiff(
  committed: TranscriptFile | undefined,
  fresh: TranscriptFile,
  kinds: readonly VolatileKind[],
): string[] {
  const out: string[] = [];
  const names = [...new Set([...Object.keys(committed?.blocks ?? {}), ...Object.keys(fresh.blocks)])];
  for (const name of names) {
    const diff = unifiedDiff(maskedLines(committed, name, kinds), maskedLines(fresh, name, kinds));
    if (diff.length > 0) out.push(`--- ${name} (committed)`, `+++ ${name} (this run)`, ...diff);
  }
  return out;
}

/**
 * The file `update` writes: a block whose outputs differ only in volatile parts keeps its committed
 * outputs, so regenerating changes the repository only where an output really changed. Commands
 * always come from this run: a command edited only in a volatile part (an address) is still new.
 */
export function mergeTranscript(
  committed: TranscriptFile | undefined,
  fresh: TranscriptFile,
  kinds: readonly VolatileKind[],
): TranscriptFile {
  const blocks = Object.fromEntries(
    Object.entries(fresh.blocks).map(([name, block]) => {
      const kept = committed?.blocks[name];
      const sameCommands =
        kept?.steps.length === block.steps.length && block.steps.every((s, i) => s.command === kept.steps[i].command);
      const same = sameCommands && comparable(kept!, kinds) === comparable(block, kinds);
      return [
        name,
        same ? {...block, steps: block.steps.map((s, i) => ({...s, output: kept!.steps[i].output}))} : block,
      ];
    }),
  );
  return {...fresh, blocks};
}

/** The file's JSON text, as committed. */
export const transcriptJson = (file: TranscriptFile) => `${JSON.stringify(file, null, 2)}\n`;
