// Rules for the scripts of a `script` example (run.sh and its check scripts): every image they run
// without building it is declared under `uses:` (so the runner can make it available, a stand-in if
// need be), and swarm commands need `swarm: true` (so the runner can make the engine a manager).
import type {Declaration} from '../declaration';
import type {Problem} from '../problems';

export interface ScriptImageReference {
  ref: string;
  line: number;
  col: number;
}

/** A path component of a repository name (lowercase, joined by `.`, `_`, `__` or dashes). */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REGISTRY = '[a-zA-Z0-9][a-zA-Z0-9.-]*(?::[0-9]+)?/';
/** A tag ends with a letter or digit here, so a full stop after `mysql:8.4.` is not part of it. */
const TAG = '[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?';
/**
 * `name:tag` written out in full. Next to a `$`, `{` or `}` it is built from shell variables
 * (`${prefix}hello:1.0`, `localhost:$port/…`): not a literal. Next to `/`, `:` or `@` it is part of
 * a path, a URL or a `host:port:port` mapping.
 */
const IMAGE_REFERENCE = new RegExp(
  `(?<![\\w.:/@$\\{\\}-])((?:${REGISTRY})?${COMPONENT}(?:/${COMPONENT})*):(${TAG})(?:@sha256:[0-9a-f]{64})?(?![\\w:/@$\\{-]|\\.\\w)`,
  'g',
);
/** Docker commands that only work on a swarm manager. */
const SWARM_COMMAND = /\bdocker\s+(service|stack|secret|node|config)\b/;
/** Tags a script gives to images it makes: `docker build -t X`, `docker tag SRC X`, `docker commit C X`. */
const BUILD_TAG = /\bdocker\s+(?:buildx\s+|image\s+)?build\b.*?(?:\s-t|\s--tag)[\s=]+["']?([^\s"']+)/g;
const TAG_OR_COMMIT = /\bdocker\s+(?:image\s+tag|tag|container\s+commit|commit)\s+\S+\s+["']?([^\s"']+)/g;

/** The line without its comment: a `#` at the start of a word begins one (not `$#` or `${#x}`). */
function withoutComment(line: string): string {
  const m = /(^|\s)#/.exec(line);
  return m ? line.slice(0, m.index) : line;
}

/** `host:port` (`localhost:5000`, `127.0.0.1:8080`) and `8080:80` look like `name:tag`; no image is named so. */
function isHostOrPort(name: string, tag: string): boolean {
  if (name.includes('/') || !/^[0-9]+$/.test(tag)) return false;
  return name === 'localhost' || name.includes('.') || /^[0-9]/.test(name);
}

/** Image references written out in a script, with where they are (1-based), comments skipped. */
export function scriptImageReferences(text: string): ScriptImageReference[] {
  const refs: ScriptImageReference[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of withoutComment(line).matchAll(IMAGE_REFERENCE)) {
      if (!isHostOrPort(m[1], m[2])) refs.push({ref: m[0], line: i + 1, col: m.index + 1});
    }
  });
  return refs;
}

/** Tags the script gives to images it builds, tags or commits itself (literal ones only). */
export function scriptBuiltTags(text: string): Set<string> {
  const tags = new Set<string>();
  // A command continued over several lines with `\` is read as one.
  const commands = text.split('\n').map(withoutComment).join('\n').replace(/\\\n/g, ' ').split('\n');
  for (const line of commands) {
    for (const m of line.matchAll(BUILD_TAG)) tags.add(m[1]);
    for (const m of line.matchAll(TAG_OR_COMMIT)) tags.add(m[1]);
  }
  return tags;
}

/** The first swarm-only docker command of the script, or null. */
export function firstSwarmCommand(text: string): {command: string; line: number; col: number} | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = SWARM_COMMAND.exec(withoutComment(lines[i]));
    if (m) return {command: `docker ${m[1]}`, line: i + 1, col: m.index + 1};
  }
  return null;
}

/** Problems of one script (`file` as printed) of a script example. */
export function checkScriptRules(file: string, text: string, declaration: Declaration): Problem[] {
  const problems: Problem[] = [];
  // Declared, built here, or reported already at its first use in this file.
  const known = new Set([...declaration.uses, ...scriptBuiltTags(text)]);
  for (const {ref, line, col} of scriptImageReferences(text)) {
    if (known.has(ref)) continue;
    known.add(ref);
    problems.push({
      file,
      line,
      col,
      rule: 'image-undeclared',
      message: `image "${ref}" is used here but not declared: add it to uses: in example.yaml (first use in this file)`,
    });
  }
  const swarm = firstSwarmCommand(text);
  if (swarm && !declaration.swarm) {
    problems.push({
      file,
      line: swarm.line,
      col: swarm.col,
      rule: 'swarm-undeclared',
      message: `\`${swarm.command}\` needs a swarm manager: declare swarm: true in example.yaml`,
    });
  }
  return problems;
}
