// `docker build --check`: BuildKit's own Dockerfile parser and lint rules, where the engine has them.
import type {Problem} from '../problems';
import {boundedRun, limitHit} from './bounded';

const BUILD_CHECK_TIMEOUT_MS = 30_000;

/**
 * Problems `docker build --check` finds in the Dockerfile `rel` of `dir`, or why it could not run.
 * The Dockerfile's own folder is the context: lint rules read the Dockerfile, not the files it copies.
 */
export async function buildCheck(dir: string, rel: string, display: string): Promise<Problem[] | string> {
  const context = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '.';
  const r = await boundedRun('docker', ['build', '--check', '--progress=quiet', '-f', rel, context], {
    cwd: dir,
    timeoutMs: BUILD_CHECK_TIMEOUT_MS,
  });
  const limit = limitHit(r, BUILD_CHECK_TIMEOUT_MS);
  if (limit) return [{file: display, line: 1, col: 1, rule: 'docker-build-check', message: limit}];
  if (r.code === 0) return [];
  const out = `${r.stdout}\n${r.stderr}`;
  if (/unknown flag: --check/.test(out)) return 'this docker build has no --check';
  if (/Cannot connect to the Docker daemon|error during connect/.test(out)) return 'no Docker engine answers';
  // Lint rules need each base image's configuration: one neither on this engine nor reachable stops them.
  const unresolved = /failed to resolve source metadata for (\S+): /.exec(out);
  if (unresolved) return `base image ${unresolved[1]} is not on this engine and its registry does not answer`;
  return buildCheckProblems(out, display);
}

/**
 * Reads `docker build --check` output: each finding is "WARNING: Rule - url", a description, then
 * "Dockerfile:LINE"; a build error is "ERROR: … dockerfile parse error on line N: …" or similar.
 */
export function buildCheckProblems(output: string, display: string): Problem[] {
  const lines = output.split('\n').map((l) => l.trim());
  const problems: Problem[] = [];
  lines.forEach((l, i) => {
    const warning = /^WARNING: (\w+) - /.exec(l);
    if (!warning) return;
    const where = lines
      .slice(i + 1, i + 4)
      .map((x) => /:(\d+)$/.exec(x))
      .find(Boolean);
    problems.push({
      file: display,
      line: where ? Number(where[1]) : 1,
      col: 1,
      rule: `build-check-${kebab(warning[1])}`,
      message: lines[i + 1] ?? warning[1],
    });
  });
  const error = lines.find((l) => /^ERROR: /.test(l));
  if (error) {
    const line = /line (\d+)/.exec(error) ?? lines.map((x) => /^\S*Dockerfile\S*:(\d+)$/.exec(x)).find(Boolean);
    problems.push({
      file: display,
      line: line ? Number(line[1]) : 1,
      col: 1,
      rule: 'build-check-error',
      message: error.replace(/^ERROR: (failed to solve: )?/, ''),
    });
  }
  if (problems.length === 0)
    problems.push({
      file: display,
      line: 1,
      col: 1,
      rule: 'build-check-error',
      message: lines.filter(Boolean).pop() ?? 'docker build --check failed',
    });
  return problems;
}

const kebab = (rule: string) =>
  rule
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
