import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {createHash} from 'node:crypto';
import {fileURLToPath} from 'node:url';
import {zipSync, type Zippable} from 'fflate';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {exampleImportsOf, exampleUsesOf, headingIdOf} from './mdx';
import {imagesList, imagesScript, KIT_FILES} from './offlineKit';
import {neededImages} from '../../../tools/core/example-images';

const require = createRequire(import.meta.url);
const {exampleDirs, listFiles, readExample, NEEDED_IMAGES_FILE} = require('./examples.cjs') as typeof import('./examples.cjs');

export type GalleryEntry = Omit<ReturnType<typeof readExample>, 'files'> & {
  shownFiles: string[];
  section: {doc: string; anchor: string | null} | null;
};

// A fixed date keeps the .zip byte-identical between builds.
const zipDate = new Date('2026-01-01T00:00:00Z');

/**
 * The whole example folder as a .zip, rooted at <name>/ so it unpacks into one folder, with the
 * offline image kit added: images.txt (`images`, the images it needs) and images.sh.
 */
export function zipExample(dir: string, images: readonly string[]): Uint8Array {
  const name = path.basename(dir);
  const entries: Zippable = {};
  for (const rel of listFiles(dir)) {
    if ((KIT_FILES as readonly string[]).includes(rel)) {
      throw new Error(`${path.join(dir, rel)}: the .zip generates ${rel} (the offline image kit); give this file another name`);
    }
    const file = path.join(dir, rel);
    const executable = (fs.statSync(file).mode & 0o111) !== 0;
    entries[`${name}/${rel}`] = [
      fs.readFileSync(file),
      {mtime: zipDate, attrs: (executable ? 0o755 : 0o644) << 16, os: 3},
    ];
  }
  entries[`${name}/images.txt`] = [new TextEncoder().encode(imagesList(images)), {mtime: zipDate, attrs: 0o644 << 16, os: 3}];
  entries[`${name}/images.sh`] = [new TextEncoder().encode(imagesScript()), {mtime: zipDate, attrs: 0o755 << 16, os: 3}];
  return zipSync(entries, {level: 9});
}

/** Where each example is taught: the doc and the heading above its <Example>, from the zh-Hans pages. */
export function exampleSections(docsDir: string): Record<string, {doc: string; anchor: string | null}> {
  const sections: Record<string, {doc: string; anchor: string | null}> = {};
  for (const file of fs.readdirSync(docsDir).filter((f) => /\.mdx?$/.test(f)).sort()) {
    const source = fs.readFileSync(path.join(docsDir, file), 'utf8');
    const doc = file.replace(/^\d+-/, '').replace(/\.mdx?$/, '');
    const imports = exampleImportsOf(source);
    let anchor: string | null = null;
    for (const line of source.split('\n')) {
      if (/^#{2,6} /.test(line)) anchor = headingIdOf(line) ?? anchor;
      for (const variable of exampleUsesOf(line)) {
        const name = imports.get(variable);
        if (name && !sections[name]) sections[name] = {doc, anchor};
      }
    }
  }
  return sections;
}

export default function examplesPlugin(context: LoadContext): Plugin<GalleryEntry[]> {
  const examplesDir = path.join(context.siteDir, 'examples');
  const zipDir = path.join(context.siteDir, '.generated/static/downloads');
  return {
    name: 'fieldguide-examples',
    getPathsToWatch: () => [path.join(examplesDir, '**/*'), fileURLToPath(new URL('./images.sh', import.meta.url))],
    async loadContent() {
      const sections = exampleSections(path.join(context.siteDir, 'docs'));
      fs.rmSync(zipDir, {recursive: true, force: true});
      fs.mkdirSync(zipDir, {recursive: true});
      // SHA256SUMS lets a reader verify a download (`sha256sum -c`); it also keeps the folder non-empty.
      // The images each example needs (tools/core/example-images.ts, as the runner reads them), for
      // the .zip's offline kit, the gallery and, through this file, the <Example> loader.
      const images = Object.fromEntries(exampleDirs(examplesDir).map((dir) => [path.basename(dir), neededImages(dir)]));
      fs.writeFileSync(path.join(context.siteDir, NEEDED_IMAGES_FILE), `${JSON.stringify(images, null, 2)}\n`);
      const sums = exampleDirs(examplesDir).map((dir) => {
        const zipName = `${path.basename(dir)}.zip`;
        const zip = zipExample(dir, images[path.basename(dir)]);
        fs.writeFileSync(path.join(zipDir, zipName), zip);
        return `${createHash('sha256').update(zip).digest('hex')}  ${zipName}\n`;
      });
      fs.writeFileSync(path.join(zipDir, 'SHA256SUMS'), sums.join(''));
      // The gallery needs no file contents: titles, checks, images, topology and where each is taught.
      return exampleDirs(examplesDir).map((dir) => {
        const {files, ...example} = readExample(dir, images[path.basename(dir)]);
        return {...example, shownFiles: files.map((f) => f.path), section: sections[example.name] ?? null};
      });
    },
    async contentLoaded({content, actions}) {
      const gallery = await actions.createData('gallery.json', JSON.stringify(content));
      actions.addRoute({
        path: `${context.baseUrl}examples`,
        component: '@site/src/components/ExamplesGallery/index.tsx',
        exact: true,
        modules: {gallery},
      });
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
