// Reads an example folder for the site. CommonJS because webpack/rspack load it as a loader too.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

/** Prism language of a file shown on the site, from its name. */
function languageOf(fileName) {
  const base = path.basename(fileName);
  if (base === 'Dockerfile' || base.endsWith('.Dockerfile') || base.startsWith('Dockerfile.')) return 'docker';
  const ext = path.extname(base).slice(1).toLowerCase();
  const byExt = {
    yaml: 'yaml', yml: 'yaml', sh: 'bash', py: 'python', json: 'json', ini: 'ini', cfg: 'ini',
    conf: 'nginx', html: 'markup', js: 'javascript', ts: 'typescript', md: 'markdown',
    toml: 'ini', txt: 'text', cnf: 'ini',
  };
  return byExt[ext] ?? 'text';
}

/** Every file of an example folder, relative, sorted, as the .zip holds them. */
function listFiles(dir, prefix = '') {
  return fs
    .readdirSync(path.join(dir, prefix), {withFileTypes: true})
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(dir, rel) : [rel];
    })
    .sort();
}

/** The data one <Example> renders: declaration plus the shown files' exact bytes. */
function readExample(dir) {
  const name = path.basename(dir);
  const declarationPath = path.join(dir, 'example.yaml');
  const declaration = YAML.parse(fs.readFileSync(declarationPath, 'utf8'));
  if (!declaration || typeof declaration !== 'object') {
    throw new Error(`${declarationPath}:1 example.yaml must be a mapping`);
  }
  const shown = declaration.files ?? [];
  const files = shown.map((rel) => {
    const file = path.join(dir, rel);
    if (!fs.existsSync(file)) {
      throw new Error(`${declarationPath}: "files" lists ${rel}, which does not exist`);
    }
    return {path: rel, language: languageOf(rel), content: fs.readFileSync(file, 'utf8')};
  });
  return {
    name,
    title: declaration.title,
    summary: declaration.summary,
    kind: declaration.kind,
    chapter: declaration.chapter,
    topics: declaration.topics ?? [],
    images: declaration.images ?? [],
    checks: declaration.checks ?? [],
    limits: declaration.limits ?? [],
    files,
    allFiles: listFiles(dir),
    zip: `/examples/${name}.zip`,
  };
}

/** Example folders under examplesDir (those with an example.yaml). */
function exampleDirs(examplesDir) {
  return fs
    .readdirSync(examplesDir, {withFileTypes: true})
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(examplesDir, e.name, 'example.yaml')))
    .map((e) => path.join(examplesDir, e.name))
    .sort();
}

module.exports = {languageOf, listFiles, readExample, exampleDirs};
