import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {registerTeardown, runAllTeardowns} from '../../../tools/core/teardown';

const quiet = {log: () => {}};

test('a registered teardown runs once however often it is called', async () => {
  let runs = 0;
  const teardown = registerTeardown('t', async () => void runs++, quiet);
  await Promise.all([teardown.run(), teardown.run()]);
  await teardown.run();
  assert.equal(runs, 1);
});

test('a failing teardown reports its error to each caller', async () => {
  const logged: string[] = [];
  const teardown = registerTeardown(
    'broken',
    async () => {
      throw new Error('down failed');
    },
    {log: (s) => logged.push(s)},
  );
  await assert.rejects(teardown.run(), /down failed/);
  await assert.rejects(teardown.run(), /down failed/);
  assert.deepEqual(logged, ['teardown of broken failed: down failed']);
});

test('runAllTeardowns runs what is still registered, newest first, each once; a disposed one not at all', async () => {
  const order: string[] = [];
  const first = registerTeardown('first', async () => void order.push('first'), quiet);
  registerTeardown('second', async () => void order.push('second'), quiet);
  registerTeardown(
    'third',
    async () => {
      throw new Error('third failed');
    },
    quiet,
  );
  registerTeardown('kept', async () => void order.push('kept'), quiet).dispose();
  await runAllTeardowns();
  await first.run();
  assert.deepEqual(order, ['second', 'first']);
});

test('a teardown registered as last runs after newer ones (the swarm after the stack in it)', async () => {
  const order: string[] = [];
  registerTeardown('example', async () => void order.push('example'), quiet);
  registerTeardown('swarm', async () => void order.push('swarm'), {...quiet, last: true});
  registerTeardown('next example', async () => void order.push('next example'), quiet);
  await runAllTeardowns();
  assert.deepEqual(order, ['next example', 'example', 'swarm']);
});

test('on SIGINT the process ends with 130 only after a slow teardown, though its work failed at once', async () => {
  // The failure CI met: the work's error ended the process while the handler was still removing.
  const dir = mkdtempSync(path.join(tmpdir(), 'fg-teardown-'));
  try {
    const marker = path.join(dir, 'marker');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/teardown/interrupted-main.ts', marker], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      if (output.includes('working')) child.kill('SIGINT');
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 130, output);
    assert.equal(existsSync(marker) && readFileSync(marker, 'utf8'), 'removed');
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
