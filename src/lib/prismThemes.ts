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
