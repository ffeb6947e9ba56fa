// Two-platform stand-ins: an image the host has for linux/amd64 joined with a linux/arm64 variant
// into one image index, as an official multi-platform image is, for engines with the containerd
// image store (the host's classic store holds one platform per tag). Only busybox has an arm64
// variant (tests/images/busybox-arm64/build.sh). The arm64 variant runs through QEMU's binfmt
// handler, which .ci/install-system.sh installs.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createHash} from 'node:crypto';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {REPO_ROOT} from '../core/repo';
import {run, tail} from '../core/exec';
import {parseImageRef} from '../core/image-ref';
import {labelOf, rebuildReplacing} from '../core/project-image';
import {LABEL_HASH, LABEL_STANDIN, standinHash, type Log} from './standins';

const ARM64_DIR = 'tests/images/busybox-arm64';
const BUILD_TIMEOUT_MS = 10 * 60_000;
const INDEX = 'application/vnd.oci.image.index.v1+json';

/** The host tag of `ref`'s linux/arm64 variant (`busybox:1.36` → `fieldguide/busybox-arm64:1.36`); throws for an image without one. */
export function arm64VariantTag(ref: string): string {
  const parsed = parseImageRef(ref);
  if (parsed.registry !== 'docker.io' || parsed.repository !== 'library/busybox' || !parsed.tag) {
    throw new Error(`${ref}: only busybox:<tag> has a linux/arm64 stand-in (${ARM64_DIR})`);
  }
  return `fieldguide/busybox-arm64:${parsed.tag}`;
}

/** Builds the arm64 variant of `ref` on the host engine unless an up-to-date one is there. */
export async function ensureArm64Variant(ref: string, log: Log): Promise<string> {
  const tag = arm64VariantTag(ref);
  const hash = standinHash(ARM64_DIR);
  if ((await labelOf(tag, LABEL_HASH)) === hash) return tag;
  log(`${tag}: building the linux/arm64 stand-in from ${ARM64_DIR}`);
  await rebuildReplacing(tag, async () => {
    const r = await run(
      'bash',
      [path.join(REPO_ROOT, ARM64_DIR, 'build.sh'), tag, `${LABEL_STANDIN}=busybox-arm64`, `${LABEL_HASH}=${hash}`],
      {
        cwd: REPO_ROOT,
        timeoutMs: BUILD_TIMEOUT_MS,
        onLine: (line) => void (line.trim() && log(line)),
      },
    );
    if (r.code !== 0)
      throw new Error(
        `${tag}: building the arm64 stand-in failed (${r.timedOut ? 'timed out' : `exit ${r.code}`}):\n${tail(`${r.stdout}${r.stderr}`, 20)}`,
      );
  });
  return tag;
}

interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
  platform?: {os: string; architecture: string};
}

/**
 * Writes an OCI image layout to a new folder in which `ref` names one index of two manifests: the
 * host's `ref` (linux/amd64) and `arm64Tag` (linux/arm64). `docker load` of it into an engine with
 * the containerd image store gives `ref` both platforms. Returns the folder; the caller removes it.
 */
export async function twoPlatformLayout(ref: string, arm64Tag: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fg-platforms-'));
  try {
    const saved = await run('sh', ['-c', 'docker save "$1" "$2" | tar -x -C "$3"', 'sh', ref, arm64Tag, dir], {
      timeoutMs: 5 * 60_000,
    });
    if (saved.code !== 0) throw new Error(`docker save ${ref} ${arm64Tag}: ${tail(saved.stderr, 5)}`);
    const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as {manifests: Descriptor[]};
    const name = (wanted: string) => {
      const full = parseImageRef(wanted);
      const found = index.manifests.find(
        (m) => m.annotations?.['io.containerd.image.name'] === `${full.registry}/${full.repository}:${full.tag}`,
      );
      if (!found) throw new Error(`docker save wrote no manifest named ${wanted}`);
      const blob = (digest: string) =>
        JSON.parse(readFileSync(path.join(dir, 'blobs', ...digest.split(':')), 'utf8')) as Record<string, unknown>;
      const config = blob((blob(found.digest) as {config: {digest: string}}).config.digest) as {
        os: string;
        architecture: string;
      };
      return {
        mediaType: found.mediaType,
        digest: found.digest,
        size: found.size,
        platform: {os: config.os, architecture: config.architecture},
      };
    };
    const both = [name(ref), name(arm64Tag)];
    const platforms = both.map((m) => `${m.platform.os}/${m.platform.architecture}`).join(' ');
    if (platforms !== 'linux/amd64 linux/arm64')
      throw new Error(`${ref} and ${arm64Tag} are ${platforms}, not linux/amd64 and linux/arm64`);
    const inner = Buffer.from(JSON.stringify({schemaVersion: 2, mediaType: INDEX, manifests: both}));
    const digest = createHash('sha256').update(inner).digest('hex');
    writeFileSync(path.join(dir, 'blobs', 'sha256', digest), inner);
    const full = parseImageRef(ref);
    const outer = {
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [
        {
          mediaType: INDEX,
          digest: `sha256:${digest}`,
          size: inner.length,
          annotations: {
            'io.containerd.image.name': `${full.registry}/${full.repository}:${full.tag}`,
            'org.opencontainers.image.ref.name': full.tag,
          },
        },
      ],
    };
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify(outer));
    // Without the Docker-format files, `docker load` reads the OCI index.
    for (const f of ['manifest.json', 'repositories']) rmSync(path.join(dir, f), {force: true});
    return dir;
  } catch (err) {
    rmSync(dir, {recursive: true, force: true});
    throw err;
  }
}

/**
 * Loads `refs` into each engine container (reached with `docker exec -i <container> docker load`)
 * as two-platform images: the host's image and its arm64 stand-in, built first if needed.
 */
export async function loadTwoPlatform(refs: string[], containers: string[], log: Log): Promise<void> {
  for (const ref of refs) {
    const arm64 = await ensureArm64Variant(ref, log);
    const dir = await twoPlatformLayout(ref, arm64);
    try {
      for (const container of containers) {
        const r = await run(
          'sh',
          ['-c', 'tar -C "$1" -c . | docker exec -i "$2" docker load --quiet', 'sh', dir, container],
          {timeoutMs: 5 * 60_000, stopOnInterrupt: true},
        );
        if (r.code !== 0)
          throw new Error(
            `loading ${ref} (linux/amd64, linux/arm64) into ${container} failed: ${tail(r.stderr || r.stdout, 5)}`,
          );
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  }
}
