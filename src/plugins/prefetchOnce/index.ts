import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/** Replaces Docusaurus' client prefetch helper with one that asks for each chunk once (./prefetch.ts). */
export default function prefetchOncePlugin(): Plugin {
  return {
    name: 'prefetch-once',
    configureWebpack(_config, _isServer, {currentBundler}) {
      return {
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(
            /@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]prefetch\.js$/,
            path.join(__dirname, 'prefetch.ts'),
          ),
        ],
      };
    },
  };
}
