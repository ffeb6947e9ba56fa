import {createRequire} from 'node:module';
import type {LoadContext, Plugin} from '@docusaurus/types';

const require = createRequire(import.meta.url);

/** Lets a page import glossary/terms.yaml: its rows, in the locale being built (loader.cjs). */
export default function glossaryPlugin(context: LoadContext): Plugin {
  return {
    name: 'fieldguide-glossary',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: /[\\/]glossary[\\/]terms\.yaml$/,
              type: 'javascript/auto',
              use: [{loader: require.resolve('./loader.cjs'), options: {locale: context.i18n.currentLocale}}],
            },
          ],
        },
      };
    },
  };
}
