// Finding and removing what a run left on the engine, by label or by name prefix. Only ever
// matches the run's own unique name, so other people's containers on a shared engine are safe.
import {sleep} from '../core/exec';
import {run, type TargetEngine} from './exec';

/** Docker objects and network namespaces, in removal order. */
export const RESOURCE_TYPES = [
  'service',
  'container',
  'network',
  'volume',
  'secret',
  'config',
  'image',
  'netns',
] as const;
/** Kubernetes namespaces are only looked for when asked (kubectl may have no cluster to ask). */
export type ResourceType = (typeof RESOURCE_TYPES)[number] | 'namespace';
const ALL_TYPES: readonly ResourceType[] = [...RESOURCE_TYPES, 'namespace'];

export interface Resource {
  type: ResourceType;
  id: string;
  name: string;
}

export interface Match {
  /** `key=value`: resources carrying this label. */
  label?: string;
  /** Resources whose name starts with this. */
  prefix?: string;
}

const LIST: Record<Exclude<ResourceType, 'netns' | 'namespace'>, {args: string[]; format: string}> = {
  service: {args: ['service', 'ls'], format: '{{.ID}}\t{{.Name}}'},
  container: {args: ['ps', '-a', '--no-trunc'], format: '{{.ID}}\t{{.Names}}'},
  network: {args: ['network', 'ls', '--no-trunc'], format: '{{.ID}}\t{{.Name}}'},
  volume: {args: ['volume', 'ls'], format: '{{.Name}}\t{{.Name}}'},
  secret: {args: ['secret', 'ls'], format: '{{.ID}}\t{{.Name}}'},
  config: {args: ['config', 'ls'], format: '{{.ID}}\t{{.Name}}'},
  image: {args: ['image', 'ls', '--no-trunc'], format: '{{.ID}}\t{{.Repository}}:{{.Tag}}'},
};

async function list(engine: TargetEngine, type: ResourceType, match: Match): Promise<Resource[]> {
  if (type === 'namespace') {
    if (!match.prefix) return [];
    const r = await run('kubectl', ['get', 'namespaces', '-o', 'name', '--request-timeout=10s'], {
      timeoutMs: 20_000,
      survivesInterrupt: true,
    });
    if (r.code !== 0) return [];
    return r.stdout
      .split('\n')
      .map((l) => l.replace(/^namespace\//, ''))
      .filter((n) => n && n.startsWith(match.prefix!))
      .map((name) => ({type, id: name, name}));
  }
  if (type === 'netns') {
    if (!match.prefix) return [];
    const r = await run('ip', ['netns', 'list'], {timeoutMs: 15_000, survivesInterrupt: true});
    if (r.code !== 0) return [];
    return r.stdout
      .split('\n')
      .map((l) => l.split(' ')[0])
      .filter((n) => n && n.startsWith(match.prefix!))
      .map((name) => ({type, id: name, name}));
  }
  const spec = LIST[type];
  const filter = match.label ? ['--filter', `label=${match.label}`] : [];
  const r = await engine.docker([...spec.args, ...filter, '--format', spec.format], {
    timeoutMs: 30_000,
    survivesInterrupt: true,
  });
  // service/secret/config ls fail when the engine is not a swarm manager: then there are none.
  if (r.code !== 0) return [];
  return r.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, name] = line.split('\t');
      return {type, id, name};
    })
    .filter((res) => !match.prefix || res.name.startsWith(match.prefix));
}

/** Everything matching, in removal order (services before containers before networks…). */
export async function findResources(
  engine: TargetEngine,
  match: Match,
  types: readonly ResourceType[] = RESOURCE_TYPES,
): Promise<Resource[]> {
  if (!match.label && !match.prefix) throw new Error('findResources needs a label or a prefix');
  const found: Resource[] = [];
  for (const type of ALL_TYPES) if (types.includes(type)) found.push(...(await list(engine, type, match)));
  return found;
}

const REMOVE: Record<ResourceType, (ids: string[]) => [string, string[]]> = {
  service: (ids) => ['docker', ['service', 'rm', ...ids]],
  container: (ids) => ['docker', ['rm', '-f', '-v', ...ids]],
  network: (ids) => ['docker', ['network', 'rm', ...ids]],
  volume: (ids) => ['docker', ['volume', 'rm', '-f', ...ids]],
  secret: (ids) => ['docker', ['secret', 'rm', ...ids]],
  config: (ids) => ['docker', ['config', 'rm', ...ids]],
  image: (ids) => ['docker', ['image', 'rm', '-f', ...ids]],
  netns: (ids) => ['ip', ['netns', 'delete', ids[0]]],
  namespace: (ids) => ['kubectl', ['delete', 'namespace', '--wait=true', ...ids]],
};

/** Removes the resources (best effort, in order); returns those still there afterwards. */
export async function removeResources(engine: TargetEngine, resources: Resource[], match: Match): Promise<Resource[]> {
  for (const type of ALL_TYPES) {
    const ids = resources
      .filter((r) => r.type === type)
      .map((r) => (type === 'image' && !r.name.includes('<none>') ? r.name : r.id));
    if (ids.length === 0) continue;
    if (type === 'network') await waitUntilGone(engine, match, ['container'], 30_000);
    const batches = type === 'netns' ? ids.map((id) => [id]) : [ids];
    for (const batch of batches) {
      const [cmd, args] = REMOVE[type](batch);
      // Removed where they were found: `docker` goes to the engine under test (the lab's with --lab).
      await run(cmd, args, {
        timeoutMs: 60_000,
        survivesInterrupt: true,
        ...(cmd === 'docker' ? {env: engine.env} : {}),
      });
    }
  }
  return findResources(engine, match, [...new Set(resources.map((r) => r.type))]);
}

/** Waits until nothing of these types matches; returns what is still there at the deadline. */
export async function waitUntilGone(
  engine: TargetEngine,
  match: Match,
  types: readonly ResourceType[],
  timeoutMs: number,
): Promise<Resource[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await findResources(engine, match, types);
    if (left.length === 0 || Date.now() >= deadline) return left;
    await sleep(1000);
  }
}

export const describe = (r: Resource) => `${r.type} ${r.name}`;
