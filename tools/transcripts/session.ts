// A session source: transcripts/<page>/<session>.yaml (format in transcripts/README.md).
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {REPO_ROOT} from '../core/repo';
import type {Problem} from '../runner/problems';
import {parseYaml, problemAt, valueOf, type YamlFile, type YamlPath} from '../runner/yamlpos';
import {isVolatileKind, KIND_NAMES, type VolatileKind} from './volatile';

export const TRANSCRIPTS_DIR = path.join(REPO_ROOT, 'transcripts');
/** Folders a block may take its working directory from. */
const WORKDIR_ROOTS = ['examples/', 'transcripts/'];

export interface Step {
  command: string;
  /** The exit status the command is shown with; anything else fails the run. */
  exit: number;
  /** Lines typed into an interactive command (run on a terminal), each after its shell prompt. */
  input?: string[];
  /** In a multi-node session: the node the command runs on (else the block's, else the first node). */
  on?: string;
  /**
   * In a multi-node session: the command's output, trimmed, becomes the environment variable of
   * this name for every later command on every node (a join token the reader copies across).
   */
  save?: string;
  /**
   * The output's lines come in an order that changes from run to run (Compose removing a volume
   * and a network at once): the check compares them in any order; the page shows this run's order.
   */
  unordered?: true;
  /**
   * Text the output shows once the engine has caught up with what just happened (an OOM kill the
   * engine records a moment after the exit): the command is run again, as a reader would, until its
   * output contains this; the page shows that run. Never there within UNTIL_TIMEOUT_MS fails the run.
   */
  until?: string;
}

/** How long a command with `until` is run again before the session fails. */
export const UNTIL_TIMEOUT_MS = 30_000;

export interface Block {
  /** The id a page names the block by. */
  name: string;
  /** Folder (relative to the repository) copied in as the commands' working directory. */
  workdir?: string;
  /** In a multi-node session: the node the block's commands run on (else the first node). */
  on?: string;
  steps: Step[];
}

export interface Session {
  /** `<page>/<session>`, e.g. `01-images-and-containers/basics`. */
  id: string;
  /** The source file, relative to the repository. */
  source: string;
  /** Every image the session uses: loaded into each of its engines unless `imageNodes` names some. */
  images: string[];
  /**
   * In a multi-node session: images loaded only into the engines of the named nodes (image → nodes),
   * as a node that never runs a task of an image never pulls it.
   */
  imageNodes?: Record<string, string[]>;
  volatile: VolatileKind[];
  /** The fresh engine's /etc/docker/daemon.json, written before it starts; none when absent. */
  daemon?: Record<string, unknown>;
  /**
   * Images of `images` loaded as linux/amd64 + linux/arm64 indexes (tools/standins/platforms.ts);
   * the engine needs the containerd image store (`daemon: {features: {containerd-snapshotter: true}}`).
   */
  multiPlatform?: string[];
  /**
   * A multi-node session: one fresh engine per node, each with the node's name as its host name
   * and a fixed address (tools/transcripts/engine.ts); absent for a single engine.
   */
  nodes?: string[];
  blocks: Block[];
}

/** The images loaded into a node's engine (the one engine's when `node` is undefined). */
export const imagesOf = (session: Session, node: string | undefined): string[] =>
  session.images.filter((image) => !node || !session.imageNodes?.[image] || session.imageNodes[image].includes(node));

const SESSION_NAME = /^[a-z0-9][a-z0-9-]*$/;
/** A node's name is its host name. */
const NODE_NAME = /^[a-z][a-z0-9-]{0,30}$/;
/** Most nodes a session may have (engine.ts gives them addresses .2 to .9 of its subnet). */
export const MAX_NODES = 8;

/** Every session source under transcripts/, as `<page>/<session>` ids, sorted. */
export function sessionIds(root = TRANSCRIPTS_DIR): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((page) => statSync(path.join(root, page)).isDirectory())
    .flatMap((page) =>
      readdirSync(path.join(root, page))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `${page}/${f.slice(0, -'.yaml'.length)}`),
    )
    .sort();
}

export const sourcePath = (id: string, root = TRANSCRIPTS_DIR) => path.join(root, `${id}.yaml`);
export const outputPath = (id: string, root = TRANSCRIPTS_DIR) => path.join(root, `${id}.json`);

/** Reads and checks one session source; problems name the file and line. */
export function loadSession(id: string, root = TRANSCRIPTS_DIR): {session?: Session; problems: Problem[]} {
  const file = path.relative(REPO_ROOT, sourcePath(id, root));
  const {yaml, problems} = parseYaml(file, readFileSync(sourcePath(id, root), 'utf8'));
  if (problems.length > 0) return {problems};
  const reader = new SessionReader(yaml);
  const session = reader.read(id);
  return reader.problems.length > 0 ? {problems: reader.problems} : {session, problems: []};
}

class SessionReader {
  readonly problems: Problem[] = [];
  private nodes: string[] | undefined;
  constructor(private readonly yaml: YamlFile) {}

  private problem(at: YamlPath, message: string): void {
    this.problems.push(problemAt(this.yaml, at, 'transcript-source', message));
  }

  read(id: string): Session {
    const value = valueOf(this.yaml) as Record<string, unknown> | null;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      this.problem([], 'a session source is a map with images, multi-platform, volatile, daemon, nodes and blocks');
      return {id, source: this.yaml.file, images: [], volatile: [], blocks: []};
    }
    for (const key of Object.keys(value)) {
      if (!['images', 'multi-platform', 'volatile', 'daemon', 'nodes', 'blocks'].includes(key))
        this.problem([key], `unknown key "${key}" (images, multi-platform, volatile, daemon, nodes, blocks)`);
    }
    this.nodes = value.nodes === undefined ? undefined : this.nodeNames(value.nodes);
    const daemon = value.daemon;
    if (daemon !== undefined && (daemon === null || typeof daemon !== 'object' || Array.isArray(daemon))) {
      this.problem(['daemon'], 'daemon must be a map: the settings of /etc/docker/daemon.json');
    }
    const {images, imageNodes} = this.images(value.images);
    const multiPlatform =
      value['multi-platform'] === undefined ? undefined : this.strings(value['multi-platform'], ['multi-platform']);
    for (const [i, image] of (multiPlatform ?? []).entries()) {
      if (!images.includes(image)) this.problem(['multi-platform', i], `${image} is not in images`);
    }
    const store = (daemon as {features?: Record<string, unknown>} | undefined)?.features?.['containerd-snapshotter'];
    if (multiPlatform?.length && store !== true) {
      this.problem(
        ['multi-platform'],
        'multi-platform images need the containerd image store: daemon: {features: {containerd-snapshotter: true}}',
      );
    }
    return {
      id,
      source: this.yaml.file,
      images,
      ...(imageNodes ? {imageNodes} : {}),
      ...(multiPlatform ? {multiPlatform} : {}),
      volatile: this.kinds(value.volatile),
      ...(daemon && typeof daemon === 'object' && !Array.isArray(daemon)
        ? {daemon: daemon as Record<string, unknown>}
        : {}),
      ...(this.nodes ? {nodes: this.nodes} : {}),
      blocks: this.blocks(value.blocks),
    };
  }

  /** `images:` entries: a reference, or `{image: <reference>, on: <node> | [<node>, …]}` in a multi-node session. */
  private images(value: unknown): {images: string[]; imageNodes?: Record<string, string[]>} {
    if (value === undefined) return {images: []};
    if (!Array.isArray(value)) {
      this.problem(['images'], 'images must be a list of image references');
      return {images: []};
    }
    const images: string[] = [];
    const imageNodes: Record<string, string[]> = {};
    value.forEach((entry: unknown, i) => {
      if (typeof entry === 'string' && entry !== '') return void images.push(entry);
      const {image, on, ...rest} = (entry ?? {}) as Record<string, unknown>;
      const nodes = typeof on === 'string' ? [on] : on;
      if (typeof image !== 'string' || image === '' || !Array.isArray(nodes) || Object.keys(rest).length > 0) {
        this.problem(['images', i], 'an image is a reference, or {image: <reference>, on: <node> | [<node>, …]}');
        return;
      }
      const named = nodes.map((node, j) => this.node(node, ['images', i, 'on', ...(Array.isArray(on) ? [j] : [])]));
      if (nodes.length === 0) this.problem(['images', i, 'on'], 'on: names at least one node');
      images.push(image);
      imageNodes[image] = named.filter((n): n is string => n !== undefined);
    });
    images.forEach((image, i) => {
      if (images.indexOf(image) !== i) this.problem(['images', i], `${image} is listed twice`);
    });
    return Object.keys(imageNodes).length > 0 ? {images, imageNodes} : {images};
  }

  private nodeNames(value: unknown): string[] {
    const names = this.strings(value, ['nodes']);
    if (!Array.isArray(value)) return names;
    if (names.length < 2 || names.length > MAX_NODES)
      this.problem(['nodes'], `nodes must name 2 to ${MAX_NODES} nodes (one engine each); leave it out for one engine`);
    names.forEach((name, i) => {
      if (!NODE_NAME.test(name))
        this.problem(
          ['nodes', i],
          `node name "${name}" must be a host name: a lowercase letter, then lowercase letters, digits and dashes`,
        );
      else if (names.indexOf(name) !== i) this.problem(['nodes', i], `node "${name}" is named twice`);
    });
    return names;
  }

  /** The node an `on:` names; a problem unless the session has that node. */
  private node(value: unknown, at: YamlPath): string | undefined {
    if (value === undefined) return undefined;
    if (!this.nodes)
      this.problem(
        at,
        "on: needs the session's nodes: [<node>, …] (a single-engine session runs everything on its one engine)",
      );
    else if (typeof value !== 'string' || !this.nodes.includes(value))
      this.problem(at, `on: names no node of this session (${this.nodes.join(', ')})`);
    else return value;
    return undefined;
  }

  /** The variable a `save:` names; only in a multi-node session. */
  private variable(value: unknown, at: YamlPath): string | undefined {
    if (value === undefined) return undefined;
    if (!this.nodes)
      this.problem(at, "save: hands a value from one node to another: it needs the session's nodes: [<node>, …]");
    else if (typeof value !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(value))
      this.problem(at, 'save: names an environment variable: capital letters, digits and underscores');
    else return value;
    return undefined;
  }

  private strings(value: unknown, at: YamlPath): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
      this.problem(at, `${at.join('.')} must be a list of strings`);
      return [];
    }
    return value as string[];
  }

  private kinds(value: unknown): VolatileKind[] {
    const names = this.strings(value, ['volatile']);
    names.forEach((name, i) => {
      if (!isVolatileKind(name))
        this.problem(['volatile', i], `unknown volatile kind "${name}" (${KIND_NAMES.join(', ')})`);
    });
    return names.filter(isVolatileKind);
  }

  private blocks(value: unknown): Block[] {
    if (!Array.isArray(value) || value.length === 0) {
      this.problem(['blocks'], 'blocks must be a non-empty list');
      return [];
    }
    const blocks = value.map((b, i) => this.block(b, i));
    const seen = new Set<string>();
    blocks.forEach((b, i) => {
      if (seen.has(b.name)) this.problem(['blocks', i, 'name'], `block name "${b.name}" is used twice`);
      seen.add(b.name);
    });
    return blocks;
  }

  private block(value: unknown, i: number): Block {
    const at = ['blocks', i];
    const b = (value ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(b)) {
      if (!['name', 'workdir', 'on', 'commands'].includes(key))
        this.problem([...at, key], `unknown key "${key}" (name, workdir, on, commands)`);
    }
    const name = typeof b.name === 'string' && SESSION_NAME.test(b.name) ? b.name : '';
    if (!name) this.problem([...at, 'name'], 'a block needs a name of lowercase letters, digits and dashes');
    const workdir = typeof b.workdir === 'string' ? b.workdir : undefined;
    if (b.workdir !== undefined && !this.validWorkdir(workdir)) {
      this.problem([...at, 'workdir'], `workdir must be a folder under ${WORKDIR_ROOTS.join(' or ')}`);
    }
    const on = this.node(b.on, [...at, 'on']);
    return {name, workdir, ...(on ? {on} : {}), steps: this.steps(b.commands, [...at, 'commands'])};
  }

  private validWorkdir(dir: string | undefined): boolean {
    if (!dir || path.isAbsolute(dir) || path.normalize(dir) !== dir.replace(/\/$/, '')) return false;
    const full = path.join(REPO_ROOT, dir);
    return WORKDIR_ROOTS.some((root) => dir.startsWith(root)) && existsSync(full) && statSync(full).isDirectory();
  }

  private steps(value: unknown, at: YamlPath): Step[] {
    if (!Array.isArray(value) || value.length === 0) {
      this.problem(at, 'commands must be a non-empty list');
      return [];
    }
    return value.map((c, i): Step => {
      if (typeof c === 'string' && c.trim()) return {command: c, exit: 0};
      const step = (c ?? {}) as Record<string, unknown>;
      const input = step.input === undefined ? undefined : this.strings(step.input, [...at, i, 'input']);
      const valid =
        typeof step.run === 'string' &&
        step.run.trim() &&
        Number.isInteger(step.exit ?? 0) &&
        [undefined, true].includes(step.unordered as boolean | undefined) &&
        (step.until === undefined ||
          (typeof step.until === 'string' && step.until.trim() !== '' && step.input === undefined)) &&
        Object.keys(step).every((k) => ['run', 'exit', 'input', 'on', 'save', 'unordered', 'until'].includes(k));
      if (!valid)
        this.problem(
          [...at, i],
          'a command is a string, or {run: <command>, exit: <status>, input: [<typed line>, …], on: <node>, save: <VARIABLE>, unordered: true, until: <text of its settled output>} (until without input)',
        );
      const on = this.node(step.on, [...at, i, 'on']);
      const save = this.variable(step.save, [...at, i, 'save']);
      return {
        command: String(step.run ?? ''),
        exit: Number(step.exit ?? 0),
        ...(input ? {input} : {}),
        ...(on ? {on} : {}),
        ...(save ? {save} : {}),
        ...(step.unordered ? {unordered: true as const} : {}),
        ...(typeof step.until === 'string' ? {until: step.until} : {}),
      };
    });
  }
}
