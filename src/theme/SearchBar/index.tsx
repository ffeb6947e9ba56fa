import React, {lazy, startTransition, Suspense, useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import type SearchBarType from '@theme/SearchBar';
import type {WrapperProps} from '@docusaurus/types';
// The plugin's own class names, so the stand-in looks and collapses (phones) exactly like the bar.
import pluginStyles from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.module.css';
import {isSearchShortcut, opensFromSearchResult} from '@site/src/lib/searchBarLoading';
import styles from './styles.module.css';

// The plugin's bar brings lunr, mark.js and a worker bridge (~17 KB compressed) into every page's
// first load. Readers who never search should not pay for it: the bar is fetched on the first sign
// of intent (pointer over it, focus, the shortcut) or at once on a page opened from a search result.
const PluginSearchBar = lazy(() => import('@theme-original/SearchBar'));

type Props = WrapperProps<typeof SearchBarType>;

/** What the reader did to the stand-in before the plugin's bar arrived; handed over once it mounts. */
interface Intent {
  focused: boolean;
  value: string;
}

function StandInSearchBar({intent, onIntent, inputRef}: {intent: React.RefObject<Intent>; onIntent: () => void; inputRef: React.Ref<HTMLInputElement>}) {
  const label = translate({id: 'theme.SearchBar.label', message: 'Search', description: 'The ARIA label and placeholder for search button'});
  const note = (change: Partial<Intent>) => {
    Object.assign(intent.current, change);
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
        onMouseEnter={() => note({})}
        onFocus={() => note({focused: true})}
        onBlur={() => note({focused: false})}
        onChange={(event) => note({value: event.target.value})}
      />
    </div>
  );
}

/** Runs after the plugin's bar (its previous sibling) has run its own mount effects. */
function AfterMount({onMount}: {onMount: () => void}): null {
  useEffect(onMount, [onMount]);
  return null;
}

/** Gives the plugin's input the text and focus the reader gave the stand-in (text through React's onChange). */
function handOver(slot: HTMLElement | null, {focused, value}: Intent) {
  const input = slot?.querySelector<HTMLInputElement>('input.navbar__search-input');
  if (!input) return;
  if (value) {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', {bubbles: true}));
  }
  if (focused) input.focus();
}

export default function SearchBarLoadedOnIntent(props: Props): ReactNode {
  const [wanted, setWanted] = useState(false);
  const slot = useRef<HTMLDivElement>(null);
  const standIn = useRef<HTMLInputElement>(null);
  const intent = useRef<Intent>({focused: false, value: ''});
  // A transition keeps the stand-in on screen (with its focus and text) until the bar has loaded.
  const want = useCallback(() => startTransition(() => setWanted(true)), []);

  useEffect(() => {
    if (wanted) return undefined;
    // A page opened from a search result highlights the query: that is the plugin bar's work.
    if (opensFromSearchResult(window.location.search)) want();
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      event.preventDefault();
      standIn.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [wanted, want]);

  const onPluginBarMounted = useCallback(() => handOver(slot.current, intent.current), []);

  const standInBar = <StandInSearchBar intent={intent} onIntent={want} inputRef={standIn} />;
  return (
    <div ref={slot} className={styles.slot}>
      <Suspense fallback={standInBar}>
        {wanted ? (
          <>
            <PluginSearchBar {...props} />
            <AfterMount onMount={onPluginBarMounted} />
          </>
        ) : (
          standInBar
        )}
      </Suspense>
    </div>
  );
}
