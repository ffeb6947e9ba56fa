import {themes, type PrismTheme} from 'prism-react-renderer';

// Prism's "github" theme with its pale token colours darkened to WCAG AA (≥ 4.5:1 on #f6f8fa);
// the stock colours fail axe's contrast rule. Dark mode's vsDark passes as it is.
const aaColours: Record<string, string> = {
  '#999988': '#6a6a5e',
  '#36acaa': '#1d7775',
  '#00a4db': '#006a94',
  '#d73a49': '#b31d2d',
  '#e3116c': '#b80d57',
};

export const lightCodeTheme: PrismTheme = {
  ...themes.github,
  styles: themes.github.styles.map((entry) => ({
    ...entry,
    style: {...entry.style, color: aaColours[entry.style.color ?? ''] ?? entry.style.color},
  })),
};

export const darkCodeTheme: PrismTheme = themes.vsDark;
