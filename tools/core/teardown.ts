// One registry of what a process must undo on the engine (an example's project, a session's
// engines, a lab), registered before anything is started, as testcontainers-node does. Each
// teardown runs once, whether the work passes, fails or throws, or the process gets SIGINT/SIGTERM.
// On a signal the handler runs every teardown still registered and is the only one to end the
// process (130 or 143): `runMain` keeps the normal path, which sees its commands die, from ending it
// first with the work half removed.

export interface Teardown {
  /** Runs the teardown once; a second call, or the signal handler's, waits for the same run. */
  run(): Promise<void>;
  /** Forgets it without running it: what it would remove is meant to stay (a lab left up). */
  dispose(): void;
}

type Log = (line: string) => void;

interface Entry {
  label: string;
  fn: () => Promise<void>;
  /** Engine-wide state (a swarm the runner initialised): undone after every other teardown. */
  last: boolean;
  log: Log;
  promise: Promise<void> | null;
}

const registered: Entry[] = [];
const interruptController = new AbortController();
let handlersInstalled = false;
let signalled: NodeJS.Signals | null = null;

/** Aborted at the first SIGINT or SIGTERM: long steps listen to it and stop early. */
export const interruption: AbortSignal = interruptController.signal;

export function interruptedBy(): NodeJS.Signals | null {
  return signalled;
}

/**
 * Registers `fn` to undo what is about to be made. Teardowns run newest first on a signal, those
 * registered with `last` after all others: the swarm is initialised while an example starts, after
 * the example's teardown is registered, and must outlive that example's stack.
 */
export function registerTeardown(
  label: string,
  fn: () => Promise<void>,
  {log = console.error, last = false}: {log?: Log; last?: boolean} = {},
): Teardown {
  installSignalHandlers(log);
  const entry: Entry = {label, fn, last, log, promise: null};
  registered.push(entry);
  return {run: () => runEntry(entry), dispose: () => forget(entry)};
}

function forget(entry: Entry): void {
  const i = registered.indexOf(entry);
  if (i >= 0) registered.splice(i, 1);
}

function runEntry(entry: Entry): Promise<void> {
  entry.promise ??= (async () => {
    try {
      await entry.fn();
    } catch (err) {
      entry.log(`teardown of ${entry.label} failed: ${(err as Error).message}`);
      throw err;
    } finally {
      forget(entry);
    }
  })();
  return entry.promise;
}

/** Runs every teardown still registered, newest first, `last` ones at the end (also what a signal does). */
export async function runAllTeardowns(): Promise<void> {
  // A teardown may be registered while others run (a step that was under way): loop until none.
  while (registered.length > 0) {
    const newestFirst = [...registered].reverse();
    for (const entry of [...newestFirst.filter((e) => !e.last), ...newestFirst.filter((e) => e.last)]) {
      await runEntry(entry).catch(() => {
        /* logged; go on with the others */
      });
    }
  }
}

function installSignalHandlers(log: Log): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) return log(`${signal} again: still cleaning up, please wait`);
    signalled = signal;
    log(`${signal}: stopping and removing ${registered.map((e) => e.label).join(', ') || 'nothing'}`);
    interruptController.abort(new Error(`interrupted by ${signal}`));
    void runAllTeardowns().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * Runs a command-line program's `main` and exits with its code, or with 2 after a one-line error (1
 * is for what the program checked and found failing). After a signal it does neither: the handler is
 * still removing things and exits when done.
 */
export function runMain(main: () => Promise<number>, name: string): void {
  main().then(
    (code) => {
      if (!signalled) process.exit(code);
    },
    (err: unknown) => {
      if (signalled) return;
      process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
}
