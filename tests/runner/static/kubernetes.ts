// Kubernetes manifests: kubernetes-models' schema validation, plus a check for fields the schema
// does not know (the schema accepts misspelt fields silently), plus the runner's own rules.
import type { Problem } from '../problems';
import { isPinned, unpinnedMessage } from '../declaration';
import { positionOf, type YamlFile } from '../yamlpos';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SECRET_KEY = /PASSWORD|PASSWD|SECRET|TOKEN/i;

/** `*.k8s.yaml` anywhere, or any YAML file under a folder named `k8s`. */
export function isManifestPath(relPath: string): boolean {
  const parts = relPath.split(/[\\/]/);
  const base = parts[parts.length - 1];
  if (/\.k8s\.ya?ml$/.test(base)) return true;
  return /\.ya?ml$/.test(base) && parts.slice(0, -1).includes('k8s');
}

interface ModelClass {
  prototype: { validate(this: unknown): void };
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
export function validateRecordingFields(validateFn: (this: unknown) => void, value: unknown): {
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
    if (!isObj(v)) return;
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
  return { error, unknownFields };
}

function podSpecPath(kind: string): string[] | null {
  switch (kind) {
    case 'Pod': return ['spec'];
    case 'Deployment': case 'StatefulSet': case 'DaemonSet': case 'ReplicaSet': case 'Job':
      return ['spec', 'template', 'spec'];
    case 'CronJob': return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default: return null;
  }
}

const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod']);

function getIn(v: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Obj)[k as string] : undefined), v);
}

const dotted = (path: (string | number)[]) =>
  path.map((p, i) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? `[${p}]` : (i ? '.' : '') + p)).join('');

export async function checkManifests(yaml: YamlFile): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (let d = 0; d < yaml.docs.length; d++) {
    const obj = yaml.docs[d].toJS() as unknown;
    if (obj === null || obj === undefined) continue;
    const at = (path: (string | number)[], rule: string, message: string, where: 'key' | 'value' = 'key') => {
      const pos = positionOf(yaml, path.map((p) => (/^\d+$/.test(String(p)) ? Number(p) : p)), where, d);
      problems.push({ file: yaml.file, line: pos.line, col: pos.col, rule, message });
    };
    if (!isObj(obj)) {
      at([], 'k8s-shape', 'a manifest document must be a mapping');
      continue;
    }
    const { apiVersion, kind } = obj;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      at([], 'k8s-kind', 'a manifest needs apiVersion and kind');
      continue;
    }
    const model = await modelFor(apiVersion, kind);
    if (!model) {
      at(['kind'], 'k8s-kind', `unknown kind ${kind} in ${apiVersion}`, 'value');
      continue;
    }
    if (!isObj(obj.metadata) || typeof obj.metadata.name !== 'string' || obj.metadata.name === '') {
      at(['metadata'], 'k8s-name', `${kind} needs metadata.name`);
    }
    const { error, unknownFields } = validateRecordingFields(model.prototype.validate, obj);
    const ajvErrors = (error as { errors?: { instancePath: string; message?: string; keyword: string; params?: Obj }[] } | null)?.errors;
    if (error && !ajvErrors) at([], 'k8s-schema', String((error as Error).message ?? error));
    for (const e of ajvErrors ?? []) {
      const path = e.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
      const detail = e.keyword === 'required' ? `missing required field "${String(e.params?.missingProperty)}"` : e.message ?? e.keyword;
      at(path, 'k8s-schema', `${kind} ${dotted(path) || '(root)'}: ${detail}`);
    }
    for (const path of unknownFields) {
      const parent = dotted(path.slice(0, -1)) || '(root)';
      at(path, 'k8s-unknown-field', `${kind}: unknown field "${path[path.length - 1]}" in ${parent}`);
    }

    const podPath = podSpecPath(kind);
    const podSpec = podPath ? getIn(obj, podPath) : undefined;
    if (!podPath || !isObj(podSpec)) continue;
    for (const list of ['initContainers', 'containers'] as const) {
      const containers = Array.isArray(podSpec[list]) ? (podSpec[list] as unknown[]) : [];
      containers.forEach((c, i) => {
        if (!isObj(c)) return;
        const cPath = [...podPath, list, i];
        if (typeof c.image === 'string' && !isPinned(c.image)) {
          at([...cPath, 'image'], 'image-unpinned', unpinnedMessage(c.image), 'value');
        }
        if (list === 'containers' && LONG_RUNNING.has(kind) && !c.readinessProbe && !c.livenessProbe) {
          at(cPath, 'healthcheck-missing', `container "${String(c.name)}" runs long but has no readinessProbe or livenessProbe`, 'value');
        }
        const env = Array.isArray(c.env) ? c.env : [];
        env.forEach((e, j) => {
          if (isObj(e) && typeof e.name === 'string' && SECRET_KEY.test(e.name) && typeof e.value === 'string' && e.value !== '') {
            at([...cPath, 'env', j, 'value'], 'inline-secret', `${e.name} is written in the manifest: use valueFrom.secretKeyRef`);
          }
        });
      });
    }
  }
  return problems;
}
