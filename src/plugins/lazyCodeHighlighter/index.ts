import fs from 'node:fs';
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

const codeHighlighter = path.join(__dirname, '../../lib/codeHighlighter');

/**
 * The theme's client module that builds Prism's grammars at start-up (theme-classic's
 * getClientModules lists it as './prism-include-languages'): an internal file, checked against
 * @docusaurus/theme-classic 3.10.2. If an upgrade renames it, the replacement below would match
 * nothing and Prism would silently return to the first load, so the build stops instead.
 */
const themeClientModule = path.join(
  path.dirname(require.resolve('@docusaurus/theme-classic/package.json')),
  'lib/prism-include-languages.js',
);

/**
 * Keeps Prism out of the browser's start-up (src/lib/codeHighlighter/index.ts says why): in the
 * client bundle the theme's start-up language set-up gives way to loadOnNavigation.ts; in the
 * server bundle the lazy highlighter gives way to a synchronous one.
 */
export default function lazyCodeHighlighterPlugin(): Plugin {
  if (!fs.existsSync(themeClientModule)) {
    throw new Error(
      `lazy-code-highlighter: ${themeClientModule} is gone (a Docusaurus upgrade?): find the theme's Prism client module and update src/plugins/lazyCodeHighlighter/index.ts`,
    );
  }
  return {
    name: 'lazy-code-highlighter',
    configureWebpack(_config, isServer, {currentBundler}) {
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {
        plugins: [
          isServer
            ? new NormalModuleReplacementPlugin(
                /src[\\/]lib[\\/]codeHighlighter[\\/]index\.ts$/,
                path.join(codeHighlighter, 'index.server.ts'),
              )
            : new NormalModuleReplacementPlugin(
                /@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages\.js$/,
                path.join(codeHighlighter, 'loadOnNavigation.ts'),
              ),
        ],
      };
    },
  };
}
