import {themes, type PrismTheme} from 'prism-react-renderer';

/** A Prism theme with some token colours replaced; everything else as it is. */
function withColours(theme: PrismTheme, replacements: Record<string, string>): PrismTheme {
  return {
    ...theme,
    styles: theme.styles.map((entry) => ({
      ...entry,
      style: {...entry.style, color: replacements[entry.style.color ?? ''] ?? entry.style.color},
    })),
  };
}

// The stock themes' pale tokens fail axe's contrast rule; these keep each hue at WCAG AA
// (≥ 4.5:1 on the theme's own background: #f6f8fa light, #1e1e1e dark).
export const lightCodeTheme = withColours(themes.github, {
  '#999988': '#6a6a5e',
  '#36acaa': '#1d7775',
  '#00a4db': '#006a94',
  '#d73a49': '#b31d2d',
  '#e3116c': '#b80d57',
});

export const darkCodeTheme = withColours(themes.vsDark, {
  'rgb(0, 0, 128)': '#7e7eff',
  'rgb(100, 102, 149)': '#8b8fc7',
  '#808080': '#9a9a9a',
});

const kebab = (property: string) => property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const declarations = (style: Record<string, unknown>) =>
  Object.entries(style)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([property, value]) => `${kebab(property)}:${String(value)}`)
    .join(';');

/**
 * A theme as CSS for one colour mode: token colours by Prism's class names instead of inline
 * styles, so server-rendered code is right in either mode and need not be re-rendered after
 * hydration. Every entry naming one of a token's types applies, a later entry over an earlier one
 * and an entry for the block's language over general ones. (Inline, a token of several types took
 * the style of its last type instead: Prism's `variable operator` in bash showed as an operator.)
 */
export function prismThemeCss(theme: PrismTheme, colourMode: 'light' | 'dark'): string {
  const scope = `[data-theme='${colourMode}']`;
  const rules = [
    `${scope} .theme-code-block{--prism-color:${theme.plain.color};--prism-background-color:${theme.plain.backgroundColor}}`,
  ];
  for (const entry of theme.styles) {
    const body = declarations(entry.style);
    if (!body) continue;
    const languages = entry.languages?.map((language) => `.language-${language}`) ?? [''];
    const selectors = languages.flatMap((language) =>
      entry.types.map((type) => `${scope} ${language ? `${language} ` : ''}.token.${type}`),
    );
    rules.push(`${selectors.join(',')}{${body}}`);
  }
  return rules.join('\n');
}
