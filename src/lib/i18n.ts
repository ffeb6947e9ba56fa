import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

/** The site's locales; every text a component shows exists in each of them. */
export type Locale = 'zh-Hans' | 'en';
export type Localized<T = string> = Record<Locale, T>;

/** Picks the current locale's value; TypeScript makes every caller give both languages. */
export function useLocalized<T>(byLocale: Localized<T>): T {
  const {i18n} = useDocusaurusContext();
  return byLocale[i18n.currentLocale as Locale];
}
