import React, {lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import {flushSync} from 'react-dom';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import type SearchBarType from '@theme/SearchBar';
import type {WrapperProps} from '@docusaurus/types';
// The plugin's own class names, so the stand-in looks and collapses (phones) exactly like the bar.
import pluginStyles from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.module.css';
import {isSearchShortcut, opensFromSearchResult} from '@site/src/lib/searchBarLoading';
import styles from './styles.module.css';

// The plugin's bar brings lunr, mark.js and a worker bridge (about 18 KB brotli) into every page's
// first load. Readers who never search should not pay for it: the bar is fetched on the first sign
// of intent (pointer over it, focus, the shortcut) or at once on a page opened from a search result.
const PluginSearchBar = lazy(() => import('@theme-original/SearchBar'));

type Props = WrapperProps<typeof SearchBarType>;

interface StandInProps {
  /** Whether the stand-in has the focus: the plugin's bar takes it over on arrival. */
  focusedRef: React.RefObject<boolean>;
  onIntent: () => void;
  inputRef: React.Ref<HTMLInputElement>;
}

function StandInSearchBar({focusedRef, onIntent, inputRef}: StandInProps) {
  const label = translate({
    id: 'theme.SearchBar.label',
    message: 'Search',
    description: 'The ARIA label and placeholder for search button',
  });
  const note = (hasFocus = focusedRef.current) => {
    focusedRef.current = hasFocus;
    onIntent();
  };
  return (
    <div className={clsx('navbar__search', pluginStyles.searchBarContainer)} dir="ltr">
      <svg aria-hidden="true" focusable="false" className={pluginStyles.searchIcon} viewBox="0 0 16 16">
        <circle cx="6.5" cy="6.5" r="4.75" fill="none" stroke="currentColor" strokeWidth="1.75" />
        <path d="M10 10l4.5 4.5" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        placeholder={label}
        aria-label={label}
        className={clsx('navbar__search-input', pluginStyles.searchInput)}
        onMouseEnter={() => note()}
        onFocus={() => note(true)}
        onBlur={() => note(false)}
        onChange={() => note()}
      />
    </div>
  );
}

/** Runs after the plugin's bar (its previous sibling) has run its own mount effects. */
function AfterMount({onMount}: {onMount: () => void}): null {
  useEffect(onMount, [onMount]);
  return null;
}

/** Gives the plugin's input the reader's text (through React's onChange) and the focus. */
function handOver(input: HTMLInputElement, value: string, focused: boolean) {
  if (value) {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', {bubbles: true}));
  }
  if (focused) input.focus();
}

type Phase = 'stand-in' | 'loading' | 'plugin';

export default function SearchBarLoadedOnIntent(props: Props): ReactNode {
  const [phase, setPhase] = useState<Phase>('stand-in');
  const pluginSlot = useRef<HTMLDivElement>(null);
  const standIn = useRef<HTMLInputElement>(null);
  const standInFocused = useRef(false);
  const want = useCallback(() => setPhase((now) => (now === 'stand-in' ? 'loading' : now)), []);

  useEffect(() => {
    if (phase !== 'stand-in') return undefined;
    // A page opened from a search result highlights the query: that is the plugin bar's work.
    // The address is read after hydration (the server's render cannot know it), so the state
    // changes here, once, rather than during render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (opensFromSearchResult(window.location.search)) want();
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      standIn.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [phase, want]);

  // The plugin's bar mounts hidden while the stand-in keeps the focus and takes keystrokes. On
  // mount the bar empties its input one task later (its highlight effect), so the swap waits for
  // that, then shows the bar and hands over in one task: no keystroke can fall in between.
  const onPluginBarMounted = useCallback(() => {
    const timer = window.setTimeout(() => {
      const value = standIn.current?.value ?? '';
      const focused = standInFocused.current;
      flushSync(() => setPhase('plugin'));
      const input = pluginSlot.current?.querySelector<HTMLInputElement>('input.navbar__search-input');
      if (input) handOver(input, value, focused);
    });
    return () => window.clearTimeout(timer);
  }, []);

  return (
    <>
      {phase !== 'plugin' && <StandInSearchBar focusedRef={standInFocused} onIntent={want} inputRef={standIn} />}
      {phase !== 'stand-in' && (
        <div ref={pluginSlot} className={styles.slot} hidden={phase === 'loading'}>
          <Suspense fallback={null}>
            <PluginSearchBar {...props} />
            <AfterMount onMount={onPluginBarMounted} />
          </Suspense>
        </div>
      )}
    </>
  );
}
