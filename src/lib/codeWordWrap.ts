import {useCallback, useEffect, useRef, useState} from 'react';
import type {useCodeWordWrap as useThemeCodeWordWrap} from '@docusaurus/theme-common/internal';

type WordWrap = ReturnType<typeof useThemeCodeWordWrap>;

/**
 * The theme's word-wrap state for a code block, measured without forcing layout: the theme reads
 * every block's scroll width right after hydration (a synchronous layout of the whole page per
 * block, the largest single cost of a chapter's start-up). Here a ResizeObserver reports the
 * block and its code after the browser has laid them out anyway, which also covers window
 * resizes, a hidden file tab becoming visible and an off-screen block being rendered.
 */
export function useCodeWordWrap(): WordWrap {
  const codeBlockRef = useRef<HTMLPreElement>(null);
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);

  useEffect(() => {
    const pre = codeBlockRef.current;
    const code = pre?.querySelector('code');
    if (!pre || !code) return undefined;
    const observer = new ResizeObserver(() => setIsCodeScrollable(pre.scrollWidth > pre.clientWidth));
    observer.observe(pre);
    observer.observe(code);
    return () => observer.disconnect();
  }, []);

  const toggle = useCallback(() => {
    const code = codeBlockRef.current?.querySelector('code');
    if (!code) return;
    // Very long words and tokens must wrap too, or a scrollbar would remain.
    code.style.whiteSpace = isEnabled ? '' : 'pre-wrap';
    code.style.overflowWrap = isEnabled ? '' : 'anywhere';
    setIsEnabled(!isEnabled);
  }, [isEnabled]);

  return {codeBlockRef, isEnabled, isCodeScrollable, toggle};
}
