// A session's engine is removed with its data root whether the session passes, fails or is
// interrupted, and the host's other containers are untouched.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {dockerOutput, dockerSucceeds} from '../../../tools/core/exec';
import {leftoverEngines, LABEL, STATE_DIR, withEngines} from '../../../tools/transcripts/engine';
import {runSession} from '../../../tools/transcripts/run';
import {REPO_ROOT} from '../../../tools/core/repo';
import type {Session} from '../../../tools/transcripts/session';

const ID = 'test/cleanup';
/** The session sleeping-session.ts runs. */
const INTERRUPTED_ID = 'test/interrupted';

const session = (commands: {command: string; exit: number}[]): Session => ({
  id: ID,
  source: 'tests/integration/transcripts/cleanup.test.ts',
  images: [],
  volatile: [],
  blocks: [{name: 'only', steps: commands}],
});

test('a passing session leaves nothing behind, touches no other container, and shows stdout and stderr in order', async () => {
  // Same prefix, not ours: a session's cleanup goes by its own names and label only.
  const decoy = `fgts-decoy-${process.pid}`;
  await dockerOutput(['create', '--name', decoy, 'busybox:1.36', 'true']);
  try {
    const file = await runSession(
      session([{command: 'echo out; echo err >&2; echo out again; docker network ls --format "{{.Name}}"', exit: 0}]),
      () => {},
    );
    assert.equal(file.blocks.only.steps[0].output, 'out\nerr\nout again\nbridge\nhost\nnone');
    assert.deepEqual(await leftoverEngines(ID), []);
    assert.equal(await dockerSucceeds(['container', 'inspect', decoy]), true);
  } finally {
    await dockerOutput(['rm', '--force', decoy]);
  }
});

test("a session's daemon settings are the fresh engine's daemon.json from its first start", async () => {
  const file = await runSession(
    {
      ...session([{command: 'docker info --format "{{.RegistryConfig.Mirrors}} {{.LoggingDriver}}"', exit: 0}]),
      daemon: {'registry-mirrors': ['http://127.0.0.1:5001'], 'log-driver': 'local'},
    },
    () => {},
  );
  assert.equal(file.blocks.only.steps[0].output, '[http://127.0.0.1:5001/] local');
  assert.deepEqual(await leftoverEngines(ID), []);
});

test("the engine's data root is a folder of its own on the host, and goes with it", async () => {
  const dataRoot = await withEngines(
    ID,
    undefined,
    () => {},
    async ([engine]) => {
      const mount = await dockerOutput([
        'inspect',
        '--format',
        '{{range .Mounts}}{{if eq .Destination "/var/lib/docker"}}{{.Type}} {{.Source}}{{end}}{{end}}',
        engine.name,
      ]);
      assert.equal(mount, `bind ${path.join(STATE_DIR, 'engines', 'test-cleanup', engine.name)}`);
      return mount.split(' ')[1];
    },
  );
  assert.equal(existsSync(dataRoot), false);
  assert.deepEqual(await leftoverEngines(ID), []);
});

test('a command with an unexpected exit status fails the session and still removes the engine', async () => {
  await assert.rejects(
    runSession(session([{command: 'false', exit: 0}]), () => {}),
    /`false` exited with 1, expected 0/,
  );
  assert.deepEqual(await leftoverEngines(ID), []);
});

test('SIGINT during a command removes the engine before the process exits', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/transcripts/sleeping-session.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const code = await new Promise<number | null>((resolve) => {
    const poll = setInterval(() => {
      if (!output.includes('$ sleep 120')) return;
      clearInterval(poll);
      child.kill('SIGINT');
    }, 300);
    child.on('close', (c) => (clearInterval(poll), resolve(c)));
  });
  assert.equal(code, 130, output);
  assert.deepEqual(
    await leftoverEngines(INTERRUPTED_ID),
    [],
    `containers labelled ${LABEL}=${INTERRUPTED_ID} are left`,
  );
});
