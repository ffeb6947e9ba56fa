// Image seeds: the data root of a fresh engine that loaded exactly one set of images and stopped,
// made once per set and copied for every engine that needs that set. `docker load` was the costly
// part of starting a session (the python stand-in, 211 MB: about 9 CPU-seconds, Engine 28 opening
// each path component of each file it unpacks); a plain copy of the loaded data root takes under a
// second. A copy, not hard links: files in an image would show a link count that depends on how
// many sessions run at once, and the engine writes some of its databases in place.
import {createHash, randomBytes} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {mkdir, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {copyImages} from '../core/image-copy';
import {dockerOutput, run, tail} from '../core/exec';
import {interruption, registerTeardown} from '../core/teardown';
import {ensureArm64Variant, loadTwoPlatform} from '../standins/platforms';
import {engineCreateArgs, ensureHostImage, PREFIX, STATE_DIR, waitForEngine, writeDaemonConfig} from './engine';

const SEEDS_DIR = path.join(STATE_DIR, 'seeds');
/** A seed is a folder: the engine's data root in `data`, what it was made from in `spec.json`, written last. */
const DATA = 'data';
const SPEC_FILE = 'spec.json';
/** A half-made seed older than this was left by a killed process. */
const ABANDONED_MS = 60 * 60_000;
const STOP_SECONDS = 60;

export interface SeedSpec {
  /** Host references loaded as they are. */
  images: string[];
  /** Host references loaded as two-platform images (tools/standins/platforms.ts). */
  twoPlatform: string[];
  /** The engine's daemon.json while it loads (the containerd image store changes the data root). */
  daemon?: Record<string, unknown>;
}

/**
 * What a seed is made from, down to image IDs: a rebuilt stand-in or engine image makes a new seed.
 * The images sorted: one seed for one set, whatever order a session names it in.
 */
async function seedKey(spec: SeedSpec, engineImage: string, log: (line: string) => void): Promise<string> {
  const id = (ref: string) => dockerOutput(['image', 'inspect', '--format', '{{.Id}}', ref]);
  const inputs = {
    engine: await id(engineImage),
    daemon: spec.daemon ?? null,
    images: await Promise.all([...spec.images].sort().map(async (ref) => [ref, await id(ref)])),
    twoPlatform: await Promise.all(
      [...spec.twoPlatform]
        .sort()
        .map(async (ref) => [ref, await id(ref), await id(await ensureArm64Variant(ref, log))]),
    ),
  };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}

const made = new Map<string, Promise<string>>();
let pruned = false;

/**
 * The data root of the seed for `spec`, made now unless it is there (once per process however many sessions ask at
 * the same time; another process making the same one at once is harmless, the first rename wins).
 * Undefined when there is nothing to load: such an engine starts on an empty data root.
 */
export async function ensureSeed(spec: SeedSpec, log: (line: string) => void): Promise<string | undefined> {
  if (spec.images.length === 0 && spec.twoPlatform.length === 0) return undefined;
  const engineImage = await ensureHostImage(log);
  const key = await seedKey(spec, engineImage, log);
  let seed = made.get(key);
  if (!seed) {
    const dir = path.join(SEEDS_DIR, key);
    seed = existsSync(path.join(dir, SPEC_FILE))
      ? Promise.resolve(path.join(dir, DATA))
      : makeSeed(spec, engineImage, dir, log);
    seed.catch(() => made.delete(key)); // a later session tries again
    made.set(key, seed);
  }
  return seed;
}

/** Starts an engine on an empty data root with no network, loads the images, stops it cleanly. */
async function makeSeed(
  spec: SeedSpec,
  engineImage: string,
  dir: string,
  log: (line: string) => void,
): Promise<string> {
  const started = Date.now();
  const what = [...spec.images, ...spec.twoPlatform.map((ref) => `${ref} (two platforms)`)].join(', ');
  log(`seed for ${what}: loading into a fresh engine`);
  const name = `${PREFIX}seed-${path.basename(dir).slice(0, 12)}-${randomBytes(3).toString('hex')}`;
  const work = path.join(SEEDS_DIR, `.${name}`);
  const teardown = registerTeardown(
    name,
    async () => {
      await run('docker', ['rm', '--force', name]);
      await rm(work, {recursive: true, force: true});
    },
    {log},
  );
  try {
    const data = path.join(work, DATA);
    await mkdir(data, {recursive: true});
    await dockerOutput(engineCreateArgs(name, 'seed', engineImage, {network: 'none', dataRoot: data}));
    if (spec.daemon) await writeDaemonConfig(name, spec.daemon);
    await dockerOutput(['start', name]);
    await waitForEngine(name);
    await copyImages(spec.images, [name], interruption);
    await loadTwoPlatform(spec.twoPlatform, [name], log);
    const stopped = await run('docker', ['stop', '--time', String(STOP_SECONDS), name]);
    if (stopped.code !== 0) throw new Error(`docker stop ${name}: ${tail(stopped.stderr, 3)}`);
    // Each engine started on a copy makes an ID of its own, as a fresh install does.
    await rm(path.join(data, 'engine-id'), {force: true});
    await writeFile(path.join(work, SPEC_FILE), `${JSON.stringify(spec, null, 2)}\n`);
    await rename(work, dir).catch((err: NodeJS.ErrnoException) => {
      if (!existsSync(path.join(dir, SPEC_FILE))) throw err; // else another process made it first
    });
    log(`seed for ${what}: made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (!pruned) {
      pruned = true;
      await pruneSeeds(engineImage, log);
    }
    return path.join(dir, DATA);
  } finally {
    await teardown.run();
  }
}

/**
 * Removes seeds made from images or an engine image the host no longer has in that version (one seed
 * per set stays on disk), and half-made ones a killed process left.
 */
async function pruneSeeds(engineImage: string, log: (line: string) => void): Promise<void> {
  for (const entry of readdirSync(SEEDS_DIR)) {
    const dir = path.join(SEEDS_DIR, entry);
    if (entry.startsWith('.')) {
      if (Date.now() - statSync(dir).mtimeMs > ABANDONED_MS) await rm(dir, {recursive: true, force: true});
      continue;
    }
    const specFile = path.join(dir, SPEC_FILE);
    const spec = existsSync(specFile) ? (JSON.parse(readFileSync(specFile, 'utf8')) as SeedSpec) : undefined;
    const current = spec && (await seedKey(spec, engineImage, log).catch(() => undefined)) === entry;
    if (!current) {
      log(`seed ${entry}: removed, made from images the host no longer has`);
      await rm(dir, {recursive: true, force: true});
    }
  }
}
