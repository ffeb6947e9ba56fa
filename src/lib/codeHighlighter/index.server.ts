import {highlightCode} from './highlight';
import type * as ClientHighlighter from './index';

// The server renders every block highlighted, synchronously (plugin lazyCodeHighlighter puts this
// module in place of index.ts in the server bundle). Typed as the browser's module, so the two
// cannot drift apart.
export const loadCodeHighlighter: typeof ClientHighlighter.loadCodeHighlighter = () => Promise.resolve(highlightCode);
export const useCodeHighlighter: typeof ClientHighlighter.useCodeHighlighter = () => highlightCode;
