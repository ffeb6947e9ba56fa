// Reading a PDF with Debian's poppler-utils (pdfinfo, pdffonts, pdftotext).
import {execFileSync} from 'node:child_process';

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
  } catch (err) {
    const e = err as NodeJS.ErrnoException & {stderr?: string};
    if (e.code === 'ENOENT')
      throw new Error(`${tool} is missing: install Debian's poppler-utils (apt-get install poppler-utils)`, {
        cause: err,
      });
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr ?? e.message}`, {cause: err});
  }
}

export function pageCount(file: string): number {
  const m = /^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]));
  if (!m) throw new Error(`pdfinfo ${file}: no page count`);
  return Number(m[1]);
}

/** Named destinations (the targets of internal links) and the page each is on, from `pdfinfo -dests`. */
export function parseDestinations(output: string): Map<string, number> {
  const pages = new Map<string, number>();
  for (const line of output.split('\n')) {
    const m = /^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$/.exec(line);
    if (m) pages.set(m[2], Number(m[1]));
  }
  return pages;
}

export const destinations = (file: string) => parseDestinations(poppler('pdfinfo', ['-dests', file]));

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

/** `pdffonts` rows: name, type and whether the font is embedded. */
export function parseFonts(output: string): FontRow[] {
  const lines = output.split('\n');
  const rule = lines.findIndex((l) => /^-+ -+/.test(l));
  if (rule < 0) return [];
  // Column widths come from the dashes under the header; names may hold spaces.
  const widths = lines[rule].split(' ').map((d) => d.length);
  const cut = (line: string) => {
    let at = 0;
    return widths.map((w) => {
      const cell = line.slice(at, at + w).trim();
      at += w + 1;
      return cell;
    });
  };
  return lines
    .slice(rule + 1)
    .filter((l) => l.trim())
    .map((l) => {
      const [name, type, , emb] = cut(l);
      return {name, type, embedded: emb === 'yes'};
    });
}

export const fonts = (file: string) => parseFonts(poppler('pdffonts', [file]));

export interface Word {
  page: number;
  text: string;
  xMax: number;
  pageWidth: number;
}

/** Every word with its page and right edge, from `pdftotext -bbox` (points). */
export function parseWords(xhtml: string): Word[] {
  const words: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  for (const m of xhtml.matchAll(
    /<page width="([\d.]+)"|<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
  )) {
    if (m[1] !== undefined) {
      page++;
      pageWidth = Number(m[1]);
    } else {
      words.push({page, text: decode(m[3]), xMax: Number(m[2]), pageWidth});
    }
  }
  return words;
}

export const words = (file: string) => parseWords(poppler('pdftotext', ['-bbox', file, '-']));

/**
 * The text of every page, in order (`pdftotext` ends each page with a form feed): in reading order,
 * or with `layout` line by line as printed (wide gaps in a line, as in command output, then keep it
 * one line), or `raw` in the order the page drew it. One run of pdftotext for the whole file: a run
 * per page range reads the whole PDF again each time.
 */
export function pageTexts(file: string, mode: 'reading' | 'layout' | 'raw' = 'reading'): string[] {
  const pages = poppler('pdftotext', [...(mode === 'reading' ? [] : [`-${mode}`]), file, '-']).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}
