// What a stand-in changes in an output, in both languages, read from the stand-in list
// (tests/images/README.md).
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {StandinNote} from '../../src/components/Transcript/types';
import {REPO_ROOT} from '../core/repo';

const README = path.join(REPO_ROOT, 'tests/images/README.md');
const LABELS = {'Differs: ': 'en', '差异：': 'zh-Hans'} as const;
type Differs = StandinNote['differs'];

/** Joins wrapped lines: a space between Latin words, none where a line ends or starts with CJK. */
function joinLines(lines: string[]): string {
  return lines.reduce((text, line) =>
    /[\u3000-\u9fff\uff00-\uffef]$/.test(text) || /^[\u3000-\u9fff\uff00-\uffef]/.test(line)
      ? text + line
      : `${text} ${line}`,
  );
}

/**
 * The "Differs:" and "差异：" paragraphs of each stand-in, by folder (`tests/images/busybox`). Each
 * stand-in's section starts `### <image> → \`<folder>/\``; a paragraph runs to the next labelled
 * line (`Word: `, `差异：`), a heading or a blank line. A section without both is missing here.
 */
export function differsByFolder(text = readFileSync(README, 'utf8')): Map<string, Differs> {
  const notes = new Map<string, Differs>();
  const found: Partial<Differs> = {};
  let folder: string | undefined;
  let paragraph: {locale: keyof Differs; lines: string[]} | undefined;
  const finishParagraph = () => {
    if (paragraph) found[paragraph.locale] = joinLines(paragraph.lines);
    paragraph = undefined;
  };
  const finishSection = () => {
    finishParagraph();
    if (folder && found.en && found['zh-Hans'])
      notes.set(`tests/images/${folder}`, {en: found.en, 'zh-Hans': found['zh-Hans']});
    delete found.en;
    delete found['zh-Hans'];
  };
  for (const line of text.split('\n')) {
    const heading = /^### .* → `([a-z0-9-]+)\/`/.exec(line);
    const label = (Object.keys(LABELS) as (keyof typeof LABELS)[]).find((l) => line.startsWith(l));
    if (line.startsWith('#')) finishSection();
    else if (line.trim() === '' || label || /^[A-Z][a-z]+: /.test(line)) finishParagraph();
    if (heading) folder = heading[1];
    else if (label) paragraph = {locale: LABELS[label], lines: [line.slice(label.length).trim()]};
    else if (paragraph) paragraph.lines.push(line.trim());
  }
  finishSection();
  return notes;
}
