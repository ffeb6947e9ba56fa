// Every process the checker starts runs under a memory and a time limit: a hostile file must not
// take the machine with it (`docker compose config` on an alias bomb grows without end).
import {run, type RunOptions, type RunResult} from '../exec';

/** Data segment limit (RLIMIT_DATA: every private writable mapping, i.e. the heap) of a checker subprocess. */
export const MEMORY_LIMIT_BYTES = 1024 ** 3;

/**
 * `cmd args…` under prlimit: at most MEMORY_LIMIT_BYTES of data (inherited by children, such as the
 * compose plugin the docker CLI starts) and `timeoutMs` of time. An allocation beyond the limit fails,
 * so the process exits with an out-of-memory error instead of growing.
 */
export function boundedRun(
  cmd: string,
  args: readonly string[],
  opts: RunOptions & {timeoutMs: number},
): Promise<RunResult> {
  return run('prlimit', [`--data=${MEMORY_LIMIT_BYTES}`, '--', cmd, ...args], opts);
}

/** Why a bounded run failed, when the limits (not the input) ended it. */
export function limitHit(r: RunResult, timeoutMs: number): string | null {
  if (r.timedOut) return `stopped after ${timeoutMs / 1000} s (time limit)`;
  if (/out of memory|cannot allocate memory/i.test(r.stderr))
    return `stopped at the ${MEMORY_LIMIT_BYTES / 1024 ** 3} GiB memory limit`;
  return null;
}
