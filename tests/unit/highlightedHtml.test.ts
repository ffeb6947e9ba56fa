import {test} from 'node:test';
import assert from 'node:assert/strict';
import {highlightedHtml, plainLines} from '../../src/lib/highlightedHtml';
import {tokenizedLines} from '../../src/lib/prismTokens';

test('renders a token-line div per line, its tokens as spans with their types, each line ending in <br>', () => {
  const html = highlightedHtml(tokenizedLines('const a = 1;\nlet b', 'javascript'), {lineClassNames: {}});
  assert.equal(
    html,
    '<div class="token-line"><span class="token keyword">const</span><span class="token plain"> a </span>' +
      '<span class="token operator">=</span><span class="token plain"> </span><span class="token number">1</span>' +
      '<span class="token punctuation">;</span><br></div>' +
      '<div class="token-line"><span class="token keyword">let</span><span class="token plain"> b</span><br></div>',
  );
});

test('escapes markup in code, so code is shown, never parsed', () => {
  const html = highlightedHtml([[{types: ['plain'], content: '<b>&amp;</b> a > b'}]], {lineClassNames: {}});
  assert.equal(
    html,
    '<div class="token-line"><span class="token plain">&lt;b&gt;&amp;amp;&lt;/b&gt; a &gt; b</span><br></div>',
  );
});

test('an empty line keeps its line but no empty token', () => {
  const html = highlightedHtml(tokenizedLines('a\n\nb', 'plain'), {lineClassNames: {}});
  assert.equal(
    html,
    '<div class="token-line"><span class="token plain">a</span><br></div><div class="token-line"><br></div>' +
      '<div class="token-line"><span class="token plain">b</span><br></div>',
  );
});

test('adds magic-comment classes to their lines, and the numbered-line markup when asked', () => {
  const numbered = {line: 'L', number: 'N', content: 'C'};
  const html = highlightedHtml(tokenizedLines('a\nb', 'plain'), {
    lineClassNames: {1: ['theme-code-block-highlighted-line']},
    numbered,
  });
  assert.equal(
    html,
    '<div class="token-line L"><span class="N"></span><span class="C"><span class="token plain">a</span></span><br></div>' +
      '<div class="token-line theme-code-block-highlighted-line L"><span class="N"></span><span class="C"><span class="token plain">b</span></span><br></div>',
  );
});

test('code of a language Prism does not know is one plain token per line', () => {
  assert.equal(
    highlightedHtml(tokenizedLines('<x>\ny', 'no-such-language'), {lineClassNames: {}}),
    '<div class="token-line"><span class="token plain">&lt;x&gt;</span><br></div><div class="token-line"><span class="token plain">y</span><br></div>',
  );
});

test('plain lines (shown until Prism has loaded) keep every line, escaped, as one plain token', () => {
  assert.equal(
    highlightedHtml(plainLines('<x>\n\ny'), {lineClassNames: {}}),
    '<div class="token-line"><span class="token plain">&lt;x&gt;</span><br></div><div class="token-line"><br></div>' +
      '<div class="token-line"><span class="token plain">y</span><br></div>',
  );
});
