// What the site shows of an example folder: its declaration as the runner reads it (typed, with the
// runner's defaults and problems, tools/runner/declaration.ts), the shown files' exact bytes, the
// topology of its compose or stack file, and the runner's last reports. The plugin writes one JSON
// file per example before bundling; the <Example> loader only reads it back.
import fs from 'node:fs';
import path from 'node:path';
import {exampleFiles} from '../../../tools/core/example-files';
import {neededImagesOf} from '../../../tools/core/example-images';
import {isMapping} from '../../../tools/core/mapping';
import {readDeclaration} from '../../../tools/runner/declaration';
import {formatProblem, sortProblems} from '../../../tools/runner/problems';
import {parseYaml, valueOf} from '../../../tools/runner/yamlpos';
import type {Report} from '../../../tools/runner/report';
import type {ExampleData, LastRun, TopologyModel, TopologyPort} from '../../components/Example/types';

/** Prism language of a file shown on the site, from its name. */
export function languageOf(fileName: string): string {
  const base = path.basename(fileName);
  if (base === 'Dockerfile' || base.endsWith('.Dockerfile') || base.startsWith('Dockerfile.')) return 'docker';
  const byExt: Record<string, string> = {
    yaml: 'yaml',
    yml: 'yaml',
    sh: 'bash',
    py: 'python',
    json: 'json',
    ini: 'ini',
    cfg: 'ini',
    conf: 'nginx',
    html: 'markup',
    js: 'javascript',
    ts: 'typescript',
    md: 'markdown',
    toml: 'ini',
    txt: 'text',
    cnf: 'ini',
  };
  return byExt[path.extname(base).slice(1).toLowerCase()] ?? 'text';
}

/** Example folders under examplesDir (those with an example.yaml). */
export function exampleDirs(examplesDir: string): string[] {
  return fs
    .readdirSync(examplesDir, {withFileTypes: true})
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(examplesDir, e.name, 'example.yaml')))
    .map((e) => path.join(examplesDir, e.name))
    .sort();
}

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : isMapping(value) ? Object.keys(value) : [];

/** "127.0.0.1:8080:80/tcp", "8080:80", "80" or the long form, as {published, target, hostIp, mode}. */
export function parsePort(port: unknown): TopologyPort {
  if (isMapping(port)) {
    return {
      published: port.published === undefined ? null : String(port.published),
      target: String(port.target),
      hostIp: typeof port.host_ip === 'string' ? port.host_ip : null,
      mode: typeof port.mode === 'string' ? port.mode : 'ingress',
    };
  }
  const parts = String(port)
    .replace(/\/\w+$/, '')
    .split(':');
  const target = parts.pop()!;
  const published = parts.length ? parts.pop()! : null;
  return {published, target, hostIp: parts.length ? parts.join(':') : null, mode: 'ingress'};
}

/** A service's mounts: named volumes, bind mounts and tmpfs, from the short or long syntax. */
function parseMount(mount: unknown, namedVolumes: Set<string>): TopologyModel['services'][number]['mounts'][number] {
  if (isMapping(mount))
    return {
      type: String(mount.type),
      source: typeof mount.source === 'string' ? mount.source : null,
      target: String(mount.target),
    };
  const [source, target] = String(mount).split(':');
  if (target === undefined) return {type: 'volume', source: null, target: source};
  return {type: namedVolumes.has(source) ? 'volume' : 'bind', source, target};
}

/**
 * The topology of an example's compose or stack file: what the <Topology> figure draws.
 * It is read from the file at build time, so the picture always follows the file, and read as the
 * runner reads it (merge keys followed, aliases bounded): a file it would refuse fails the build
 * with its `file:line:col`.
 */
export function topologyOf(file: string, display = file): TopologyModel {
  const {yaml, problems} = parseYaml(display, fs.readFileSync(file, 'utf8'));
  if (problems.length > 0) throw new Error(formatProblem(sortProblems(problems)[0]));
  const parsed = valueOf(yaml);
  const doc = isMapping(parsed) ? parsed : {};
  const namedVolumes = new Set(asList(doc.volumes));
  const declaredNetworks = asList(doc.networks);
  const networkSettings = isMapping(doc.networks) ? doc.networks : {};
  const services = Object.entries(isMapping(doc.services) ? doc.services : {}).map(([name, value]) => {
    const svc = isMapping(value) ? value : {};
    const build =
      svc.build === undefined
        ? null
        : typeof svc.build === 'string'
          ? svc.build
          : isMapping(svc.build) && typeof svc.build.context === 'string'
            ? svc.build.context
            : '.';
    const deploy = isMapping(svc.deploy) ? svc.deploy : {};
    const networks = asList(svc.networks);
    return {
      name,
      image: typeof svc.image === 'string' ? svc.image : null,
      build,
      replicas: typeof deploy.replicas === 'number' ? deploy.replicas : 1,
      networks: networks.length ? networks : ['default'],
      ports: (Array.isArray(svc.ports) ? svc.ports : []).map(parsePort),
      mounts: (Array.isArray(svc.volumes) ? svc.volumes : []).map((m) => parseMount(m, namedVolumes)),
      secrets: (Array.isArray(svc.secrets) ? svc.secrets : []).map((s) =>
        isMapping(s) ? String(s.source) : String(s),
      ),
      dependsOn: asList(svc.depends_on),
    };
  });
  const usesDefault = services.some((svc) => svc.networks.includes('default'));
  const networks = [...(usesDefault ? ['default'] : []), ...declaredNetworks.filter((n) => n !== 'default')].map(
    (name) => {
      const settings = networkSettings[name];
      const driver =
        isMapping(settings) && typeof settings.driver === 'string'
          ? settings.driver
          : path.basename(file) === 'stack.yaml'
            ? 'overlay'
            : 'bridge';
      return {name, driver};
    },
  );
  return {file: path.basename(file), services, networks, volumes: [...namedVolumes], secrets: asList(doc.secrets)};
}

/** The compose or stack file of an example folder, if it has one. */
function topologyFileOf(dir: string): string | undefined {
  return ['compose.yaml', 'stack.yaml'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
}

/** What one report says of one example, as the page's "tested with" note shows it; null when it did not run there. */
function lastRunIn(report: Report, name: string): LastRun | null {
  const result = report.examples.find((e) => e.name === name);
  if (!result) return null;
  return {
    at: report.startedAt,
    engine: report.engine.server,
    status: result.status,
    startedSeconds: result.startedSeconds,
    checksPassed: result.checks.filter((c) => c.status === 'passed').length,
    checks: result.checks.length,
    standins: result.standins,
    notChecked: result.limits.map((l) => l.feature),
  };
}

/** The runner's `up` reports among `files` (tools/runner/reportFiles.cjs) that exist, read once, in order. */
export function readReports(files: string[]): Report[] {
  return files.filter((file) => fs.existsSync(file)).map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as Report);
}

/**
 * The data one <Example> renders, from the folder `dir`: its declaration read as the runner reads it
 * (a declaration with problems fails with the first one, `file:line:col rule message`), the shown
 * files' bytes, the images it needs (images.txt of its .zip, as the runner prepares them), and its
 * last run in each of `reports` (readReports).
 */
export function readExample(dir: string, reports: Report[], display = dir): ExampleData {
  const name = path.basename(dir);
  const declarationFile = path.join(display, 'example.yaml');
  const {declaration, problems} = readDeclaration(dir, display);
  const found = sortProblems(problems);
  if (found.length > 0 || !declaration) {
    const more = found.length > 1 ? ` (and ${found.length - 1} more: npm run examples -- check ${name})` : '';
    throw new Error(
      found.length
        ? `${formatProblem(found[0])}${more}`
        : `${declarationFile}:1:1 declaration-shape example.yaml must hold one YAML mapping`,
    );
  }
  const topologyFile = topologyFileOf(dir);
  return {
    name,
    title: declaration.title,
    summary: declaration.summary,
    kind: declaration.kind,
    chapter: declaration.chapter,
    topics: declaration.topics,
    images: declaration.images,
    secrets: declaration.secrets,
    checks: declaration.checks,
    limits: declaration.limits,
    files: declaration.files.map((rel) => ({
      path: rel,
      language: languageOf(rel),
      content: fs.readFileSync(path.join(dir, rel), 'utf8'),
    })),
    allFiles: exampleFiles(dir),
    neededImages: neededImagesOf(declaration),
    topology: topologyFile ? topologyOf(topologyFile, path.join(display, path.basename(topologyFile))) : null,
    lastRuns: reports.flatMap((report) => lastRunIn(report, name) ?? []),
    zip: `/downloads/${name}.zip`,
  };
}
