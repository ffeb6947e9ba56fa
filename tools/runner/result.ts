import type {Bilingual, Kind} from './declaration';

export type CheckStatus = 'passed' | 'failed' | 'not-checked';

export interface CheckResult {
  name: Bilingual;
  type: string;
  status: CheckStatus;
  /** Why it failed, which limit kept it from running, or (placement) where the replicas ran. */
  detail?: string;
  seconds: number;
}

export interface LimitResult {
  feature: string;
  /** Printed in the report: "not checked: …". */
  reason: string;
  what: Bilingual;
}

export interface ExampleResult {
  name: string;
  kind: Kind | null;
  chapter: string | null;
  status: 'passed' | 'failed' | 'not-started';
  /** Static problems, one formatted `file:line:col rule message` line each. */
  problems: string[];
  /** The unique compose project / stack / prefix of this run. */
  project: string | null;
  /** Seconds from the start command to ready; null when it was never tried. */
  startedSeconds: number | null;
  startFailed: boolean;
  checks: CheckResult[];
  /** Null when nothing was started; false when something was left behind. */
  cleaned: boolean | null;
  leftovers: string[];
  /** Images used that were offline stand-ins for the real ones. */
  standins: string[];
  limits: LimitResult[];
  /** Why the example was not started (never counted as passed). */
  notStarted?: string;
  error?: string;
  /** Static checks that ran on this example (check and file), and those that apply but could not run here, with why. */
  staticChecks?: {ran: string[]; notRun: string[]};
  /** Last log lines of what failed. */
  logs?: string;
  seconds: number;
}

export function emptyResult(name: string): ExampleResult {
  return {
    name,
    kind: null,
    chapter: null,
    status: 'failed',
    problems: [],
    project: null,
    startedSeconds: null,
    startFailed: false,
    checks: [],
    cleaned: null,
    leftovers: [],
    standins: [],
    limits: [],
    seconds: 0,
  };
}
