import {darkCodeTheme, lightCodeTheme} from './src/lib/prismThemes';
import {LOCALES, pdfPath, type Locale} from './tools/pdf/locales';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type {PluginOptions as SearchOptions} from '@easyops-cn/docusaurus-search-local';

// Opt out of the Rust toolchain (@docusaurus/faster) when it misbehaves on a machine.
const useFaster = process.env.FIELDGUIDE_NO_FASTER !== '1';

const i18n = {
  defaultLocale: 'zh-Hans',
  locales: ['zh-Hans', 'en'],
  localeConfigs: {
    'zh-Hans': {label: '简体中文', htmlLang: 'zh-Hans'},
    en: {label: 'English', htmlLang: 'en'},
  },
} satisfies Config['i18n'];

// Docusaurus loads this file once per locale it builds and names that locale here.
const building = process.env.DOCUSAURUS_CURRENT_LOCALE;
const locale: Locale = (LOCALES as readonly string[]).includes(building ?? '')
  ? (building as Locale)
  : (i18n.defaultLocale as Locale);

const docs = {
  routeBasePath: 'docs',
  sidebarPath: './sidebars.ts',
  showLastUpdateTime: false,
} satisfies Preset.Options['docs'];

const search = {
  hashed: true,
  // "zh" brings jieba segmentation so Chinese words are indexed, not single characters.
  language: ['en', 'zh'],
  indexBlog: false,
  docsRouteBasePath: 'docs',
  highlightSearchTermsOnTargetPage: true,
  explicitSearchResultPath: true,
  // The shortcut hint's grey-on-grey <kbd> fails contrast; the shortcut itself still works.
  searchBarShortcutHint: false,
} satisfies SearchOptions;

const prism = {
  theme: lightCodeTheme,
  darkTheme: darkCodeTheme,
  additionalLanguages: ['docker', 'bash', 'shell-session', 'ini', 'json', 'nginx', 'yaml'],
} satisfies Preset.ThemeConfig['prism'];

const themeConfig = {
  colorMode: {respectPrefersColorScheme: true},
  navbar: {
    title: 'Docker 实践指南',
    items: [
      {type: 'docSidebar', sidebarId: 'guide', position: 'left', label: '指南'},
      {to: '/examples', position: 'left', label: '示例库'},
      // The locale's PDF, written into the build by `npm run pdf`: a file, not a route (pathname://).
      {to: `pathname:///${pdfPath(locale)}`, position: 'right', label: 'PDF'},
      {type: 'localeDropdown', position: 'right'},
    ],
  },
  footer: {
    style: 'dark',
    copyright: 'Docker 实践指南：每个示例都在真实的 Docker 引擎上启动过。',
  },
  prism,
} satisfies Preset.ThemeConfig;

export default {
  title: 'Docker 实践指南',
  tagline: '每个示例都由 CI 在真实的 Docker 引擎上启动',
  url: 'https://docker-field-guide.example.org',
  baseUrl: '/',
  favicon: 'img/logo.svg',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {hooks: {onBrokenMarkdownLinks: 'throw'}},
  future: {
    // All of v4 but cascade layers: their specificity polyfill lets Infima's :root beat custom.css.
    v4: {
      removeLegacyPostBuildHeadAttribute: true,
      useCssCascadeLayers: false,
      siteStorageNamespacing: true,
      fasterByDefault: true,
      mdx1CompatDisabledByDefault: true,
    },
    faster: useFaster,
  },
  i18n,
  // Build-time output of the examples plugin (.zip downloads).
  staticDirectories: ['static', '.generated/static'],
  presets: [
    [
      'classic',
      {
        docs,
        blog: false,
        theme: {customCss: './src/css/custom.css'},
        sitemap: {lastmod: null},
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    './src/plugins/examples/index.ts',
    './src/plugins/buildLocale/index.ts',
    './src/plugins/prismThemeCss/index.ts',
    './src/plugins/prefetchOnce/index.ts',
    './src/plugins/lazyCodeHighlighter/index.ts',
    './src/plugins/glossary/index.ts',
  ],
  themes: [['@easyops-cn/docusaurus-search-local', search]],
  themeConfig,
} satisfies Config;
