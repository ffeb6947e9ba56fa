// YAML parsing that keeps positions, so every problem can name a file and a line.
import {
  Document,
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Node,
  type Pair,
} from 'yaml';
import type {Problem} from './problems';

export type YamlPath = readonly (string | number)[];

export interface YamlFile {
  /** Path as printed in problems (relative to the working directory). */
  file: string;
  text: string;
  docs: Document.Parsed[];
  lines: LineCounter;
}

export interface Position {
  line: number;
  col: number;
}

/**
 * Nodes a document may hold once its aliases are expanded. Far above any real file (a compose file
 * of 50 services with 100 keys each is 10 000), far below what exhausts memory: an alias bomb of
 * nine levels expands to a billion.
 */
export const MAX_EXPANDED_NODES = 200_000;
/** Nesting deeper than this is no configuration file, and would overflow recursive readers. */
export const MAX_DEPTH = 500;

/** YAML allows tab, line feed and carriage return; Compose's reader refuses every other C0 control and DEL. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Merge keys (`<<: *defaults`) are followed, as Compose and Kubernetes' YAML readers do. */
const PARSE_OPTIONS = {prettyErrors: true, uniqueKeys: true, merge: true} as const;

export function parseYaml(file: string, text: string): {yaml: YamlFile; problems: Problem[]} {
  const lines = new LineCounter();
  const yaml: YamlFile = {file, text, docs: [], lines};
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, {...PARSE_OPTIONS, lineCounter: lines});
  } catch (err) {
    // The parser recurses per nesting level: thousands of `[` overflow its stack.
    return {
      yaml,
      problems: [{file, line: 1, col: 1, rule: 'yaml-syntax', message: `unreadable YAML: ${(err as Error).message}`}],
    };
  }
  // parseAllDocuments returns an EmptyStream (not an array) for an empty file.
  yaml.docs = Array.isArray(docs) ? (docs as Document.Parsed[]) : [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const doc of yaml.docs) {
    for (const err of doc.errors) {
      const pos = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
      const problem = {file, line: pos.line, col: pos.col, rule: 'yaml-syntax', message: firstLine(err.message)};
      // Deep nesting repeats one error hundreds of times at one place.
      const key = `${pos.line}:${pos.col} ${problem.message}`;
      if (!seen.has(key)) problems.push(problem);
      seen.add(key);
    }
  }
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(2, '0');
    problems.push({
      file,
      ...positionAt(yaml, control.index),
      rule: 'yaml-syntax',
      message: `control character \\x${code} is not allowed in YAML (is this a binary file?)`,
    });
  }
  if (problems.length === 0) {
    for (const doc of yaml.docs) {
      const alias = aliasProblem(doc);
      if (alias) problems.push({file, ...positionAt(yaml, alias.offset), rule: 'yaml-alias', message: alias.message});
    }
  }
  return {yaml, problems};
}

class AliasProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Why this document must not be expanded (nor given to a tool that expands it): an alias with no
 * anchor, an alias inside the node it names (an infinite value), nesting beyond MAX_DEPTH, or an
 * expansion beyond MAX_EXPANDED_NODES. Walks each node once, so a bomb costs its source size.
 */
export function aliasProblem(doc: Document.Parsed): {offset: number; message: string} | null {
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  const count = (node: unknown, depth: number): number => {
    if (node === null || typeof node !== 'object') return 0;
    const offset = (node as Node).range?.[0] ?? 0;
    if (depth > MAX_DEPTH) throw new AliasProblem(offset, `nested more than ${MAX_DEPTH} levels deep`);
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) throw new AliasProblem(offset, `alias *${node.source} has no anchor &${node.source} before it`);
      if (open.has(target))
        throw new AliasProblem(
          offset,
          `alias *${node.source} is inside the node it names: its value would be infinite`,
        );
      return count(target, depth + 1);
    }
    const known = sizes.get(node as Node);
    if (known !== undefined) return known;
    open.add(node as Node);
    let size = 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        size += isPair(item) ? count(item.key, depth + 1) + count(item.value, depth + 1) : count(item, depth + 1);
      }
    }
    open.delete(node as Node);
    sizes.set(node as Node, size);
    if (size > MAX_EXPANDED_NODES) {
      throw new AliasProblem(
        offset,
        `aliases expand this to more than ${MAX_EXPANDED_NODES} nodes (an alias bomb?): refused unread`,
      );
    }
    return size;
  };
  try {
    count(doc.contents, 0);
    return null;
  } catch (err) {
    if (err instanceof AliasProblem) return {offset: err.offset, message: err.message};
    throw err;
  }
}

const toJsCache = new WeakMap<Document.Parsed, unknown>();

/**
 * The plain value of document `docIndex`, merge keys applied. Only for files parseYaml found no
 * problem in: their expansion is bounded, so the YAML library's own alias limit (100 uses, which
 * valid files exceed) is lifted.
 */
export function valueOf(yaml: YamlFile, docIndex = 0): unknown {
  const doc = yaml.docs[docIndex];
  if (!doc) return undefined;
  if (!toJsCache.has(doc)) toJsCache.set(doc, doc.toJS({maxAliasCount: -1}));
  return toJsCache.get(doc);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function positionAt(yaml: YamlFile, offset: number): Position {
  const p = yaml.lines.linePos(offset);
  return {line: p.line, col: p.col};
}

const isMergeKey = (key: unknown) => isScalar(key) && key.source === '<<';

/**
 * Finds the pair with this key in a YAML map node; with `doc`, also in the maps it merges
 * (`<<: *a` or `<<: [*a, *b]`, the first one holding the key wins, as in the merged value).
 */
export function pairOf(map: unknown, key: string, doc?: Document.Parsed): Pair<Node, Node> | undefined {
  if (!isMap(map)) return undefined;
  const own = map.items.find((item) => isScalar(item.key) && !isMergeKey(item.key) && String(item.key.value) === key);
  if (own || !doc) return own as Pair<Node, Node> | undefined;
  for (const merge of map.items.filter((item) => isMergeKey(item.key))) {
    const sources = isSeq(merge.value) ? merge.value.items : [merge.value];
    for (const source of sources) {
      const found = pairOf(resolved(source, doc), key, doc);
      if (found) return found;
    }
  }
  return undefined;
}

/** The node an alias names (bounded: parseYaml refuses aliases inside their own anchor). */
function resolved(node: unknown, doc: Document.Parsed): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/**
 * Position of the node at `path` in document `docIndex`: the key of the last map entry when `at` is
 * 'key', else its value. When the path does not exist, the key of the deepest entry that does is
 * used, so a problem about a missing key points at the entry that should hold it.
 */
export function positionOf(yaml: YamlFile, path: YamlPath, at: 'key' | 'value' = 'value', docIndex = 0): Position {
  const doc = yaml.docs[docIndex];
  if (!doc) return {line: 1, col: 1};
  let node: unknown = doc.contents;
  let key: Node | null = null;
  let value: Node | null = (doc.contents as Node | null) ?? null;
  let complete = true;
  for (const step of path) {
    node = resolved(node, doc);
    if (isMap(node)) {
      const pair = pairOf(node, String(step), doc);
      if (!pair) {
        complete = false;
        break;
      }
      key = pair.key as Node;
      value = (pair.value as Node | null) ?? null;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
      const item = node.items[step];
      key = isPair(item) ? (item.key as Node) : (item as Node);
      value = isPair(item) ? ((item.value as Node | null) ?? null) : (item as Node);
      node = item;
    } else {
      complete = false;
      break;
    }
  }
  const chosen = complete ? (at === 'key' ? (key ?? value) : (value ?? key)) : (key ?? value);
  return positionAt(yaml, chosen?.range?.[0] ?? 0);
}

/** A problem located at `path` of document `docIndex` of this file. */
export function problemAt(
  yaml: YamlFile,
  path: YamlPath,
  rule: string,
  message: string,
  at: 'key' | 'value' = 'key',
  docIndex = 0,
): Problem {
  const pos = positionOf(yaml, path, at, docIndex);
  return {file: yaml.file, line: pos.line, col: pos.col, rule, message};
}
