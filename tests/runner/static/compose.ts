// The runner's own rules for compose and stack files, located by line in the YAML source.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Declaration } from '../declaration';
import { isPinned, unpinnedMessage } from '../declaration';
import type { Problem } from '../problems';
import { problemAt, positionOf, type YamlFile, type YamlPath } from '../yamlpos';
import { readDockerfile } from './dockerfile';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

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
  'extends', 'volume_driver', 'volumes_from', 'cpu_quota', 'cpu_shares', 'cpuset', 'mem_limit', 'memswap_limit',
];

export interface ComposeContext {
  /** Folder of the compose file (paths in it are relative to this). */
  dir: string;
  isStack: boolean;
  declaration: Declaration | null;
}

/** Is this a job that runs once and exits, rather than a long-running service? */
export function isOneShot(service: Obj, isStack: boolean): boolean {
  const deploy = isObj(service.deploy) ? service.deploy : {};
  if (isStack) {
    const condition = isObj(deploy.restart_policy) ? deploy.restart_policy.condition : undefined;
    return deploy.mode === 'replicated-job' || deploy.mode === 'global-job' || condition === 'none';
  }
  return service.restart === 'no' || service.restart === false;
}

function hasHealthcheck(service: Obj): boolean {
  const hc = service.healthcheck;
  if (!isObj(hc)) return false;
  if (hc.disable === true) return false;
  const test = hc.test;
  if (Array.isArray(test)) return test.length > 0 && test[0] !== 'NONE';
  return typeof test === 'string' && test.trim() !== '' && test.trim() !== 'NONE';
}

/** The Dockerfile a service builds from, relative to the compose file's folder, or null. */
export function serviceDockerfile(service: Obj): string | null {
  const build = service.build;
  if (typeof build === 'string') return join(build, 'Dockerfile');
  if (isObj(build)) {
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
    return env.filter((e): e is string => typeof e === 'string').map((e, i) => {
      const eq = e.indexOf('=');
      return eq < 0 ? [e, null, [...base, i]] : [e.slice(0, eq), e.slice(eq + 1), [...base, i]];
    });
  }
  if (isObj(env)) {
    return Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? null : String(v), [...base, k]]);
  }
  return [];
}

/** Published ports in ingress mode (the default): they need the routing mesh, hence IPVS. */
function ingressPorts(service: Obj): number[] {
  if (!Array.isArray(service.ports)) return [];
  return service.ports.flatMap((p, i) => {
    if (isObj(p)) return p.mode === 'host' || p.published === undefined ? [] : [i];
    return String(p).includes(':') ? [i] : [];
  });
}

/**
 * Rules for one compose or stack file: no version key, pinned images, healthchecks, no inline
 * secrets and, for stacks, keys that stack deploy ignores and reliance on IPVS.
 */
export function checkComposeRules(yaml: YamlFile, ctx: ComposeContext): Problem[] {
  const problems: Problem[] = [];
  const at = (path: YamlPath, rule: string, message: string) => problems.push(problemAt(yaml, path, rule, message));
  const raw = yaml.docs[0]?.toJS() as unknown;
  if (yaml.docs.length !== 1 || !isObj(raw)) {
    at([], 'compose-shape', 'a compose file holds one YAML mapping');
    return problems;
  }
  if ('version' in raw) at(['version'], 'no-version', 'remove the version: key (obsolete in the Compose specification)');
  const services = isObj(raw.services) ? raw.services : {};
  const builtTags = new Map((ctx.declaration?.images ?? []).map((img) => [img.tag, img]));
  let reliesOnIpvs: YamlPath | null = null;

  for (const [name, svc] of Object.entries(services)) {
    if (!isObj(svc)) continue;
    const path = ['services', name];
    const builds = svc.build !== undefined;
    const image = typeof svc.image === 'string' ? svc.image : null;

    if (image !== null && !builds && !isPinned(image)) {
      at([...path, 'image'], 'image-unpinned', unpinnedMessage(image));
    } else if (image !== null && !builds && ctx.declaration?.kind === 'script' && !ctx.declaration.uses.includes(image)) {
      // The runner prepares a script example's images from its declaration alone.
      at([...path, 'image'], 'image-undeclared', `image "${image}" is deployed by this example's script but not declared: add it to uses: in example.yaml`);
    }

    if (!isOneShot(svc, ctx.isStack) && !hasHealthcheck(svc)) {
      let dockerfile: string | null = null;
      if (builds) dockerfile = serviceDockerfile(svc);
      else if (image && builtTags.has(image)) {
        const img = builtTags.get(image)!;
        dockerfile = join(img.context, img.dockerfile);
      }
      if (!(dockerfile !== null && dockerfileHasHealthcheck(join(ctx.dir, dockerfile)))) {
        at(path, 'healthcheck-missing', `service "${name}" runs long but has no healthcheck (add healthcheck: here${builds ? ' or HEALTHCHECK to its Dockerfile' : ''})`);
      }
    }

    for (const [key, value, envPath] of environmentEntries(svc.environment, [...path, 'environment'])) {
      if (!SECRET_KEY.test(key)) continue;
      if (key.endsWith('_FILE')) {
        if (value !== null && !value.startsWith('/run/secrets/') && !FROM_ENVIRONMENT.test(value)) {
          at(envPath, 'secret-file-path', `${key} should point to a secret under /run/secrets/, not ${value}`);
        }
      } else if (value !== null && value !== '' && !FROM_ENVIRONMENT.test(value)) {
        at(envPath, 'inline-secret', `${key} is written in the file: use secrets: and ${key}_FILE=/run/secrets/<name>`);
      }
    }

    if (ctx.isStack) {
      for (const key of Object.keys(svc)) {
        if (key in STACK_IGNORED_KEYS) at([...path, key], `stack-${key.replace(/_/g, '-')}`, STACK_IGNORED_KEYS[key]);
      }
      const deploy = isObj(svc.deploy) ? svc.deploy : {};
      const ports = ingressPorts(svc);
      if (ports.length > 0) reliesOnIpvs ??= [...path, 'ports', ports[0]];
      else if (deploy.endpoint_mode !== 'dnsrr') reliesOnIpvs ??= path;
    }
  }

  if (ctx.isStack && ctx.declaration) {
    const hasIpvsLimit = ctx.declaration.limits.some((l) => l.feature === 'ipvs');
    if (reliesOnIpvs && !hasIpvsLimit) {
      at(reliesOnIpvs, 'limit-undeclared', 'this stack uses a swarm VIP or the ingress routing mesh (IPVS): name the limit in example.yaml (limits: - feature: ipvs) or use endpoint_mode: dnsrr and mode: host ports');
    }
    const secrets = isObj(raw.secrets) ? raw.secrets : {};
    const declared = new Set(ctx.declaration.secrets.map((s) => s.name));
    for (const [key, def] of Object.entries(secrets)) {
      if (!isObj(def) || !def.external) continue;
      const name = typeof def.name === 'string' ? def.name : key;
      if (!declared.has(name)) {
        at(['secrets', key], 'stack-secret-undeclared', `external secret "${name}" must be declared under secrets: in example.yaml so the runner can create and remove it`);
      }
    }
  }

  if (ctx.declaration) {
    ctx.declaration.checks.forEach((check) => {
      if (check.exec && !(check.exec.service in services)) {
        at(['services'], 'check-service', `a check runs in service "${check.exec.service}", which this file does not define`);
      }
    });
  }
  return problems;
}

/** Turns a `docker compose config` / `docker stack config` error into a located problem. */
export function locateComposeError(yaml: YamlFile, rule: string, message: string): Problem {
  const text = message.replace(/^validating [^:]+: /, '').trim();
  const lineMatch = /\bline (\d+)/.exec(text);
  if (lineMatch) return { file: yaml.file, line: Number(lineMatch[1]), col: 1, rule, message: text };
  let path: (string | number)[] = [];
  const dotted = /\b((?:services|networks|volumes|secrets|configs)(?:\.[A-Za-z0-9_-]+)+)/.exec(text);
  if (dotted) path = dotted[1].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const svc = /service "([^"]+)"/.exec(text);
  if (path.length < 2 && svc) path = ['services', svc[1]];
  const extra = /Additional property (\S+) is not allowed/.exec(text);
  if (extra) path.push(extra[1]);
  const services = (yaml.docs[0]?.toJS() as { services?: Record<string, unknown> } | null)?.services ?? {};
  const ownerOf = (keys: string[]) => {
    for (const [name, svc] of Object.entries(services)) {
      const key = isObj(svc) ? keys.find((k) => k in svc) : undefined;
      if (key) return ['services', name, key];
    }
    return null;
  };
  const option = /^([a-z_]+): /.exec(text);
  if (path.length === 0 && option) {
    // "mem_limit: Set resource limits using deploy.resources": the first service using that key.
    path = ownerOf([option[1]]) ?? path;
  } else if (path.length === 0 && /forbidden properties/.test(text)) {
    const owner = ownerOf(STACK_FORBIDDEN_KEYS);
    if (owner) return { ...locate(yaml, owner, rule, `${text}: ${owner[2]} is not allowed in a stack file`) };
  }
  return locate(yaml, path, rule, text);
}

function locate(yaml: YamlFile, path: YamlPath, rule: string, message: string): Problem {
  const pos = positionOf(yaml, path, 'key');
  return { file: yaml.file, line: pos.line, col: pos.col, rule, message };
}
