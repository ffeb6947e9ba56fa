import type {Token} from 'prism-react-renderer';

const escapes: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;'};
const escapeHtml = (text: string) => text.replace(/[&<>]/g, (c) => escapes[c]);

export interface LineOptions {
  /** Class names per line index, from magic comments such as `highlight-next-line`. */
  lineClassNames: Record<number, string[]>;
  /** Set when the block shows line numbers: the theme's classes for a numbered line. */
  numbered?: {line: string; number: string; content: string};
}

/**
 * Prism's lines as one HTML string, in the markup Docusaurus' CodeBlock renders (a `token-line`
 * div per line of `token <types>` spans, ending in <br>), but without inline colours: those
 * come from CSS per colour mode (prismThemeCss). Set as innerHTML, the thousands of token spans
 * of a page are not React elements, so hydrating a page costs one element per code block.
 */
export function highlightedHtml(lines: Token[][], {lineClassNames, numbered}: LineOptions): string {
  return lines
    .map((line, i) => {
      // Empty tokens (where Prism split at a newline) and the lone newline of an empty line render
      // nothing: the <br> already gives a line its height.
      const spans = line
        .filter((token) => token.content !== '' && token.content !== '\n')
        .map((token) => `<span class="token ${token.types.join(' ')}">${escapeHtml(token.content)}</span>`)
        .join('');
      const classes = ['token-line', ...(lineClassNames[i] ?? []), ...(numbered ? [numbered.line] : [])].join(' ');
      const content = numbered
        ? `<span class="${numbered.number}"></span><span class="${numbered.content}">${spans}</span>`
        : spans;
      return `<div class="${classes}">${content}<br></div>`;
    })
    .join('');
}

/** Code as lines of one plain token each: a language Prism does not know, or any block until Prism has loaded. */
export function plainLines(code: string): Token[][] {
  return code.split('\n').map((line) => [{types: ['plain'], content: line}]);
}
