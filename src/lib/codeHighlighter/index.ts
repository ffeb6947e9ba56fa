import {useEffect, useState} from 'react';
import type {HighlightCode} from './highlight';

// Prism with its grammars costs about a tenth of a second of a phone's start-up, and a page
// loaded from the server never needs it: its code is highlighted in the HTML (serverMarkup). So
// in the browser Prism is a chunk of its own, loaded at the first client-side navigation
// (loadOnNavigation.ts) or when a block is rendered by React. On the server, index.server.ts
// replaces this module.

let loaded: HighlightCode | null = null;
let loading: Promise<HighlightCode> | null = null;

/** Loads the highlighter chunk, once; a failed load is tried again by the next caller. */
export function loadCodeHighlighter(): Promise<HighlightCode> {
  loading ??= import('./highlight').then(
    (chunk) => (loaded = chunk.highlightCode),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The highlighter when a block needs one: null until its chunk has loaded, while the block shows
 * its code unhighlighted. A block showing the server's highlighted lines does not need one.
 */
export function useCodeHighlighter(needed: boolean): HighlightCode | null {
  const [highlightCode, setHighlightCode] = useState(() => loaded);
  useEffect(() => {
    if (!needed || highlightCode) return;
    loadCodeHighlighter().then(
      (loadedHighlighter) => setHighlightCode(() => loadedHighlighter),
      (error: unknown) => console.error('Code highlighting failed to load; code is shown unhighlighted.', error),
    );
  }, [needed, highlightCode]);
  return highlightCode;
}
