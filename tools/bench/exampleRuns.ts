import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {LABEL_BASE_HASH} from '../standins/standins';
import type {Report} from '../runner/report';

export interface ExampleRun {
  kind: 'cold' | 'warm';
  seconds: number;
  exitCode: number | null;
  summary: Report['summary'];
  examples: number;
  /** Stand-in images the run used (built in a cold run, reused in a warm one). */
  standins: string[];
}

const docker = (args: string[]) => execFileSync('docker', args, {encoding: 'utf8'}).trim();

/**
 * A cold start means no image of ours: every image built from our base (stand-ins, the base,
 * images examples built) carries the base's label, so it goes. The engine's build cache stays:
 * it is shared with whatever else uses the engine, and BuildKit records carry no label to pick
 * ours by, so steps cached by earlier builds can still be hits (the report says so).
 */
function removeProjectImages(log: (line: string) => void) {
  const ids = [
    ...new Set(
      docker(['image', 'ls', '-q', '--filter', `label=${LABEL_BASE_HASH}`])
        .split('\n')
        .filter(Boolean),
    ),
  ];
  log(
    `cold start: removing ${ids.length} images built from the project's base (the engine's build cache is shared and stays)`,
  );
  if (ids.length) docker(['image', 'rm', '-f', ...ids]);
}

function runAll(root: string, kind: ExampleRun['kind'], log: (line: string) => void): ExampleRun {
  const json = path.join(root, `bench-results/examples-${kind}.json`);
  log(`examples (${kind}): npm run examples -- up`);
  const started = Date.now();
  const run = spawnSync('npx', ['tsx', 'tools/runner/cli.ts', 'up', '--json', json], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seconds = (Date.now() - started) / 1000;
  const report = JSON.parse(fs.readFileSync(json, 'utf8')) as Report;
  const standins = [...new Set(report.examples.flatMap((e) => e.standins))].sort();
  return {kind, seconds, exitCode: run.status, summary: report.summary, examples: report.examples.length, standins};
}

/** Every example started twice through the runner: cold (the project's images removed first), then warm. */
export function measureExampleRuns(root: string, log: (line: string) => void): ExampleRun[] {
  removeProjectImages(log);
  return [runAll(root, 'cold', log), runAll(root, 'warm', log)];
}
