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
  /** Relative ages (`2 seconds ago`, `Up About a minute`) and log time stamps. */
  time: /\b(?:Less than a second|About (?:a|an) (?:minute|hour)|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?))(?= ago\b|\s|$)|\b\d{4}[/-]\d{2}[/-]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?/g,
  /** Swarm object IDs (25 lowercase letters and digits) and join tokens. */
  'swarm-id': /\bSWMTKN-1-[0-9a-z]+-[0-9a-z]+\b|\b(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{25}\b/g,
  /** BuildKit step timings (`0.1s`), bash's `time` lines (`0m1.112s`), ping's round-trip times. */
  duration: /\b\d+m\d+\.\d{3}s\b|\b\d+\.\d+s\b|(?<=\btime[= ])\d+(?:\.\d+)? ?ms\b|(?<== )\d+\.\d+(?:\/\d+\.\d+){2,3} ms\b/g,
  /** Sizes with a unit (`204MB`, `4.35kB`, `0B`). */
  size: /\b\d+(?:\.\d+)?\s?(?:B|kB|KB|MB|GB|KiB|MiB|GiB)\b/g,
  /** Link-layer addresses of interfaces made for the session (veth pairs); not the broadcast address. */
  'mac-address': /\b(?!ff(?::ff){5})[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/g,
  /** IPv4 addresses, with an optional prefix length. */
  'ip-address': /\b(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?\b/g,
  /** Host ports the engine picks from the ephemeral range (after a colon). */
  port: /(?<=:)(?:3[2-9]|[4-6]\d)\d{3}\b/g,
  /** Process IDs: the first column of `docker container top` and `pgrep -a`, nginx's worker processes. */
  pid: /^\d+(?=\s{2,}|\s\/)|(?<=worker process )\d+\b/gm,
} satisfies Record<string, RegExp>;

export type VolatileKind = keyof typeof VOLATILE_KINDS;

export function isVolatileKind(name: string): name is VolatileKind {
  return Object.hasOwn(VOLATILE_KINDS, name);
}

/** The text with every declared kind replaced by `<kind>`, in the table's order (digests before IDs). */
export function mask(text: string, kinds: readonly VolatileKind[]): string {
  let out = text;
  for (const kind of Object.keys(VOLATILE_KINDS) as VolatileKind[]) {
    if (kinds.includes(kind)) out = out.replace(VOLATILE_KINDS[kind], `<${kind}>`);
  }
  return out;
}
