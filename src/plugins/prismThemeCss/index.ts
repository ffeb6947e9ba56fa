import fs from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {darkCodeTheme, lightCodeTheme, prismThemeCss} from '../../lib/prismThemes';

/**
 * Serves the code themes as one stylesheet for both colour modes (see prismThemeCss), written
 * from src/lib/prismThemes.ts at build time so the colours have one source.
 */
export default function prismThemeCssPlugin(context: LoadContext): Plugin {
  const file = path.join(context.generatedFilesDir, 'prism-theme.css');
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, `${prismThemeCss(lightCodeTheme, 'light')}\n${prismThemeCss(darkCodeTheme, 'dark')}\n`);
  return {
    name: 'prism-theme-css',
    getClientModules() {
      return [file];
    },
  };
}
