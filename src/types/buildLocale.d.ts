/** The locale being built, a constant in each locale's bundle (src/plugins/buildLocale). */
declare const BUILD_LOCALE: import('@site/src/lib/i18n').Locale;
