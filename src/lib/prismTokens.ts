import {Prism, normalizeTokens, type Token} from 'prism-react-renderer';
import {plainLines} from './highlightedHtml';

/** Prism's tokens of some code, split into lines, as prism-react-renderer's Highlight makes them. */
export function tokenizedLines(code: string, language: string): Token[][] {
  const grammar = Prism.languages[language];
  if (!grammar) return plainLines(code);
  // Prism plugins (markup templating, for one) work through these hooks.
  const env = {code, grammar, language, tokens: [] as ReturnType<typeof Prism.tokenize>};
  Prism.hooks.run('before-tokenize', env);
  env.tokens = Prism.tokenize(env.code, env.grammar);
  Prism.hooks.run('after-tokenize', env);
  return normalizeTokens(env.tokens);
}
