// Static checks of one example folder: everything that needs no running engine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ENTRY_FILE, validateDeclaration, type Declaration } from '../declaration';
import { run } from '../exec';
import { sortProblems, type Problem } from '../problems';
import { parseYaml, type YamlFile } from '../yamlpos';
import { checkComposeRules, locateComposeError } from './compose';
import { checkDockerfile } from './dockerfile';
import { checkManifests, isManifestPath } from './kubernetes';
import { checkScriptRules } from './script';
import { checkWorkflow, isWorkflowPath } from './workflow';

export interface StaticResult {
  declaration: Declaration | null;
  problems: Problem[];
  /** Paths relative to the example folder. */
  composeFiles: string[];
  dockerfiles: string[];
  manifests: string[];
}

const SKIP_DIRS = new Set(['.git', 'node_modules', '__pycache__']);

export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...listFiles(dir, rel));
    } else if (entry.isFile()) {
      out.push(rel);
    }
  }
  return out.sort();
}

export const isComposeFile = (rel: string) => /^(compose|stack)(\.[\w-]+)?\.yaml$/.test(basename(rel));
export const isStackFile = (rel: string) => /^stack(\.[\w-]+)?\.yaml$/.test(basename(rel));
export const isDockerfile = (rel: string) => /^(Dockerfile(\.[\w-]+)?|[\w-]+\.Dockerfile)$/.test(basename(rel));
const WRONG_COMPOSE_NAME = /^(docker-compose\.ya?ml|compose\.yml|stack\.yml)$/;

/** Where problems name a file: relative to the working directory, as CI and editors print paths. */
export const displayPath = (abs: string) => relative(process.cwd(), abs) || abs;

/** Keeps only the shell's own environment: compose must not pick up a caller's COMPOSE_* settings. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('COMPOSE_')) delete env[k];
  return env;
}

/** `docker compose config -q` (and `docker stack config` for stacks): errors as located problems. */
async function engineFreeConfigChecks(dir: string, rel: string, yaml: YamlFile): Promise<Problem[]> {
  const problems: Problem[] = [];
  const cmds: [string, string[]][] = [['compose-config', ['compose', '-f', rel, 'config', '-q']]];
  if (isStackFile(rel)) cmds.push(['stack-config', ['stack', 'config', '-c', rel]]);
  for (const [rule, args] of cmds) {
    const r = await run('docker', args, { cwd: dir, env: cleanEnv(), timeoutMs: 60_000 });
    if (r.code === 0) continue;
    const lines = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/level=warn/.test(l));
    // Both commands report one error per run, sometimes on two lines: keep the most specific.
    const message = lines.find((l) => l.startsWith('validating'))
      ?? lines.find((l) => /^[a-z_]+: /.test(l)) // stack config: "mem_limit: Set resource limits using deploy.resources"
      ?? lines[lines.length - 1] ?? `docker ${args.join(' ')} failed (exit ${r.code})`;
    problems.push(locateComposeError(yaml, rule, message.replace(dir + '/', '')));
  }
  return problems;
}

export async function checkExample(dir: string): Promise<StaticResult> {
  const name = basename(dir);
  const problems: Problem[] = [];
  const files = listFiles(dir);
  const display = (rel: string) => displayPath(join(dir, rel));
  let declaration: Declaration | null = null;

  const yamls = new Map<string, YamlFile>();
  for (const rel of files.filter((f) => /\.ya?ml$/.test(f))) {
    const { yaml, problems: syntax } = parseYaml(display(rel), readFileSync(join(dir, rel), 'utf8'));
    problems.push(...syntax);
    if (syntax.length === 0) yamls.set(rel, yaml);
  }

  if (!existsSync(join(dir, 'example.yaml'))) {
    problems.push({ file: display('example.yaml'), line: 1, col: 1, rule: 'missing-declaration', message: 'every example folder needs an example.yaml' });
  } else if (yamls.has('example.yaml')) {
    const r = validateDeclaration(yamls.get('example.yaml')!, name, dir);
    problems.push(...r.problems);
    declaration = r.declaration;
  }

  for (const rel of files.filter((f) => WRONG_COMPOSE_NAME.test(basename(f)))) {
    problems.push({ file: display(rel), line: 1, col: 1, rule: 'compose-filename', message: 'name compose files compose.yaml (stack files stack.yaml)' });
  }

  const composeFiles = files.filter(isComposeFile);
  for (const rel of composeFiles) {
    const yaml = yamls.get(rel);
    if (!yaml) continue;
    const fileDir = join(dir, rel, '..');
    problems.push(...checkComposeRules(yaml, { dir: fileDir, isStack: isStackFile(rel), declaration }));
    problems.push(...(await engineFreeConfigChecks(dir, rel, yaml)));
  }

  const dockerfiles = files.filter(isDockerfile);
  for (const rel of dockerfiles) problems.push(...checkDockerfile(display(rel), readFileSync(join(dir, rel), 'utf8')));

  const manifests = files.filter(isManifestPath);
  for (const rel of manifests) {
    const yaml = yamls.get(rel);
    if (yaml) problems.push(...(await checkManifests(yaml)));
  }
  if (declaration?.kind === 'kubernetes' && manifests.length === 0) {
    problems.push({ file: display('example.yaml'), line: 1, col: 1, rule: 'missing-file', message: 'a kubernetes example needs manifests (*.k8s.yaml or k8s/*.yaml)' });
  }

  for (const rel of files.filter(isWorkflowPath)) {
    const yaml = yamls.get(rel);
    if (yaml) problems.push(...checkWorkflow(yaml));
  }

  if (declaration?.kind === 'script') {
    const scripts = new Set([ENTRY_FILE.script, ...declaration.checks.flatMap((c) => (c.script ? [c.script] : []))]);
    for (const rel of [...scripts].filter((f) => existsSync(join(dir, f)))) {
      problems.push(...checkScriptRules(display(rel), readFileSync(join(dir, rel), 'utf8'), declaration));
    }
  }

  for (const rel of files.filter((f) => f.endsWith('.sh'))) {
    const r = await run('bash', ['-n', rel], { cwd: dir, timeoutMs: 30_000 });
    if (r.code !== 0) {
      const m = /line (\d+): (.*)/.exec(r.stderr);
      problems.push({ file: display(rel), line: m ? Number(m[1]) : 1, col: 1, rule: 'shell-syntax', message: (m ? m[2] : r.stderr).trim() });
    }
  }

  return { declaration, problems: sortProblems(problems), composeFiles, dockerfiles, manifests };
}
