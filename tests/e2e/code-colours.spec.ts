import {test, expect, type Page} from '@playwright/test';
import type {PrismTheme} from 'prism-react-renderer';
import {darkCodeTheme, lightCodeTheme} from '../../src/lib/prismThemes';
import {sitemapPaths, waitForHydration} from './site';

interface TokenStyle {
  color?: string;
  fontStyle?: string;
}

/**
 * The style the theme gives a token, by the rule prismThemeCss documents: every theme entry naming
 * one of the token's types applies, a later entry over an earlier one, and entries for the
 * block's language over general ones.
 */
function themeStyleOf(theme: PrismTheme, language: string, types: string[]): TokenStyle {
  const applies = theme.styles.filter((entry) => entry.types.some((type) => types.includes(type)));
  const general = applies.filter((entry) => !entry.languages);
  const forLanguage = applies.filter((entry) => entry.languages?.includes(language as never));
  const merged: TokenStyle = Object.assign({}, ...[...general, ...forLanguage].map((entry) => entry.style));
  return {color: merged.color ?? theme.plain.color, fontStyle: merged.fontStyle ?? 'normal'};
}

interface RenderedToken {
  language: string;
  types: string[];
  text: string;
  color: string;
  fontStyle: string;
}

async function renderedTokens(page: Page): Promise<RenderedToken[]> {
  return page.locator('pre.prism-code .token').evaluateAll((spans) =>
    spans.map((span) => {
      const pre = span.closest('pre')!;
      const language = Array.from(pre.classList)
        .find((c) => c.startsWith('language-'))!
        .slice('language-'.length);
      const style = getComputedStyle(span);
      return {
        language,
        types: Array.from(span.classList).filter((c) => c !== 'token'),
        text: span.textContent ?? '',
        color: style.color,
        fontStyle: style.fontStyle,
      };
    }),
  );
}

/** CSS colour strings as the browser computes them, so '#b31d2d' and 'rgb(179, 29, 45)' compare equal. */
async function computedColours(page: Page, colours: string[]): Promise<string[]> {
  return page.evaluate((list) => {
    const probe = document.body.appendChild(document.createElement('span'));
    const result = list.map((colour) => {
      probe.style.color = colour;
      return getComputedStyle(probe).color;
    });
    probe.remove();
    return result;
  }, colours);
}

// Token colours come from CSS per colour mode (src/plugins/prismThemeCss), not inline styles: every
// token must still show the colour the theme gives it, in both modes and after switching mode.
const themes = {light: lightCodeTheme, dark: darkCodeTheme};
// Every chapter shows code; the glossary is a table of terms and has none.
for (const pagePath of sitemapPaths('en').filter((p) => p.includes('/docs/') && !p.endsWith('/docs/glossary'))) {
  test(`${pagePath}: code tokens have their theme colours in light and dark mode`, async ({page}) => {
    await page.goto(pagePath);
    await waitForHydration(page);
    for (const mode of ['light', 'dark'] as const) {
      // The colour-mode toggle's own mechanism: the data-theme attribute on <html>.
      await page.evaluate((m) => document.documentElement.setAttribute('data-theme', m), mode);
      const tokens = await renderedTokens(page);
      // The start page shows only a short transcript, so any token counts.
      expect(tokens.length, 'highlighted tokens on the page').toBeGreaterThan(0);
      const expected = tokens.map((t) => themeStyleOf(themes[mode], t.language, t.types));
      const colours = await computedColours(
        page,
        expected.map((e) => e.color!),
      );
      const wrong = tokens
        .map((t, i) => ({t, colour: colours[i], fontStyle: expected[i].fontStyle}))
        .filter(({t, colour, fontStyle}) => t.color !== colour || t.fontStyle !== fontStyle)
        .map(
          ({t, colour, fontStyle}) =>
            `${mode} ${t.language} [${t.types.join(' ')}] "${t.text}": ${t.color} ${t.fontStyle}, theme says ${colour} ${fontStyle}`,
        );
      expect([...new Set(wrong)].slice(0, 20)).toEqual([]);
    }
  });
}
