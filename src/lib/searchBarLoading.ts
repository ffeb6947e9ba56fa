/** The search plugin's highlight parameter: a page opened from a search result carries the query in it. */
export const HIGHLIGHT_PARAM = '_highlight';

export function opensFromSearchResult(search: string): boolean {
  return new URLSearchParams(search).has(HIGHLIGHT_PARAM);
}

/** The plugin's default shortcut "mod+k": Ctrl+K, or Cmd+K on a Mac. */
export function isSearchShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}
