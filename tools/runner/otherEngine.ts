// `up --engine MAJOR`: the examples on another engine major, as a reader with that Docker installed
// would run them. A fresh Docker-in-Docker engine of that major (docker:<major>-dind, its stand-in
// built from the .debs install-engine.sh cached), the same major's CLI and Compose (unpacked from
// those .debs), and the runner itself started inside the engine container's network namespace, so
// that 127.0.0.1-bound published ports, http checks and scripts behave as on the reader's machine.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, symlinkSync} from 'node:fs';
import {join} from 'node:path';
import {DIND_RUN_FLAGS} from '../standins/dind';
import {ENGINE_DEBS_DIR, LABEL_STANDIN, standinFor} from '../standins/standins';
import {registerTeardown} from '../core/teardown';
import {hostDocker, run, runOk} from './exec';
import {sleep, tail} from '../core/exec';
import {ensureImage} from './images';
import {RUNNER_LABEL, uniqueName} from './names';

const ENGINE_WAIT_MS = 120_000;

/** The unpacked client of an engine major: its `docker` and its CLI plugins (Compose, buildx). */
export interface EngineClient {
  bin: string;
  /** A DOCKER_CONFIG folder whose cli-plugins are that major's. */
  config: string;
}

/** Unpacks the major's docker-cli, docker-compose and docker-buildx .debs once, next to them. */
export function unpackClient(major: string, debsDir = join(ENGINE_DEBS_DIR, major)): EngineClient {
  const debs = existsSync(debsDir) ? readdirSync(debsDir) : [];
  const wanted = ['docker-cli_', 'docker-compose_', 'docker-buildx_'].map((prefix) =>
    debs.find((f) => f.startsWith(prefix)),
  );
  if (wanted.some((f) => !f))
    throw new Error(`no Engine ${major} client .debs in ${debsDir} (.ci/install-engine.sh fetches them)`);
  const root = join(debsDir, 'client');
  if (!existsSync(join(root, 'usr/bin/docker'))) {
    for (const deb of wanted) execFileSync('dpkg-deb', ['-x', join(debsDir, deb!), root]);
  }
  const config = join(root, 'docker-config');
  const plugins = join(config, 'cli-plugins');
  if (!existsSync(plugins)) {
    mkdirSync(plugins, {recursive: true});
    for (const plugin of ['docker-compose', 'docker-buildx'])
      symlinkSync(join(root, 'usr/libexec/docker/cli-plugins', plugin), join(plugins, plugin));
  }
  return {bin: join(root, 'usr/bin'), config};
}

async function waitForEngine(container: string): Promise<string> {
  const deadline = Date.now() + ENGINE_WAIT_MS;
  for (;;) {
    const r = await hostDocker(['exec', container, 'docker', 'version', '--format', '{{.Server.Version}}'], {
      timeoutMs: 15_000,
    });
    if (r.code === 0) return r.stdout.trim();
    const state = await hostDocker(['inspect', '--format', '{{.State.Status}}', container], {timeoutMs: 15_000});
    if (state.stdout.trim() !== 'running' || Date.now() > deadline) {
      const logs = await hostDocker(['logs', '--tail', '20', container], {timeoutMs: 15_000});
      throw new Error(
        `the engine in ${container} did not answer (${state.stdout.trim() || 'gone'}):\n${tail(logs.stdout + logs.stderr, 20)}`,
      );
    }
    await sleep(1000);
  }
}

/**
 * The stand-ins this machine has (not the engines themselves), loaded into the engine: the inner
 * runner then finds them up to date instead of building them again. One it lacks is built there.
 */
async function loadStandins(container: string, engineImage: string, log: (s: string) => void): Promise<void> {
  const listed = await hostDocker(
    ['image', 'ls', '--filter', `label=${LABEL_STANDIN}`, '--format', '{{.Repository}}:{{.Tag}}'],
    {timeoutMs: 30_000},
  );
  // Images built FROM a stand-in carry its label too. The engine's own docker:<major>-dind is not
  // loaded; other majors are, for the examples that start an engine of their own (chapter 0.5's
  // daemon-json-trial and remote-context): without it the engine inside builds that stand-in from
  // mmdebstrap up, minutes longer than the load.
  const refs = [...new Set(listed.stdout.split('\n').filter((ref) => standinFor(ref) && ref !== engineImage))];
  if (refs.length === 0) return;
  log(`loading ${refs.length} images into ${container}: ${refs.join(', ')}`);
  await runOk(
    'bash',
    [
      '-c',
      'set -o pipefail; docker save "${@:2}" | docker exec -i "$1" docker load --quiet',
      'load',
      container,
      ...refs,
    ],
    {timeoutMs: 15 * 60_000},
  );
}

/**
 * Starts a fresh engine of `major`, loads the project's images into it and runs `up` with `args`
 * (names, --json…) inside its network namespace with that major's client. The examples folder is
 * mounted at the same path inside, since bind mounts and file secrets name host paths that the
 * engine resolves in its own file system. Resolves to the inner runner's exit code; the engine
 * container is removed whatever happens.
 */
export async function upOnOtherEngine(
  major: string,
  examplesDir: string,
  args: string[],
  log: (s: string) => void,
): Promise<number> {
  const client = unpackClient(major);
  const image = `docker:${major}-dind`;
  await ensureImage(image, log);
  const container = uniqueName(`engine${major}`);
  const teardown = registerTeardown(
    container,
    async () => {
      await hostDocker(['rm', '--force', '--volumes', container], {timeoutMs: 60_000, survivesInterrupt: true});
    },
    {log},
  );
  try {
    await runOk(
      'docker',
      [
        'run',
        '--detach',
        '--name',
        container,
        '--label',
        `${RUNNER_LABEL}=${container}`,
        ...DIND_RUN_FLAGS,
        '--volume',
        `${examplesDir}:${examplesDir}`,
        image,
      ],
      {timeoutMs: 60_000},
    );
    log(`engine ${await waitForEngine(container)} answers in ${container}`);
    await loadStandins(container, image, log);
    const pid = (await runOk('docker', ['inspect', '--format', '{{.State.Pid}}', container])).stdout.trim();
    const env = {
      ...process.env,
      PATH: `${client.bin}:${process.env.PATH}`,
      DOCKER_CONFIG: client.config,
      DOCKER_HOST: 'tcp://127.0.0.1:2375',
    };
    const inner = await run(
      'nsenter',
      [
        '--target',
        pid,
        '--net',
        '--',
        process.execPath,
        '--import',
        'tsx',
        'tools/runner/cli.ts',
        'up',
        ...args,
        '--examples',
        examplesDir,
      ],
      {
        env,
        onLine: (line) => process.stdout.write(`${line}\n`),
      },
    );
    return inner.code ?? 1;
  } finally {
    await teardown.run();
  }
}
