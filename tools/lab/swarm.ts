import {interruption, registerTeardown, type Teardown} from '../core/teardown';
import {dockerOutput, dockerSucceeds, run, waitFor, type ExecOptions} from '../core/exec';
import {copyImages} from '../core/image-copy';
import {prepareLabImages, type Log} from './images';
import {ensureNodeImage} from './node-image';
import {DIND_ENTRYPOINT, DIND_RUN_FLAGS} from '../standins/dind';

/**
 * A three-node Swarm on one machine: three Docker engines, each in a Docker-in-Docker container on
 * a private bridge network of the host engine. Everything the lab creates carries the label
 * `io.fieldguide.lab=<name>` and a name starting with `<name>-`, so `swarmDown` finds all of it.
 */

export const DEFAULT_LAB_NAME = process.env.FG_LAB_NAME || 'fglab-swarm';
export const LAB_LABEL = 'io.fieldguide.lab';
/** Port of the nested engines' API inside the lab network (published for the manager on 127.0.0.1 only). */
const ENGINE_PORT = 2375;

export interface LabNode {
  role: 'manager' | 'worker';
  /** Host name inside the lab; also the Swarm node's name (`docker node ls`). */
  hostname: string;
  /** Container on the host engine. */
  container: string;
  /** Volume holding the node's /var/lib/docker. */
  volume: string;
}

export interface LabLayout {
  name: string;
  label: string;
  network: string;
  nodes: LabNode[];
}

/** Names of everything a lab called `name` creates. Node host names follow the notes' three VMs. */
export function labLayout(name = DEFAULT_LAB_NAME): LabLayout {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new Error(`lab name "${name}" must be lowercase letters, digits and dashes`);
  const node = (role: LabNode['role'], hostname: string): LabNode => ({
    role,
    hostname,
    container: `${name}-${hostname.replace(/^swarm-/, '')}`,
    volume: `${name}-${hostname.replace(/^swarm-/, '')}-data`,
  });
  return {
    name,
    label: `${LAB_LABEL}=${name}`,
    network: `${name}-net`,
    nodes: [node('manager', 'swarm-manager'), node('worker', 'swarm-worker1'), node('worker', 'swarm-worker2')],
  };
}

/** `docker run` arguments for one node: Docker-in-Docker without --privileged, which this VM refuses. */
export function nodeRunArgs(layout: LabLayout, node: LabNode, image: string): string[] {
  return [
    'run',
    '--detach',
    '--name',
    node.container,
    '--hostname',
    node.hostname,
    '--label',
    layout.label,
    '--label',
    `${LAB_LABEL}.role=${node.role}`,
    '--network',
    layout.network,
    '--network-alias',
    node.hostname,
    ...DIND_RUN_FLAGS,
    // Keep three engines lean on a shared 2-core machine.
    '--memory',
    '2g',
    '--cpus',
    '1',
    '--volume',
    `${node.volume}:/var/lib/docker`,
    // The stand-in's entrypoint on either image: the official one's assumes --privileged.
    ...DIND_ENTRYPOINT,
    ...(node.role === 'manager' ? ['--publish', `127.0.0.1::${ENGINE_PORT}`] : []),
    image,
    '--log-level=warn',
  ];
}

/** Runs the node's own docker CLI inside the node container. */
export function nodeDocker(node: LabNode, args: string[], options: ExecOptions = {}): Promise<string> {
  return dockerOutput(['exec', ...(options.input ? ['-i'] : []), node.container, 'docker', ...args], options);
}

const manager = (layout: LabLayout) => layout.nodes[0];

/** `tcp://127.0.0.1:<port>` of the manager's engine, or undefined when the lab is not running. */
export async function managerHost(layout = labLayout()): Promise<string | undefined> {
  const result = await run('docker', ['port', manager(layout).container, `${ENGINE_PORT}/tcp`]);
  const line = result.stdout.split('\n').find((l) => l.startsWith('127.0.0.1:'));
  return result.code === 0 && line ? `tcp://${line.trim()}` : undefined;
}

/** Variables that point the docker CLI at the lab's manager. */
export async function labDockerEnv(name = DEFAULT_LAB_NAME): Promise<{DOCKER_HOST: string}> {
  const host = await managerHost(labLayout(name));
  if (!host) throw new Error(`the Swarm lab "${name}" is not running: start it with \`npm run lab -- swarm up\``);
  return {DOCKER_HOST: host};
}

/** A full process environment for the docker CLI aimed at the lab (context and TLS settings removed). */
export function dockerEnvFor(labEnv: {DOCKER_HOST: string}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...base, ...labEnv};
  for (const key of ['DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_TLS']) delete env[key];
  return env;
}

export interface NodeStatus {
  container: string;
  hostname: string;
  /** State of the node container on the host engine, or "missing". */
  state: string;
  /** Address on the lab network: ports a task publishes in `mode: host` are reached here from the host. */
  address: string;
  /** From the manager's `docker node ls`; empty when the manager cannot tell. */
  role: string;
  status: string;
  availability: string;
  engine: string;
}

export interface LabStatus {
  name: string;
  managerHost?: string;
  nodes: NodeStatus[];
  /** Every node container running and every node Ready in the Swarm. */
  ready: boolean;
  /** Anything of this lab's on the host engine (containers, network, volumes). */
  exists: boolean;
}

interface NodeLsRow {
  Hostname: string;
  Status: string;
  Availability: string;
  ManagerStatus: string;
  EngineVersion: string;
}

/** Parses `docker node ls --format '{{json .}}'`. */
export function parseNodeLs(output: string): NodeLsRow[] {
  return output
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as NodeLsRow);
}

async function labResources(layout: LabLayout): Promise<{containers: string[]; networks: string[]; volumes: string[]}> {
  const list = async (args: string[]) =>
    (await dockerOutput([...args, '--filter', `label=${layout.label}`, '--format', '{{.Name}}']))
      .split('\n')
      .filter(Boolean);
  const [containers, networks, volumes] = await Promise.all([
    list(['ps', '--all']).catch(() => []),
    list(['network', 'ls']),
    list(['volume', 'ls']),
  ]);
  return {containers, networks, volumes};
}

export async function swarmStatus(name = DEFAULT_LAB_NAME): Promise<LabStatus> {
  const layout = labLayout(name);
  const states = new Map<string, string>();
  const addresses = new Map<string, string>();
  const ps = await dockerOutput([
    'ps',
    '--all',
    '--filter',
    `label=${layout.label}`,
    '--format',
    '{{.Names}}\t{{.State}}',
  ]);
  for (const line of ps.split('\n').filter(Boolean)) {
    const [container, state] = line.split('\t');
    states.set(container, state);
    const address = await run('docker', [
      'inspect',
      '--format',
      `{{with index .NetworkSettings.Networks "${layout.network}"}}{{.IPAddress}}{{end}}`,
      container,
    ]);
    addresses.set(container, address.stdout.trim());
  }
  let rows: NodeLsRow[] = [];
  if (states.get(manager(layout).container) === 'running') {
    const ls = await run('docker', [
      'exec',
      manager(layout).container,
      'docker',
      'node',
      'ls',
      '--format',
      '{{json .}}',
    ]);
    if (ls.code === 0) rows = parseNodeLs(ls.stdout);
  }
  const nodes = layout.nodes.map((node): NodeStatus => {
    const row = rows.find((r) => r.Hostname === node.hostname);
    return {
      container: node.container,
      hostname: node.hostname,
      state: states.get(node.container) ?? 'missing',
      address: addresses.get(node.container) ?? '',
      role: row ? (row.ManagerStatus ? `manager (${row.ManagerStatus})` : 'worker') : '',
      status: row?.Status ?? '',
      availability: row?.Availability ?? '',
      engine: row?.EngineVersion ?? '',
    };
  });
  const resources = await labResources(layout);
  return {
    name,
    managerHost: await managerHost(layout),
    nodes,
    ready: nodes.every((n) => n.state === 'running' && n.status === 'Ready'),
    exists: resources.containers.length + resources.networks.length + resources.volumes.length > 0,
  };
}

export function formatStatus(status: LabStatus): string {
  const header = ['CONTAINER', 'STATE', 'ADDRESS', 'NODE', 'ROLE', 'STATUS', 'AVAILABILITY', 'ENGINE'];
  const rows = status.nodes.map((n) => [
    n.container,
    n.state,
    n.address || '-',
    n.hostname,
    n.role || '-',
    n.status || '-',
    n.availability || '-',
    n.engine || '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const table = [header, ...rows].map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd(),
  );
  const summary = status.ready
    ? `Swarm lab "${status.name}" is ready: 1 manager, 2 workers. Manager API: ${status.managerHost}`
    : status.exists
      ? `Swarm lab "${status.name}" is not ready.`
      : `Swarm lab "${status.name}" is not running.`;
  return [summary, ...table].join('\n');
}

/** A node container that stopped or restarted since the lab started, as the host engine tells it. */
export interface LostNode {
  container: string;
  state: string;
  exitCode: number;
  oomKilled: boolean;
  restarts: number;
  finishedAt: string;
  error: string;
}

/** Lab nodes that are not running, or ran again after dying: lost to the machine, not to an example. */
export async function lostNodes(name = DEFAULT_LAB_NAME): Promise<LostNode[]> {
  const lost: LostNode[] = [];
  for (const node of labLayout(name).nodes) {
    const r = await run('docker', ['inspect', '--format', '{{json .State}}\t{{.RestartCount}}', node.container]);
    if (r.code !== 0) {
      lost.push({
        container: node.container,
        state: 'missing',
        exitCode: -1,
        oomKilled: false,
        restarts: 0,
        finishedAt: '',
        error: 'the container is gone',
      });
      continue;
    }
    const [stateJson, restarts] = r.stdout.trim().split('\t');
    const state = JSON.parse(stateJson) as {
      Status: string;
      ExitCode: number;
      OOMKilled: boolean;
      FinishedAt: string;
      Error: string;
    };
    if (state.Status === 'running' && Number(restarts) === 0) continue;
    lost.push({
      container: node.container,
      state: state.Status,
      exitCode: state.ExitCode,
      oomKilled: state.OOMKilled,
      restarts: Number(restarts),
      finishedAt: state.FinishedAt,
      error: state.Error,
    });
  }
  return lost;
}

/** One line per lost node, with the host's memory now: says the machine, not the example, took it. */
export function describeLostNodes(lost: LostNode[], meminfo: string): string {
  const kib = (key: string) => Number(meminfo.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  const gib = (n: number) => (n / 1024 / 1024).toFixed(1);
  const lines = lost.map((n) => {
    const why = n.oomKilled
      ? 'killed by the out-of-memory killer'
      : n.state === 'missing'
        ? 'removed'
        : n.state === 'running'
          ? `restarted ${n.restarts}×`
          : `exited with code ${n.exitCode}${n.exitCode === 137 ? ' (SIGKILL: usually the kernel reclaiming memory)' : ''}`;
    return `LAB NODE LOST TO THE MACHINE, NOT TO THE EXAMPLE: ${n.container} ${why}${n.finishedAt && !n.finishedAt.startsWith('0001') ? ` at ${n.finishedAt}` : ''}${n.error ? ` (${n.error})` : ''}`;
  });
  lines.push(
    `host memory now: ${gib(kib('MemAvailable'))} GiB available of ${gib(kib('MemTotal'))} GiB; tests on this lab after the loss are not evidence about the examples`,
  );
  return lines.join('\n');
}

export interface DownReport {
  containers: string[];
  networks: string[];
  volumes: string[];
}

/** Removes every container, network and volume of the lab. Safe to run when nothing is there. */
export async function swarmDown(name = DEFAULT_LAB_NAME, log: Log = () => {}): Promise<DownReport> {
  const layout = labLayout(name);
  const found = await labResources(layout);
  // By label and by name: the names are the lab's own, and a same-named leftover would block `up`.
  const containers = [...new Set([...found.containers, ...layout.nodes.map((n) => n.container)])];
  // Containers, then the network, then volumes; the three nodes in parallel (deleting an engine's
  // volume is slow disk work).
  const removeEach = async (names: string[], exists: (n: string) => string[], remove: (n: string) => string[]) =>
    (
      await Promise.all(
        names.map(async (n) => {
          if (!(await dockerSucceeds(exists(n)))) return undefined;
          await dockerOutput(remove(n));
          return n;
        }),
      )
    ).filter((n): n is string => n !== undefined);
  const removedContainers = await removeEach(
    containers,
    (c) => ['container', 'inspect', c],
    (c) => ['rm', '--force', '--volumes', c],
  );
  const networks = [...new Set([...found.networks, layout.network])];
  const removedNetworks = await removeEach(
    networks,
    (n) => ['network', 'inspect', n],
    (n) => ['network', 'rm', n],
  );
  const volumes = [...new Set([...found.volumes, ...layout.nodes.map((n) => n.volume)])];
  const removedVolumes = await removeEach(
    volumes,
    (v) => ['volume', 'inspect', v],
    (v) => ['volume', 'rm', '--force', v],
  );
  const report = {containers: removedContainers, networks: removedNetworks, volumes: removedVolumes};
  const count = removedContainers.length + removedNetworks.length + removedVolumes.length;
  log(
    count
      ? `removed ${[...removedContainers, ...removedNetworks, ...removedVolumes].join(', ')}`
      : 'nothing of the lab was there',
  );
  return report;
}

/** IPVS backs Swarm's virtual IPs and the ingress routing mesh; the kernel shows it in /proc/net/ip_vs. */
export async function ipvsAvailable(layout = labLayout()): Promise<boolean> {
  return dockerSucceeds(['exec', manager(layout).container, 'test', '-e', '/proc/net/ip_vs']);
}

export const KERNEL_LIMITS = [
  {
    feature: 'ipvs',
    parts: ['VIP load balancing (endpoint_mode: vip)', 'ingress routing mesh (published ports in mode: ingress)'],
    instead: 'use endpoint_mode: dnsrr with tasks.<service> DNS, and ports in mode: host',
    checkedInstead: 'tasks.<service> DNS to every task across nodes over the overlay network (endpoint_mode: dnsrr)',
  },
];

export interface ImageLoad {
  node: string;
  tags: string[];
}

/** Copies host images into every node that lacks them (tools/core/image-copy.ts). */
export async function loadImagesIntoLab(
  tags: string[],
  name = DEFAULT_LAB_NAME,
  log: Log = () => {},
  signal?: AbortSignal,
): Promise<ImageLoad[]> {
  const layout = labLayout(name);
  const hostIds = new Map<string, string>();
  for (const tag of tags) hostIds.set(tag, await dockerOutput(['image', 'inspect', '--format', '{{.Id}}', tag]));
  const missing: ImageLoad[] = [];
  await Promise.all(
    layout.nodes.map(async (node) => {
      const listing = await nodeDocker(node, [
        'image',
        'ls',
        '--no-trunc',
        '--format',
        '{{.Repository}}:{{.Tag}} {{.ID}}',
      ]);
      const present = new Map(
        listing
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' ') as [string, string]),
      );
      const lacking = tags.filter((tag) => present.get(tag) !== hostIds.get(tag));
      if (lacking.length) missing.push({node: node.container, tags: lacking});
    }),
  );
  if (!missing.length) return [];
  const union = [...new Set(missing.flatMap((m) => m.tags))];
  log(`loading ${union.join(', ')} into ${missing.map((m) => m.node).join(', ')}`);
  await copyImages(
    union,
    missing.map((m) => m.node),
    signal,
  );
  return missing;
}

export interface UpReport {
  status: LabStatus;
  /** Images loaded into every node. */
  images: string[];
  /** Images (the node image among them) that are offline stand-ins rather than the real ones. */
  standIns: string[];
  ipvs: boolean;
  /** Seconds spent in each phase, in order. */
  phases: Array<[string, number]>;
  /** The lab was already running; only images were refreshed. */
  reused: boolean;
}

export interface UpOptions {
  name?: string;
  log?: Log;
  /** Node image on the host; default: NODE_IMAGE (docker:<recorded engine major>-dind) or its stand-in. */
  nodeImage?: string;
  /** Host images to load into every node; default: what the stack examples need (built or stood in first). */
  images?: string[];
  /** Aborting stops the start at the next step; what was made is removed and the reason thrown. */
  signal?: AbortSignal;
}

/** Times the phases of a start (label, seconds since the previous phase), stopping at an abort between them. */
function phaseClock(signal?: AbortSignal) {
  const phases: Array<[string, number]> = [];
  let mark = Date.now();
  const phase = (label: string) => {
    signal?.throwIfAborted();
    const now = Date.now();
    phases.push([label, (now - mark) / 1000]);
    mark = now;
  };
  return {phases, phase};
}

/** Creates the lab's network and volumes and starts its three node containers. */
async function startNodes(layout: LabLayout, nodeImage: string, log: Log, signal?: AbortSignal): Promise<void> {
  await dockerOutput(['network', 'create', '--driver', 'bridge', '--label', layout.label, layout.network]);
  for (const node of layout.nodes) await dockerOutput(['volume', 'create', '--label', layout.label, node.volume]);
  for (const node of layout.nodes) {
    signal?.throwIfAborted();
    log(`starting ${node.container} (${node.hostname})`);
    await dockerOutput(nodeRunArgs(layout, node, nodeImage));
  }
}

/** Waits until `node`'s engine answers; a node that stopped, or never answers, fails with its last log lines. */
async function waitForEngine(node: LabNode, signal?: AbortSignal): Promise<void> {
  const lastLogs = async () => {
    const logs = await run('docker', ['logs', '--tail', '20', node.container]);
    return `${logs.stdout}${logs.stderr}`;
  };
  await waitFor(
    `the engine in ${node.container}`,
    async () => {
      const state = await dockerOutput(['inspect', '--format', '{{.State.Status}}', node.container]);
      if (state !== 'running') throw new Error(`${node.container} is ${state}:\n${await lastLogs()}`);
      return (await dockerSucceeds(['exec', node.container, 'docker', 'version'])) ? true : undefined;
    },
    {timeoutMs: 90_000, intervalMs: 500, signal},
  ).catch(async (err: Error) => {
    if (signal?.aborted) throw err;
    throw new Error(`${err.message}\nlast lines of ${node.container}:\n${await lastLogs()}`);
  });
}

/** `docker swarm init` on the manager, `join` on each worker, then waits for three Ready nodes. */
async function formSwarm(layout: LabLayout, log: Log, signal?: AbortSignal): Promise<void> {
  const address = (node: LabNode) =>
    dockerOutput([
      'inspect',
      '--format',
      `{{(index .NetworkSettings.Networks "${layout.network}").IPAddress}}`,
      node.container,
    ]);
  const managerNode = manager(layout);
  const managerAddress = await address(managerNode);
  log(`docker swarm init on ${managerNode.hostname} (${managerAddress})`);
  await nodeDocker(managerNode, ['swarm', 'init', '--advertise-addr', managerAddress]);
  const token = await nodeDocker(managerNode, ['swarm', 'join-token', '--quiet', 'worker']);
  for (const worker of layout.nodes.filter((n) => n.role === 'worker')) {
    signal?.throwIfAborted();
    log(`docker swarm join on ${worker.hostname}`);
    await nodeDocker(worker, [
      'swarm',
      'join',
      '--advertise-addr',
      await address(worker),
      '--token',
      token,
      `${managerAddress}:2377`,
    ]);
  }
  await waitFor(
    'three Ready nodes',
    async () => {
      const rows = parseNodeLs(await nodeDocker(managerNode, ['node', 'ls', '--format', '{{json .}}']));
      return rows.length === 3 && rows.every((r) => r.Status === 'Ready') ? rows : undefined;
    },
    {timeoutMs: 60_000, signal},
  );
}

/**
 * Starts the lab (or finds it running), initialises the Swarm and loads the images. A failed or
 * interrupted start removes what it made and rethrows the original error.
 */
export async function swarmUp({
  name = DEFAULT_LAB_NAME,
  log = () => {},
  signal,
  ...options
}: UpOptions = {}): Promise<UpReport> {
  const images = () => (options.images ? Promise.resolve({tags: options.images, standIns: []}) : prepareLabImages(log));
  const layout = labLayout(name);
  const {phases, phase} = phaseClock(signal);
  const report = async (tags: string[], standIns: string[], reused: boolean): Promise<UpReport> => ({
    status: await swarmStatus(name),
    images: tags,
    standIns,
    ipvs: await ipvsAvailable(layout),
    phases,
    reused,
  });

  const before = await swarmStatus(name);
  if (before.ready) {
    log(`the lab "${name}" is already running; refreshing its images`);
    const {tags, standIns} = await images();
    phase('images ready on the host');
    await loadImagesIntoLab(tags, name, log, signal);
    phase('images loaded into the nodes');
    return report(tags, standIns, true);
  }
  if (before.exists) {
    log(`the lab "${name}" is half there; removing it first`);
    await swarmDown(name, log);
  }

  try {
    const node = options.nodeImage ? {tag: options.nodeImage, standIn: false} : await ensureNodeImage(log);
    phase('node image ready');
    const {tags, standIns} = await images();
    phase('images ready on the host');
    await startNodes(layout, node.tag, log, signal);
    await Promise.all(layout.nodes.map((n) => waitForEngine(n, signal)));
    phase('three engines started');
    await formSwarm(layout, log, signal);
    phase('swarm formed');
    await loadImagesIntoLab(tags, name, log, signal);
    phase('images loaded into the nodes');
    return report(tags, node.standIn ? [node.tag, ...standIns] : standIns, false);
  } catch (err) {
    log(`starting the lab failed; removing what it made`);
    await swarmDown(name, log).catch((cleanupErr: Error) => log(`cleanup failed too: ${cleanupErr.message}`));
    throw err;
  }
}

export interface SwarmLab {
  name: string;
  layout: LabLayout;
  /** Environment for the docker CLI, aimed at the manager (`DOCKER_HOST=tcp://127.0.0.1:…`). */
  env: NodeJS.ProcessEnv;
  managerHost: string;
  ipvs: boolean;
  /** `docker …` against the manager, from the host's CLI (reads local files, e.g. for `stack deploy`). */
  docker(args: string[], options?: ExecOptions): Promise<string>;
  /** `docker …` run by the named node's own CLI (e.g. to reach a worker's containers). */
  nodeDocker(hostname: string, args: string[], options?: ExecOptions): Promise<string>;
}

export async function openLab(name = DEFAULT_LAB_NAME): Promise<SwarmLab> {
  const layout = labLayout(name);
  const labEnv = await labDockerEnv(name);
  const env = dockerEnvFor(labEnv);
  const byHostname = (hostname: string) => {
    const node = layout.nodes.find((n) => n.hostname === hostname);
    if (!node) throw new Error(`no lab node called ${hostname}`);
    return node;
  };
  return {
    name,
    layout,
    env,
    managerHost: labEnv.DOCKER_HOST,
    ipvs: await ipvsAvailable(layout),
    docker: (args, options = {}) => dockerOutput(args, {...options, env}),
    nodeDocker: (hostname, args, options = {}) => nodeDocker(byHostname(hostname), args, options),
  };
}

export interface StartingLab<S> {
  /** What `start` returns. */
  started: Promise<S>;
  /** Removes the lab (run it), or keeps it up (dispose it). */
  teardown: Teardown;
}

/**
 * Starts the lab `name` with `start`, its removal registered first (tools/core/teardown.ts): on
 * SIGINT/SIGTERM `start` stops at its next step through the signal it is given, and the removal
 * waits for it before it looks, so nothing is made after it.
 */
export function startingLab<S>(name: string, log: Log, start: (signal: AbortSignal) => Promise<S>): StartingLab<S> {
  // The removal is registered before `start` runs; it reads `started` only when it runs, later.
  const teardown = registerTeardown(
    `lab ${name}`,
    async () => {
      await started.catch(() => {});
      await swarmDown(name, log);
    },
    {log},
  );
  const started = start(interruption);
  return {started, teardown};
}

/** Starts the lab `name` with `start`, hands what it returned to `use`, then removes the lab whatever happens. */
export async function removingLab<S, T>(
  name: string,
  log: Log,
  start: (signal: AbortSignal) => Promise<S>,
  use: (started: S) => Promise<T>,
): Promise<T> {
  const lab = startingLab(name, log, start);
  try {
    return await use(await lab.started);
  } finally {
    await lab.teardown.run();
  }
}

/**
 * Runs `fn` against a ready lab. A lab that is already running is used and left running; otherwise
 * one is started for `fn` and removed afterwards, also when `fn` fails or the process is interrupted.
 */
export async function withSwarmLab<T>(
  fn: (lab: SwarmLab) => Promise<T>,
  {
    name = DEFAULT_LAB_NAME,
    log = (l: string) => console.error(l),
    images,
  }: Pick<UpOptions, 'name' | 'log' | 'images'> = {},
): Promise<T> {
  const running = (await swarmStatus(name)).ready;
  if (running) return fn(await openLab(name));
  return removingLab(
    name,
    log,
    (signal) => swarmUp({name, log, images, signal}),
    async () => fn(await openLab(name)),
  );
}
