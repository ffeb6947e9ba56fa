// .ci/install-engine.sh upgrades a CI machine that already runs Debian 12's own Engine 20.10
// (issue 16, item 2): it stops that dockerd by its pid, installs and starts the recorded engine,
// images and volumes stay usable, and a second run only checks.
//
// The "machine" is a throw-away Docker-in-Docker container of tests/images/engine-upgrade (built
// once, cached by a content-hash label). The repository's .ci/ is mounted read-only; the host's
// engine .deb cache is mounted read-only and copied in, because the install replaces the folder of
// the engine it fetches. The install fetches the engine .debs from the machine's Debian mirror, as
// on a CI machine that ran 20.10 (it installs from the cache only what is already installed).
//
//   node --import tsx --test tests/integration/engine/upgrade.test.ts
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {createHash, randomBytes} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {dockerOutput, dockerSucceeds, run, type ExecResult} from '../../../tools/core/exec';
import {REPO_ROOT} from '../../../tools/core/repo';
import {labelOf, rebuildReplacing} from '../../../tools/core/project-image';
import {DIND_RUN_FLAGS, PREPARE_MOUNTS_VOLUME} from '../../../tools/standins/dind';

const BASE_IMAGE = 'fieldguide/debian:bookworm';
const IMAGE = 'fieldguide/engine-upgrade-machine';
const IMAGE_DIR = path.join(REPO_ROOT, 'tests/images/engine-upgrade');
const LABEL = 'io.fieldguide.engine-upgrade';
const HASH_LABEL = `${LABEL}.hash`;
const ENGINE_CACHE = '/var/cache/docker-field-guide/engine';
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const recorded = JSON.parse(readFileSync(path.join(REPO_ROOT, 'docker-versions.json'), 'utf8')) as {
  engine: string;
  cli: string;
  compose: string;
  buildx: string;
  packages: Record<string, string>;
};
const engineMajor = recorded.engine.split('.')[0];
/** Debian's "28.5.2+dfsg4" -> "28.5.2", as .ci/record-versions.mjs records it. */
const upstream = (v: string) =>
  v
    .trim()
    .replace(/^\d+:/, '')
    .replace(/[+~-].*$/, '');

const name = `fg-upgrade-${randomBytes(4).toString('hex')}`;
let started = false;
/** The machine's anonymous /var/lib/docker volume, which must go with it. */
let volume = '';

/** Removes the machine and its /var/lib/docker volume; synchronous, so a signal handler can use it. */
function removeMachine(): void {
  if (!started) return;
  spawnSync('docker', ['rm', '--force', '--volumes', name], {stdio: 'ignore'});
  started = false;
}
const onSignal = (signal: NodeJS.Signals) => {
  removeMachine();
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

const log = (line: string) => console.log(`engine-upgrade: ${line}`);

/** Runs a bash command inside the machine; never throws. */
const inMachine = (command: string, timeoutMs = 120_000): Promise<ExecResult> =>
  run('docker', ['exec', name, 'bash', '-c', command], {timeoutMs});
async function sh(command: string): Promise<string> {
  const r = await inMachine(command);
  assert.equal(r.code, 0, `\`${command}\` exited with ${r.code}:\n${r.stdout}${r.stderr}`);
  return r.stdout.trim();
}

async function ensureImage(): Promise<void> {
  if (!(await dockerSucceeds(['image', 'inspect', BASE_IMAGE]))) {
    log(`building ${BASE_IMAGE} (tests/images/base/build.sh)`);
    const r = await run('bash', [path.join(REPO_ROOT, 'tests/images/base/build.sh')], {timeoutMs: 15 * 60_000});
    assert.equal(r.code, 0, `tests/images/base/build.sh failed:\n${r.stderr.slice(-2000)}`);
  }
  const baseId = await dockerOutput(['image', 'inspect', '--format', '{{.Id}}', BASE_IMAGE]);
  const hash = createHash('sha256')
    .update(readFileSync(path.join(IMAGE_DIR, 'Dockerfile')))
    .update(readFileSync(path.join(IMAGE_DIR, 'start-dockerd.sh')))
    .update(baseId)
    .digest('hex');
  if ((await labelOf(IMAGE, HASH_LABEL)) === hash) return;
  log(`building ${IMAGE} (Debian 12 with its docker.io and nodejs)`);
  await rebuildReplacing(IMAGE, async () => {
    await dockerOutput(['build', '--quiet', '--tag', IMAGE, '--label', `${HASH_LABEL}=${hash}`, IMAGE_DIR], {
      timeoutMs: 15 * 60_000,
    });
  });
}

interface Run {
  output: string;
  seconds: number;
}
async function install(which: string): Promise<Run> {
  const t0 = Date.now();
  const r = await inMachine('cd /repo && bash .ci/install-engine.sh 2>&1', INSTALL_TIMEOUT_MS);
  const seconds = (Date.now() - t0) / 1000;
  log(`${which} run of .ci/install-engine.sh: ${seconds.toFixed(1)} s, exit ${r.code}`);
  for (const line of r.stdout.trimEnd().split('\n')) log(`  ${line}`);
  assert.equal(r.code, 0, `${which} run of install-engine.sh exited with ${r.code}:\n${r.stdout}${r.stderr}`);
  return {output: r.stdout, seconds};
}

const serverVersion = () => sh("docker version --format '{{.Server.Version}}'");
const dockerdPid = () => sh('cat /var/run/docker.pid');
const probeFile = () => sh('docker run --rm -v kept:/data upgrade-probe:1 cat /data/file');
const probeImageId = () => sh("docker image inspect --format '{{.Id}}' upgrade-probe:1");

let oldPid = '';
let imageIdBefore = '';
let first: Run | undefined;

before(async () => {
  assert.ok(
    existsSync(path.join(ENGINE_CACHE, engineMajor)),
    `${ENGINE_CACHE}/${engineMajor} is missing: run on a machine where .ci/install-engine.sh ran`,
  );
  const t0 = Date.now();
  await ensureImage();
  log(`image ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  started = true;
  await dockerOutput([
    // --init: a pid 1 that reaps, as a machine's init does; `sleep` as pid 1 would keep the stopped
    // dockerd as a zombie
    'run',
    '--detach',
    '--init',
    '--name',
    name,
    '--label',
    `${LABEL}=${name}`,
    ...DIND_RUN_FLAGS,
    ...PREPARE_MOUNTS_VOLUME,
    '--volume',
    `${path.join(REPO_ROOT, '.ci')}:/repo/.ci:ro`,
    '--volume',
    `${path.join(REPO_ROOT, 'docker-versions.json')}:/mnt/docker-versions.json:ro`,
    '--volume',
    `${ENGINE_CACHE}:/mnt/engine-cache:ro`,
    IMAGE,
  ]);
  volume = await dockerOutput([
    'inspect',
    '--format',
    '{{range .Mounts}}{{if eq .Destination "/var/lib/docker"}}{{.Name}}{{end}}{{end}}',
    name,
  ]);
  oldPid = await sh('start-dockerd.sh');
  assert.match(oldPid, /^\d+$/);
  assert.equal(await dockerdPid(), oldPid);
  assert.match(await serverVersion(), /^20\.10\./);
  // An image made by the 20.10 daemon itself (busybox-static as its whole file system), and a
  // named volume holding a file written by a container of it.
  await sh(
    'mkdir -p /tmp/probe/bin && cp /bin/busybox /tmp/probe/bin/ && for c in sh cat true; do ln -s busybox /tmp/probe/bin/$c; done && ' +
      'tar -C /tmp/probe -c . | docker import --change \'CMD ["true"]\' - upgrade-probe:1 >/dev/null && ' +
      'docker volume create kept >/dev/null && ' +
      "docker run --rm -v kept:/data upgrade-probe:1 sh -c 'echo written-by-20.10 >/data/file'",
  );
  assert.equal(await probeFile(), 'written-by-20.10');
  imageIdBefore = await probeImageId();
  // The machine as CI finds it: the engine .deb cache a previous run filled, the committed versions file.
  await sh(
    `mkdir -p ${path.dirname(ENGINE_CACHE)} && cp -a /mnt/engine-cache ${ENGINE_CACHE} && cp /mnt/docker-versions.json /repo/`,
  );
  log(`machine ${name} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: dockerd 20.10 pid ${oldPid}`);
});

after(async () => {
  removeMachine();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  assert.equal(await dockerSucceeds(['container', 'inspect', name]), false, `${name} is left`);
  assert.equal(await dockerOutput(['ps', '--all', '--filter', `label=${LABEL}=${name}`, '--format', '{{.Names}}']), '');
  if (volume) assert.equal(await dockerSucceeds(['volume', 'inspect', volume]), false, `volume ${volume} is left`);
});

test('the first run stops the 20.10 dockerd by its pid and starts the recorded engine; the image and the volume stay usable', async () => {
  first = await install('first');
  const {output} = first;
  assert.match(
    output,
    new RegExp(
      `dockerd \\(pid ${oldPid}\\) is 20\\.10\\.[^ ]*, the installed one is ${recorded.engine.replace(/\./g, '\\.')}[^:]*: stopping it`,
    ),
    output,
  );
  assert.doesNotMatch(output, /FALLBACK|WARNING/, output);
  assert.equal(
    await sh(`cat /proc/${oldPid}/stat 2>/dev/null || echo gone`),
    'gone',
    `the 20.10 dockerd (pid ${oldPid}) is still there`,
  );
  const newPid = await dockerdPid();
  assert.notEqual(newPid, oldPid);
  assert.equal(await sh(`cat /proc/${newPid}/comm`), 'dockerd');
  assert.equal(upstream(await serverVersion()), recorded.engine);
  assert.equal(upstream(await sh("docker version --format '{{.Client.Version}}'")), recorded.cli);
  assert.equal(await sh('command -v docker'), '/usr/bin/docker');
  assert.equal(await sh("dpkg-query -W -f='${Version}' docker.io"), recorded.packages['docker.io']);
  // what 20.10 stored
  assert.equal(await probeImageId(), imageIdBefore);
  assert.equal(await probeFile(), 'written-by-20.10');
  assert.equal(
    await sh("docker run --rm -v kept:/data upgrade-probe:1 sh -c 'echo written-by-new >>/data/file; cat /data/file'"),
    'written-by-20.10\nwritten-by-new',
  );
  // the versions file names the new engine and matches the committed one
  const written = JSON.parse(await sh('cat /repo/docker-versions.json')) as typeof recorded;
  for (const key of ['engine', 'cli', 'compose', 'buildx'] as const) assert.equal(written[key], recorded[key], key);
  assert.deepEqual(written.packages, recorded.packages);
});

test('a second run only checks: no download, no install, the same dockerd, the same answer', async (t) => {
  if (!first) return t.skip('the first run failed');
  const pidBefore = await dockerdPid();
  const versionsBefore = await sh('cat /repo/docker-versions.json');
  const second = await install('second');
  const {output} = second;
  assert.match(output, new RegExp(`are installed \\(from ${ENGINE_CACHE}/${engineMajor}\\)`), output);
  assert.doesNotMatch(output, /fetching|installing|stopping|starting dockerd|WARNING/, output);
  assert.equal(await dockerdPid(), pidBefore);
  assert.equal(upstream(await serverVersion()), recorded.engine);
  assert.equal(await sh('cat /repo/docker-versions.json'), versionsBefore);
  assert.equal(await probeFile(), 'written-by-20.10\nwritten-by-new');
  // Durations are logged, not judged: a wall-clock comparison in npm test can go red from load alone;
  // that the rerun did nothing is asserted above (nothing fetched, installed or restarted, same pid).
  log(`first run ${first.seconds.toFixed(1)} s, second run ${second.seconds.toFixed(1)} s`);
});
