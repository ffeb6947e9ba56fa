// A rebuilt project image does not leave the one it replaced on the engine: removed at once, or, while
// something still uses it, at the next rebuild after that use ends.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {dockerOutput, dockerSucceeds, run} from '../../../tools/core/exec';
import {rebuildReplacing} from '../../../tools/core/project-image';

const suffix = randomBytes(3).toString('hex');
const TAG = `fieldguide/project-image-test-${suffix}:1`;
const CONTAINER = `fg-project-image-test-${suffix}`;
const context = mkdtempSync(path.join(tmpdir(), 'fg-project-image-'));
const built: string[] = [];

// Registered before anything is created: the container, every image built, the folder.
after(async () => {
  await run('docker', ['rm', '--force', CONTAINER]);
  for (const id of built) await run('docker', ['image', 'rm', '--force', id]);
  rmSync(context, {recursive: true, force: true});
});

/** Builds TAG from scratch with a file holding `text` (a new image for each text); its ID. */
async function buildVersion(text: string): Promise<string> {
  writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY version /version\n');
  writeFileSync(path.join(context, 'version'), text);
  await rebuildReplacing(TAG, async () => {
    await dockerOutput(['build', '--quiet', '--tag', TAG, context], {timeoutMs: 120_000});
  });
  const id = await dockerOutput(['image', 'inspect', '--format', '{{.Id}}', TAG]);
  built.push(id);
  return id;
}

const exists = (id: string) => dockerSucceeds(['image', 'inspect', id]);

test('a rebuild removes the image the tag named before', async () => {
  const first = await buildVersion(`one ${suffix}`);
  const second = await buildVersion(`two ${suffix}`);
  assert.notEqual(first, second);
  assert.equal(await exists(first), false, 'the replaced image is still on the engine');
  assert.equal(await exists(second), true);
});

test('a replaced image a container uses stays, and goes at the next rebuild once the container is gone', async () => {
  const used = await buildVersion(`three ${suffix}`);
  await dockerOutput(['create', '--name', CONTAINER, TAG, '/version']);
  const next = await buildVersion(`four ${suffix}`);
  assert.equal(await exists(used), true, 'an image a container uses was removed');
  await dockerOutput(['rm', CONTAINER]);
  await buildVersion(`five ${suffix}`);
  assert.equal(await exists(used), false, 'the image the container used is still there after it went');
  assert.equal(await exists(next), false);
});
