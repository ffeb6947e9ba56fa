// Teardown registered before anything is started (as testcontainers-node does): it runs once,
// whether the example passes, fails, throws or the runner gets SIGINT/SIGTERM.
import { interruptAll } from './exec';

type Teardown = () => Promise<void>;

interface Entry {
  label: string;
  fn: Teardown;
  /** Engine-wide state (the swarm the runner initialised): undone after every example's teardown. */
  last: boolean;
  promise: Promise<void> | null;
}

const registered: Entry[] = [];
let handlersInstalled = false;
let signalled: NodeJS.Signals | null = null;

export function interruptedBy(): NodeJS.Signals | null {
  return signalled;
}

/**
 * Registers a teardown and returns a function that runs it (once: a second call, or the signal
 * handler, waits for the same run). Teardowns run newest first on a signal, those registered with
 * `last` after all others: the swarm is initialised while an example starts, after the example's
 * teardown is registered, and must outlive that example's stack.
 */
export function registerTeardown(
  label: string,
  fn: Teardown,
  log: (s: string) => void = console.error,
  { last = false }: { last?: boolean } = {},
): () => Promise<void> {
  installSignalHandlers(log);
  const entry: Entry = { label, fn, last, promise: null };
  registered.push(entry);
  return () => runEntry(entry, log);
}

function runEntry(entry: Entry, log: (s: string) => void): Promise<void> {
  entry.promise ??= (async () => {
    try {
      await entry.fn();
    } catch (err) {
      log(`teardown of ${entry.label} failed: ${(err as Error).message}`);
      throw err;
    } finally {
      const i = registered.indexOf(entry);
      if (i >= 0) registered.splice(i, 1);
    }
  })();
  return entry.promise;
}

/** Runs every teardown still registered, newest first (also what a signal does). */
export async function runAllTeardowns(log: (s: string) => void = console.error): Promise<void> {
  // A teardown may be registered while others run (a step that was under way): loop until none.
  while (registered.length > 0) {
    const newestFirst = [...registered].reverse();
    for (const entry of [...newestFirst.filter((e) => !e.last), ...newestFirst.filter((e) => e.last)]) {
      await runEntry(entry, log).catch(() => { /* logged; go on with the others */ });
    }
  }
}

function installSignalHandlers(log: (s: string) => void): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signalled) {
      log(`${sig} again: still cleaning up, please wait`);
      return;
    }
    signalled = sig;
    log(`${sig}: stopping and cleaning up`);
    interruptAll();
    void runAllTeardowns(log).finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
