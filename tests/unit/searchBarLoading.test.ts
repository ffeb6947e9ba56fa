import {test} from 'node:test';
import assert from 'node:assert/strict';
import {isSearchShortcut, opensFromSearchResult} from '../../src/lib/searchBarLoading';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

test('Ctrl+K and Cmd+K are the search shortcut, whatever the letter case', () => {
  assert.equal(isSearchShortcut(key('k', {ctrlKey: true})), true);
  assert.equal(isSearchShortcut(key('K', {metaKey: true})), true);
});

test('plain K, other letters and extra modifiers are not the shortcut', () => {
  assert.equal(isSearchShortcut(key('k')), false);
  assert.equal(isSearchShortcut(key('j', {ctrlKey: true})), false);
  assert.equal(isSearchShortcut(key('k', {ctrlKey: true, shiftKey: true})), false);
  assert.equal(isSearchShortcut(key('k', {ctrlKey: true, altKey: true})), false);
});

test('a page URL from a search result carries the highlight parameter', () => {
  assert.equal(opensFromSearchResult('?_highlight=bridge'), true);
  assert.equal(opensFromSearchResult('?a=1&_highlight=%E7%BD%91%E7%BB%9C'), true);
  assert.equal(opensFromSearchResult(''), false);
  assert.equal(opensFromSearchResult('?highlight=bridge'), false);
});
