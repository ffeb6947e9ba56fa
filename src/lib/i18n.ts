/** The site's locales; every text a component shows exists in each of them. */
export type Locale = 'zh-Hans' | 'en';
export type Localized<T = string> = Record<Locale, T>;

// Components pick their texts with `text[BUILD_LOCALE]` (declared in src/types/buildLocale.d.ts):
// Docusaurus builds each locale on its own and the build-locale plugin makes BUILD_LOCALE a
// constant there, so the minifier drops the other language and each reader downloads only theirs.
// TypeScript still makes every text table give both languages: indexing needs both keys.
