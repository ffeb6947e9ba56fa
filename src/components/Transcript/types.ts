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
  /** The stand-in list's "Differs:" paragraph (tests/images/README.md). */
  differs: string;
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
}

/** The block as a `shell-session`: each command after `$ `, then its output. */
export function sessionText(block: TranscriptBlock): string {
  return block.steps.map((s) => [`$ ${s.command}`, ...(s.output ? [s.output] : [])].join('\n')).join('\n');
}
