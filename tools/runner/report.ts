// The report: a table for people, a JSON file for machines, and a closing `N passed, N failed`.
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import type {ExampleResult} from './result';

export interface Report {
  command: 'check' | 'up';
  startedAt: string;
  seconds: number;
  /** `lab`: the Swarm lab `up --lab` ran on (name and manager address); absent otherwise. */
  engine: {server: string | null; ipvs: boolean | null; cluster: boolean | null; lab?: string};
  examples: ExampleResult[];
  summary: {passed: number; failed: number; notStarted: number};
}

export function summarize(examples: ExampleResult[]): Report['summary'] {
  return {
    passed: examples.filter((e) => e.status === 'passed').length,
    failed: examples.filter((e) => e.status === 'failed').length,
    notStarted: examples.filter((e) => e.status === 'not-started').length,
  };
}

const DASH = '—';

export function statusCell(e: ExampleResult): string {
  return e.status === 'passed' ? 'PASS' : e.status === 'failed' ? 'FAIL' : 'NOT STARTED';
}

export function staticCell(e: ExampleResult): string {
  return e.problems.length === 0 ? 'ok' : `${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}`;
}

export function startedCell(e: ExampleResult): string {
  if (e.notStarted) return e.notStarted;
  if (e.startedSeconds !== null) return `${e.startedSeconds.toFixed(1)} s`;
  if (e.startFailed) return 'failed';
  return e.problems.length ? 'not started' : DASH;
}

export function smokeCell(e: ExampleResult): string {
  if (e.checks.length === 0) return DASH;
  const passed = e.checks.filter((c) => c.status === 'passed').length;
  const failed = e.checks.filter((c) => c.status === 'failed').length;
  const notChecked = e.checks.filter((c) => c.status === 'not-checked').length;
  const parts = [`${passed}/${e.checks.length} passed`];
  if (failed) parts.push(`${failed} failed`);
  if (notChecked) parts.push(`${notChecked} not checked`);
  return parts.join(', ');
}

export function cleanedCell(e: ExampleResult): string {
  if (e.cleaned === null) return DASH;
  return e.cleaned ? 'yes' : `NO: ${e.leftovers.length} left`;
}

export function limitsCell(e: ExampleResult): string {
  return e.limits.length ? e.limits.map((l) => `${l.feature}: not checked: ${l.reason}`).join('; ') : DASH;
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

/** Which static checks ran (and how many could not run here). */
export function checksRanCell(e: ExampleResult): string {
  if (!e.staticChecks) return DASH;
  const {ran, notRun} = e.staticChecks;
  return `${ran.length} ran${notRun.length ? `, ${notRun.length} not run` : ''}`;
}

export function withStaticChecks(e: ExampleResult, stat: {checksRan: string[]; checksNotRun: string[]}): ExampleResult {
  return {...e, staticChecks: {ran: stat.checksRan, notRun: stat.checksNotRun}};
}

export function formatTable(report: Report): string {
  if (report.command === 'check') {
    const rows = [['example', 'kind', 'static', 'checks', 'result']];
    for (const e of report.examples) rows.push([e.name, e.kind ?? '?', staticCell(e), checksRanCell(e), statusCell(e)]);
    return table(rows);
  }
  const rows = [
    ['example', 'kind', 'result', 'static', 'started in', 'smoke', 'cleaned', 'stand-ins used', 'limits not checked'],
  ];
  for (const e of report.examples) {
    rows.push([
      e.name,
      e.kind ?? '?',
      statusCell(e),
      staticCell(e),
      startedCell(e),
      smokeCell(e),
      cleanedCell(e),
      e.standins.join(', ') || DASH,
      limitsCell(e),
    ]);
  }
  return table(rows);
}

/** What went wrong, example by example: problems, failed checks, leftovers, last log lines. */
export function formatDetails(report: Report): string {
  const out: string[] = [];
  for (const e of report.examples) {
    const notRun = e.staticChecks?.notRun ?? [];
    if (e.status === 'passed' && e.limits.length === 0 && notRun.length === 0) continue;
    const lines: string[] = [];
    for (const check of notRun) lines.push(`static check not run: ${check}`);
    if (e.problems.length) lines.push(`${staticCell(e)} (listed above, and in the JSON report)`);
    if (e.notStarted) lines.push(e.notStarted);
    if (e.error && e.problems.length === 0) lines.push(`error: ${e.error}`);
    for (const c of e.checks)
      if (c.status !== 'passed') lines.push(`check ${c.status}: ${c.name.en}: ${c.detail ?? ''}`);
    for (const l of e.limits) lines.push(`${l.feature}: not checked: ${l.reason}; ${l.what.en}`);
    for (const r of e.leftovers) lines.push(`left behind (removed now): ${r}`);
    if (e.logs) lines.push('last log lines:', ...e.logs.split('\n').map((l) => `  ${l}`));
    if (lines.length) out.push(`== ${e.name}: ${statusCell(e)}`, ...lines, '');
  }
  return out.join('\n');
}

export function closingLine(summary: Report['summary']): string {
  return `${summary.passed} passed, ${summary.failed} failed${summary.notStarted ? `, ${summary.notStarted} skipped` : ''}`;
}

export function writeJson(path: string, report: Report): void {
  mkdirSync(dirname(path), {recursive: true});
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
}
