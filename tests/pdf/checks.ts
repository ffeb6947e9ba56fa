// What the PDF test checks, as functions of text it reads from the built site and from the PDF,
// so that each check can be shown to fail (tests/unit/pdf-checks.test.ts).
import type {Word} from '../../tools/pdf/poppler';

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' '};
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });

/** The chapter's title: the text of its page's <h1>. */
export function chapterTitle(html: string): string | null {
  const m = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  return m ? decode(m[1].replace(/<[^>]+>/g, '')).trim() : null;
}

/** Every line of every code block of a built page, as the reader sees it. */
export function codeLines(html: string): string[] {
  return [...html.matchAll(/<div class=(?:"token-line[^"]*"|token-line)[^>]*>([\s\S]*?)<\/div>/g)].map((m) =>
    decode(m[1].replace(/<[^>]+>/g, '')),
  );
}

/** Text without white space, for comparing text the PDF may have wrapped. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * Code lines missing from the PDF's text: each line, without its spaces (a wrapped line is broken
 * by the PDF's line ends), must follow the previous one in the text.
 */
export function missingLines(lines: string[], pdfText: string): string[] {
  const text = squeeze(pdfText);
  const missing: string[] = [];
  let at = 0;
  for (const line of lines.map(squeeze).filter(Boolean)) {
    const found = text.indexOf(line, at);
    if (found < 0) missing.push(line);
    else at = found + line.length;
  }
  return missing;
}

/** Words that run past the right page margin (points): a line the page cut off. */
export function wordsPastMargin(words: Word[], rightMargin: number, tolerance = 1): Word[] {
  return words.filter((w) => w.xMax > w.pageWidth - rightMargin + tolerance);
}
