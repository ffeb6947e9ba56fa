import fs from 'node:fs';
import path from 'node:path';
import {exampleImportsOf, exampleUsesOf, headingIdOf} from '../../src/plugins/examples/mdx';

export const zhDocsDir = path.resolve(__dirname, '../../docs');
export const enDocsDir = path.resolve(__dirname, '../../i18n/en/docusaurus-plugin-content-docs/current');

export interface PageStructure {
  /** "## title {/* #id *\/}" headings as "##:id", in order; a heading without an id is an error. */
  headings: string[];
  /** Diagram components used, in order. */
  figures: string[];
  /** Example folders shown through <Example>, in order. */
  examples: string[];
  sidebarPosition: string | undefined;
  errors: string[];
}

/** The parts of an MDX page that must match between its zh-Hans and en versions. */
export function pageStructure(file: string): PageStructure {
  const source = fs.readFileSync(file, 'utf8');
  const rel = path.relative(process.cwd(), file);
  const errors: string[] = [];
  const diagramImports = new Map<string, string>();
  const exampleImports = exampleImportsOf(source);
  for (const m of source.matchAll(/^import (\w+) from '@site\/src\/components\/diagrams\/(\w+)';$/gm)) {
    diagramImports.set(m[1], m[2]);
  }
  const headings: string[] = [];
  const figures: string[] = [];
  const examples: string[] = [];
  let inFence = false;
  source.split('\n').forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) return;
    // A merge's conflict markers can survive into a page that still builds (they read as text).
    if (/^(<{7}|={7}|>{7})( |$)/.test(line)) errors.push(`${rel}:${index + 1} a merge conflict marker: ${line}`);
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      const id = headingIdOf(heading[2]);
      if (heading[1] === '#') errors.push(`${rel}:${index + 1} a "# " heading: the title is the page's only h1`);
      else if (!id) errors.push(`${rel}:${index + 1} heading without an explicit id {/* #id */}: ${line}`);
      else headings.push(`${heading[1]}:${id}`);
    }
    for (const tag of line.matchAll(/<(\w+)[\s/>]/g)) {
      const diagram = diagramImports.get(tag[1]);
      if (diagram) figures.push(diagram);
    }
    for (const variable of exampleUsesOf(line)) {
      const example = exampleImports.get(variable);
      if (example) examples.push(example);
      else
        errors.push(
          `${rel}:${index + 1} <Example> of ${variable}, which is not imported from @site/examples/<name>/example.yaml`,
        );
    }
  });
  const sidebarPosition = /^sidebar_position:\s*(\S+)/m.exec(source)?.[1];
  return {headings, figures, examples, sidebarPosition, errors};
}

export function mdxFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort();
}
