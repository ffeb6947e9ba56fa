import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {createHash} from 'node:crypto';
import {fileURLToPath} from 'node:url';
import {zipSync, type Zippable} from 'fflate';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {ExampleData} from '../../components/Example/types';
import {exampleDirs, readExample, readReports} from './exampleData';
import {exampleImportsOf, exampleUsesOf, headingIdOf} from './mdx';
import {imagesList, imagesScript, KIT_FILES} from './offlineKit';

const require = createRequire(import.meta.url);
const {EXAMPLE_DATA_DIR, exampleDataFile} = require('./exampleDataFile.cjs') as typeof import('./exampleDataFile.cjs');
const {upReports} =
  require('../../../tools/runner/reportFiles.cjs') as typeof import('../../../tools/runner/reportFiles.cjs');

export type GalleryEntry = Omit<ExampleData, 'files'> & {
  shownFiles: string[];
  section: {doc: string; anchor: string | null} | null;
};

// A fixed date keeps the .zip byte-identical between builds.
const zipDate = new Date('2026-01-01T00:00:00Z');

/**
 * The example folder's `files` (exampleFiles: all of it) as a .zip, rooted at <name>/ so it unpacks
 * into one folder, with the offline image kit added: images.txt (`images`, the images it needs) and images.sh.
 */
export function zipExample(dir: string, files: readonly string[], images: readonly string[]): Uint8Array {
  const name = path.basename(dir);
  const entries: Zippable = {};
  for (const rel of files) {
    if ((KIT_FILES as readonly string[]).includes(rel)) {
      throw new Error(
        `${path.join(dir, rel)}: the .zip generates ${rel} (the offline image kit); give this file another name`,
      );
    }
    const file = path.join(dir, rel);
    const executable = (fs.statSync(file).mode & 0o111) !== 0;
    entries[`${name}/${rel}`] = [
      fs.readFileSync(file),
      {mtime: zipDate, attrs: (executable ? 0o755 : 0o644) << 16, os: 3},
    ];
  }
  entries[`${name}/images.txt`] = [
    new TextEncoder().encode(imagesList(images)),
    {mtime: zipDate, attrs: 0o644 << 16, os: 3},
  ];
  entries[`${name}/images.sh`] = [
    new TextEncoder().encode(imagesScript()),
    {mtime: zipDate, attrs: 0o755 << 16, os: 3},
  ];
  return zipSync(entries, {level: 9});
}

/** Where each example is taught: the doc and the heading above its <Example>, from the zh-Hans pages. */
export function exampleSections(docsDir: string): Record<string, {doc: string; anchor: string | null}> {
  const sections: Record<string, {doc: string; anchor: string | null}> = {};
  for (const file of fs
    .readdirSync(docsDir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort()) {
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
    // The runner's reports feed the "tested with" notes: a new run rewrites the data files too.
    getPathsToWatch: () => [
      path.join(examplesDir, '**/*'),
      ...upReports(context.siteDir),
      fileURLToPath(new URL('./images.sh', import.meta.url)),
    ],
    async loadContent() {
      const sections = exampleSections(path.join(context.siteDir, 'docs'));
      const dirs = exampleDirs(examplesDir);
      // Each example's data for its <Example> (read back by loader.cjs), with the images it needs
      // for the .zip's offline kit too.
      const reports = readReports(upReports(context.siteDir));
      const examples = dirs.map((dir) => readExample(dir, reports, path.relative(context.siteDir, dir)));
      fs.rmSync(path.join(context.siteDir, EXAMPLE_DATA_DIR), {recursive: true, force: true});
      fs.mkdirSync(path.join(context.siteDir, EXAMPLE_DATA_DIR), {recursive: true});
      for (const [i, dir] of dirs.entries()) fs.writeFileSync(exampleDataFile(dir), JSON.stringify(examples[i]));
      fs.rmSync(zipDir, {recursive: true, force: true});
      fs.mkdirSync(zipDir, {recursive: true});
      // SHA256SUMS lets a reader verify a download (`sha256sum -c`); it also keeps the folder non-empty.
      const sums = dirs.map((dir, i) => {
        const zipName = `${path.basename(dir)}.zip`;
        const zip = zipExample(dir, examples[i].allFiles, examples[i].neededImages);
        fs.writeFileSync(path.join(zipDir, zipName), zip);
        return `${createHash('sha256').update(zip).digest('hex')}  ${zipName}\n`;
      });
      fs.writeFileSync(path.join(zipDir, 'SHA256SUMS'), sums.join(''));
      // The gallery needs no file contents: titles, checks, images, topology and where each is taught.
      return examples.map(({files, ...example}) => ({
        ...example,
        shownFiles: files.map((f) => f.path),
        section: sections[example.name] ?? null,
      }));
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
