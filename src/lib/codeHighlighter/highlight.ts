import {Prism} from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';
import {highlightedHtml, type LineOptions} from '../highlightedHtml';
import {tokenizedLines} from '../prismTokens';

// Docusaurus adds the configured languages to Prism from a client module at start-up. In the
// browser that module is replaced (plugin lazyCodeHighlighter), so they are added here, once,
// when this chunk first loads. On the server both run; the second adds nothing.
prismIncludeLanguages(Prism);

/** A code block's highlighted lines as one HTML string. */
export function highlightCode(code: string, language: string, options: LineOptions): string {
  return highlightedHtml(tokenizedLines(code, language), options);
}

export type HighlightCode = typeof highlightCode;
