// GitHub Actions workflows of an example (`.github/workflows/*.yml`). They cannot run here, so their
// shape is checked statically: known keys, jobs with a runner and steps, `needs` that resolve
// without a cycle, actions pinned to a version, and `steps.X` / `needs.X` references that GitHub
// would resolve. A workflow copied from the guide must not fail on its first push.
import {isMap, isScalar, isSeq} from 'yaml';
import {isPinned} from '../declaration';
import type {Problem} from '../problems';
import {positionAt, problemAt, valueOf, type YamlFile, type YamlPath} from '../yamlpos';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const WORKFLOW_KEYS = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']);
const JOB_KEYS = new Set([
  'name',
  'runs-on',
  'needs',
  'if',
  'permissions',
  'environment',
  'concurrency',
  'outputs',
  'env',
  'defaults',
  'steps',
  'timeout-minutes',
  'strategy',
  'continue-on-error',
  'container',
  'services',
  'uses',
  'with',
  'secrets',
]);
const STEP_KEYS = new Set([
  'id',
  'if',
  'name',
  'uses',
  'run',
  'shell',
  'with',
  'env',
  'continue-on-error',
  'timeout-minutes',
  'working-directory',
]);
/** A release tag (`v4`, `v4.1.2`, `1.2.3-rc.1`) or a full commit SHA; branches such as `main` move. */
const PINNED_REF = /^(v?\d+(\.\d+)*([-+][\w.-]+)?|[0-9a-f]{40})$/;
const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
/** `steps.<id>` or `needs.<job>` as a context in an expression (not a property such as `github.steps`). */
const CONTEXT_REFERENCE = /(?<![\w.-])(steps|needs)\.([A-Za-z_][\w-]*)/g;

/** A workflow GitHub would run if the example folder were the root of a repository. */
export const isWorkflowPath = (rel: string) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(rel);

/** Why `uses:` (of a step or of a job calling a reusable workflow) is not pinned, or null when it is. */
export function unpinnedUses(uses: string): string | null {
  if (uses.startsWith('./')) return null; // in the same repository: it moves with the workflow itself
  if (uses.startsWith('docker://')) {
    return isPinned(uses.slice('docker://'.length))
      ? null
      : `"${uses}" must name an image with a version tag or a digest`;
  }
  const at = uses.lastIndexOf('@');
  if (at < 0) return `"${uses}" has no version: add @<release tag> (e.g. @v4) or @<full commit SHA>`;
  const ref = uses.slice(at + 1);
  return PINNED_REF.test(ref)
    ? null
    : `"${uses}" must be pinned to a release tag (e.g. @v4) or a full commit SHA, not "${ref}"`;
}

interface ContextReference {
  context: 'steps' | 'needs';
  id: string;
  offset: number;
}

/**
 * The `steps.X` and `needs.X` references inside the expressions of a node, with their offsets in
 * the file. Offsets come from the source text, so block scalars (`run: |`) are located too. An
 * `if:` value is an expression as a whole, with or without `${{ }}`.
 */
function contextReferences(yaml: YamlFile, node: unknown, isCondition = false): ContextReference[] {
  if (isMap(node)) {
    return node.items.flatMap((pair) =>
      contextReferences(yaml, pair.value, isScalar(pair.key) && pair.key.value === 'if'),
    );
  }
  if (isSeq(node)) return node.items.flatMap((item) => contextReferences(yaml, item));
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return [];
  const start = node.range[0];
  const source = yaml.text.slice(start, node.range[1]);
  const expressions = [...source.matchAll(EXPRESSION)].map((m) => ({text: m[1], offset: start + m.index + 3}));
  if (isCondition && expressions.length === 0) expressions.push({text: source, offset: start});
  return expressions.flatMap(({text, offset}) =>
    [...text.matchAll(CONTEXT_REFERENCE)].map((m) => ({
      context: m[1] as 'steps' | 'needs',
      id: m[2],
      offset: offset + m.index,
    })),
  );
}

/** Problems of one workflow file. */
export function checkWorkflow(yaml: YamlFile): Problem[] {
  const problems: Problem[] = [];
  const at = (path: YamlPath, rule: string, message: string, where: 'key' | 'value' = 'key') =>
    problems.push(problemAt(yaml, path, rule, message, where));
  const unknownKeys = (value: Obj, known: Set<string>, path: YamlPath, what: string) => {
    for (const key of Object.keys(value)) {
      if (!known.has(key)) at([...path, key], 'workflow-unknown-key', `unknown key "${key}" in ${what}`);
    }
  };
  const checkUses = (uses: unknown, path: YamlPath) => {
    if (typeof uses !== 'string') {
      at(path, 'workflow-shape', 'uses: must be a string naming an action or a reusable workflow', 'value');
      return;
    }
    const why = unpinnedUses(uses);
    if (why) at(path, 'action-unpinned', why, 'value');
  };

  const doc = yaml.docs[0];
  const workflow = valueOf(yaml) as unknown;
  if (!isObj(workflow)) {
    at([], 'workflow-shape', 'a workflow must be a mapping with on: and jobs:');
    return problems;
  }
  unknownKeys(workflow, WORKFLOW_KEYS, [], 'the workflow');
  if (!('on' in workflow)) at([], 'workflow-shape', 'a workflow needs on: (the events that run it)');
  const jobs = workflow.jobs;
  if (!isObj(jobs) || Object.keys(jobs).length === 0) {
    at('jobs' in workflow ? ['jobs'] : [], 'workflow-shape', 'a workflow needs jobs: mapping job ids to jobs');
    return problems;
  }

  const needsOf = new Map<string, string[]>();
  for (const [id, job] of Object.entries(jobs)) {
    const jobPath = ['jobs', id];
    if (!isObj(job)) {
      at(jobPath, 'workflow-shape', `job "${id}" must be a mapping`);
      continue;
    }
    unknownKeys(job, JOB_KEYS, jobPath, `job "${id}"`);

    const needsPaths: [string, YamlPath][] =
      typeof job.needs === 'string'
        ? [[job.needs, [...jobPath, 'needs']]]
        : Array.isArray(job.needs)
          ? job.needs.map((n, i) => [String(n), [...jobPath, 'needs', i]])
          : [];
    if (job.needs !== undefined && needsPaths.length === 0)
      at([...jobPath, 'needs'], 'workflow-shape', 'needs: is a job id or a list of job ids');
    for (const [need, path] of needsPaths) {
      if (!(need in jobs))
        at(path, 'workflow-needs', `job "${id}" needs "${need}", which is not a job of this workflow`, 'value');
    }
    needsOf.set(
      id,
      needsPaths.map(([need]) => need).filter((need) => need in jobs),
    );

    const steps = Array.isArray(job.steps) ? job.steps : [];
    if ('uses' in job) {
      checkUses(job.uses, [...jobPath, 'uses']);
      for (const key of ['runs-on', 'steps'].filter((k) => k in job)) {
        at([...jobPath, key], 'workflow-shape', `job "${id}" calls a reusable workflow (uses:): it has no ${key}:`);
      }
    } else {
      if (!('runs-on' in job))
        at(jobPath, 'workflow-shape', `job "${id}" needs runs-on: (or uses: to call a reusable workflow)`);
      if (steps.length === 0)
        at(
          'steps' in job ? [...jobPath, 'steps'] : jobPath,
          'workflow-shape',
          `job "${id}" needs a non-empty steps: list`,
        );
    }

    const stepIds = new Map<string, number>();
    steps.forEach((step, i) => {
      const stepPath = [...jobPath, 'steps', i];
      if (!isObj(step)) {
        at(stepPath, 'workflow-shape', `step ${i + 1} of job "${id}" must be a mapping`);
        return;
      }
      unknownKeys(step, STEP_KEYS, stepPath, `step ${i + 1} of job "${id}"`);
      if ('uses' in step === 'run' in step) {
        at(stepPath, 'workflow-shape', `step ${i + 1} of job "${id}" needs exactly one of uses: and run:`);
      }
      if ('uses' in step) checkUses(step.uses, [...stepPath, 'uses']);
      if (step.id === undefined) return;
      const stepId = String(step.id);
      if (stepIds.has(stepId)) {
        at(
          [...stepPath, 'id'],
          'workflow-step-id',
          `step id "${stepId}" is already used by step ${stepIds.get(stepId)! + 1} of job "${id}"`,
          'value',
        );
      } else {
        stepIds.set(stepId, i);
      }
    });

    // steps.X: in a step, only the steps before it have run; the job's outputs see every step; the
    // job's other keys are evaluated before any step. needs.X: only the jobs this job waits for.
    const jobNode = doc.getIn(jobPath, true);
    if (!isMap(jobNode)) continue;
    const refs: {ref: ContextReference; stepsBefore: number}[] = [];
    for (const pair of jobNode.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key === 'steps' && isSeq(pair.value)) {
        pair.value.items.forEach((step, i) =>
          refs.push(...contextReferences(yaml, step).map((ref) => ({ref, stepsBefore: i}))),
        );
      } else {
        const stepsBefore = key === 'outputs' ? steps.length : 0;
        refs.push(...contextReferences(yaml, pair.value, key === 'if').map((ref) => ({ref, stepsBefore})));
      }
    }
    const needs = new Set(needsPaths.map(([need]) => need));
    for (const {ref, stepsBefore} of refs) {
      const {line, col} = positionAt(yaml, ref.offset);
      const problem = (message: string) => problems.push({file: yaml.file, line, col, rule: 'workflow-ref', message});
      const defined = stepIds.get(ref.id);
      if (ref.context === 'steps' && (defined === undefined || defined >= stepsBefore)) {
        problem(`steps.${ref.id}: no step with id "${ref.id}" runs before this point of job "${id}"`);
      }
      if (ref.context === 'needs' && !needs.has(ref.id))
        problem(`needs.${ref.id}: job "${id}" does not list "${ref.id}" in needs:`);
    }
  }

  for (const cycle of needsCycles(needsOf)) {
    at(['jobs', cycle[0], 'needs'], 'workflow-needs', `needs: form a cycle: ${cycle.join(' → ')}`);
  }
  return problems;
}

/** Each cycle of the needs graph once, as the job ids along it, the first repeated at the end. */
export function needsCycles(needsOf: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const trail: string[] = [];
  const visit = (id: string) => {
    trail.push(id);
    for (const need of needsOf.get(id) ?? []) {
      const back = trail.indexOf(need);
      if (back >= 0) cycles.push([...trail.slice(back), need]);
      else if (!done.has(need)) visit(need);
    }
    trail.pop();
    done.add(id);
  };
  for (const id of needsOf.keys()) if (!done.has(id)) visit(id);
  return cycles;
}
