// What the pages show in terminal blocks: generated transcripts, "not run here" blocks, and
// hand-written `shell-session` blocks (pages not converted yet).
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import type {TranscriptFile} from '../../src/components/Transcript/types';
import {isNotRunReason} from '../../src/components/Transcript/reasons';
import {REPO_ROOT} from '../core/repo';

export const PAGE_DIRS = {
  'zh-Hans': path.join(REPO_ROOT, 'docs'),
  en: path.join(REPO_ROOT, 'i18n/en/docusaurus-plugin-content-docs/current'),
};

export interface PageCensus {
  /** Relative to the repository. */
  file: string;
  /** Commands in generated transcripts. */
  generated: number;
  /** Commands in "not run here" blocks, by reason. */
  notRun: Record<string, number>;
  /** Commands in `shell-session` blocks that are neither. */
  handWritten: number;
  /** The page shows at least one generated transcript: every terminal block on it must then be one or "not run here". */
  converted: boolean;
  /** `file:line message` */
  problems: string[];
}

const IMPORT = /^import\s+(\w+)\s+from\s+'@site\/transcripts\/([^']+)\.json';/;
const TRANSCRIPT = /<Transcript\s+session=\{(\w+)\}\s+block="([^"]*)"\s*\/>/;
const NOT_RUN_OPEN = /^<NotRunHere\s+reason="([^"]*)">\s*$/;

const commandsIn = (lines: string[]) => lines.filter((l) => l.startsWith('$ ')).length;

/** Languages of code blocks that show a file; on a converted page each is a file of examples/ or titled as an excerpt. */
const FILE_LANGUAGES = new Set([
  'docker',
  'dockerfile',
  'yaml',
  'yml',
  'json',
  'ini',
  'toml',
  'python',
  'nginx',
  'conf',
]);
const EXCERPT_TITLE = /title="[^"]*(?:excerpt|片段)[^"]*"/;

let exampleFiles: Set<string> | undefined;
/** Contents of every file under examples/, to recognise a block that shows one whole. */
function exampleContents(): Set<string> {
  exampleFiles ??= new Set(
    (
      readdirSync(path.join(REPO_ROOT, 'examples'), {
        recursive: true,
        withFileTypes: true,
      }) as import('node:fs').Dirent[]
    )
      .filter((e) => e.isFile())
      .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8').trimEnd()),
  );
  return exampleFiles;
}

export function pageCensus(fullPath: string): PageCensus {
  const file = path.relative(REPO_ROOT, fullPath);
  const lines = readFileSync(fullPath, 'utf8').split('\n');
  const census: PageCensus = {file, generated: 0, notRun: {}, handWritten: 0, converted: false, problems: []};
  const sessions = new Map<string, TranscriptFile | undefined>();
  const problem = (i: number, message: string) => census.problems.push(`${file}:${i + 1} ${message}`);
  let reason: string | undefined;
  const bare: number[] = [];
  const fileBlocks: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const imported = IMPORT.exec(line);
    if (imported) sessions.set(imported[1], readTranscript(imported[2]));
    const opened = NOT_RUN_OPEN.exec(line);
    if (opened) {
      reason = opened[1];
      if (!isNotRunReason(reason)) problem(i, `unknown "not run here" reason "${reason}"`);
    }
    if (line.startsWith('</NotRunHere>')) reason = undefined;
    const used = TRANSCRIPT.exec(line);
    if (used) census.generated += transcriptCommands(sessions, used[1], used[2], (m) => problem(i, m));
    if (line.startsWith('```shell-session')) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      const count = commandsIn(lines.slice(i + 1, end));
      if (reason) census.notRun[reason] = (census.notRun[reason] ?? 0) + count;
      else {
        census.handWritten += count;
        bare.push(i);
      }
      i = end;
    } else if (line.startsWith('```')) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      const language = /^```(\w+)/.exec(line)?.[1] ?? '';
      const whole = exampleContents().has(
        lines
          .slice(i + 1, end)
          .join('\n')
          .trimEnd(),
      );
      if (FILE_LANGUAGES.has(language) && !EXCERPT_TITLE.test(line) && !whole) fileBlocks.push(i);
      i = end;
    }
  }
  census.converted = census.generated > 0;
  if (census.converted)
    for (const i of bare)
      problem(
        i,
        'a `shell-session` block on a converted page: make it a generated <Transcript> or a <NotRunHere> block',
      );
  if (census.converted)
    for (const i of fileBlocks)
      problem(
        i,
        'a file-like code block that is no whole file of examples/: show the file, or title it as an excerpt (title="… (excerpt)" / "…（片段）")',
      );
  return census;
}

function readTranscript(id: string): TranscriptFile | undefined {
  const file = path.join(REPO_ROOT, 'transcripts', `${id}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TranscriptFile) : undefined;
}

function transcriptCommands(
  sessions: Map<string, TranscriptFile | undefined>,
  variable: string,
  block: string,
  problem: (m: string) => void,
): number {
  if (!sessions.has(variable))
    return (
      problem(
        `<Transcript session={${variable}}>: ${variable} is not imported from @site/transcripts/<page>/<session>.json`,
      ),
      0
    );
  const steps = sessions.get(variable)?.blocks[block]?.steps;
  if (!steps)
    return (
      problem(
        `<Transcript block="${block}">: no such block in ${variable}'s generated file (run \`npm run transcripts -- update\`)`,
      ),
      0
    );
  return steps.length;
}

export function siteCensus(locale: keyof typeof PAGE_DIRS): PageCensus[] {
  const dir = PAGE_DIRS[locale];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => pageCensus(path.join(dir, f)));
}
