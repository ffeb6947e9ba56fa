// Images the project builds from its own files (stand-ins, their base, the sessions' host image,
// the engine-upgrade machine): rebuilt only when the hash of their inputs, kept in a label, changes.
// A rebuild leaves the image the tag named before without a name; each is 100–500 MB, so it is
// removed as soon as nothing uses it, instead of piling up on an engine that CI reuses.
import {run} from './exec';

/** The labels of the image `tag` names ({} when it has none), or null when there is no such image. */
export async function imageLabels(tag: string): Promise<Record<string, string> | null> {
  const r = await run('docker', ['image', 'inspect', '--format', '{{json .Config.Labels}}', tag], {timeoutMs: 30_000});
  if (r.code !== 0) return null;
  return (JSON.parse(r.stdout.trim() || 'null') as Record<string, string> | null) ?? {};
}

/** The value of `label` on the image `tag` names, or null when there is no such image or label. */
export async function labelOf(tag: string, label: string): Promise<string | null> {
  return (await imageLabels(tag))?.[label] ?? null;
}

async function imageId(tag: string): Promise<string | null> {
  const r = await run('docker', ['image', 'inspect', '--format', '{{.Id}}', tag], {timeoutMs: 30_000});
  return r.code === 0 ? r.stdout.trim() : null;
}

/** Images a rebuild replaced that were still in use (a child image, a container, another tag) when last tried. */
const replaced = new Set<string>();

/**
 * Runs `build`, which tags a new image `tag`; then removes the image `tag` named before, and any
 * replaced earlier that nothing uses now (an old base, once its last stand-in is rebuilt). Never
 * forced: `docker image rm` refuses an image a container, another tag or a child image uses.
 */
export async function rebuildReplacing(tag: string, build: () => Promise<void>): Promise<void> {
  const before = await imageId(tag);
  await build();
  if (before && before !== (await imageId(tag))) replaced.add(before);
  for (const id of [...replaced]) {
    const r = await run('docker', ['image', 'rm', id], {timeoutMs: 60_000});
    if (r.code === 0 || /no such image/i.test(r.stderr)) replaced.delete(id);
  }
}
