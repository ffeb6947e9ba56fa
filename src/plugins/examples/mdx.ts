/** What the site reads from an MDX page: which variable holds which example, and heading ids. */

/** `import x from '@site/examples/<name>/example.yaml'` lines: variable → example folder. */
export function exampleImportsOf(source: string): Map<string, string> {
  return new Map(
    [...source.matchAll(/^import (\w+) from '@site\/examples\/([\w-]+)\/example\.yaml';$/gm)].map((m) => [m[1], m[2]]),
  );
}

/** The explicit id of a heading written `## Title {/* #id *\/}`, if it has one. */
export function headingIdOf(headingText: string): string | undefined {
  return /\{\/\* #([\w-]+) \*\/\}\s*$/.exec(headingText)?.[1];
}

/** The variables passed to `<Example example={x} />` on a line, in order. */
export function exampleUsesOf(line: string): string[] {
  return [...line.matchAll(/<Example\s+example=\{(\w+)\}/g)].map((m) => m[1]);
}
