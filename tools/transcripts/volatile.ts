/**
 * Parts of an output that change from run to run. A session names the kinds its output has; each
 * kind is one specific pattern, and `check` compares outputs with those parts replaced by
 * `<kind>`. There is no kind that matches anything.
 */
export const VOLATILE_KINDS = {
  /** Digests and `sha256:`-prefixed image IDs. */
  digest: /sha256:[0-9a-f]{64}/g,
  /** Container, image and layer IDs, long (64) or short (12 hex digits); also a container's default host name. */
  id: /\b[0-9a-f]{64}\b|\b[0-9a-f]{12}\b/g,
  /** Relative ages (`2 seconds ago`, `Up About a minute`, `Running less than a second ago`), log time stamps and `ls -l` dates (`Nov 29 04:36`). */
  time: /\b(?:[Ll]ess than a second|[Aa]bout (?:a|an) (?:minute|hour)|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?))(?= ago\b|\s|$)|\b\d{4}[/-]\d{2}[/-]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}\b/g,
  /**
   * Swarm object IDs (25 lowercase letters and digits), join tokens, unlock keys, and the
   * 12-character short IDs in the first column of `docker service ls`/`ps`, `docker stack ps` and the like.
   */
  'swarm-id':
    /\bSWMKEY-1-[A-Za-z0-9+/]+|\bSWMTKN-1-[0-9a-z]+-[0-9a-z]+\b|\b(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{25}\b|^[0-9a-z]{12}(?= {2,}\S)/gm,
  /** BuildKit step timings (`0.1s`), bash's `time` lines (`0m1.112s`), ping's round-trip times. */
  duration:
    /\b\d+m\d+\.\d{3}s\b|\b\d+\.\d+s\b|(?<=\btime[= ])\d+(?:\.\d+)? ?ms\b|(?<== )\d+\.\d+(?:\/\d+\.\d+){2,3} ms\b/g,
  /** Sizes with a unit (`204MB`, `4.35kB`, `0B`). */
  size: /\b\d+(?:\.\d+)?\s?(?:B|kB|KB|MB|GB|KiB|MiB|GiB)\b/g,
  /**
   * Link-layer addresses of interfaces made for the session (veth pairs, bridges), not the broadcast
   * address, and the IPv6 link-local addresses the kernel derives from them.
   */
  'mac-address':
    /\b(?!ff(?::ff){5})[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b|\bfe80::[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,3}(?=\/64)/g,
  /** Host ends of containers' veth pairs, named by the engine (`veth48bcc58`). */
  'veth-name': /\bveth[0-9a-f]{7}\b/g,
  /** IPv4 addresses, with an optional prefix length. */
  'ip-address': /\b(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?\b/g,
  /** Host ports the engine picks from the ephemeral range (after a colon). */
  port: /(?<=:)(?:3[2-9]|[4-6]\d)\d{3}\b/g,
  /** Process IDs: the first column of `docker container top` and `pgrep -a`, nginx's worker processes. */
  pid: /^\d+(?=\s{2,}|\s\/)|(?<=worker process )\d+\b/gm,
  /** The key of an OpenSSH public key made for the session (after its type; the comment stays). */
  'ssh-key': /(?<=\bssh-(?:ed25519|rsa) )AAAA[0-9A-Za-z+/]{40,}={0,2}/g,
} satisfies Record<string, RegExp>;

/**
 * Volatile layout, applied after the patterns above: what changes with their width or with timing,
 * not with what the commands did.
 */
export const VOLATILE_LAYOUTS = {
  /** Table columns padded to the widest cell: runs of two or more spaces compare as two. */
  'column-padding': (text: string) => text.replace(/ {2,}/g, '  '),
  /**
   * BuildKit's plain progress: steps that run in parallel (`load build context`, `FROM`) are
   * numbered and printed in the order they finish, and a step's status line is printed again when
   * it takes longer (`#9 exporting layers`, then `#9 exporting layers 0.3s done`). So step numbers
   * compare as `#N`, a run of step paragraphs compares sorted, a line the next one extends is
   * dropped, and `<duration> done` compares as `done`. On a busy machine the printer also leaves a
   * slow step (`#6 ...`) to print another and comes back to it under its header again: the two
   * paragraphs compare as one; and it can print a finished step again in the same words (a trial
   * saw `[1/4] FROM` twice): a paragraph repeated in a run compares as one.
   */
  'buildkit-progress': (text: string) =>
    sortStepRuns(joinInterruptedSteps(text.split('\n\n')).map(normaliseStep)).join('\n\n'),
} satisfies Record<string, (text: string) => string>;

const STEP_LINE = /^#\d+ /;

/**
 * A step paragraph that ends `#6 ...` is continued by a later paragraph under the same header line:
 * the two become one, at the later place, without the `...` line and the repeated header.
 */
function joinInterruptedSteps(paragraphs: string[]): string[] {
  const out = [...paragraphs];
  for (let i = 0; i < out.length; i++) {
    const lines = out[i].split('\n');
    const step = /^(#\d+) /.exec(lines[0])?.[1];
    if (!step || lines.at(-1) !== `${step} ...`) continue;
    const next = out.findIndex((p, j) => j > i && p.split('\n')[0] === lines[0]);
    if (next < 0) continue;
    out[next] = [...lines.slice(0, -1), ...out[next].split('\n').slice(1)].join('\n');
    out.splice(i--, 1);
  }
  return out;
}

/** A paragraph of step lines, after the command line when the output starts with a step (`docker compose build`). */
function normaliseStep(paragraph: string): string {
  const lines = paragraph.split('\n');
  const command = lines[0].startsWith('$ ') ? lines.slice(0, 1) : [];
  const steps = lines.slice(command.length);
  if (steps.length === 0 || !steps.every((l) => STEP_LINE.test(l))) return paragraph;
  const normalised = steps
    .map((line) => line.replace(STEP_LINE, '#N ').replace(/ <duration> done$/, ' done'))
    .filter((line, i, all) => !(i + 1 < all.length && all[i + 1] !== line && all[i + 1].startsWith(line)));
  return [...command, ...normalised].join('\n');
}

/** Consecutive step paragraphs in sorted order, each once; other paragraphs stay where they are. */
function sortStepRuns(paragraphs: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => (out.push(...new Set(run.sort())), (run = []));
  for (const p of paragraphs) {
    if (p.startsWith('#N ')) run.push(p);
    else {
      flush();
      out.push(p);
    }
  }
  flush();
  return out;
}

export type VolatileKind = keyof typeof VOLATILE_KINDS | keyof typeof VOLATILE_LAYOUTS;

export const KIND_NAMES = [...Object.keys(VOLATILE_KINDS), ...Object.keys(VOLATILE_LAYOUTS)];

export function isVolatileKind(name: string): name is VolatileKind {
  return Object.hasOwn(VOLATILE_KINDS, name) || Object.hasOwn(VOLATILE_LAYOUTS, name);
}

/**
 * The text with every declared pattern replaced by `<kind>`, in the table's order (digests before
 * IDs), then the declared layouts normalised.
 */
export function mask(text: string, kinds: readonly VolatileKind[]): string {
  let out = text;
  for (const kind of Object.keys(VOLATILE_KINDS) as (keyof typeof VOLATILE_KINDS)[]) {
    if (kinds.includes(kind)) out = out.replace(VOLATILE_KINDS[kind], `<${kind}>`);
  }
  for (const kind of Object.keys(VOLATILE_LAYOUTS) as (keyof typeof VOLATILE_LAYOUTS)[]) {
    if (kinds.includes(kind)) out = VOLATILE_LAYOUTS[kind](out);
  }
  return out;
}
