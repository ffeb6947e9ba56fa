// Dockerfiles: dockerfile-utils' diagnostics, plus the runner's rules on the base images and HEALTHCHECK
// that tools/core/dockerfile.ts reads.
import {validate, ValidationCode} from 'dockerfile-utils';
import {instructions, readDockerfile} from '../../core/dockerfile';
import type {Problem} from '../problems';
import {isPinned, unpinnedMessage} from '../declaration';

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
export function unbuildable(text: string): {line: number; rule: string; message: string}[] {
  const out: {line: number; rule: string; message: string}[] = [];
  let stage: string | null = null;
  for (const ins of instructions(text)) {
    if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      stage = words[1]?.toUpperCase() === 'AS' && words[2] ? words[2].toLowerCase() : null;
      const path = repositoryPath(words[0] ?? '');
      if (!path.includes('$') && path !== path.toLowerCase()) {
        out.push({
          line: ins.line,
          rule: 'dockerfile-repository-case',
          message: `repository "${path}" must be lower-case`,
        });
      }
    } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && stage !== null) {
      const from = /--from=(\S+)/.exec(ins.args);
      if (from && from[1].toLowerCase() === stage) {
        out.push({
          line: ins.line,
          rule: 'dockerfile-stage-cycle',
          message: `${ins.keyword} --from=${from[1]} names the stage it is in`,
        });
      }
    } else if (EXEC_FORM.has(ins.keyword) && ins.args.startsWith('[')) {
      const parsed = jsonArray(ins.args);
      if (parsed && parsed.some((x) => typeof x !== 'string')) {
        out.push({
          line: ins.line,
          rule: 'dockerfile-exec-form',
          message: `${ins.keyword} in JSON form must be an array of strings only`,
        });
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
  for (const u of unbuildable(text)) problems.push({file, line: u.line, col: 1, rule: u.rule, message: u.message});
  for (const base of readDockerfile(text).baseImages) {
    if (base.unresolved) {
      problems.push({
        file,
        line: base.line,
        col: 1,
        rule: 'image-unpinned',
        message: `base image "${base.ref}" uses a build argument with no default`,
      });
    } else if (!isPinned(base.ref)) {
      problems.push({
        file,
        line: base.line,
        col: 1,
        rule: 'image-unpinned',
        message: unpinnedMessage(base.ref, 'base image'),
      });
    }
  }
  return problems;
}
