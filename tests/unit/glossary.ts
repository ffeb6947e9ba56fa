import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

/**
 * The glossary check: glossary/terms.yaml names one term per concept and, per language, the
 * variants to avoid. This module pulls the prose out of pages, figures and example comments
 * and reports each avoided variant with file:line and the term to use instead.
 */

export type Lang = 'zh' | 'en';
export type Avoid = string | {pattern: string; use: string};

export interface Term {
  id: string;
  zh: string;
  en: string;
  also?: Partial<Record<Lang, string[]>>;
  definition: Record<Lang, string>;
  avoid: Record<Lang, Avoid[]>;
}

export interface Glossary {
  terms: Term[];
  style?: Partial<Record<Lang, {pattern: string; use: string; why?: string}[]>>;
}

/** One rule: a regex that finds a variant, and what the reader is told to write instead. */
export interface Rule {
  lang: Lang;
  id: string;
  regex: RegExp;
  use: string;
}

/** Text to check: the prose of one line of a file, in one language. */
export interface ProseLine {
  file: string;
  line: number;
  lang: Lang;
  text: string;
}

export const root = path.resolve(__dirname, '../..');
export const glossaryFile = path.join(root, 'glossary/terms.yaml');

export function readGlossary(file = glossaryFile): Glossary {
  return YAML.parse(fs.readFileSync(file, 'utf8')) as Glossary;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A literal variant as a regex, case-sensitive: English ones as whole words (plurals too), Chinese ones anywhere. */
function literalRegex(variant: string, lang: Lang): RegExp {
  if (lang === 'zh' && !/^[\x20-\x7e]+$/.test(variant)) return new RegExp(escape(variant), 'gu');
  return new RegExp(`(?<![\\w-])${escape(variant)}(?:s|es)?(?![\\w-])`, 'gu');
}

export function rulesOf(glossary: Glossary): Rule[] {
  const rules: Rule[] = [];
  for (const term of glossary.terms) {
    for (const lang of ['zh', 'en'] as const) {
      for (const avoid of term.avoid?.[lang] ?? []) {
        if (typeof avoid === 'string')
          rules.push({lang, id: term.id, regex: literalRegex(avoid, lang), use: term[lang]});
        else rules.push({lang, id: term.id, regex: new RegExp(avoid.pattern, 'gu'), use: avoid.use});
      }
    }
  }
  for (const lang of ['zh', 'en'] as const) {
    for (const style of glossary.style?.[lang] ?? [])
      rules.push({lang, id: 'style', regex: new RegExp(style.pattern, 'gu'), use: style.use});
  }
  return rules;
}

export interface Finding {
  file: string;
  line: number;
  variant: string;
  use: string;
  id: string;
}

export function check(lines: ProseLine[], rules: Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const {file, line, lang, text} of lines) {
    // Overlapping matches (宿主机 and 宿主) are one finding: the longest, first.
    const hits = rules
      .filter((rule) => rule.lang === lang)
      .flatMap((rule) =>
        [...text.matchAll(rule.regex)].map((m) => ({start: m.index, end: m.index + m[0].length, variant: m[0], rule})),
      )
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let covered = -1;
    for (const hit of hits) {
      if (hit.start < covered) continue;
      covered = hit.end;
      findings.push({file, line, variant: hit.variant, use: hit.rule.use, id: hit.rule.id});
    }
  }
  return findings;
}

export const describe = (f: Finding) => `${f.file}:${f.line}: "${f.variant}" → use "${f.use}" (${f.id})`;

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/** Inline code, MDX comments, link targets, URLs and JSX tags: not prose. Replaced by a space. */
function proseOf(line: string): string {
  return line
    .replace(/(`+)[^`]*?\1/g, ' ')
    .replace(/\*\*/g, '')
    .replace(/\{\/\*.*?\*\/\}/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<\/?[A-Za-z][^<>]*>/g, ' ');
}

/**
 * The prose lines of an .mdx page: front matter's title and description, and the text outside
 * code fences, imports, inline code, comments and component props.
 */
export function mdxProse(source: string, file: string, lang: Lang): ProseLine[] {
  const out: ProseLine[] = [];
  const lines = source.split('\n');
  let i = 0;
  if (lines[0] === '---') {
    for (i = 1; i < lines.length && lines[i] !== '---'; i++) {
      const m = /^(title|description|sidebar_label):\s*(.*)$/.exec(lines[i]);
      if (m) out.push({file, line: i + 1, lang, text: m[2]});
    }
    i++;
  }
  let fence: string | null = null;
  let inTag = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      continue;
    }
    if (fence !== null || /^(import|export) /.test(line)) continue;
    // A component's opening tag spread over several lines: its props are not prose.
    if (inTag) {
      if (/\/?>\s*$/.test(line)) inTag = false;
      continue;
    }
    if (/^\s*<[A-Z]\w*(\s[^>]*)?$/.test(line)) {
      inTag = true;
      continue;
    }
    out.push({file, line: i + 1, lang, text: proseOf(line)});
  }
  return out;
}

/** The text of a figure: string literals inside its `'zh-Hans': {…}` and `en: {…}` blocks. */
export function figureProse(source: string, file: string): ProseLine[] {
  const out: ProseLine[] = [];
  let lang: Lang | null = null;
  source.split('\n').forEach((line, index) => {
    if (/^ {2}'zh-Hans': \{/.test(line)) lang = 'zh';
    else if (/^ {2}en: \{/.test(line)) lang = 'en';
    else if (/^ {2}\},?$/.test(line)) lang = null;
    else if (lang) {
      for (const m of line.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
        out.push({file, line: index + 1, lang, text: (m[1] ?? m[2] ?? m[3]).replace(/\\(.)/g, '$1')});
      }
    }
  });
  return out;
}

const hashComment = /(?:^|\.)(sh|ya?ml|py|cfg|conf|toml|ini|txt|dockerignore)$|^Dockerfile/;

/**
 * What an example file shows as words rather than code: its comments (and, in example.yaml,
 * the zh-Hans / en titles and summaries). The language is told by the text itself.
 */
export function exampleProse(source: string, file: string): ProseLine[] {
  const base = path.basename(file);
  const out: ProseLine[] = [];
  const push = (line: number, text: string) => {
    const prose = proseOf(text);
    if (prose.trim()) out.push({file, line, lang: hasHan(prose) ? 'zh' : 'en', text: prose});
  };
  if (base.endsWith('.md')) {
    for (const p of mdxProse(source, file, 'en')) push(p.line, p.text);
    return out;
  }
  source.split('\n').forEach((line, index) => {
    if (base === 'example.yaml') {
      const value = /^\s*(?:zh-Hans|en):\s*(.+)$/.exec(line)?.[1];
      if (value) push(index + 1, value);
    }
    if (hashComment.test(base)) {
      const m = /^\s*#(?!!)\s?(.*)$/.exec(line) ?? /\s#\s(.*)$/.exec(line);
      if (m) push(index + 1, m[1]);
    } else if (/\.(js|ts|css)$/.test(base)) {
      const m = /^\s*(?:\/\/|\/?\*)\s?(.*)$/.exec(line);
      if (m) push(index + 1, m[1]);
    } else if (/\.html$/.test(base)) {
      for (const c of line.matchAll(/<!--(.*?)-->/g)) push(index + 1, c[1]);
    }
  });
  return out;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

export const zhDocs = path.join(root, 'docs');
export const enDocs = path.join(root, 'i18n/en/docusaurus-plugin-content-docs/current');
export const figuresDir = path.join(root, 'src/components/diagrams');
const topologyFigure = path.join(root, 'src/components/Topology/index.tsx');
export const examplesDir = path.join(root, 'examples');

const rel = (file: string) => path.relative(root, file);
const mdx = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));

export function pageLines(): ProseLine[] {
  return [
    ...mdx(zhDocs).flatMap((f) => mdxProse(fs.readFileSync(f, 'utf8'), rel(f), 'zh')),
    ...mdx(enDocs).flatMap((f) => mdxProse(fs.readFileSync(f, 'utf8'), rel(f), 'en')),
  ];
}

/** The drawn figures, and the topology figure drawn from an example's compose or stack file. */
export function figureLines(): ProseLine[] {
  const files = [
    ...fs
      .readdirSync(figuresDir)
      .filter((f) => f.endsWith('.tsx'))
      .sort()
      .map((f) => path.join(figuresDir, f)),
    topologyFigure,
  ];
  return files.flatMap((f) => figureProse(fs.readFileSync(f, 'utf8'), rel(f)));
}

export function exampleLines(): ProseLine[] {
  return filesUnder(examplesDir)
    .sort()
    .filter((f) => fs.statSync(f).size < 200_000 && !fs.readFileSync(f).includes(0))
    .flatMap((f) => exampleProse(fs.readFileSync(f, 'utf8'), rel(f)));
}

/** The glossary's own definitions follow it too. */
export function definitionLines(glossary: Glossary): ProseLine[] {
  const source = fs.readFileSync(glossaryFile, 'utf8').split('\n');
  return glossary.terms.flatMap((term) =>
    (['zh', 'en'] as const).map((lang) => {
      const line = source.findIndex((l) => l.includes(term.definition[lang].slice(0, 20))) + 1;
      return {file: rel(glossaryFile), line, lang, text: term.definition[lang]};
    }),
  );
}
