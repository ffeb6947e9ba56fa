import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {PrismTheme} from 'prism-react-renderer';
import {prismThemeCss} from '../../src/lib/prismThemes';

const theme: PrismTheme = {
  plain: {color: '#111111', backgroundColor: '#fafafa'},
  styles: [
    {types: ['comment', 'prolog'], style: {color: '#222222', fontStyle: 'italic'}},
    {types: ['tag'], languages: ['markup'], style: {color: '#333333'}},
    {types: ['bold'], style: {fontWeight: 'bold'}},
  ],
};

test('scopes every rule to its colour mode and keeps the theme order, languages as an ancestor class', () => {
  assert.deepEqual(prismThemeCss(theme, 'dark').split('\n'), [
    "[data-theme='dark'] .theme-code-block{--prism-color:#111111;--prism-background-color:#fafafa}",
    "[data-theme='dark'] .token.comment,[data-theme='dark'] .token.prolog{color:#222222;font-style:italic}",
    "[data-theme='dark'] .language-markup .token.tag{color:#333333}",
    "[data-theme='dark'] .token.bold{font-weight:bold}",
  ]);
});
