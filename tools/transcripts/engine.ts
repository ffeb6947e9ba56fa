// A fresh Docker engine for one session: a Docker-in-Docker container started clean, removed with
// its volume afterwards, also when the run fails or is interrupted.
import {createHash, randomBytes} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {interruption, registerTeardown} from '../core/teardown';
import {dockerOutput, dockerSucceeds, run, waitFor, type ExecResult} from '../core/exec';
import {copyImages} from '../core/image-copy';
import {labelOf, rebuildReplacing} from '../core/project-image';
import {DIND_RUN_FLAGS} from '../standins/dind';
import {ensureNodeImage} from '../lab/node-image';
import {MAX_NODES} from './session';

export const PREFIX = 'fgts-';
export const LABEL = 'io.fieldguide.transcripts';
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

/** The container name for a session: `fgts-<page>-<session>-<random>`, unique per run. */
export function engineName(sessionId: string): string {
  const slug = sessionId
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${PREFIX}${slug}-${randomBytes(3).toString('hex')}`;
}

/**
 * `docker create` arguments: the project's Docker-in-Docker flags (tools/standins/dind.ts), the
 * session's network and the engine's fixed address on it, a node's host name. The engine listens on
 * its unix socket only, as a freshly installed one does.
 */
export function engineCreateArgs(
  name: string,
  sessionId: string,
  image: string,
  at: {network: string; address: string; hostname?: string},
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
    '--ip',
    at.address,
    ...(at.hostname ? ['--hostname', at.hostname] : []),
    '--memory',
    '2g',
    '--cpus',
    '1',
    image,
    '--host=unix:///var/run/docker.sock',
  ];
}

/** Removes a session's engine containers with their volumes, then its network. */
async function removeEngines(network: string, containers: string[]): Promise<void> {
  await Promise.all(containers.map((c) => run('docker', ['rm', '--force', '--volumes', c])));
  await run('docker', ['network', 'rm', network]);
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

async function waitForEngine(name: string): Promise<void> {
  await waitFor(
    `the engine in ${name}`,
    async () => ((await dockerSucceeds(['exec', name, 'docker', 'info'])) ? true : undefined),
    {timeoutMs: START_TIMEOUT_MS},
  );
  await dockerOutput(['exec', name, 'mkdir', '-p', '/work']);
}

/**
 * Starts a session's fresh engines on its own network and hands them to `use`, in order: one per
 * node of a multi-node session (container `fgts-<page>-<session>-<random>-<node>`, host name the
 * node's, address `sessionSubnet(id).address(i)`), else one (`fgts-<page>-<session>-<random>`, at
 * address(0)). With `daemonConfig`, that is each engine's /etc/docker/daemon.json from its first
 * start. Removes them all, with their volumes and the network, afterwards whatever happens — also
 * on SIGINT/SIGTERM.
 */
export async function withEngines<T>(
  sessionId: string,
  nodes: readonly string[] | undefined,
  log: (line: string) => void,
  use: (engines: Engine[]) => Promise<T>,
  daemonConfig?: Record<string, unknown>,
): Promise<T> {
  if (nodes && (nodes.length === 0 || nodes.length > MAX_NODES))
    throw new Error(`a session has 1 to ${MAX_NODES} nodes, not ${nodes.length}`);
  const tag = await ensureHostImage(log);
  const network = engineName(sessionId);
  const {subnet, address} = sessionSubnet(sessionId);
  const containers = nodes ? nodes.map((node) => `${network}-${node}`) : [network];
  let creating: Promise<void> = Promise.resolve();
  // Registered before anything is created, so a half-created session is removed too. On a signal it
  // first waits for the creation under way, which stops at its next step: nothing is made after the
  // removal has run.
  const teardown = registerTeardown(
    network,
    async () => {
      await creating.catch(() => {});
      await removeEngines(network, containers);
    },
    {log},
  );
  const step = <R>(make: () => Promise<R>) => (interruption.throwIfAborted(), make());
  try {
    creating = (async () => {
      await step(() => createNetwork(network, sessionId, subnet, log));
      for (const [i, container] of containers.entries()) {
        await step(() =>
          dockerOutput(
            engineCreateArgs(container, sessionId, tag, {network, address: address(i), hostname: nodes?.[i]}),
          ),
        );
        if (daemonConfig) await step(() => writeDaemonConfig(container, daemonConfig));
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
async function writeDaemonConfig(name: string, config: Record<string, unknown>): Promise<void> {
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
function ensureHostImage(log: (line: string) => void): Promise<string> {
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

/** Copies the session's images from the host engine into all its engines at once (tools/core/image-copy.ts). */
export function loadImages(engines: Engine[], images: string[]): Promise<void> {
  return copyImages(
    images,
    engines.map((e) => e.name),
    interruption,
  );
}

/** Copies a folder of the repository into the engine container at `dir`. */
export async function copyFolder(engine: Engine, from: string, dir: string): Promise<void> {
  await dockerOutput(['exec', engine.name, 'mkdir', '-p', dir]);
  await dockerOutput(['cp', `${from}/.`, `${engine.name}:${dir}`]);
}

/**
 * Containers and networks of one session's engines on the host engine (tests check none is left);
 * by session, so that the check cannot see another session running at the same time.
 */
export async function leftoverEngines(sessionId: string): Promise<string[]> {
  const filter = `label=${LABEL}=${sessionId}`;
  const containers = await dockerOutput(['ps', '--all', '--filter', filter, '--format', '{{.Names}}']);
  const networks = await dockerOutput(['network', 'ls', '--filter', filter, '--format', '{{.Name}}']);
  return [...containers.split('\n'), ...networks.split('\n').map((n) => n && `network ${n}`)].filter(Boolean);
}
