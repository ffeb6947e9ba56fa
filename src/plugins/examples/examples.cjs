// Reads an example folder for the site. CommonJS because webpack/rspack load it as a loader too.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const {upReports} = require('../../../tools/runner/reportFiles.cjs');

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

const asList = (value) => (Array.isArray(value) ? value : value && typeof value === 'object' ? Object.keys(value) : []);

/** "127.0.0.1:8080:80/tcp", "8080:80", "80" or the long form, as {published, target, hostIp, mode}. */
function parsePort(port) {
  if (port && typeof port === 'object') {
    return {published: port.published === undefined ? null : String(port.published), target: String(port.target), hostIp: port.host_ip ?? null, mode: port.mode ?? 'ingress'};
  }
  const parts = String(port).replace(/\/\w+$/, '').split(':');
  const target = parts.pop();
  const published = parts.length ? parts.pop() : null;
  return {published, target, hostIp: parts.length ? parts.join(':') : null, mode: 'ingress'};
}

/** A service's mounts: named volumes, bind mounts and tmpfs, from the short or long syntax. */
function parseMount(mount, namedVolumes) {
  if (mount && typeof mount === 'object') return {type: mount.type, source: mount.source ?? null, target: mount.target};
  const [source, target] = String(mount).split(':');
  if (target === undefined) return {type: 'volume', source: null, target: source};
  return {type: namedVolumes.has(source) ? 'volume' : 'bind', source, target};
}

/**
 * The topology of an example's compose or stack file: what the <Topology> figure draws.
 * It is read from the file at build time, so the picture always follows the file.
 */
function topologyOf(file) {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8')) ?? {};
  const namedVolumes = new Set(asList(doc.volumes));
  const declaredNetworks = asList(doc.networks);
  const services = Object.entries(doc.services ?? {}).map(([name, svc]) => {
    const build = svc.build === undefined ? null : typeof svc.build === 'string' ? svc.build : svc.build.context ?? '.';
    const networks = asList(svc.networks);
    return {
      name,
      image: svc.image ?? null,
      build,
      replicas: svc.deploy?.replicas ?? 1,
      networks: networks.length ? networks : ['default'],
      ports: (svc.ports ?? []).map(parsePort),
      mounts: (svc.volumes ?? []).map((m) => parseMount(m, namedVolumes)),
      secrets: (svc.secrets ?? []).map((secret) => (typeof secret === 'string' ? secret : secret.source)),
      dependsOn: asList(svc.depends_on),
    };
  });
  const usesDefault = services.some((svc) => svc.networks.includes('default'));
  const networks = [...(usesDefault ? ['default'] : []), ...declaredNetworks.filter((n) => n !== 'default')].map((name) => ({
    name,
    driver: doc.networks?.[name]?.driver ?? (path.basename(file) === 'stack.yaml' ? 'overlay' : 'bridge'),
  }));
  return {file: path.basename(file), services, networks, volumes: [...namedVolumes], secrets: asList(doc.secrets)};
}

/** The compose or stack file of an example folder, if it has one. */
function topologyFileOf(dir) {
  return ['compose.yaml', 'stack.yaml'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
}

/**
 * Where the site build writes the images each example needs (example name → references), relative
 * to the site's folder: the plugin computes them (tools/core/example-images.ts), the loader reads them.
 */
const NEEDED_IMAGES_FILE = '.generated/example-images.json';

/** The images one example needs, as the plugin wrote them for this build. */
function neededImagesFor(exampleDir) {
  const file = neededImagesFile(exampleDir);
  const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const images = all[path.basename(exampleDir)];
  if (!Array.isArray(images)) throw new Error(`${file} has no image list for ${exampleDir}: the examples plugin writes it before bundling`);
  return images;
}

function neededImagesFile(exampleDir) {
  return path.join(path.dirname(path.dirname(exampleDir)), NEEDED_IMAGES_FILE);
}

/**
 * The data one <Example> renders: declaration plus the shown files' exact bytes, and `neededImages`,
 * the images it needs and does not build (images.txt of its .zip).
 */
function readExample(dir, neededImages = []) {
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
    secrets: declaration.secrets ?? [],
    checks: declaration.checks ?? [],
    limits: declaration.limits ?? [],
    files,
    allFiles: listFiles(dir),
    neededImages,
    topology: topologyFileOf(dir) ? topologyOf(topologyFileOf(dir)) : null,
    lastRuns: lastRunsOf(dir),
    zip: `/downloads/${name}.zip`,
  };
}

/** The runner's last `up` reports for the checkout holding this example (tools/runner/reportFiles.cjs). */
function reportPathsFor(exampleDir) {
  return upReports(path.dirname(path.dirname(exampleDir)));
}

/**
 * What the runner saw when it last started this example on each engine (`npm run examples -- up`),
 * so the page can say what the example was tested with; empty when it has not run in this checkout.
 */
function lastRunsOf(exampleDir) {
  return reportPathsFor(exampleDir).flatMap((file) => {
    const run = fs.existsSync(file) ? lastRunIn(JSON.parse(fs.readFileSync(file, 'utf8')), path.basename(exampleDir)) : null;
    return run ? [run] : [];
  });
}

function lastRunIn(report, name) {
  const result = (report.examples ?? []).find((e) => e.name === name);
  if (!result) return null;
  return {
    at: report.startedAt,
    engine: report.engine?.server ?? null,
    status: result.status,
    startedSeconds: result.startedSeconds,
    checksPassed: result.checks.filter((c) => c.status === 'passed').length,
    checks: result.checks.length,
    standins: result.standins,
    notChecked: result.limits.map((l) => l.feature),
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

module.exports = {languageOf, listFiles, readExample, exampleDirs, topologyOf, parsePort, reportPathsFor, neededImagesFor, neededImagesFile, NEEDED_IMAGES_FILE};
