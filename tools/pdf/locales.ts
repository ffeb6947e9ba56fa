// The books: one per locale of the site, each written into that locale's part of the build.
export const LOCALES = ['zh-Hans', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Where a locale's pages live in the build and under the site's URL: the default locale at the root. */
export const localePrefix = (locale: Locale) => (locale === 'zh-Hans' ? '' : `/${locale}`);

/** The PDF's path under its locale's base URL (the navbar links to it). */
export const pdfPath = (locale: Locale) => `pdf/docker-field-guide.${locale}.pdf`;

export interface Texts {
  subtitle: string;
  checkedWith: string;
  recorded: (date: string) => string;
  made: (date: string) => string;
  contents: string;
}

export const TEXTS: Record<Locale, Texts> = {
  'zh-Hans': {
    subtitle: '离线阅读版（PDF）',
    checkedWith: '书中每个示例都在以下版本上启动并检查过：',
    recorded: (date) => `版本记录于 ${date}`,
    made: (date) => `本 PDF 生成于 ${date}`,
    contents: '目录',
  },
  en: {
    subtitle: 'Offline edition (PDF)',
    checkedWith: 'Every example in this book was started and checked on:',
    recorded: (date) => `versions recorded on ${date}`,
    made: (date) => `PDF made on ${date}`,
    contents: 'Contents',
  },
};
