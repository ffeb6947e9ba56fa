// A fresh Docker engine for one session: a Docker-in-Docker container started clean on a data root
// of its own, removed with it afterwards, also when the run fails or is interrupted.
import {createHash, randomBytes} from 'node:crypto';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {mkdir, rm, rmdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {interruption, registerTeardown} from '../core/teardown';
import {dockerOutput, dockerSucceeds, run, tail, waitFor, type ExecResult} from '../core/exec';
import {labelOf, rebuildReplacing} from '../core/project-image';
import {DIND_RUN_FLAGS} from '../standins/dind';
import {ensureNodeImage} from '../lab/node-image';
import {MAX_NODES} from './session';

export const PREFIX = 'fgts-';
export const LABEL = 'io.fieldguide.transcripts';
/**
 * The engines' data roots and the image seeds (./seed.ts), on the host the engine runs on: bind
 * mounts of a folder of the host's, where a volume could not be filled from a seed before the start.
 */
export const STATE_DIR = '/var/lib/fieldguide-transcripts';
const ENGINES_DIR = path.join(STATE_DIR, 'engines');
const START_TIMEOUT_MS = 90_000;
const HOST_IMAGE = 'fieldguide/transcripts-host';
const HOST_IMAGE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'host-image');
const HASH_LABEL = `${LABEL}.hash`;
/**
 * Each session's engines sit alone on a network of their own subnet, 10.213.<slot>.0/24, the slot
 * taken from the session's id: an engine's address (shown by `docker swarm init`) is the same on
 * every run, the engine inside picks 172.17.0.0/16 for its default bridge as on a reader's host,
 * and sessions with different slots run side by side. Two sessions with one slot take turns.
 */
export function sessionSubnet(sessionId: string): {subnet: string; address: (i: number) => string} {
  const slot = (createHash('sha256').update(sessionId).digest().readUInt32BE(0) % 254) + 1;
  return {subnet: `10.213.${slot}.0/24`, address: (i) => `10.213.${slot}.${2 + i}`};
}
const SUBNET_WAIT_MS = 20 * 60_000;
const COMMAND_TIMEOUT_MS = 5 * 60_000;

const sessionSlug = (sessionId: string) =>
  sessionId
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/** The container name for a session: `fgts-<page>-<session>-<random>`, unique per run. */
export function engineName(sessionId: string): string {
  return `${PREFIX}${sessionSlug(sessionId)}-${randomBytes(3).toString('hex')}`;
}

/** The folder holding a session's engines' data roots, one per container, while they run. */
const sessionDataDir = (sessionId: string) => path.join(ENGINES_DIR, sessionSlug(sessionId));

/**
 * `docker create` arguments: the project's Docker-in-Docker flags (tools/standins/dind.ts), the
 * network and the engine's fixed address on it (a session's) or none (a seed's), a node's host
 * name, the host folder that is the engine's data root. The engine listens on its unix socket only,
 * as a freshly installed one does.
 */
export function engineCreateArgs(
  name: string,
  sessionId: string,
  image: string,
  at: {network: string; address?: string; hostname?: string; dataRoot: string},
): string[] {
  return [
    'create',
    '--name',
    name,
    '--label',
    `${LABEL}=${sessionId}`,
    ...DIND_RUN_FLAGS,
    '--network',
    at.network,
    ...(at.address ? ['--ip', at.address] : []),
    // A node answers to its name on the session's network too, as a host does on a reader's LAN.
    ...(at.hostname ? ['--hostname', at.hostname, '--network-alias', at.hostname] : []),
    '--mount',
    `type=bind,source=${at.dataRoot},target=/var/lib/docker`,
    '--memory',
    '2g',
    '--cpus',
    '1',
    image,
    '--host=unix:///var/run/docker.sock',
  ];
}

/**
 * Removes a session's engine containers, each one's data root once it is gone, then the network.
 * Tries all of it, then throws naming what is left (a data root stays while its engine may run).
 */
async function removeEngines(network: string, containers: string[], dataRoots: string[]): Promise<void> {
  const problems: string[] = [];
  await Promise.all(
    containers.map(async (container, i) => {
      const removed = await run('docker', ['rm', '--force', '--volumes', container]);
      if (removed.code !== 0 && !/no such container/i.test(removed.stderr))
        return void problems.push(`docker rm ${container}: ${tail(removed.stderr, 2)}`);
      await rm(dataRoots[i], {recursive: true, force: true}).catch((err: Error) => problems.push(err.message));
    }),
  );
  // The session's folder goes with its last engine; another run of the same session may still use it.
  await rmdir(path.dirname(dataRoots[0])).catch(() => {});
  const removed = await run('docker', ['network', 'rm', network]);
  if (removed.code !== 0 && !/not found/i.test(removed.stderr))
    problems.push(`docker network rm ${network}: ${tail(removed.stderr, 2)}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
}

/** Makes an engine's data root: a copy of its seed (./seed.ts), else an empty folder. */
async function makeDataRoot(dataRoot: string, seed: string | undefined): Promise<void> {
  await mkdir(path.dirname(dataRoot), {recursive: true});
  if (!seed) return void (await mkdir(dataRoot));
  const copied = await run('cp', ['--archive', seed, dataRoot], {stopOnInterrupt: true});
  if (copied.code !== 0) throw new Error(`copying the seed ${seed} to ${dataRoot}: ${tail(copied.stderr, 3)}`);
}

/** Creates the session's network, waiting while another session holds its subnet. */
async function createNetwork(
  name: string,
  sessionId: string,
  subnet: string,
  log: (line: string) => void,
): Promise<void> {
  const args = ['network', 'create', '--label', `${LABEL}=${sessionId}`, '--subnet', subnet, name];
  let waiting = false;
  const result = await waitFor(
    `the subnet ${subnet} (another transcript session holds it)`,
    async () => {
      const attempt = await run('docker', args);
      if (attempt.code === 0 || !/overlap/i.test(attempt.stderr)) return attempt;
      if (!waiting) {
        log(`waiting for ${subnet}: another transcript session holds it`);
        waiting = true;
      }
      return undefined;
    },
    {timeoutMs: SUBNET_WAIT_MS, intervalMs: 2000, signal: interruption},
  );
  if (result.code !== 0) throw new Error(`docker network create ${name}: ${result.stderr.trim()}`);
}

export interface Engine {
  name: string;
  /**
   * Runs one shell command in `dir` inside the engine container; stdout and stderr as one stream.
   * With `input`, the command runs on a terminal and each line is typed after a shell prompt.
   */
  run(command: string, dir: string, input?: string[], env?: Record<string, string>): Promise<ExecResult>;
  versions(): Promise<{engine: string; compose: string | null}>;
}

export async function waitForEngine(name: string): Promise<void> {
  await waitFor(
    `the engine in ${name}`,
    async () => ((await dockerSucceeds(['exec', name, 'docker', 'info'])) ? true : undefined),
    {timeoutMs: START_TIMEOUT_MS},
  );
  await dockerOutput(['exec', name, 'mkdir', '-p', '/work']);
}

export interface EngineSettings {
  /** Each engine's /etc/docker/daemon.json from its first start. */
  daemon?: Record<string, unknown>;
  /** Per engine, in order: the seed whose copy is its data root (./seed.ts); none starts empty. */
  seeds?: readonly (string | undefined)[];
}

/**
 * Starts a session's fresh engines on its own network and hands them to `use`, in order: one per
 * node of a multi-node session (container `fgts-<page>-<session>-<random>-<node>`, host name the
 * node's, address `sessionSubnet(id).address(i)`), else one (`fgts-<page>-<session>-<random>`, at
 * address(0)). Each has a data root of its own in the session's folder under STATE_DIR. Removes
 * them all, with their data roots and the network, afterwards whatever happens — also on
 * SIGINT/SIGTERM.
 */
export async function withEngines<T>(
  sessionId: string,
  nodes: readonly string[] | undefined,
  log: (line: string) => void,
  use: (engines: Engine[]) => Promise<T>,
  settings: EngineSettings = {},
): Promise<T> {
  if (nodes && (nodes.length === 0 || nodes.length > MAX_NODES))
    throw new Error(`a session has 1 to ${MAX_NODES} nodes, not ${nodes.length}`);
  const tag = await ensureHostImage(log);
  const network = engineName(sessionId);
  const {subnet, address} = sessionSubnet(sessionId);
  const containers = nodes ? nodes.map((node) => `${network}-${node}`) : [network];
  const dataRoots = containers.map((c) => path.join(sessionDataDir(sessionId), c));
  let creating: Promise<void> = Promise.resolve();
  // Registered before anything is created, so a half-created session is removed too. On a signal it
  // first waits for the creation under way, which stops at its next step: nothing is made after the
  // removal has run.
  const teardown = registerTeardown(
    network,
    async () => {
      await creating.catch(() => {});
      await removeEngines(network, containers, dataRoots);
    },
    {log},
  );
  const step = <R>(make: () => Promise<R>) => (interruption.throwIfAborted(), make());
  try {
    creating = (async () => {
      await step(() => createNetwork(network, sessionId, subnet, log));
      for (const [i, container] of containers.entries()) {
        await step(() => makeDataRoot(dataRoots[i], settings.seeds?.[i]));
        const at = {network, address: address(i), hostname: nodes?.[i], dataRoot: dataRoots[i]};
        await step(() => dockerOutput(engineCreateArgs(container, sessionId, tag, at)));
        const {daemon} = settings;
        if (daemon) await step(() => writeDaemonConfig(container, daemon));
      }
      await step(() => Promise.all(containers.map((c) => dockerOutput(['start', c]))));
    })();
    await creating;
    await Promise.all(containers.map(waitForEngine));
    return await use(containers.map(engineHandle));
  } finally {
    await teardown.run();
  }
}

/** Puts daemon.json into the created, not yet started, engine container (`docker cp` of a tar stream). */
export async function writeDaemonConfig(name: string, config: Record<string, unknown>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fgts-daemon-'));
  try {
    writeFileSync(path.join(dir, 'daemon.json'), `${JSON.stringify(config, null, 2)}\n`);
    await dockerOutput(['cp', path.join(dir, 'daemon.json'), `${name}:/etc/docker/daemon.json`]);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

let hostImage: Promise<string> | undefined;

/** The session host image, built once per process however many sessions start at the same time. */
export function ensureHostImage(log: (line: string) => void): Promise<string> {
  hostImage ??= buildHostImage(log).catch((err: unknown) => {
    hostImage = undefined; // a later session tries again
    throw err;
  });
  return hostImage;
}

/** Builds the session host image on the engine image unless one built from the same inputs is there. */
async function buildHostImage(log: (line: string) => void): Promise<string> {
  const engineImage = (await ensureNodeImage(log)).tag;
  const engineId = await dockerOutput(['image', 'inspect', '--format', '{{.Id}}', engineImage]);
  const hash = createHash('sha256')
    .update(readFileSync(path.join(HOST_IMAGE_DIR, 'Dockerfile')))
    .update(engineId)
    .digest('hex');
  if ((await labelOf(HOST_IMAGE, HASH_LABEL)) === hash) return HOST_IMAGE;
  log(`${HOST_IMAGE}: building (${engineImage} plus curl, ping and expect)`);
  await rebuildReplacing(HOST_IMAGE, async () => {
    await dockerOutput([
      'build',
      '-t',
      HOST_IMAGE,
      '--label',
      `${HASH_LABEL}=${hash}`,
      '--build-arg',
      `ENGINE_IMAGE=${engineImage}`,
      HOST_IMAGE_DIR,
    ]);
  });
  return HOST_IMAGE;
}

/**
 * An expect script: runs $FGTS_COMMAND on a terminal, types each line of $FGTS_INPUT after a `# ` or
 * `$ ` prompt. BusyBox's shell follows its prompt with a cursor position query (ESC [6n); it reads
 * the answer only if one comes, so none is sent.
 */
const TYPE_ON_TERMINAL = `
set timeout 60
spawn -noecho bash -c $env(FGTS_COMMAND)
foreach line [split $env(FGTS_INPUT) "\\n"] {
  expect {
    -re {[#$] (\x1b\\[6n)?$} { send -- "$line\\r" }
    timeout { puts "(no prompt for: $line)"; exit 124 }
  }
}
expect eof
lassign [wait] pid spawnid os_error status
exit $status
`;

/** A terminal control sequence (CSI: ESC [ parameters letter). */
// eslint-disable-next-line no-control-regex -- the escape character is what it matches
const TERMINAL_CONTROL = /\x1b\[[0-9;?]*[A-Za-z]/g;

function engineHandle(name: string): Engine {
  return {
    name,
    run: async (command, dir, input, vars = {}) => {
      const given = Object.entries(vars).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
      if (!input)
        return run('docker', ['exec', '--workdir', dir, ...given, name, 'bash', '-c', `exec 2>&1\n${command}`], {
          timeoutMs: COMMAND_TIMEOUT_MS,
          stopOnInterrupt: true,
        });
      const env = [...given, '--env', `FGTS_COMMAND=${command}`, '--env', `FGTS_INPUT=${input.join('\n')}`];
      const result = await run('docker', ['exec', '--workdir', dir, ...env, name, 'expect', '-c', TYPE_ON_TERMINAL], {
        timeoutMs: COMMAND_TIMEOUT_MS,
        stopOnInterrupt: true,
      });
      // The terminal ends lines with CR LF; its control sequences (the cursor query above) are not
      // text a reader sees.
      return {...result, stdout: result.stdout.replace(/\r\n/g, '\n').replace(TERMINAL_CONTROL, '')};
    },
    versions: async () => {
      const engine = await dockerOutput(['exec', name, 'docker', 'version', '--format', '{{.Server.Version}}']);
      const compose = await run('docker', ['exec', name, 'docker', 'compose', 'version', '--short']);
      return {engine, compose: compose.code === 0 ? compose.stdout.trim().replace(/^v/, '') : null};
    },
  };
}

/** Copies a folder of the repository into the engine container at `dir`. */
export async function copyFolder(engine: Engine, from: string, dir: string): Promise<void> {
  await dockerOutput(['exec', engine.name, 'mkdir', '-p', dir]);
  await dockerOutput(['cp', `${from}/.`, `${engine.name}:${dir}`]);
}

/**
 * Containers, networks and data roots of one session's engines on the host (tests check none is
 * left); by session, so that the check cannot see another session running at the same time.
 */
export async function leftoverEngines(sessionId: string): Promise<string[]> {
  const filter = `label=${LABEL}=${sessionId}`;
  const containers = await dockerOutput(['ps', '--all', '--filter', filter, '--format', '{{.Names}}']);
  const networks = await dockerOutput(['network', 'ls', '--filter', filter, '--format', '{{.Name}}']);
  const dir = sessionDataDir(sessionId);
  const dataRoots = existsSync(dir) ? [dir, ...readdirSync(dir).map((d) => path.join(dir, d))] : [];
  return [
    ...containers.split('\n'),
    ...networks.split('\n').map((n) => n && `network ${n}`),
    ...dataRoots.map((d) => `data root ${d}`),
  ].filter(Boolean);
}
