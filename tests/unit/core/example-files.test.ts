import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {exampleFiles} from '../../../tools/core/example-files';

test("an example's files: every regular file, sorted, without tool leftovers or links", (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fg-example-files-'));
  t.after(() => fs.rmSync(dir, {recursive: true, force: true}));
  for (const rel of [
    'run.sh',
    'app/main.py',
    'app/__pycache__/main.pyc',
    'node_modules/x/i.js',
    '.git/HEAD',
    'b/.env',
  ]) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true});
    fs.writeFileSync(path.join(dir, rel), rel);
  }
  fs.symlinkSync('run.sh', path.join(dir, 'link.sh'));
  assert.deepEqual(exampleFiles(dir), ['app/main.py', 'b/.env', 'run.sh']);
});
