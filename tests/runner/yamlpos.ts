// YAML parsing that keeps positions, so every problem can name a file and a line.
import { Document, LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair } from 'yaml';
import type { Problem } from './problems';

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

export function parseYaml(file: string, text: string): { yaml: YamlFile; problems: Problem[] } {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const problems: Problem[] = [];
  // parseAllDocuments returns an EmptyStream (not an array) for an empty file.
  const list = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    for (const err of doc.errors) {
      const pos = err.linePos?.[0] ?? lines.linePos(err.pos[0]);
      problems.push({ file, line: pos.line, col: pos.col, rule: 'yaml-syntax', message: firstLine(err.message) });
    }
  }
  return { yaml: { file, text, docs: list, lines }, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function positionAt(yaml: YamlFile, offset: number): Position {
  const p = yaml.lines.linePos(offset);
  return { line: p.line, col: p.col };
}

/** Finds the pair with this key in a YAML map node. */
export function pairOf(map: unknown, key: string): Pair<Node, Node> | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((item) => isScalar(item.key) && String(item.key.value) === key) as Pair<Node, Node> | undefined;
}

/**
 * Position of the node at `path` in document `docIndex`: the key of the last map entry when `at` is
 * 'key', else its value. When the path does not exist, the key of the deepest entry that does is
 * used, so a problem about a missing key points at the entry that should hold it.
 */
export function positionOf(yaml: YamlFile, path: YamlPath, at: 'key' | 'value' = 'value', docIndex = 0): Position {
  const doc = yaml.docs[docIndex];
  if (!doc) return { line: 1, col: 1 };
  let node: unknown = doc.contents;
  let key: Node | null = null;
  let value: Node | null = (doc.contents as Node | null) ?? null;
  let complete = true;
  for (const step of path) {
    if (isMap(node)) {
      const pair = pairOf(node, String(step));
      if (!pair) { complete = false; break; }
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
  const chosen = complete ? (at === 'key' ? key ?? value : value ?? key) : key ?? value;
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
  return { file: yaml.file, line: pos.line, col: pos.col, rule, message };
}
