// Offline stand-ins for official Docker Hub images (see README.md beside this file).
// The runner asks for an image by the reference an example uses; ensureImage() makes it
// present on the engine: the image already there, else the real one pulled, else a stand-in
// built from tests/images/<folder> on top of fieldguide/debian:bookworm and tagged as that
// very reference, so compose files stay exactly what a reader copies.
import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {REPO_ROOT} from '../core/repo';
import {run, tail, type ExecResult} from '../core/exec';
import {parseImageRef, type ImageRef} from '../core/image-ref';
import {imageLabels, rebuildReplacing} from '../core/project-image';

/** The stand-ins' folders, one per image (tests/images/<folder>): test doubles, so they live with the tests. */
export const IMAGES_DIR = path.join(REPO_ROOT, 'tests/images');
const BASE_SCRIPT = path.join(IMAGES_DIR, 'base', 'build.sh');

export const BASE_IMAGE = 'fieldguide/debian:bookworm';
export const LABEL_STANDIN = 'org.fieldguide.standin';
export const LABEL_HASH = 'org.fieldguide.standin.hash';
/** Set by tests/images/base/build.sh on the base image, so inherited by every stand-in. */
export const LABEL_BASE_HASH = 'org.fieldguide.base.hash';

/** Where .ci/install-engine.sh keeps each engine major's .debs (a folder per major). */
export const ENGINE_DEBS_DIR = '/var/cache/docker-field-guide/engine';

const PULL_TIMEOUT_MS = 20_000;
const BUILD_TIMEOUT_MS = 20 * 60_000;

export interface EnsuredImage {
  ref: string;
  /** true when the image on the engine is one of our stand-ins, not the real image. */
  standin: boolean;
  /** true when this call built it. */
  built: boolean;
}

export type Log = (line: string) => void;

/** The stand-in folder name for an official image, or undefined. */
function standinFolder(ref: ImageRef): string | undefined {
  if (ref.registry !== 'docker.io' || !ref.repository.startsWith('library/')) return undefined;
  const name = ref.repository.slice('library/'.length);
  if (name.includes('/')) return undefined;
  // docker:*-dind is the engine; the plain docker:* (CLI) image has no stand-in.
  if (name === 'docker') return ref.tag?.includes('dind') ? 'dind' : undefined;
  if (name === 'base' || name === 'dind') return undefined;
  return name;
}

/**
 * The stand-in folder (relative to the repository root, e.g. "tests/images/mysql") for the
 * official image a reference names, or undefined when there is none.
 */
export function standinFor(imageRef: string): string | undefined {
  const folder = standinFolder(parseImageRef(imageRef));
  if (!folder || !existsSync(path.join(IMAGES_DIR, folder, 'Dockerfile'))) return undefined;
  return `tests/images/${folder}`;
}

/**
 * Build contexts a stand-in needs beyond its folder, by name: the dind stand-in installs the engine
 * .debs of its tag's major (`docker:28-dind` → ENGINE_DEBS_DIR/28), the very files the host runs.
 */
export function standinContexts(imageRef: string, engineDebsDir = ENGINE_DEBS_DIR): Record<string, string> {
  if (standinFor(imageRef) !== 'tests/images/dind') return {};
  const major = parseImageRef(imageRef).tag?.match(/^(\d+)-dind/)?.[1];
  if (!major) throw new Error(`${imageRef}: the dind stand-in needs the engine major in its tag (docker:<major>-dind)`);
  const debs = path.join(engineDebsDir, major);
  if (!existsSync(debs) || !readdirSync(debs).some((f) => f.startsWith('docker.io_'))) {
    throw new Error(`${imageRef}: no Engine ${major} .debs in ${debs} (.ci/install-engine.sh fetches them)`);
  }
  return {engine: debs};
}

function absolute(dir: string): string {
  return path.isAbsolute(dir) ? dir : path.join(REPO_ROOT, dir);
}

function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), {withFileTypes: true})) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else out.push(rel);
  }
  return out;
}

/** Hash of the base image's build script: the base image is rebuilt when it changes. */
export function baseHash(): string {
  return createHash('sha256').update(readFileSync(BASE_SCRIPT)).digest('hex');
}

/**
 * Hash of a stand-in folder: every file's path, executable bit and content, plus the base
 * image's hash and the names of the files in its other build contexts (versioned .debs).
 * A stand-in on the engine with another hash is out of date.
 */
export function standinHash(dir: string, contexts: Record<string, string> = {}): string {
  const root = absolute(dir);
  const hash = createHash('sha256');
  hash.update(`base ${baseHash()}\n`);
  for (const [name, contextDir] of Object.entries(contexts).sort()) {
    hash.update(`context ${name}\0${readdirSync(contextDir).sort().join('\0')}\n`);
  }
  for (const rel of filesUnder(root).sort()) {
    const file = path.join(root, rel);
    const executable = (statSync(file).mode & 0o111) !== 0;
    const content = readFileSync(file);
    hash.update(`${rel}\0${executable ? 'x' : '-'}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

export type LocalDecision = 'use-local' | 'use-standin' | 'stale-standin' | 'absent';

/**
 * What to do with what the engine has under a reference. `labels` is null when the image is
 * absent; `expectedHash` is undefined when the reference has no stand-in. An image built on
 * our base (it carries the base's label) is ours, and is used only while its stand-in hash
 * matches; any other image is the real one and is used as it is.
 */
export function decideLocal(labels: Record<string, string> | null, expectedHash: string | undefined): LocalDecision {
  if (labels === null) return 'absent';
  if (expectedHash === undefined) return 'use-local';
  const ours = LABEL_STANDIN in labels || LABEL_BASE_HASH in labels;
  if (!ours) return 'use-local';
  return labels[LABEL_HASH] === expectedHash ? 'use-standin' : 'stale-standin';
}

/** A command's output for an error message: stdout, then stderr (where a build prints its progress). */
const output = (r: ExecResult) => `${r.stdout}${r.stderr}`;

/** Non-blank lines to `log`. */
const toLog = (log: Log) => (line: string) => void (line.trim() && log(line));

/**
 * Stand-in builds at once. A build mostly waits on the package mirror and the disk (apt downloads,
 * dpkg unpacking), so several side by side finish sooner than one after another: every stand-in on a
 * fresh engine took 381 s one at a time, 311 s three at a time, 269 s five at a time (README
 * "Measured figures"); five also starts the longest (wordpress) before the short ones are done.
 */
const BUILDS_AT_ONCE = 5;
let buildsRunning = 0;
const buildsWaiting: (() => void)[] = [];

/** Runs `task` when fewer than BUILDS_AT_ONCE builds are running. */
async function inBuildSlot<T>(task: () => Promise<T>): Promise<T> {
  if (buildsRunning >= BUILDS_AT_ONCE) await new Promise<void>((start) => buildsWaiting.push(start));
  else buildsRunning++;
  try {
    return await task();
  } finally {
    // The slot passes straight to the next waiting build, or is freed.
    const next = buildsWaiting.shift();
    if (next) next();
    else buildsRunning--;
  }
}

let baseReady: Promise<void> | undefined;
/** Builds fieldguide/debian:bookworm unless it is up to date (the script itself checks). */
function ensureBase(log: Log): Promise<void> {
  if (!baseReady) {
    // Every stand-in is built on the base, so it is built first and alone (each build awaits it).
    baseReady = inBuildSlot(() =>
      rebuildReplacing(BASE_IMAGE, async () => {
        const r = await run('bash', [BASE_SCRIPT], {cwd: REPO_ROOT, timeoutMs: BUILD_TIMEOUT_MS, onLine: toLog(log)});
        if (r.code !== 0) {
          throw new Error(
            `building the base image ${BASE_IMAGE} failed (${r.timedOut ? 'timed out' : `exit ${r.code}`}):\n${tail(output(r), 30)}`,
          );
        }
      }),
    );
    // a failed build is retried by the next caller
    baseReady.catch(() => {
      baseReady = undefined;
    });
  }
  return baseReady;
}

async function buildStandin(
  ref: string,
  dir: string,
  contexts: Record<string, string>,
  hash: string,
  log: Log,
): Promise<void> {
  await ensureBase(log);
  await inBuildSlot(async () => {
    const folder = path.basename(dir);
    log(`${ref}: building the stand-in from ${dir}`);
    const started = Date.now();
    await rebuildReplacing(ref, async () => {
      const r = await run(
        'docker',
        [
          'build',
          '-t',
          ref,
          '--label',
          `${LABEL_STANDIN}=${folder}`,
          '--label',
          `${LABEL_HASH}=${hash}`,
          ...Object.entries(contexts).flatMap(([name, contextDir]) => ['--build-context', `${name}=${contextDir}`]),
          absolute(dir),
        ],
        {cwd: REPO_ROOT, timeoutMs: BUILD_TIMEOUT_MS},
      );
      if (r.code !== 0) {
        throw new Error(
          `${ref}: building the stand-in from ${dir} failed (${r.timedOut ? 'timed out' : `exit ${r.code}`}):\n${tail(output(r), 30)}`,
        );
      }
    });
    log(`${ref}: stand-in built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}

async function ensure(ref: string, log: Log): Promise<EnsuredImage> {
  const dir = standinFor(ref);
  const contexts = standinContexts(ref);
  const hash = dir ? standinHash(dir, contexts) : undefined;
  const local = decideLocal(await imageLabels(ref), hash);
  if (local === 'use-local') return {ref, standin: false, built: false};
  if (local === 'use-standin') {
    log(`${ref}: using the stand-in from ${dir} (up to date)`);
    return {ref, standin: true, built: false};
  }
  if (local === 'stale-standin') log(`${ref}: the stand-in on the engine is out of date`);

  const pull = await run('docker', ['pull', ref], {timeoutMs: PULL_TIMEOUT_MS});
  if (pull.code === 0) {
    log(`${ref}: pulled the real image`);
    return {ref, standin: false, built: false};
  }
  const why = pull.timedOut ? `no answer in ${PULL_TIMEOUT_MS / 1000} s` : tail(output(pull), 1);
  if (!dir || !hash) {
    throw new Error(`${ref}: not on this engine, cannot be pulled (${why}), and tests/images/ has no stand-in for it`);
  }
  log(`${ref}: cannot be pulled (${why}); using an offline stand-in`);
  await buildStandin(ref, dir, contexts, hash, log);
  return {ref, standin: true, built: true};
}

const inFlight = new Map<string, Promise<EnsuredImage>>();

/**
 * Makes `ref` present on the engine: the local image if it is real or an up-to-date stand-in,
 * else the real image by `docker pull`, else the stand-in built and tagged as `ref`.
 * Rejects with a message naming the reference when none of these works.
 */
export function ensureImage(ref: string, log: Log): Promise<EnsuredImage> {
  let p = inFlight.get(ref);
  if (!p) {
    p = ensure(ref, log).finally(() => inFlight.delete(ref));
    inFlight.set(ref, p);
  }
  return p;
}
