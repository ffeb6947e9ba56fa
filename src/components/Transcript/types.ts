/** What `npm run transcripts -- update` writes beside a session source (transcripts/<page>/<session>.json). */
export interface TranscriptFile {
  /** The session source, relative to the repository. */
  source: string;
  /** Versions the fresh engine reported when the session ran. */
  ranOn: {engine: string; compose: string | null};
  /** Images loaded into the engine that are stand-ins, with what differs from the official image. */
  standins: StandinNote[];
  blocks: Record<string, TranscriptBlock>;
}

export interface StandinNote {
  image: string;
  /** Folder of the stand-in, e.g. tests/images/busybox. */
  folder: string;
  /** The stand-in list's "Differs:" and "差异：" paragraphs (tests/images/README.md), by locale. */
  differs: {'zh-Hans': string; en: string};
}

export interface TranscriptBlock {
  steps: TranscriptStep[];
  /** Stand-in images named in this block's commands or output. */
  standins: string[];
}

export interface TranscriptStep {
  command: string;
  /** Standard output and error as one stream, without the final newline. */
  output: string;
  exit: number;
  /** In a multi-node session: the node (host name) the command ran on; absent for a single engine. */
  on?: string;
  /** The output's lines may come in another order on another run; compared in any order. */
  unordered?: true;
}

const stepText = (s: TranscriptStep) => [`$ ${s.command}`, ...(s.output ? [s.output] : [])].join('\n');

/**
 * The block as a `shell-session`: each command after `$ `, then its output. In a multi-node
 * session each command's prompt names its node (`manager $ …`): the text outputs are compared by.
 */
export function sessionText(block: TranscriptBlock): string {
  return block.steps.map((s) => (s.on ? `${s.on} ${stepText(s)}` : stepText(s))).join('\n');
}

/**
 * What a page draws: runs of consecutive commands on one node, each a `shell-session` of its own
 * (`node` undefined in a single-engine session, which is one run).
 */
export function nodeRuns(block: TranscriptBlock): {node?: string; text: string}[] {
  const runs: {node?: string; steps: TranscriptStep[]}[] = [];
  for (const step of block.steps) {
    const last = runs.at(-1);
    if (last && last.node === step.on) last.steps.push(step);
    else runs.push({node: step.on, steps: [step]});
  }
  return runs.map((r) => ({node: r.node, text: r.steps.map(stepText).join('\n')}));
}
