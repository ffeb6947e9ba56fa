// Images an example needs that it does not build: through the stand-in module (tests/images/
// standins.ts: local image, else docker pull, else an offline stand-in built from Debian packages).
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {hostDocker} from './exec';

export interface EnsuredImage {
  ref: string;
  standin: boolean;
  built: boolean;
}

type EnsureImage = (ref: string, log: (s: string) => void) => Promise<EnsuredImage>;

const STANDINS_MODULE = new URL('../standins/standins.ts', import.meta.url);
let ensureImpl: Promise<EnsureImage> | null = null;
const cache = new Map<string, Promise<EnsuredImage>>();

async function loadEnsureImage(): Promise<EnsureImage> {
  if (existsSync(fileURLToPath(STANDINS_MODULE))) {
    const mod = (await import(STANDINS_MODULE.href)) as {ensureImage?: EnsureImage};
    if (typeof mod.ensureImage === 'function') return mod.ensureImage;
    throw new Error('tools/standins/standins.ts does not export ensureImage(ref, log)');
  }
  // Without the stand-in module only images already on the engine (or pullable) can be used.
  return async (ref, log) => {
    if ((await hostDocker(['image', 'inspect', ref], {timeoutMs: 30_000})).code === 0)
      return {ref, standin: false, built: false};
    log(`pulling ${ref}`);
    const pull = await hostDocker(['pull', ref], {timeoutMs: 300_000});
    if (pull.code === 0) return {ref, standin: false, built: false};
    throw new Error(
      `image ${ref} is not on the engine, cannot be pulled, and tools/standins/standins.ts (stand-ins) is missing`,
    );
  };
}

/** Makes `ref` available on the engine; each reference is resolved once per runner process. */
export function ensureImage(ref: string, log: (s: string) => void): Promise<EnsuredImage> {
  let p = cache.get(ref);
  if (!p) {
    ensureImpl ??= loadEnsureImage();
    p = ensureImpl.then((fn) => fn(ref, log));
    cache.set(ref, p);
    p.catch(() => cache.delete(ref));
  }
  return p;
}
