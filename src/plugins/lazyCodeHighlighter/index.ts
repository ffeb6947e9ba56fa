import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

const codeHighlighter = path.join(__dirname, '../../lib/codeHighlighter');

/**
 * Keeps Prism out of the browser's start-up (src/lib/codeHighlighter/index.ts says why): in the
 * client bundle the theme's start-up language set-up gives way to loadOnNavigation.ts; in the
 * server bundle the lazy highlighter gives way to a synchronous one.
 */
export default function lazyCodeHighlighterPlugin(): Plugin {
  return {
    name: 'lazy-code-highlighter',
    configureWebpack(_config, isServer, {currentBundler}) {
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {
        plugins: [
          isServer
            ? new NormalModuleReplacementPlugin(/src[\\/]lib[\\/]codeHighlighter[\\/]index\.ts$/, path.join(codeHighlighter, 'index.server.ts'))
            : new NormalModuleReplacementPlugin(
                /@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages\.js$/,
                path.join(codeHighlighter, 'loadOnNavigation.ts'),
              ),
        ],
      };
    },
  };
}
