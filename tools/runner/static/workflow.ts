// GitHub Actions workflows of an example (`.github/workflows/*.yml`). They cannot run here, so their
// shape is checked statically: known keys, jobs with a runner and steps, `needs` that resolve
// without a cycle, actions pinned to a version, and `steps.X` / `needs.X` references that GitHub
// would resolve. A workflow copied from the guide must not fail on its first push.
import {isMap, isScalar, isSeq, type YAMLMap} from 'yaml';
import {isPinned} from '../declaration';
import type {Problem} from '../problems';
import {positionAt, problemAt, valueOf, type YamlFile, type YamlPath} from '../yamlpos';
import {isMapping, type Mapping} from '../../core/mapping';

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

/** A `steps.X` or `needs.X` reference of a job, with how many of the job's steps have run when it is evaluated. */
interface JobReference extends ContextReference {
  stepsBefore: number;
}

/** The problems found in one workflow file, each recorded at its place in the file. */
class WorkflowProblems {
  readonly list: Problem[] = [];
  constructor(readonly yaml: YamlFile) {}

  at(path: YamlPath, rule: string, message: string, where: 'key' | 'value' = 'key'): void {
    this.list.push(problemAt(this.yaml, path, rule, message, where));
  }
  /** At an offset in the file: a reference inside an expression has no YAML path of its own. */
  atOffset(offset: number, rule: string, message: string): void {
    const {line, col} = positionAt(this.yaml, offset);
    this.list.push({file: this.yaml.file, line, col, rule, message});
  }
  unknownKeys(value: Mapping, known: Set<string>, path: YamlPath, what: string): void {
    for (const key of Object.keys(value)) {
      if (!known.has(key)) this.at([...path, key], 'workflow-unknown-key', `unknown key "${key}" in ${what}`);
    }
  }
  /** `uses:` of a step or of a job calling a reusable workflow: a string, pinned. */
  checkUses(uses: unknown, path: YamlPath): void {
    if (typeof uses !== 'string') {
      this.at(path, 'workflow-shape', 'uses: must be a string naming an action or a reusable workflow', 'value');
      return;
    }
    const why = unpinnedUses(uses);
    if (why) this.at(path, 'action-unpinned', why, 'value');
  }
}

/** Problems of one workflow file. */
export function checkWorkflow(yaml: YamlFile): Problem[] {
  const problems = new WorkflowProblems(yaml);
  const jobs = workflowJobs(problems, valueOf(yaml));
  if (!jobs) return problems.list;
  const needsOf = new Map<string, string[]>();
  for (const [id, job] of Object.entries(jobs)) {
    const needs = checkJob(problems, jobs, id, job);
    if (!needs) continue;
    // A need that is not a job is reported already; the search for cycles follows the others.
    const jobNeeds = needs.filter((need) => need in jobs);
    needsOf.set(id, jobNeeds);
  }
  for (const cycle of needsCycles(needsOf)) {
    problems.at(['jobs', cycle[0], 'needs'], 'workflow-needs', `needs: form a cycle: ${cycle.join(' → ')}`);
  }
  return problems.list;
}

/** The workflow's `jobs:` after the checks of its top level; null when there are no jobs to check. */
function workflowJobs(problems: WorkflowProblems, workflow: unknown): Mapping | null {
  if (!isMapping(workflow)) {
    problems.at([], 'workflow-shape', 'a workflow must be a mapping with on: and jobs:');
    return null;
  }
  problems.unknownKeys(workflow, WORKFLOW_KEYS, [], 'the workflow');
  if (!('on' in workflow)) problems.at([], 'workflow-shape', 'a workflow needs on: (the events that run it)');
  const jobs = workflow.jobs;
  if (!isMapping(jobs) || Object.keys(jobs).length === 0) {
    problems.at('jobs' in workflow ? ['jobs'] : [], 'workflow-shape', 'a workflow needs jobs: mapping job ids to jobs');
    return null;
  }
  return jobs;
}

/** Checks the job `id` of `jobs`; returns the job ids its `needs:` names, or null when it is not a mapping. */
function checkJob(problems: WorkflowProblems, jobs: Mapping, id: string, job: unknown): string[] | null {
  const jobPath = ['jobs', id];
  if (!isMapping(job)) {
    problems.at(jobPath, 'workflow-shape', `job "${id}" must be a mapping`);
    return null;
  }
  problems.unknownKeys(job, JOB_KEYS, jobPath, `job "${id}"`);
  const needs = checkNeeds(problems, jobs, id, job.needs);
  const steps = Array.isArray(job.steps) ? job.steps : [];
  checkRunsOnOrUses(problems, id, job, steps.length);
  const stepIds = checkSteps(problems, id, steps);
  // A job given as an alias (`job: *base`) is not a map node: its references are not located.
  const jobNode = problems.yaml.docs[0].getIn(jobPath, true);
  if (isMap(jobNode)) {
    const refs = jobReferences(problems.yaml, jobNode, steps.length);
    checkReferences(problems, id, refs, stepIds, new Set(needs));
  }
  return needs;
}

/** The job ids `needs:` of the job `id` names (one or a list), each checked to be a job of the workflow. */
function checkNeeds(problems: WorkflowProblems, jobs: Mapping, id: string, needs: unknown): string[] {
  const path = ['jobs', id, 'needs'];
  const named: [string, YamlPath][] =
    typeof needs === 'string'
      ? [[needs, path]]
      : Array.isArray(needs)
        ? needs.map((n, i) => [String(n), [...path, i]])
        : [];
  if (needs !== undefined && named.length === 0)
    problems.at(path, 'workflow-shape', 'needs: is a job id or a list of job ids');
  for (const [need, needPath] of named) {
    if (!(need in jobs))
      problems.at(
        needPath,
        'workflow-needs',
        `job "${id}" needs "${need}", which is not a job of this workflow`,
        'value',
      );
  }
  return named.map(([need]) => need);
}

/** A job either calls a reusable workflow (`uses:`) or runs its own steps on a runner (`runs-on:`). */
function checkRunsOnOrUses(problems: WorkflowProblems, id: string, job: Mapping, stepCount: number): void {
  const jobPath = ['jobs', id];
  if ('uses' in job) {
    problems.checkUses(job.uses, [...jobPath, 'uses']);
    for (const key of ['runs-on', 'steps'].filter((k) => k in job)) {
      problems.at(
        [...jobPath, key],
        'workflow-shape',
        `job "${id}" calls a reusable workflow (uses:): it has no ${key}:`,
      );
    }
  } else {
    if (!('runs-on' in job))
      problems.at(jobPath, 'workflow-shape', `job "${id}" needs runs-on: (or uses: to call a reusable workflow)`);
    if (stepCount === 0)
      problems.at(
        'steps' in job ? [...jobPath, 'steps'] : jobPath,
        'workflow-shape',
        `job "${id}" needs a non-empty steps: list`,
      );
  }
}

/** Checks the steps of the job `id`; returns, for each step id, the index of the step that declares it first. */
function checkSteps(problems: WorkflowProblems, id: string, steps: unknown[]): Map<string, number> {
  const stepIds = new Map<string, number>();
  steps.forEach((step, i) => {
    const stepId = checkStep(problems, id, step, i);
    if (stepId === undefined) return;
    const first = stepIds.get(stepId);
    if (first === undefined) stepIds.set(stepId, i);
    else
      problems.at(
        ['jobs', id, 'steps', i, 'id'],
        'workflow-step-id',
        `step id "${stepId}" is already used by step ${first + 1} of job "${id}"`,
        'value',
      );
  });
  return stepIds;
}

/** Checks step `i` of the job `id`; returns its id, if it has one. */
function checkStep(problems: WorkflowProblems, id: string, step: unknown, i: number): string | undefined {
  const stepPath = ['jobs', id, 'steps', i];
  const what = `step ${i + 1} of job "${id}"`;
  if (!isMapping(step)) {
    problems.at(stepPath, 'workflow-shape', `${what} must be a mapping`);
    return undefined;
  }
  problems.unknownKeys(step, STEP_KEYS, stepPath, what);
  if ('uses' in step === 'run' in step)
    problems.at(stepPath, 'workflow-shape', `${what} needs exactly one of uses: and run:`);
  if ('uses' in step) problems.checkUses(step.uses, [...stepPath, 'uses']);
  return step.id === undefined ? undefined : String(step.id);
}

/**
 * The `steps.X` and `needs.X` references of a job. In a step, only the steps before it have run;
 * the job's outputs see every step; the job's other keys are evaluated before any step.
 */
function jobReferences(yaml: YamlFile, jobNode: YAMLMap, stepCount: number): JobReference[] {
  return jobNode.items.flatMap((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'steps' && isSeq(pair.value)) {
      return pair.value.items.flatMap((step, i) =>
        contextReferences(yaml, step).map((ref) => ({...ref, stepsBefore: i})),
      );
    }
    const stepsBefore = key === 'outputs' ? stepCount : 0;
    return contextReferences(yaml, pair.value, key === 'if').map((ref) => ({...ref, stepsBefore}));
  });
}

/** `steps.X` must name a step of job `id` that has run at that point; `needs.X`, a job it lists in `needs:`. */
function checkReferences(
  problems: WorkflowProblems,
  id: string,
  refs: JobReference[],
  stepIds: Map<string, number>,
  needs: Set<string>,
): void {
  for (const ref of refs) {
    const declaredAt = stepIds.get(ref.id);
    if (ref.context === 'steps' && (declaredAt === undefined || declaredAt >= ref.stepsBefore)) {
      const message = `steps.${ref.id}: no step with id "${ref.id}" runs before this point of job "${id}"`;
      problems.atOffset(ref.offset, 'workflow-ref', message);
    }
    if (ref.context === 'needs' && !needs.has(ref.id))
      problems.atOffset(ref.offset, 'workflow-ref', `needs.${ref.id}: job "${id}" does not list "${ref.id}" in needs:`);
  }
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
