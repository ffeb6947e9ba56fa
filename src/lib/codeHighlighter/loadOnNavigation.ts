import type {ClientModule} from '@docusaurus/types';
import {loadCodeHighlighter} from './index';

/**
 * Client module put in place of the theme's prism-include-languages (plugin lazyCodeHighlighter):
 * instead of building Prism's grammars at start-up, it loads the highlighter when a reader goes to
 * another page, alongside that page's own chunks, so the page's code is usually highlighted at
 * its first render.
 */
const loadOnNavigation: ClientModule = {
  onRouteUpdate({previousLocation, location}) {
    if (previousLocation && previousLocation.pathname !== location.pathname) {
      loadCodeHighlighter().catch((error: unknown) => console.error('Code highlighting failed to load.', error));
    }
  },
};

export default loadOnNavigation;
