// Command-line arguments of `npm run examples`.
export const USAGE = `usage: npm run examples -- <command> [name…] [options]

commands:
  check   static checks only (no engine needed): one line per problem, file:line:col rule message
  up      static checks, then start each example, run its checks, and remove everything again
  list    names, kinds and chapters
  images  make present on this machine's engine every image the examples run without building
          (stand-ins built where needed) and the Docker-in-Docker engines of the majors in
          docker-versions.json, so that runs side by side do not build them at the same time

options:
  --examples DIR   folder holding one folder per example (default: examples)
  --json FILE      where to write the JSON report (default: test-results/examples.json,
                   test-results/examples-check.json for check)
  --lab            up only: run the stack examples on the running three-node Swarm lab
                   (npm run lab -- swarm up) and check that the replicas of every service with
                   more than one are on more than one node; other kinds are reported not started
  --jobs N         up only: run up to N examples at a time (default 1); examples whose
                   published host ports cannot be read run alone, two examples publishing the
                   same host port never run together, nor two that use the swarm
  --engine MAJOR   up only: run the examples on a fresh Docker-in-Docker engine of that major
                   (e.g. 26, Debian trixie's), with that major's CLI and Compose, as a reader with
                   that Docker would; report in test-results/examples-engine-MAJOR.json
`;

export interface Options {
  command: 'check' | 'up' | 'list' | 'images';
  names: string[];
  examplesDir: string;
  json: string | null;
  /** `up` on the Swarm lab of tools/lab/ instead of this machine's engine. */
  lab: boolean;
  /** `up` on a fresh Docker-in-Docker engine of this major instead of this machine's engine. */
  engine: string | null;
  /** `up`: examples run at the same time at most (tools/runner/schedule.ts decides which may). */
  jobs: number;
}

export function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'up' && command !== 'list' && command !== 'images')
    return command ? `unknown command "${command}"` : 'no command given';
  const opts: Options = {command, names: [], examplesDir: 'examples', json: null, lab: false, engine: null, jobs: 1};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--examples' || arg === '--json' || arg === '--engine' || arg === '--jobs') {
      const value = rest[++i];
      if (!value) return `${arg} needs a value`;
      if (arg === '--jobs') {
        if (command !== 'up') return '--jobs works with up only';
        if (!/^[1-9]\d*$/.test(value)) return `--jobs takes a whole number ≥ 1, not "${value}"`;
        opts.jobs = Number(value);
      } else if (arg === '--examples') opts.examplesDir = value;
      else if (arg === '--json') opts.json = value;
      else if (command !== 'up') return '--engine works with up only';
      else if (!/^\d+$/.test(value)) return `--engine takes an engine major such as 26, not "${value}"`;
      else opts.engine = value;
    } else if (arg === '--lab') {
      if (command !== 'up') return '--lab works with up only';
      opts.lab = true;
    } else if (arg.startsWith('-')) {
      return `unknown option "${arg}"`;
    } else {
      opts.names.push(arg);
    }
  }
  if (opts.lab && opts.engine) return '--lab and --engine exclude each other';
  return opts;
}
