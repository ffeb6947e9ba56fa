// Dockerfiles: dockerfile-utils' diagnostics, plus the runner's own reading of FROM and HEALTHCHECK.
import { validate, ValidationCode } from 'dockerfile-utils';
import type { Problem } from '../problems';
import { isPinned, unpinnedMessage } from '../declaration';

export interface Instruction {
  keyword: string;
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

/** Joins continuation lines and drops comments and parser directives. */
export function instructions(text: string): Instruction[] {
  const escape = /^#\s*escape\s*=\s*`/im.test(text.split('\n').slice(0, 5).join('\n')) ? '`' : '\\';
  const lines = text.split(/\r?\n/);
  const out: Instruction[] = [];
  let current: { parts: string[]; line: number } | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (current === null) {
      if (/^\s*(#|$)/.test(line)) return;
      current = { parts: [], line: i + 1 };
    } else if (/^\s*(#|$)/.test(line)) {
      return; // comment and empty lines inside a continued instruction are skipped by the builder too
    }
    if (line.endsWith(escape)) {
      current.parts.push(line.slice(0, -1));
      return;
    }
    current.parts.push(line);
    const joined = current.parts.join(' ').trim();
    const m = /^(\S+)\s*(.*)$/s.exec(joined);
    if (m) out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: current.line });
    current = null;
  });
  if (current !== null) {
    const joined = (current as { parts: string[]; line: number }).parts.join(' ').trim();
    const m = /^(\S+)\s*(.*)$/s.exec(joined);
    if (m) out.push({ keyword: m[1].toUpperCase(), args: m[2].trim(), line: (current as { line: number }).line });
  }
  return out;
}

export interface BaseImage {
  ref: string;
  line: number;
  /** True when the reference still holds a variable the Dockerfile gives no default for. */
  unresolved: boolean;
}

export interface DockerfileInfo {
  /** Images the build pulls: FROM and COPY --from that are not earlier stages or scratch. */
  baseImages: BaseImage[];
  /** True when the final image has a HEALTHCHECK (other than NONE) from its own stages. */
  hasHealthcheck: boolean;
}

export function readDockerfile(text: string): DockerfileInfo {
  const args = new Map<string, string>();
  const stages: { name: string | null; parent: number | null; healthcheck: boolean | null }[] = [];
  const baseImages: BaseImage[] = [];
  const stageIndex = (ref: string): number | null => {
    const byName = stages.findIndex((s) => s.name !== null && s.name === ref.toLowerCase());
    if (byName >= 0) return byName;
    if (/^\d+$/.test(ref) && Number(ref) < stages.length) return Number(ref);
    return null;
  };
  const expand = (s: string) => {
    let unresolved = false;
    const ref = s.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}?/g, (_m, name: string, dflt?: string) => {
      const v = args.get(name) ?? dflt;
      if (v === undefined || v === '') unresolved = true;
      return v ?? '';
    });
    return { ref, unresolved };
  };
  for (const ins of instructions(text)) {
    if (ins.keyword === 'ARG' && stages.length === 0) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(ins.args);
      if (m && m[2] !== undefined) args.set(m[1], m[2].replace(/^(["'])(.*)\1$/, '$2'));
    } else if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const { ref, unresolved } = expand(words[0] ?? '');
      const name = words[1]?.toUpperCase() === 'AS' && words[2] ? words[2].toLowerCase() : null;
      const parent = stageIndex(ref);
      if (parent === null && ref.toLowerCase() !== 'scratch' && ref !== '') baseImages.push({ ref, line: ins.line, unresolved });
      stages.push({ name, parent, healthcheck: null });
    } else if (ins.keyword === 'HEALTHCHECK' && stages.length > 0) {
      stages[stages.length - 1].healthcheck = !/^NONE\b/i.test(ins.args);
    } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && stages.length > 0) {
      const from = /--from=(\S+)/.exec(ins.args);
      if (from && stageIndex(from[1]) === null) {
        const { ref, unresolved } = expand(from[1]);
        if (stageIndex(ref) === null) baseImages.push({ ref, line: ins.line, unresolved });
      }
    }
  }
  // The final image inherits HEALTHCHECK through stages built FROM an earlier stage.
  let hasHealthcheck = false;
  for (let i: number | null = stages.length - 1; i !== null && i >= 0; i = stages[i].parent) {
    const hc = stages[i].healthcheck;
    if (hc !== null) {
      hasHealthcheck = hc;
      break;
    }
  }
  return { baseImages, hasHealthcheck };
}

const CODE_NAMES = new Map<number, string>(
  Object.entries(ValidationCode)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => [v as number, k.toLowerCase().replace(/_/g, '-')]),
);

/** Instructions whose JSON (exec) form the builder reads as an array of strings. */
const EXEC_FORM = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL']);

/** The path of an image reference (no domain, tag or digest), which must be lower-case. */
export function repositoryPath(ref: string): string {
  const name = ref.split('@')[0].replace(/:[\w][\w.-]*$/, '');
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  // As the reference parser does: a first part with ., : or upper case, or "localhost", is a registry.
  const isDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  return isDomain ? name.slice(slash + 1) : name;
}

/** What the builder refuses before building: an array that is not all strings, a stage copying from itself, an upper-case repository. */
export function unbuildable(text: string): { line: number; rule: string; message: string }[] {
  const out: { line: number; rule: string; message: string }[] = [];
  let stage: string | null = null;
  for (const ins of instructions(text)) {
    if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      stage = words[1]?.toUpperCase() === 'AS' && words[2] ? words[2].toLowerCase() : null;
      const path = repositoryPath(words[0] ?? '');
      if (!path.includes('$') && path !== path.toLowerCase()) {
        out.push({ line: ins.line, rule: 'dockerfile-repository-case', message: `repository "${path}" must be lower-case` });
      }
    } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && stage !== null) {
      const from = /--from=(\S+)/.exec(ins.args);
      if (from && from[1].toLowerCase() === stage) {
        out.push({ line: ins.line, rule: 'dockerfile-stage-cycle', message: `${ins.keyword} --from=${from[1]} names the stage it is in` });
      }
    } else if (EXEC_FORM.has(ins.keyword) && ins.args.startsWith('[')) {
      const parsed = jsonArray(ins.args);
      if (parsed && parsed.some((x) => typeof x !== 'string')) {
        out.push({ line: ins.line, rule: 'dockerfile-exec-form', message: `${ins.keyword} in JSON form must be an array of strings only` });
      }
    }
  }
  return out;
}

/** The array of a JSON (exec) form, or null when the text is not one (then it is shell form). */
function jsonArray(text: string): unknown[] | null {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/** dockerfile-utils' diagnostics, what the builder refuses, and the pinned-tag rule, as problems of `file`. */
export function checkDockerfile(file: string, text: string): Problem[] {
  const problems: Problem[] = validate(text).map((d) => ({
    file,
    line: d.range.start.line + 1,
    col: d.range.start.character + 1,
    rule: `dockerfile-${CODE_NAMES.get(Number(d.code)) ?? String(d.code)}`,
    message: typeof d.message === 'string' ? d.message : d.message.value,
  }));
  for (const u of unbuildable(text)) problems.push({ file, line: u.line, col: 1, rule: u.rule, message: u.message });
  for (const base of readDockerfile(text).baseImages) {
    if (base.unresolved) {
      problems.push({ file, line: base.line, col: 1, rule: 'image-unpinned', message: `base image "${base.ref}" uses a build argument with no default` });
    } else if (!isPinned(base.ref)) {
      problems.push({ file, line: base.line, col: 1, rule: 'image-unpinned', message: unpinnedMessage(base.ref, 'base image') });
    }
  }
  return problems;
}
