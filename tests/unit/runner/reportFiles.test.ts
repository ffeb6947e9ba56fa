import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {engineReport, UP_REPORT, upReports} from '../../../tools/runner/reportFiles.cjs';

test('the up reports, as the runner writes them and the site reads them: the host engine first, then other majors', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'fg-reports-'));
  mkdirSync(path.join(root, 'test-results'));
  for (const file of [
    engineReport('29'),
    engineReport('26'),
    'test-results/examples-check.json',
    'test-results/examples-site-image.json',
  ]) {
    writeFileSync(path.join(root, file), '{}');
  }
  const expected = [UP_REPORT, engineReport('26'), engineReport('29')].map((f) => path.join(root, f));
  assert.deepEqual(upReports(root), expected);
});
