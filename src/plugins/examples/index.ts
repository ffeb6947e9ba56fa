import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {createHash} from 'node:crypto';
import {zipSync, type Zippable} from 'fflate';
import type {LoadContext, Plugin} from '@docusaurus/types';

const require = createRequire(import.meta.url);
const {exampleDirs, listFiles} = require('./examples.cjs') as typeof import('./examples.cjs');

// A fixed date keeps the .zip byte-identical between builds.
const zipDate = new Date('2026-01-01T00:00:00Z');

/** The whole example folder as a .zip, rooted at <name>/ so it unpacks into one folder. */
export function zipExample(dir: string): Uint8Array {
  const name = path.basename(dir);
  const entries: Zippable = {};
  for (const rel of listFiles(dir)) {
    const file = path.join(dir, rel);
    const executable = (fs.statSync(file).mode & 0o111) !== 0;
    entries[`${name}/${rel}`] = [
      fs.readFileSync(file),
      {mtime: zipDate, attrs: (executable ? 0o755 : 0o644) << 16, os: 3},
    ];
  }
  return zipSync(entries, {level: 9});
}

export default function examplesPlugin(context: LoadContext): Plugin {
  const examplesDir = path.join(context.siteDir, 'examples');
  const zipDir = path.join(context.siteDir, '.generated/static/examples');
  return {
    name: 'fieldguide-examples',
    getPathsToWatch: () => [path.join(examplesDir, '**/*')],
    async loadContent() {
      fs.rmSync(zipDir, {recursive: true, force: true});
      fs.mkdirSync(zipDir, {recursive: true});
      // SHA256SUMS lets a reader verify a download (`sha256sum -c`); it also keeps the folder non-empty.
      const sums = exampleDirs(examplesDir).map((dir) => {
        const zipName = `${path.basename(dir)}.zip`;
        const zip = zipExample(dir);
        fs.writeFileSync(path.join(zipDir, zipName), zip);
        return `${createHash('sha256').update(zip).digest('hex')}  ${zipName}\n`;
      });
      fs.writeFileSync(path.join(zipDir, 'SHA256SUMS'), sums.join(''));
    },
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: /[\\/]examples[\\/][^\\/]+[\\/]example\.yaml$/,
              type: 'javascript/auto',
              use: [require.resolve('./loader.cjs')],
            },
          ],
        },
      };
    },
  };
}
