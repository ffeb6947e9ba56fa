// Kubernetes manifests: kubernetes-models' schema validation, plus a check for fields the schema
// does not know (the schema accepts misspelt fields silently), plus the runner's own rules.
import type {Problem} from '../problems';
import {isPinned, unpinnedMessage} from '../declaration';
import {positionOf, valueOf, type YamlFile} from '../yamlpos';
import {isManifestPath, podSpecPath} from '../../core/manifest';
import {isMapping, type Mapping} from '../../core/mapping';

const SECRET_KEY = /PASSWORD|PASSWD|SECRET|TOKEN/i;

export {isManifestPath};

interface ModelClass {
  prototype: {validate(this: unknown): void};
}

async function modelFor(apiVersion: string, kind: string): Promise<ModelClass | null> {
  if (!/^[a-z0-9.-]*\/?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  try {
    const mod = (await import(`kubernetes-models/${apiVersion}`)) as Record<string, unknown>;
    const cls = mod[kind] as ModelClass | undefined;
    return typeof cls === 'function' ? cls : null;
  } catch {
    return null;
  }
}

/**
 * Validates `value` with the model's validator while recording which fields the validator looked
 * at. The compiled validator reads every property its schema defines and enumerates the keys of
 * free-form maps (labels, data…); a key it never read is a field the schema does not have.
 */
export function validateRecordingFields(
  validateFn: (this: unknown) => void,
  value: unknown,
): {
  error: unknown;
  unknownFields: string[][];
} {
  const read = new Map<string, Set<string>>();
  const enumerated = new Set<string>();
  const keyOf = (path: string[]) => JSON.stringify(path);
  const wrap = (v: unknown, path: string[]): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const id = keyOf(path);
    const note = (k: string) => {
      if (!read.has(id)) read.set(id, new Set());
      read.get(id)!.add(k);
    };
    return new Proxy(v as object, {
      get(target, k, receiver) {
        const x = Reflect.get(target, k, receiver);
        if (typeof k !== 'string') return x;
        note(k);
        return wrap(x, [...path, k]);
      },
      has(target, k) {
        if (typeof k === 'string') note(k);
        return Reflect.has(target, k);
      },
      ownKeys(target) {
        enumerated.add(id);
        return Reflect.ownKeys(target);
      },
    });
  };
  let error: unknown = null;
  try {
    validateFn.call(wrap(value, []));
  } catch (err) {
    error = err;
  }
  const unknownFields: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, [...path, String(i)]));
      return;
    }
    if (!isMapping(v)) return;
    const id = keyOf(path);
    const seen = read.get(id);
    // Only judge objects the validator looked into, and not free-form maps.
    const judged = seen !== undefined && !enumerated.has(id);
    for (const [k, child] of Object.entries(v)) {
      if (judged && !seen!.has(k)) unknownFields.push([...path, k]);
      else walk(child, [...path, k]);
    }
  };
  walk(value, []);
  return {error, unknownFields};
}

const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod']);

function getIn(v: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (o, k) => (o !== null && typeof o === 'object' ? (o as Mapping)[k as string] : undefined),
    v,
  );
}

const dotted = (path: (string | number)[]) =>
  path.map((p, i) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? `[${p}]` : (i ? '.' : '') + p)).join('');

type At = (path: (string | number)[], rule: string, message: string, where?: 'key' | 'value') => void;

export async function checkManifests(yaml: YamlFile): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (let d = 0; d < yaml.docs.length; d++) {
    const obj = valueOf(yaml, d) as unknown;
    if (obj === null || obj === undefined) continue;
    const at: At = (path, rule, message, where = 'key') => {
      const pos = positionOf(
        yaml,
        path.map((p) => (/^\d+$/.test(String(p)) ? Number(p) : p)),
        where,
        d,
      );
      problems.push({file: yaml.file, line: pos.line, col: pos.col, rule, message});
    };
    if (isMapping(obj) && obj.apiVersion === 'v1' && obj.kind === 'List') {
      // kubectl apply takes a List and applies its items one by one.
      const items = Array.isArray(obj.items) ? obj.items : [];
      if (!Array.isArray(obj.items)) at([], 'k8s-shape', 'a List needs items: (a sequence of objects)');
      for (let i = 0; i < items.length; i++)
        await checkObject(items[i], (p, ...rest) => at(['items', i, ...p], ...rest));
    } else {
      await checkObject(obj, at);
    }
  }
  return problems;
}

async function checkObject(obj: unknown, at: At): Promise<void> {
  if (!isMapping(obj)) {
    at([], 'k8s-shape', 'a manifest document must be a mapping');
    return;
  }
  const {apiVersion, kind} = obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    at([], 'k8s-kind', 'a manifest needs apiVersion and kind');
    return;
  }
  const model = await modelFor(apiVersion, kind);
  if (!model) {
    at(['kind'], 'k8s-kind', `unknown kind ${kind} in ${apiVersion}`, 'value');
    return;
  }
  schemaRules(obj, kind, model, at);
  apiServerRules(obj, kind, at);
  podRules(obj, kind, at);
}

function schemaRules(obj: Mapping, kind: string, model: ModelClass, at: At): void {
  const {error, unknownFields} = validateRecordingFields(model.prototype.validate, obj);
  const ajvErrors = (
    error as {errors?: {instancePath: string; message?: string; keyword: string; params?: Mapping}[]} | null
  )?.errors;
  if (error && !ajvErrors) at([], 'k8s-schema', String((error as Error).message ?? error));
  for (const e of ajvErrors ?? []) {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const detail =
      e.keyword === 'required'
        ? `missing required field "${String(e.params?.missingProperty)}"`
        : (e.message ?? e.keyword);
    at(path, 'k8s-schema', `${kind} ${dotted(path) || '(root)'}: ${detail}`);
  }
  for (const path of unknownFields) {
    const parent = dotted(path.slice(0, -1)) || '(root)';
    at(path, 'k8s-unknown-field', `${kind}: unknown field "${path[path.length - 1]}" in ${parent}`);
  }
}

// The API server's own syntax rules (k8s.io/apimachinery/pkg/util/validation), which the schema does not carry.
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

type NameRule = {test: RegExp; max: number; what: string};
const LABEL_RULE: NameRule = {
  test: DNS1123_LABEL,
  max: 63,
  what: 'a DNS-1123 label (lower-case letters, digits and -, starting and ending with a letter or digit)',
};
const SUBDOMAIN_RULE: NameRule = {
  test: DNS1123_SUBDOMAIN,
  max: 253,
  what: 'a DNS-1123 subdomain (lower-case letters, digits, - and ., each part starting and ending with a letter or digit)',
};
/** Kinds whose names are stricter than the default DNS-1123 subdomain. */
const NAME_RULES: Record<string, NameRule> = {
  Service: {
    test: DNS1035_LABEL,
    max: 63,
    what: 'a DNS-1035 label (lower-case letters, digits and -, starting with a letter)',
  },
  Namespace: LABEL_RULE,
};

export function nameProblem(name: string, rule: NameRule): string | null {
  if (name.length > rule.max) return `"${name}" is ${name.length} characters long: at most ${rule.max}`;
  return rule.test.test(name) ? null : `"${name}" must be ${rule.what}`;
}

/** A label key: an optional DNS subdomain prefix and /, then a name of at most 63 characters. */
export function labelKeyProblem(key: string): string | null {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : null;
  const name = key.slice(slash + 1);
  if (prefix !== null && nameProblem(prefix, SUBDOMAIN_RULE))
    return `label key "${key}": the prefix ${nameProblem(prefix, SUBDOMAIN_RULE)}`;
  if (name.length > 63) return `label key "${key}": the name part is longer than 63 characters`;
  return QUALIFIED_NAME.test(name)
    ? null
    : `label key "${key}" must be letters, digits, -, _ and . starting and ending with a letter or digit (optionally prefixed by a DNS subdomain and /)`;
}

export function labelValueProblem(value: unknown): string | null {
  if (typeof value !== 'string') return `label value ${JSON.stringify(value)} must be a string (quote it)`;
  if (value.length > 63) return `label value "${value}" is longer than 63 characters`;
  return value === '' || QUALIFIED_NAME.test(value)
    ? null
    : `label value "${value}" must be empty or letters, digits, -, _ and . starting and ending with a letter or digit`;
}

function labelRules(labels: unknown, path: (string | number)[], at: At): void {
  if (!isMapping(labels)) return;
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) at([...path, key], 'k8s-label', keyProblem);
    const valueProblem = labelValueProblem(value);
    if (valueProblem) at([...path, key], 'k8s-label', valueProblem, 'value');
  }
}

const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

/** Rules the API server applies on create: names, labels, and a workload's spec, selector and template. */
function apiServerRules(obj: Mapping, kind: string, at: At): void {
  const metadata = isMapping(obj.metadata) ? obj.metadata : null;
  if (!metadata || typeof metadata.name !== 'string' || metadata.name === '') {
    at(['metadata'], 'k8s-name', `${kind} needs metadata.name`);
  } else {
    const why = nameProblem(metadata.name, NAME_RULES[kind] ?? SUBDOMAIN_RULE);
    if (why) at(['metadata', 'name'], 'k8s-name', `${kind} name ${why}`, 'value');
  }
  if (metadata) labelRules(metadata.labels, ['metadata', 'labels'], at);
  if (!WORKLOADS.has(kind) && kind !== 'Job' && kind !== 'CronJob') return;
  if (!isMapping(obj.spec)) {
    at(
      kind === 'Job' || kind === 'CronJob' ? [] : ['spec'],
      'k8s-spec',
      `${kind} needs spec: with a pod template${WORKLOADS.has(kind) ? ' and a selector' : ''}`,
    );
    return;
  }
  const templatePath = kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
  labelRules(getIn(obj, [...templatePath, 'metadata', 'labels']), [...templatePath, 'metadata', 'labels'], at);
  if (WORKLOADS.has(kind)) selectorRules(obj.spec, kind, at);
}

function selectorRules(spec: Mapping, kind: string, at: At): void {
  const selector = isMapping(spec.selector) ? spec.selector : null;
  if (!selector) {
    at(['spec'], 'k8s-selector', `${kind} needs spec.selector (apps/v1 does not default it)`);
    return;
  }
  const matchLabels = isMapping(selector.matchLabels) ? selector.matchLabels : {};
  labelRules(selector.matchLabels, ['spec', 'selector', 'matchLabels'], at);
  const labels = getIn(spec, ['template', 'metadata', 'labels']);
  const mismatch = Object.entries(matchLabels).find(([k, v]) => !isMapping(labels) || labels[k] !== v);
  if (mismatch)
    at(
      ['spec', 'selector', 'matchLabels', mismatch[0]],
      'k8s-selector',
      `selector ${mismatch[0]}=${String(mismatch[1])} does not match the template's labels: the ${kind} would own no pods`,
    );
}

function podRules(obj: Mapping, kind: string, at: At): void {
  const podPath = podSpecPath(kind);
  const podSpec = podPath ? getIn(obj, podPath) : undefined;
  if (!podPath || !isMapping(podSpec)) return;
  for (const list of ['initContainers', 'containers'] as const) {
    const containers = Array.isArray(podSpec[list]) ? (podSpec[list] as unknown[]) : [];
    containers.forEach((c, i) => {
      if (isMapping(c)) containerRules(c, [...podPath, list, i], list === 'containers' && LONG_RUNNING.has(kind), at);
    });
  }
}

function containerRules(c: Mapping, cPath: (string | number)[], longRunning: boolean, at: At): void {
  if (typeof c.name === 'string') {
    const why = nameProblem(c.name, LABEL_RULE);
    if (why) at([...cPath, 'name'], 'k8s-name', `container name ${why}`, 'value');
  }
  if (typeof c.image === 'string' && !isPinned(c.image)) {
    at([...cPath, 'image'], 'image-unpinned', unpinnedMessage(c.image), 'value');
  }
  if (longRunning && !c.readinessProbe && !c.livenessProbe) {
    at(
      cPath,
      'healthcheck-missing',
      `container "${String(c.name)}" runs long but has no readinessProbe or livenessProbe`,
      'value',
    );
  }
  const env = Array.isArray(c.env) ? c.env : [];
  env.forEach((e, j) => {
    if (
      isMapping(e) &&
      typeof e.name === 'string' &&
      SECRET_KEY.test(e.name) &&
      typeof e.value === 'string' &&
      e.value !== ''
    ) {
      at(
        [...cPath, 'env', j, 'value'],
        'inline-secret',
        `${e.name} is written in the manifest: use valueFrom.secretKeyRef`,
      );
    }
  });
}
