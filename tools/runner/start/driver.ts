import type {SwarmLab} from '../../lab/swarm';
import type {Declaration} from '../declaration';
import type {RunResult, TargetEngine} from '../exec';
import type {CheckResult} from '../result';
import type {Resource} from '../sweep';

export interface RunContext {
  decl: Declaration;
  /** Unique name of this run: compose project, stack, image tag, prefix or namespace. */
  project: string;
  /** Epoch milliseconds by which start and checks must be done. */
  deadline: number;
  log: (s: string) => void;
  /** The engine the example runs on: this machine's, or the lab's manager with `up --lab`. */
  engine: TargetEngine;
  /** `up --lab`: the three-node Swarm lab the example runs on (stack examples only). */
  lab?: SwarmLab;
}

/** How one kind of example is started, probed and removed. */
export interface Driver {
  /** Images to make available before starting: referenced ones and base images of builds. */
  images(): Promise<string[]>;
  /** Starts the example and returns when it is ready (or throws). */
  start(): Promise<void>;
  /** Runs a command in a service of the example (exec checks). */
  exec?(service: string, command: string[], timeoutMs: number): Promise<RunResult>;
  /** Runs the built image with these arguments (run checks). */
  runImage?(args: string[], timeoutMs: number): Promise<RunResult>;
  /** Checks of where the example runs (`--lab`: replicas on more than one node), after the start. */
  placement?(): Promise<CheckResult[]>;
  /** Extra environment for script checks. */
  env(): Record<string, string>;
  /** Last log lines of what failed, for the report. */
  logs(): Promise<string>;
  /** Removes everything; must succeed even when start failed half-way or never ran. */
  teardown(): Promise<void>;
  /** What is still on the engine after teardown. */
  leftovers(): Promise<Resource[]>;
  /** How to remove leftovers. */
  leftoverMatch(): {label?: string; prefix?: string}[];
  /** Removes leftovers on engines `leftoverMatch` cannot reach (the lab's workers). */
  sweepNodes?(): Promise<void>;
}

export const remainingMs = (ctx: RunContext) => Math.max(0, ctx.deadline - Date.now());

export class StartError extends Error {}
