// The runner's own rules for compose and stack files, located by line in the YAML source.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Declaration} from '../declaration';
import {isPinned, unpinnedMessage} from '../declaration';
import type {Problem} from '../problems';
import {problemAt, positionOf, valueOf, type YamlFile, type YamlPath} from '../yamlpos';
import {readDockerfile} from '../../core/dockerfile';
import {isMapping, type Mapping} from '../../core/mapping';

/** Environment keys that hold a credential. */
const SECRET_KEY = /PASSWORD|PASSWD|SECRET|TOKEN/i;
/** A value taken from the shell's environment rather than written in the file. */
const FROM_ENVIRONMENT = /^\$(\{[A-Za-z_][A-Za-z0-9_]*(:?[-?][^}]*)?\}|[A-Za-z_][A-Za-z0-9_]*)$/;

/** Service keys that `docker stack deploy` ignores or rejects: a reader would expect them to work. */
export const STACK_IGNORED_KEYS: Record<string, string> = {
  build: 'stack deploy does not build: build the image first (declare it under images: in example.yaml)',
  container_name: 'a swarm names its tasks itself: container_name is ignored',
  restart: 'stack deploy ignores restart: use deploy.restart_policy',
  depends_on: 'stack deploy ignores depends_on: services must wait for each other themselves',
  links: 'links are not supported in swarm mode: services find each other by name on a network',
  external_links: 'external_links are not supported in swarm mode',
  network_mode: 'network_mode is not supported in swarm mode',
  devices: 'devices are not supported in swarm mode',
  cgroup_parent: 'cgroup_parent is not supported in swarm mode',
  userns_mode: 'userns_mode is not supported in swarm mode',
  security_opt: 'security_opt is not supported in swarm mode',
};

/** Service keys the stack loader refuses outright ("Configuration contains forbidden properties"). */
export const STACK_FORBIDDEN_KEYS = [
  'extends',
  'volume_driver',
  'volumes_from',
  'cpu_quota',
  'cpu_shares',
  'cpuset',
  'mem_limit',
  'memswap_limit',
];

export interface ComposeContext {
  /** Folder of the compose file (paths in it are relative to this). */
  dir: string;
  isStack: boolean;
  declaration: Declaration | null;
  /** For an override file (compose.override.yaml): the file it is merged onto. */
  base?: YamlFile;
}

/** Is this a job that runs once and exits, rather than a long-running service? */
export function isOneShot(service: Mapping, isStack: boolean): boolean {
  const deploy = isMapping(service.deploy) ? service.deploy : {};
  if (isStack) {
    const condition = isMapping(deploy.restart_policy) ? deploy.restart_policy.condition : undefined;
    return deploy.mode === 'replicated-job' || deploy.mode === 'global-job' || condition === 'none';
  }
  return service.restart === 'no' || service.restart === false;
}

function hasHealthcheck(service: Mapping): boolean {
  const hc = service.healthcheck;
  if (!isMapping(hc)) return false;
  if (hc.disable === true) return false;
  const test = hc.test;
  if (Array.isArray(test)) return test.length > 0 && test[0] !== 'NONE';
  return typeof test === 'string' && test.trim() !== '' && test.trim() !== 'NONE';
}

/** The Dockerfile a service builds from, relative to the compose file's folder, or null. */
export function serviceDockerfile(service: Mapping): string | null {
  const build = service.build;
  if (typeof build === 'string') return join(build, 'Dockerfile');
  if (isMapping(build)) {
    if (typeof build.dockerfile_inline === 'string') return null;
    const context = typeof build.context === 'string' ? build.context : '.';
    return join(context, typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile');
  }
  return null;
}

function dockerfileHasHealthcheck(path: string): boolean {
  return existsSync(path) && readDockerfile(readFileSync(path, 'utf8')).hasHealthcheck;
}

/** Environment entries as [key, value, yaml path]; value null when the entry passes the shell's value. */
function environmentEntries(env: unknown, base: YamlPath): [string, string | null, YamlPath][] {
  if (Array.isArray(env)) {
    return env
      .filter((e): e is string => typeof e === 'string')
      .map((e, i) => {
        const eq = e.indexOf('=');
        return eq < 0 ? [e, null, [...base, i]] : [e.slice(0, eq), e.slice(eq + 1), [...base, i]];
      });
  }
  if (isMapping(env)) {
    return Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? null : String(v), [...base, k]]);
  }
  return [];
}

/** Published ports in ingress mode (the default): they need the routing mesh, hence IPVS. */
function ingressPorts(service: Mapping): number[] {
  if (!Array.isArray(service.ports)) return [];
  return service.ports.flatMap((p, i) => {
    if (isMapping(p)) return p.mode === 'host' || p.published === undefined ? [] : [i];
    return String(p).includes(':') ? [i] : [];
  });
}

/** The documents of a compose file (Compose merges them in order), or null when one is not a mapping. */
function composeDocuments(yaml: YamlFile): {raw: Mapping; d: number}[] | null {
  const docs = yaml.docs.map((_, d) => ({raw: valueOf(yaml, d) as unknown, d}));
  if (docs.length === 0 || docs.some(({raw}) => !isMapping(raw))) return null;
  return docs as {raw: Mapping; d: number}[];
}

const servicesOf = (raw: Mapping): [string, Mapping][] =>
  Object.entries(isMapping(raw.services) ? raw.services : {}).filter((e): e is [string, Mapping] => isMapping(e[1]));

/** Each service as Compose sees it after merging the documents (top-level keys: later wins), with the first document defining it. */
function mergedServices(docs: {raw: Mapping; d: number}[]): Map<string, {svc: Mapping; d: number}> {
  const merged = new Map<string, {svc: Mapping; d: number}>();
  for (const {raw, d} of docs) {
    for (const [name, svc] of servicesOf(raw)) {
      const seen = merged.get(name);
      merged.set(name, seen ? {svc: {...seen.svc, ...svc}, d: seen.d} : {svc, d});
    }
  }
  return merged;
}

type At = (path: YamlPath, rule: string, message: string, d: number) => void;

/**
 * Rules for one compose or stack file: no version key, pinned images, healthchecks, no inline
 * secrets, values Compose accepts but cannot run and, for stacks, keys that stack deploy ignores
 * and reliance on IPVS. An override file (ctx.base) is judged merged onto its base.
 */
export function checkComposeRules(yaml: YamlFile, ctx: ComposeContext): Problem[] {
  const problems: Problem[] = [];
  const at: At = (path, rule, message, d) => problems.push(problemAt(yaml, path, rule, message, 'key', d));
  const docs = composeDocuments(yaml);
  if (!docs) {
    at([], 'compose-shape', 'every document of a compose file is a YAML mapping', 0);
    return problems;
  }
  const baseServices = ctx.base ? mergedServices(composeDocuments(ctx.base) ?? []) : new Map();
  const merged = mergedServices(docs);
  for (const {raw, d} of docs) {
    if ('version' in raw)
      at(['version'], 'no-version', 'remove the version: key (obsolete in the Compose specification)', d);
    for (const [name, svc] of servicesOf(raw)) serviceRules(name, svc, d, ctx, at);
  }
  for (const [name, {svc, d}] of merged) {
    // A service of the base file is judged there, with what the override adds.
    const base = baseServices.get(name)?.svc;
    if (!base) healthcheckRule(name, svc, d, ctx, at);
  }
  if (ctx.isStack) stackRules(docs, ctx, at);
  const known = new Set([...merged.keys(), ...baseServices.keys()]);
  for (const check of ctx.declaration?.checks ?? []) {
    if (check.exec && !known.has(check.exec.service)) {
      at(
        ['services'],
        'check-service',
        `a check runs in service "${check.exec.service}", which this file does not define`,
        0,
      );
    }
  }
  return problems;
}

function serviceRules(name: string, svc: Mapping, d: number, ctx: ComposeContext, at: At): void {
  const path = ['services', name];
  const builds = svc.build !== undefined;
  const image = typeof svc.image === 'string' ? svc.image : null;
  if (image !== null && !builds && !isPinned(image)) {
    at([...path, 'image'], 'image-unpinned', unpinnedMessage(image), d);
  } else if (image !== null && !builds && ctx.declaration?.kind === 'script' && !ctx.declaration.uses.includes(image)) {
    // The runner prepares a script example's images from its declaration alone.
    at(
      [...path, 'image'],
      'image-undeclared',
      `image "${image}" is deployed by this example's script but not declared: add it to uses: in example.yaml`,
      d,
    );
  }
  for (const [key, value, envPath] of environmentEntries(svc.environment, [...path, 'environment'])) {
    if (!SECRET_KEY.test(key)) continue;
    if (key.endsWith('_FILE')) {
      if (value !== null && !value.startsWith('/run/secrets/') && !FROM_ENVIRONMENT.test(value)) {
        at(envPath, 'secret-file-path', `${key} should point to a secret under /run/secrets/, not ${value}`, d);
      }
    } else if (value !== null && value !== '' && !FROM_ENVIRONMENT.test(value)) {
      at(
        envPath,
        'inline-secret',
        `${key} is written in the file: use secrets: and ${key}_FILE=/run/secrets/<name>`,
        d,
      );
    }
  }
  runnableRules(path, svc, d, ctx, at);
  if (ctx.isStack) {
    for (const key of Object.keys(svc)) {
      if (key in STACK_IGNORED_KEYS) at([...path, key], `stack-${key.replace(/_/g, '-')}`, STACK_IGNORED_KEYS[key], d);
    }
  }
}

/** Restart policies the engine knows (RestartPolicy.Name in the Engine API; "" is none; `on-failure` may carry a retry count). */
const RESTART_VALUE = /^(|no|always|unless-stopped|on-failure(:\d+)?)$/;
const VARIABLE = /\$/;

/** Values `docker compose config` accepts but no engine runs: an unknown restart policy, a missing build context. */
function runnableRules(path: YamlPath, svc: Mapping, d: number, ctx: ComposeContext, at: At): void {
  if (typeof svc.restart === 'string' && !VARIABLE.test(svc.restart) && !RESTART_VALUE.test(svc.restart)) {
    at(
      [...path, 'restart'],
      'compose-restart',
      `restart "${svc.restart}" is none of no, always, on-failure[:N], unless-stopped`,
      d,
    );
  }
  const context =
    typeof svc.build === 'string'
      ? svc.build
      : isMapping(svc.build) && typeof svc.build.context === 'string'
        ? svc.build.context
        : null;
  if (
    context !== null &&
    !VARIABLE.test(context) &&
    !/^[a-z]+:\/\/|^git@/.test(context) &&
    !existsSync(join(ctx.dir, context))
  ) {
    at([...path, 'build'], 'compose-build-context', `build context "${context}" does not exist next to this file`, d);
  }
}

function healthcheckRule(name: string, svc: Mapping, d: number, ctx: ComposeContext, at: At): void {
  if (isOneShot(svc, ctx.isStack) || hasHealthcheck(svc)) return;
  const builds = svc.build !== undefined;
  const image = typeof svc.image === 'string' ? svc.image : null;
  const built = image ? ctx.declaration?.images.find((img) => img.tag === image) : undefined;
  const dockerfile = builds ? serviceDockerfile(svc) : built ? join(built.context, built.dockerfile) : null;
  if (dockerfile !== null && dockerfileHasHealthcheck(join(ctx.dir, dockerfile))) return;
  at(
    ['services', name],
    'healthcheck-missing',
    `service "${name}" runs long but has no healthcheck (add healthcheck: here${builds ? ' or HEALTHCHECK to its Dockerfile' : ''})`,
    d,
  );
}

function stackRules(docs: {raw: Mapping; d: number}[], ctx: ComposeContext, at: At): void {
  let reliesOnIpvs: {path: YamlPath; d: number} | null = null;
  for (const {raw, d} of docs) {
    for (const [name, svc] of servicesOf(raw)) {
      const deploy = isMapping(svc.deploy) ? svc.deploy : {};
      const ports = ingressPorts(svc);
      if (ports.length > 0) reliesOnIpvs ??= {path: ['services', name, 'ports', ports[0]], d};
      else if (deploy.endpoint_mode !== 'dnsrr') reliesOnIpvs ??= {path: ['services', name], d};
    }
  }
  if (!ctx.declaration) return;
  const hasIpvsLimit = ctx.declaration.limits.some((l) => l.feature === 'ipvs');
  if (reliesOnIpvs && !hasIpvsLimit) {
    at(
      reliesOnIpvs.path,
      'limit-undeclared',
      'this stack uses a swarm VIP or the ingress routing mesh (IPVS): name the limit in example.yaml (limits: - feature: ipvs) or use endpoint_mode: dnsrr and mode: host ports',
      reliesOnIpvs.d,
    );
  }
  const declared = new Set(ctx.declaration.secrets.map((s) => s.name));
  for (const {raw, d} of docs) {
    for (const [key, def] of Object.entries(isMapping(raw.secrets) ? raw.secrets : {})) {
      if (!isMapping(def) || !def.external) continue;
      const name = typeof def.name === 'string' ? def.name : key;
      if (!declared.has(name)) {
        at(
          ['secrets', key],
          'stack-secret-undeclared',
          `external secret "${name}" must be declared under secrets: in example.yaml so the runner can create and remove it`,
          d,
        );
      }
    }
  }
}

/** Service keys a config error without a path is about, by what it says. */
const ERROR_KEYS: [RegExp, string[]][] = [
  [/undefined network/, ['networks']],
  [/undefined secret/, ['secrets']],
  [/undefined config/, ['configs']],
  [/env file/, ['env_file']],
  [/^open .*: no such file/, ['extends', 'env_file', 'build', 'secrets', 'configs', 'volumes']],
  [/containerPort|hostPort|ip address|\bports?\b/i, ['ports', 'expose']],
  [/mount|volume/i, ['volumes']],
  [/network_mode/, ['network_mode']],
  [/container name/, ['container_name']],
  [/depends on|dependency cycle/, ['depends_on', 'network_mode', 'links', 'volumes_from']],
  [/forbidden properties/, STACK_FORBIDDEN_KEYS],
];

/** Turns a `docker compose config` / `docker stack config` error into a problem at the line it is about. */
export function locateComposeError(yaml: YamlFile, rule: string, message: string): Problem {
  const text = message.replace(/^validating [^:]+: /, '').trim();
  const lineMatch = /\bline (\d+)/.exec(text);
  if (lineMatch) return {file: yaml.file, line: Number(lineMatch[1]), col: 1, rule, message: text};
  const found = errorPath(yaml, text);
  const extra =
    found.path[2] && /forbidden properties/.test(text) ? `: ${found.path[2]} is not allowed in a stack file` : '';
  const pos = positionOf(yaml, found.path, 'key', found.d);
  return {file: yaml.file, line: pos.line, col: pos.col, rule, message: text + extra};
}

/** Where an error is: its dotted path ("services.web.scale", "services[web].healthcheck"), else the service and key it names or implies. */
function errorPath(yaml: YamlFile, text: string): {path: YamlPath; d: number} {
  const taken = /container name "([^"]+)" is already in use/.exec(text);
  if (taken) return duplicateContainerName(yaml, taken[1]) ?? {path: [], d: 0};
  const dotted = /\b(services|networks|volumes|secrets|configs)((?:\.[A-Za-z0-9_-]+)*)/.exec(
    text.replace(/\[([^\]]+)\]/g, '.$1'),
  );
  const path: (string | number)[] = dotted
    ? [
        dotted[1],
        ...dotted[2]
          .split('.')
          .slice(1)
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      ]
    : [];
  const property = /Additional property (\S+) is not allowed|additional properties '([^']+)'/.exec(text);
  if (property) path.push(property[1] ?? property[2]);
  const option = /^([a-z_]+): /.exec(text); // stack config: "mem_limit: Set resource limits using deploy.resources"
  const keys = ERROR_KEYS.find(([re]) => re.test(text))?.[1] ?? (option && path.length === 0 ? [option[1]] : []);
  const named = /(?:cycle detected: |\bservice "?)([A-Za-z0-9._-]+)/.exec(text)?.[1];
  if (path.length >= 3 || (path.length === 2 && keys.length === 0)) return {path, d: docWith(yaml, path)};
  const service = path[0] === 'services' && typeof path[1] === 'string' ? path[1] : named;
  return serviceKey(yaml, service, keys, quotedTokens(text)) ?? {path, d: docWith(yaml, path)};
}

/** Values an error quotes: "…" or '…' strings, and what follows its last ": ". */
function quotedTokens(text: string): string[] {
  const quoted = [...text.matchAll(/"([^"]+)"|'([^']+)'/g)].map((m) => m[1] ?? m[2]);
  const tail = /: ([^:\s]+(?::[^:\s]+)*)$/.exec(text)?.[1];
  const ports = text.match(/\b\d[\d.]*(?::[\d.]+)+/g) ?? []; // "Invalid ip address 80:80: …"
  const files = text.match(/[\w-]+\.[a-z]+\b/g) ?? []; // "open other.yaml: no such file or directory"
  return [...quoted, ...(tail ? [tail] : []), ...ports, ...files];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first of `keys` (in `service`, or any service) whose value holds one of the tokens, else the first present, else the named service; with the item of a list. */
function serviceKey(
  yaml: YamlFile,
  service: string | undefined,
  keys: string[],
  tokens: string[],
): {path: YamlPath; d: number} | null {
  if (service === undefined && keys.length === 0) return null;
  // A token at the start of a word: "80:80" is in "80:80:80:80", not in "8080:80".
  const patterns = tokens.map((t) => new RegExp(`(?<![\\w.])${escapeRegExp(t)}`));
  const mentions = (v: unknown) => patterns.some((p) => p.test(JSON.stringify(v ?? null)));
  type Candidate = {path: (string | number)[]; d: number; value: unknown};
  const candidates: Candidate[] = [];
  const services: Candidate[] = [];
  yaml.docs.forEach((_, d) => {
    const defined = (valueOf(yaml, d) as {services?: unknown} | null)?.services;
    for (const [name, svc] of Object.entries(isMapping(defined) ? defined : {})) {
      if (service !== undefined && name !== service) continue;
      for (const key of keys)
        if (isMapping(svc) && key in svc) candidates.push({path: ['services', name, key], d, value: svc[key]});
      if (service !== undefined) services.push({path: ['services', name], d, value: svc});
    }
  });
  const best = candidates.find((c) => mentions(c.value)) ?? candidates[0] ?? services[0];
  if (!best) return null;
  const item = Array.isArray(best.value) ? best.value.findIndex(mentions) : -1;
  return {path: item >= 0 ? [...best.path, item] : best.path, d: best.d};
}

/** Compose names either service of a duplicate container_name (map order): the second one in the file is the duplicate. */
function duplicateContainerName(yaml: YamlFile, name: string): {path: YamlPath; d: number} | null {
  const owners = yaml.docs.flatMap((_, d) => {
    const services = (valueOf(yaml, d) as {services?: unknown} | null)?.services;
    return Object.entries(isMapping(services) ? services : {})
      .filter(([, svc]) => isMapping(svc) && svc.container_name === name)
      .map(([service]) => ({path: ['services', service, 'container_name'], d}));
  });
  return owners[1] ?? owners[0] ?? null;
}

/** The first document holding the first key of `path` (Compose merges the documents of one file). */
function docWith(yaml: YamlFile, path: YamlPath): number {
  const d = yaml.docs.findIndex((_, i) => {
    const v = valueOf(yaml, i);
    return (
      isMapping(v) &&
      path.length > 1 &&
      isMapping(v[path[0] as string]) &&
      (path[1] as string) in (v[path[0] as string] as Mapping)
    );
  });
  return Math.max(d, 0);
}
