// example.yaml: the declaration of how the runner checks one example (format in examples/README.md).
import {existsSync, readFileSync, statSync} from 'node:fs';
import {basename, join, normalize, isAbsolute} from 'node:path';
import type {Problem} from './problems';
import {parseYaml, problemAt, valueOf, type YamlFile, type YamlPath} from './yamlpos';
import {parseImageRef} from '../core/image-ref';

import {KINDS, CHAPTERS, TOPICS, LANGUAGES, type Kind, type Chapter, type Language} from './vocabulary';
import {isMapping, type Mapping} from '../core/mapping';

export {KINDS, CHAPTERS, TOPICS, LANGUAGES, type Kind};
/** Features the runner can detect; a limit naming another feature is always reported as not checked. */
export const DETECTED_FEATURES = ['ipvs'] as const;

export type Bilingual = Record<Language, string>;

export interface HttpCheck {
  url: string;
  status: number;
  contains?: string;
}
export interface ExecCheck {
  service: string;
  command: string[] | string;
  expect?: string;
}
export interface RunCheck {
  args: string[];
  expect?: string;
}

export interface Check {
  name: Bilingual;
  /** A feature the check needs; without it the check is reported as not checked, never as passed. */
  needs?: string;
  http?: HttpCheck;
  exec?: ExecCheck;
  script?: string;
  run?: RunCheck;
}

export interface ImageBuild {
  tag: string;
  context: string;
  dockerfile: string;
}
export interface SecretSource {
  name: string;
  file?: string;
  stdin?: string;
}
export interface Limit {
  feature: string;
  what: Bilingual;
}
/** A path (relative to the example folder, may lead out of it) another step makes, e.g. the built site. */
export interface Requirement {
  path: string;
  why: string;
}

export interface Declaration {
  /** Folder name: the example's id. */
  name: string;
  dir: string;
  title: Bilingual;
  summary: Bilingual;
  kind: Kind;
  chapter: Chapter;
  topics: string[];
  timeout: number;
  files: string[];
  images: ImageBuild[];
  /** Script examples: images their scripts (and the files they deploy) run without building them. */
  uses: string[];
  /** Script examples: their scripts need the engine to be a swarm manager. */
  swarm: boolean;
  secrets: SecretSource[];
  checks: Check[];
  limits: Limit[];
  /** Without these the example is not started (never failed, never passed). */
  requires: Requirement[];
}

export const CHECK_TYPES = ['http', 'exec', 'script', 'run'] as const;
type CheckType = (typeof CHECK_TYPES)[number];
export const CHECKS_BY_KIND: Record<Kind, readonly string[]> = {
  compose: ['http', 'exec', 'script'],
  stack: ['http', 'exec', 'script'],
  dockerfile: ['run', 'script'],
  script: ['script'],
  kubernetes: [],
};

/** The file each kind starts from. */
export const ENTRY_FILE: Record<Exclude<Kind, 'kubernetes'>, string> = {
  compose: 'compose.yaml',
  stack: 'stack.yaml',
  dockerfile: 'Dockerfile',
  script: 'run.sh',
};

const TOP_KEYS = [
  'title',
  'summary',
  'kind',
  'chapter',
  'topics',
  'timeout',
  'files',
  'images',
  'uses',
  'swarm',
  'secrets',
  'checks',
  'limits',
  'requires',
];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const EXAMPLE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Reads example.yaml's values, recording each problem at its place in the file. */
class DeclarationReader {
  readonly problems: Problem[] = [];
  constructor(
    private readonly yaml: YamlFile,
    private readonly dir: string,
  ) {}

  at(path: YamlPath, rule: string, message: string): void {
    this.problems.push(problemAt(this.yaml, path, rule, message));
  }

  bilingual(v: unknown, path: YamlPath, what: string): Bilingual | null {
    if (!isMapping(v)) {
      this.at(path, 'declaration-language', `${what} needs both languages: { zh-Hans: …, en: … }`);
      return null;
    }
    let ok = true;
    for (const lang of LANGUAGES) {
      if (typeof v[lang] !== 'string' || (v[lang] as string).trim() === '') {
        this.at(path, 'declaration-language', `${what} has no ${lang} text`);
        ok = false;
      }
    }
    for (const [key, text] of Object.entries(v)) {
      if (!(LANGUAGES as readonly string[]).includes(key)) {
        // `{ en: one, two }` in flow style makes "two" a key: the text needs quotes.
        const hint =
          text === null ? ': a comma in unquoted text inside { }? put the text in quotes' : ' (use zh-Hans and en)';
        this.at([...path, key], 'declaration-language', `${what}: unknown language "${key}"${hint}`);
        ok = false;
      }
    }
    return ok ? (v as Bilingual) : null;
  }
  oneOf<T extends string>(v: unknown, allowed: readonly T[], path: YamlPath, what: string): T | null {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.at(
      path,
      v === undefined ? 'declaration-missing' : 'declaration-value',
      `${what} must be one of ${allowed.join(' | ')}`,
    );
    return null;
  }
  stringList(v: unknown, path: YamlPath, what: string): string[] {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      this.at(path, v === undefined ? 'declaration-missing' : 'declaration-value', `${what} must be a list of strings`);
      return [];
    }
    return v as string[];
  }
  /**
   * A list of mappings under `key` (absent: empty): `shape` words the problems (`item`: the whole
   * message for an item that is no mapping); each item is read by `read` at its path after its
   * unknown keys are reported, and what `read` returns (null: refused) is kept in order.
   */
  mappingList<T>(
    raw: Mapping,
    key: string,
    shape: {list: string; item: string; noun: string; keys: string[]},
    read: (item: Mapping, path: YamlPath) => T | null,
  ): T[] {
    const value = raw[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.at([key], 'declaration-value', `${key} must be a list of ${shape.list}`);
      return [];
    }
    return value.flatMap((item, i) => {
      const path = [key, i];
      if (!isMapping(item)) {
        this.at(path, 'declaration-value', shape.item);
        return [];
      }
      this.unknownKeys(item, shape.keys, path, shape.noun);
      const found = read(item, path);
      return found === null ? [] : [found];
    });
  }
  unknownKeys(v: Mapping, allowed: string[], path: YamlPath, what: string) {
    for (const key of Object.keys(v)) {
      if (!allowed.includes(key)) {
        this.at(
          [...path, key],
          'declaration-unknown-key',
          `${what}: unknown key "${key}" (known: ${allowed.join(', ')})`,
        );
      }
    }
  }
  /** A path inside the example folder that exists. */
  localFile(v: unknown, path: YamlPath, what: string, kind: 'file' | 'dir' = 'file'): string | null {
    if (typeof v !== 'string' || v === '') {
      this.at(path, 'declaration-value', `${what} must be a path inside the example folder`);
      return null;
    }
    const rel = normalize(v);
    if (isAbsolute(rel) || rel.startsWith('..')) {
      this.at(path, 'declaration-value', `${what} "${v}" points outside the example folder`);
      return null;
    }
    const abs = join(this.dir, rel);
    const ok = existsSync(abs) && (kind === 'file' ? statSync(abs).isFile() : statSync(abs).isDirectory());
    if (!ok) {
      this.at(path, 'missing-file', `${what} "${v}" does not exist in the example folder`);
      return null;
    }
    return v;
  }
}

/** The images a stack example builds (`images:`). */
function readImages(reader: DeclarationReader, raw: Mapping, kind: Kind | null): ImageBuild[] {
  if (raw.images !== undefined && kind && kind !== 'stack')
    reader.at(['images'], 'declaration-value', `images: is for stack examples (a ${kind} example builds its own)`);
  const shape = {
    list: '{ tag, context, dockerfile? }',
    item: 'an image is { tag, context, dockerfile? }',
    noun: 'image',
    keys: ['tag', 'context', 'dockerfile'],
  };
  return reader.mappingList(raw, 'images', shape, (img, path) => {
    const tag = typeof img.tag === 'string' ? img.tag : null;
    if (!tag) reader.at(path, 'declaration-missing', 'image needs a tag');
    else if (imageTag(tag) === null || imageTag(tag) === 'latest') {
      reader.at([...path, 'tag'], 'image-unpinned', `image tag "${tag}" must name a version, not latest or nothing`);
    }
    const context = reader.localFile(img.context, [...path, 'context'], 'image context', 'dir');
    const dockerfile = img.dockerfile === undefined ? 'Dockerfile' : img.dockerfile;
    if (context && typeof dockerfile === 'string')
      reader.localFile(join(context, dockerfile), [...path, img.dockerfile ? 'dockerfile' : 'context'], 'Dockerfile');
    return tag && context && typeof dockerfile === 'string' ? {tag, context, dockerfile} : null;
  });
}

/** The pinned images a script example uses (`uses:`). */
function readUses(reader: DeclarationReader, raw: Mapping, kind: Kind | null) {
  const uses: string[] = [];
  if (raw.uses !== undefined) {
    if (kind && kind !== 'script')
      reader.at(
        ['uses'],
        'declaration-value',
        `uses: is for script examples (a ${kind} example's images are read from its files)`,
      );
    reader.stringList(raw.uses, ['uses'], 'uses').forEach((ref, i) => {
      if (!isPinned(ref)) reader.at(['uses', i], 'image-unpinned', unpinnedMessage(ref));
      else uses.push(ref);
    });
  }
  return uses;
}

/** Whether a script example needs a swarm (`swarm:`). */
function readSwarm(reader: DeclarationReader, raw: Mapping, kind: Kind | null) {
  let swarm = false;
  if (raw.swarm !== undefined) {
    if (kind && kind !== 'script')
      reader.at(
        ['swarm'],
        'declaration-value',
        `swarm: is for script examples (a ${kind} example ${kind === 'stack' ? 'always runs in a swarm' : 'needs none'})`,
      );
    if (typeof raw.swarm === 'boolean') swarm = raw.swarm;
    else reader.at(['swarm'], 'declaration-value', 'swarm must be true or false');
  }
  return swarm;
}

/** A stack example's external secrets (`secrets:`). */
function readSecrets(reader: DeclarationReader, raw: Mapping, kind: Kind | null): SecretSource[] {
  if (raw.secrets !== undefined && kind && kind !== 'stack')
    reader.at(['secrets'], 'declaration-value', 'secrets: is for stack examples (external Swarm secrets)');
  const shape = {
    list: '{ name, file } or { name, stdin }',
    item: 'a secret is { name, file } or { name, stdin }',
    noun: 'secret',
    keys: ['name', 'file', 'stdin'],
  };
  return reader.mappingList(raw, 'secrets', shape, (s, path) => {
    if (typeof s.name !== 'string' || !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(s.name)) {
      reader.at(path, 'declaration-missing', 'secret needs a name (letters, digits, _ . -)');
      return null;
    }
    if ((s.file === undefined) === (s.stdin === undefined)) {
      reader.at(path, 'declaration-value', `secret "${s.name}" needs exactly one of file: or stdin:`);
      return null;
    }
    if (s.file !== undefined)
      return reader.localFile(s.file, [...path, 'file'], 'secret file') ? {name: s.name, file: s.file as string} : null;
    if (typeof s.stdin !== 'string' || s.stdin === '') {
      reader.at([...path, 'stdin'], 'declaration-value', 'stdin must be the secret text');
      return null;
    }
    return {name: s.name, stdin: s.stdin};
  });
}

/** What this machine cannot show (`limits:`). */
function readLimits(reader: DeclarationReader, raw: Mapping): Limit[] {
  const shape = {
    list: '{ feature, what }',
    item: 'a limit is { feature, what: { zh-Hans, en } }',
    noun: 'limit',
    keys: ['feature', 'what'],
  };
  return reader.mappingList(raw, 'limits', shape, (l, path) => {
    if (typeof l.feature !== 'string' || !EXAMPLE_NAME.test(l.feature)) {
      reader.at(path, 'declaration-missing', 'limit needs a feature id (kebab-case, e.g. ipvs)');
      return null;
    }
    const what = reader.bilingual(l.what, [...path, 'what'], `limit "${l.feature}"`);
    return what ? {feature: l.feature, what} : null;
  });
}

/** Paths that must exist before the example starts (`requires:`). */
function readRequires(reader: DeclarationReader, raw: Mapping): Requirement[] {
  const shape = {
    list: '{ path, why }',
    item: 'a requirement is { path, why }',
    noun: 'requirement',
    keys: ['path', 'why'],
  };
  return reader.mappingList(raw, 'requires', shape, (r, path) => {
    if (typeof r.path !== 'string' || r.path === '' || isAbsolute(r.path)) {
      reader.at([...path, 'path'], 'declaration-value', 'path must be relative to the example folder');
      return null;
    }
    if (typeof r.why !== 'string' || r.why.trim() === '') {
      reader.at([...path, 'why'], 'declaration-missing', 'why must say what is missing (e.g. "the site is not built")');
      return null;
    }
    return {path: r.path, why: r.why};
  });
}

/** The example's checks, less those refused; a compose, stack or dockerfile example needs at least one. */
function readChecks(reader: DeclarationReader, raw: Mapping, kind: Kind | null, limits: Limit[]): Check[] {
  if (raw.checks !== undefined && !Array.isArray(raw.checks))
    reader.at(['checks'], 'declaration-value', 'checks must be a list');
  const rawChecks = Array.isArray(raw.checks) ? raw.checks : [];
  if (kind && kind !== 'kubernetes' && kind !== 'script' && rawChecks.length === 0) {
    reader.at(['checks'], 'declaration-missing', `a ${kind} example needs at least one check`);
  }
  return rawChecks.map((c, i) => readCheck(reader, c, i, kind, limits)).filter((check) => check !== null);
}

/** Check `i` of `checks:`, or null when it is refused; its `needs:` must name one of the example's limits. */
function readCheck(reader: DeclarationReader, c: unknown, i: number, kind: Kind | null, limits: Limit[]): Check | null {
  const path = ['checks', i];
  if (!isMapping(c)) {
    reader.at(path, 'declaration-value', 'a check is { name, http | exec | script | run }');
    return null;
  }
  reader.unknownKeys(c, ['name', 'needs', ...CHECK_TYPES], path, 'check');
  const name = reader.bilingual(c.name, [...path, 'name'], `check ${i + 1} name`);
  const type = checkType(reader, c, path, kind);
  if (!type) return null;
  const needs = readCheckNeeds(reader, c.needs, [...path, 'needs'], limits);
  const check: Check = {name: name ?? {'zh-Hans': '', en: `check ${i + 1}`}, ...(needs === undefined ? {} : {needs})};
  const body = c[type];
  const bodyPath = [...path, type];
  if (type === 'script') {
    // A missing script is reported, so the example is not started; the check is kept without it.
    const script = reader.localFile(body, bodyPath, 'check script');
    return script ? {...check, script} : check;
  }
  if (!isMapping(body)) {
    reader.at(bodyPath, 'declaration-value', `${type} check needs a mapping`);
    return null;
  }
  if (type === 'http') {
    const http = readHttpCheck(reader, body, bodyPath);
    return http && {...check, http};
  }
  if (type === 'exec') {
    const exec = readExecCheck(reader, body, bodyPath);
    return exec && {...check, exec};
  }
  const run = readRunCheck(reader, body, bodyPath);
  return run && {...check, run};
}

/** The one type of a check (http, exec, script or run), when the example's kind allows it. */
function checkType(reader: DeclarationReader, c: Mapping, path: YamlPath, kind: Kind | null): CheckType | null {
  const types = CHECK_TYPES.filter((t) => c[t] !== undefined);
  if (types.length !== 1) {
    reader.at(path, 'check-type', 'a check needs exactly one of http, exec, script, run');
    return null;
  }
  const type = types[0];
  if (kind && !CHECKS_BY_KIND[kind].includes(type)) {
    const allowed = CHECKS_BY_KIND[kind].join(', ') || 'none';
    reader.at([...path, type], 'check-type', `a ${kind} example cannot have ${type} checks (allowed: ${allowed})`);
    return null;
  }
  return type;
}

/** A check's `needs:`: a feature listed under `limits:`; undefined when absent or refused. */
function readCheckNeeds(
  reader: DeclarationReader,
  needs: unknown,
  path: YamlPath,
  limits: Limit[],
): string | undefined {
  if (needs === undefined) return undefined;
  if (typeof needs === 'string' && limits.some((l) => l.feature === needs)) return needs;
  reader.at(path, 'declaration-value', `needs: "${String(needs)}" must name a feature listed under limits:`);
  return undefined;
}

/** An http check: a loopback url, the status it answers (200 unless given), a text its body contains. */
function readHttpCheck(reader: DeclarationReader, body: Mapping, bodyPath: YamlPath): HttpCheck | null {
  reader.unknownKeys(body, ['url', 'status', 'contains'], bodyPath, 'http check');
  const href = String(body.url);
  const url = URL.canParse(href) ? new URL(href) : null;
  if (!url || !/^https?:$/.test(url.protocol)) {
    reader.at(bodyPath, 'declaration-value', 'http check needs an http:// url');
    return null;
  }
  // Checks only ever reach this machine: never send traffic to another address.
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    const message = `http check url must target 127.0.0.1 or localhost, not ${url.hostname}`;
    reader.at([...bodyPath, 'url'], 'check-url-host', message);
    return null;
  }
  const status = body.status === undefined ? 200 : body.status;
  if (typeof status !== 'number' || !Number.isInteger(status)) {
    reader.at([...bodyPath, 'status'], 'declaration-value', 'status must be a number');
    return null;
  }
  const contains = optionalText(reader, body, 'contains', bodyPath);
  return contains && {url: href, status, ...contains};
}

/** An exec check: the service to run in, a command (a string run by sh -c, or a list), its expected output. */
function readExecCheck(reader: DeclarationReader, body: Mapping, bodyPath: YamlPath): ExecCheck | null {
  reader.unknownKeys(body, ['service', 'command', 'expect'], bodyPath, 'exec check');
  const {service, command} = body;
  if (typeof service !== 'string') {
    reader.at(bodyPath, 'declaration-missing', 'exec check needs a service');
    return null;
  }
  const isCommand =
    typeof command === 'string'
      ? command !== ''
      : Array.isArray(command) && command.length > 0 && command.every((x) => typeof x === 'string');
  if (!isCommand) {
    reader.at(bodyPath, 'declaration-missing', 'exec check needs a command (a string run by sh -c, or a list)');
    return null;
  }
  const expect = optionalText(reader, body, 'expect', bodyPath);
  return expect && {service, command: command as string | string[], ...expect};
}

/** A run check: the arguments given to the built image (none unless given), its expected output. */
function readRunCheck(reader: DeclarationReader, body: Mapping, bodyPath: YamlPath): RunCheck | null {
  reader.unknownKeys(body, ['args', 'expect'], bodyPath, 'run check');
  const args = body.args === undefined ? [] : body.args;
  if (!Array.isArray(args) || args.some((x) => typeof x !== 'string')) {
    reader.at([...bodyPath, 'args'], 'declaration-value', 'args must be a list of strings');
    return null;
  }
  const expect = optionalText(reader, body, 'expect', bodyPath);
  return expect && {args: args as string[], ...expect};
}

/** An optional text of a check body, as the field to spread into the check: none when absent, null when not text. */
function optionalText<K extends 'contains' | 'expect'>(
  reader: DeclarationReader,
  body: Mapping,
  key: K,
  bodyPath: YamlPath,
): Partial<Record<K, string>> | null {
  const text = body[key];
  if (text === undefined) return {};
  if (typeof text === 'string') return {[key]: text} as Record<K, string>;
  reader.at([...bodyPath, key], 'declaration-value', `${key} must be text`);
  return null;
}

/**
 * The example.yaml of the folder `dir`, read and validated: its syntax problems if it has any, else
 * the declaration with its problems. Problems name the file under `display` (a path relative to
 * where the reader runs the build or the tests).
 */
export function readDeclaration(dir: string, display = dir): {declaration: Declaration | null; problems: Problem[]} {
  const {yaml, problems} = parseYaml(join(display, 'example.yaml'), readFileSync(join(dir, 'example.yaml'), 'utf8'));
  if (problems.length > 0) return {declaration: null, problems};
  return validateDeclaration(yaml, basename(dir), dir);
}

/**
 * Validates the parsed example.yaml of the example in `dir` (folder name `name`). Returns the typed
 * declaration (with defaults) and every problem found, each located in the YAML file.
 */
export function validateDeclaration(
  yaml: YamlFile,
  name: string,
  dir: string,
): {declaration: Declaration | null; problems: Problem[]} {
  const reader = new DeclarationReader(yaml, dir);
  const {problems} = reader;
  const raw = valueOf(yaml) as unknown;
  if (yaml.docs.length !== 1 || !isMapping(raw)) {
    reader.at([], 'declaration-shape', 'example.yaml must hold one YAML mapping');
    return {declaration: null, problems};
  }
  if (!EXAMPLE_NAME.test(name)) reader.at([], 'example-name', `folder name "${name}" is not kebab-case`);

  for (const key of Object.keys(raw)) {
    if (!TOP_KEYS.includes(key))
      reader.at([key], 'declaration-unknown-key', `unknown key "${key}" (known: ${TOP_KEYS.join(', ')})`);
  }

  const title = reader.bilingual(raw.title, ['title'], 'title');
  const summary = reader.bilingual(raw.summary, ['summary'], 'summary');
  const kind = reader.oneOf(raw.kind, KINDS, ['kind'], 'kind');
  const chapter = reader.oneOf(raw.chapter, CHAPTERS, ['chapter'], 'chapter');
  const topics = reader.stringList(raw.topics, ['topics'], 'topics');
  topics.forEach((t, i) => {
    if (!(TOPICS as readonly string[]).includes(t))
      reader.at(['topics', i], 'declaration-value', `unknown topic "${t}" (known: ${TOPICS.join(', ')})`);
  });

  let timeout = 300;
  if (raw.timeout !== undefined) {
    if (typeof raw.timeout === 'number' && Number.isInteger(raw.timeout) && raw.timeout > 0) timeout = raw.timeout;
    else reader.at(['timeout'], 'declaration-value', 'timeout must be a whole number of seconds');
  }

  const files = reader.stringList(raw.files, ['files'], 'files');
  if (Array.isArray(raw.files) && files.length === 0)
    reader.at(['files'], 'declaration-value', 'files must name at least one file');
  files.forEach((f, i) => reader.localFile(f, ['files', i], 'file'));

  if (kind && kind !== 'kubernetes') {
    const entry = ENTRY_FILE[kind];
    if (!existsSync(join(dir, entry)))
      reader.at(['kind'], 'missing-file', `a ${kind} example needs ${entry} in its folder`);
  }

  const images = readImages(reader, raw, kind);
  const uses = readUses(reader, raw, kind);
  const swarm = readSwarm(reader, raw, kind);
  const secrets = readSecrets(reader, raw, kind);
  const limits = readLimits(reader, raw);
  const requires = readRequires(reader, raw);
  const checks = readChecks(reader, raw, kind, limits);

  // With problems elsewhere the declaration is still returned, so that the checks of the other
  // files can use its images, secrets and limits; only a declaration without problems is started.
  if (!kind || !chapter) return {declaration: null, problems};
  const untitled = {'zh-Hans': name, en: name};
  return {
    declaration: {
      name,
      dir,
      title: title ?? untitled,
      summary: summary ?? untitled,
      kind,
      chapter,
      topics,
      timeout,
      files,
      images,
      uses,
      swarm,
      secrets,
      checks,
      limits,
      requires,
    },
    problems,
  };
}

/**
 * The tag of an image reference: null when there is none (a digest pins it too, returned as
 * '@digest'). `registry:5000/app` has no tag; `app:1.0@sha256:…` has one.
 */
export function imageTag(ref: string): string | null {
  const {tag, digest} = parseImageRef(ref);
  return digest !== undefined ? `@${digest}` : (tag ?? null);
}

/** True when the image reference names a version: a tag other than latest, or a digest. */
export function isPinned(ref: string): boolean {
  const tag = imageTag(ref);
  return tag !== null && tag !== '' && tag !== 'latest';
}

/** The `image-unpinned` message for a reference `isPinned` refuses ("image" or "base image"). */
export function unpinnedMessage(ref: string, what = 'image'): string {
  return `${what} "${ref}" must be pinned to a version tag (not latest, not untagged)`;
}
