// Static checks of one example folder: nothing is started; only `docker build --check` asks the engine
// (when one answers) to parse and lint a Dockerfile.
import {existsSync, readFileSync} from 'node:fs';
import {basename, join, relative} from 'node:path';
import {exampleFiles} from '../../core/example-files';
import {ENTRY_FILE, validateDeclaration, type Declaration} from '../declaration';
import {boundedRun, limitHit} from './bounded';
import {buildCheck} from './build-check';
import {sortProblems, uniqueProblems, type Problem} from '../problems';
import {parseYaml, type YamlFile} from '../yamlpos';
import {checkComposeRules, locateComposeError} from './compose';
import {checkDockerfile} from './dockerfile';
import {checkManifests, isManifestPath} from './kubernetes';
import {checkScriptRules} from './script';
import {checkWorkflow, isWorkflowPath} from './workflow';

export interface StaticResult {
  declaration: Declaration | null;
  problems: Problem[];
  /** Paths relative to the example folder. */
  composeFiles: string[];
  dockerfiles: string[];
  manifests: string[];
  /** Each check that ran, with the file it read ("compose-config examples/x/compose.yaml"). */
  checksRan: string[];
  /** Checks that apply but could not run here, with why (never counted as passed). */
  checksNotRun: string[];
}

export const isComposeFile = (rel: string) => /^(docker-compose|compose|stack)(\.[\w-]+)?\.ya?ml$/.test(basename(rel));
export const isStackFile = (rel: string) => /^stack(\.[\w-]+)?\.ya?ml$/.test(basename(rel));
/** Files Compose merges onto the compose file of their folder without being asked. */
export const isOverrideFile = (rel: string) => /^(docker-)?compose\.override\.ya?ml$/.test(basename(rel));
export const isDockerfile = (rel: string) => /^(Dockerfile(\.[\w-]+)?|[\w-]+\.Dockerfile)$/.test(basename(rel));
const WRONG_COMPOSE_NAME = /^(docker-compose(\.override)?\.ya?ml|compose(\.override)?\.yml|stack\.yml)$/;
/** The file an override is merged onto, in the order Compose looks for it. */
const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** Where problems name a file: relative to the working directory, as CI and editors print paths. */
export const displayPath = (abs: string) => relative(process.cwd(), abs) || abs;

/** Keeps only the shell's own environment: compose must not pick up a caller's COMPOSE_* settings. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = {...process.env};
  for (const k of Object.keys(env)) if (k.startsWith('COMPOSE_')) delete env[k];
  return env;
}

/** Time a config command may take: it reads a few small files. */
const CONFIG_TIMEOUT_MS = 20_000;

/** One example folder being checked: what was read, what was found, which checks ran. */
interface Checking {
  dir: string;
  files: string[];
  /** YAML files that parsed without a problem (only these reach a rule or a subprocess). */
  yamls: Map<string, YamlFile>;
  problems: Problem[];
  declaration: Declaration | null;
  checksRan: string[];
  checksNotRun: string[];
  display: (rel: string) => string;
}

/** `docker compose config -q` on the file (with its base for an override): its error as a located problem. */
async function composeConfig(c: Checking, rel: string, yaml: YamlFile, base: string | null): Promise<Problem | null> {
  const files = base ? ['-f', base, '-f', rel] : ['-f', rel];
  return configProblem(c, 'compose-config', ['compose', ...files, 'config', '-q'], yaml);
}

async function configProblem(c: Checking, rule: string, args: string[], yaml: YamlFile): Promise<Problem | null> {
  const r = await boundedRun('docker', args, {cwd: c.dir, env: cleanEnv(), timeoutMs: CONFIG_TIMEOUT_MS});
  c.checksRan.push(`${rule} ${yaml.file}`);
  if (r.code === 0) return null;
  const limit = limitHit(r, CONFIG_TIMEOUT_MS);
  if (limit) return {file: yaml.file, line: 1, col: 1, rule, message: `docker ${args.join(' ')}: ${limit}`};
  return locateComposeError(
    yaml,
    rule,
    configMessage(r.stderr, c.dir) ?? `docker ${args.join(' ')} failed (exit ${r.code})`,
  );
}

/**
 * The one error a config command reports: the most specific line ("validating …", or the stack
 * loader's "key: …"), or else the first; a line ending in ":" ("yaml: unmarshal errors:") says what
 * only with the lines after it.
 */
export function configMessage(stderr: string, dir: string): string | null {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/level=warn/.test(l));
  if (lines.length === 0) return null;
  let i = lines.findIndex((l) => l.startsWith('validating'));
  if (i < 0) i = lines.findIndex((l) => /^[a-z_]+: \S/.test(l) && !l.endsWith(':'));
  if (i < 0) i = 0;
  const message = lines[i].endsWith(':') ? [lines[i], ...lines.slice(i + 1)].join(' ') : lines[i];
  return message.split(dir + '/').join('');
}

async function composeStep(c: Checking): Promise<string[]> {
  for (const rel of c.files.filter((f) => WRONG_COMPOSE_NAME.test(basename(f)))) {
    c.problems.push({
      file: c.display(rel),
      line: 1,
      col: 1,
      rule: 'compose-filename',
      message: 'name compose files compose.yaml (stack files stack.yaml)',
    });
  }
  const composeFiles = c.files.filter(isComposeFile);
  const configFailed = new Set<string>();
  // Base files first: an override is checked merged onto a base that passed.
  for (const rel of [...composeFiles.filter((f) => !isOverrideFile(f)), ...composeFiles.filter(isOverrideFile)]) {
    const yaml = c.yamls.get(rel);
    if (!yaml) continue;
    const base = isOverrideFile(rel) ? baseOf(c, rel) : null;
    if (base === undefined) continue; // its base has a problem of its own, reported there
    const fileDir = join(c.dir, rel, '..');
    const rules = checkComposeRules(yaml, {
      dir: fileDir,
      isStack: isStackFile(rel),
      declaration: c.declaration,
      base: base ? c.yamls.get(base) : undefined,
    });
    c.problems.push(...rules);
    c.checksRan.push(`compose-rules ${yaml.file}`);
    // A file that is no compose model, or whose base failed, would only repeat that problem.
    if (rules.some((p) => p.rule === 'compose-shape') || (base && configFailed.has(base))) {
      configFailed.add(rel);
      continue;
    }
    let problem = await composeConfig(c, rel, yaml, base);
    // A stack file is checked by `docker stack config` once Compose accepts it: one defect, one problem.
    if (!problem && isStackFile(rel))
      problem = await configProblem(c, 'stack-config', ['stack', 'config', '-c', rel], yaml);
    if (problem) {
      c.problems.push(problem);
      configFailed.add(rel);
    }
  }
  return composeFiles;
}

/** An override's base file in its folder: null when there is none, undefined when it did not parse. */
function baseOf(c: Checking, rel: string): string | null | undefined {
  const folder = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
  const base = BASE_NAMES.map((n) => folder + n).find((f) => c.files.includes(f));
  if (base === undefined) return null;
  return c.yamls.has(base) ? base : undefined;
}

function readYamls(c: Checking): void {
  for (const rel of c.files.filter((f) => /\.ya?ml$/.test(f))) {
    const {yaml, problems: syntax} = parseYaml(c.display(rel), readFileSync(join(c.dir, rel), 'utf8'));
    c.problems.push(...syntax);
    if (syntax.length === 0) c.yamls.set(rel, yaml);
  }
  c.checksRan.push('yaml-syntax');
}

function declarationStep(c: Checking, name: string): void {
  if (!existsSync(join(c.dir, 'example.yaml'))) {
    c.problems.push({
      file: c.display('example.yaml'),
      line: 1,
      col: 1,
      rule: 'missing-declaration',
      message: 'every example folder needs an example.yaml',
    });
  } else if (c.yamls.has('example.yaml')) {
    const r = validateDeclaration(c.yamls.get('example.yaml')!, name, c.dir);
    c.problems.push(...r.problems);
    c.declaration = r.declaration;
    c.checksRan.push('declaration');
  }
}

async function dockerfileStep(c: Checking): Promise<string[]> {
  const dockerfiles = c.files.filter(isDockerfile);
  for (const rel of dockerfiles) {
    const own = checkDockerfile(c.display(rel), readFileSync(join(c.dir, rel), 'utf8'));
    c.problems.push(...own);
    c.checksRan.push(`dockerfile-rules ${c.display(rel)}`);
    const build = await buildCheck(c.dir, rel, c.display(rel));
    if (typeof build === 'string') {
      c.checksNotRun.push(`docker-build-check ${c.display(rel)}: ${build}`);
      continue;
    }
    // One defect, one problem: the builder's finding on a line the runner's rules already flagged is the same one.
    c.problems.push(...build.filter((b) => !own.some((o) => o.line === b.line)));
    c.checksRan.push(`docker-build-check ${c.display(rel)}`);
  }
  return dockerfiles;
}

async function manifestStep(c: Checking): Promise<string[]> {
  const manifests = c.files.filter(isManifestPath);
  for (const rel of manifests) {
    const yaml = c.yamls.get(rel);
    if (!yaml) continue;
    c.problems.push(...(await checkManifests(yaml)));
    c.checksRan.push(`kubernetes-schema ${yaml.file}`);
  }
  if (c.declaration?.kind === 'kubernetes' && manifests.length === 0) {
    c.problems.push({
      file: c.display('example.yaml'),
      line: 1,
      col: 1,
      rule: 'missing-file',
      message: 'a kubernetes example needs manifests (*.k8s.yaml or k8s/*.yaml)',
    });
  }
  return manifests;
}

function workflowStep(c: Checking): void {
  for (const rel of c.files.filter(isWorkflowPath)) {
    const yaml = c.yamls.get(rel);
    if (!yaml) continue;
    c.problems.push(...checkWorkflow(yaml));
    c.checksRan.push(`workflow ${yaml.file}`);
  }
}

async function scriptSteps(c: Checking): Promise<void> {
  const decl = c.declaration;
  if (decl?.kind === 'script') {
    const scripts = new Set([ENTRY_FILE.script, ...decl.checks.flatMap((ch) => (ch.script ? [ch.script] : []))]);
    for (const rel of [...scripts].filter((f) => existsSync(join(c.dir, f)))) {
      c.problems.push(...checkScriptRules(c.display(rel), readFileSync(join(c.dir, rel), 'utf8'), decl));
      c.checksRan.push(`script-rules ${c.display(rel)}`);
    }
  }
  for (const rel of c.files.filter((f) => f.endsWith('.sh'))) {
    const r = await boundedRun('bash', ['-n', rel], {cwd: c.dir, timeoutMs: CONFIG_TIMEOUT_MS});
    c.checksRan.push(`shell-syntax ${c.display(rel)}`);
    if (r.code !== 0) {
      const m = /line (\d+): (.*)/.exec(r.stderr);
      const limit = limitHit(r, CONFIG_TIMEOUT_MS);
      c.problems.push({
        file: c.display(rel),
        line: m ? Number(m[1]) : 1,
        col: 1,
        rule: 'shell-syntax',
        message: limit ?? (m ? m[2] : r.stderr).trim(),
      });
    }
  }
}

async function checkFolder(dir: string): Promise<StaticResult> {
  const c: Checking = {
    dir,
    files: exampleFiles(dir),
    yamls: new Map(),
    problems: [],
    declaration: null,
    checksRan: [],
    checksNotRun: [],
    display: (rel) => displayPath(join(dir, rel)),
  };
  readYamls(c);
  declarationStep(c, basename(dir));
  const composeFiles = await composeStep(c);
  const dockerfiles = await dockerfileStep(c);
  const manifests = await manifestStep(c);
  workflowStep(c);
  await scriptSteps(c);
  return {
    declaration: c.declaration,
    problems: sortProblems(uniqueProblems(c.problems)),
    composeFiles,
    dockerfiles,
    manifests,
    checksRan: c.checksRan,
    checksNotRun: c.checksNotRun,
  };
}

/** The static checks of one folder; a fault of the checker itself fails this example, never the run. */
export async function checkExample(dir: string): Promise<StaticResult> {
  try {
    return await checkFolder(dir);
  } catch (err) {
    const message = `the checker failed on this example (a bug of the runner): ${String((err as Error).message ?? err).split('\n')[0]}`;
    return {
      declaration: null,
      problems: [{file: displayPath(dir), line: 1, col: 1, rule: 'checker-error', message}],
      composeFiles: [],
      dockerfiles: [],
      manifests: [],
      checksRan: [],
      checksNotRun: ['every check after the fault'],
    };
  }
}
