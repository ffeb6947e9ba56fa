import type {LoadContext, Plugin} from '@docusaurus/types';

/**
 * Defines BUILD_LOCALE, the locale of the bundle being built: `text[BUILD_LOCALE]` then folds to
 * one language's object at build time, and the other language's texts never ship.
 */
export default function buildLocalePlugin(context: LoadContext): Plugin {
  return {
    name: 'build-locale',
    configureWebpack(_config, _isServer, {currentBundler}) {
      return {
        plugins: [new currentBundler.instance.DefinePlugin({BUILD_LOCALE: JSON.stringify(context.i18n.currentLocale)})],
      };
    },
  };
}
