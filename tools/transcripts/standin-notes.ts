// What a stand-in changes in an output, read from the stand-in list (tests/images/README.md).
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {REPO_ROOT} from './session';

const README = path.join(REPO_ROOT, 'tests/images/README.md');

/**
 * The "Differs:" paragraph of each stand-in, by folder (`tests/images/busybox`). Each stand-in's
 * section starts `### <image> → \`<folder>/\``; the paragraph runs to the next line starting with a
 * capitalised label, a heading or a blank line.
 */
export function differsByFolder(text = readFileSync(README, 'utf8')): Map<string, string> {
  const notes = new Map<string, string>();
  let folder: string | undefined;
  let paragraph: string[] | undefined;
  const finish = () => {
    if (folder && paragraph) notes.set(`tests/images/${folder}`, paragraph.join(' '));
    paragraph = undefined;
  };
  for (const line of text.split('\n')) {
    const heading = /^### .* → `([a-z0-9-]+)\/`/.exec(line);
    if (heading || line.startsWith('#') || line.trim() === '' || (paragraph && /^[A-Z][a-z]+: /.test(line))) finish();
    if (heading) folder = heading[1];
    else if (line.startsWith('Differs: ')) paragraph = [line.slice('Differs: '.length).trim()];
    else if (paragraph) paragraph.push(line.trim());
  }
  finish();
  return notes;
}
