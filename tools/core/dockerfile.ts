// Reading a Dockerfile as the builder does, for what the tools need to know before building it:
// the images it pulls (FROM and COPY --from that are no earlier stage) and whether the final image
// has a HEALTHCHECK. The runner's static checks, its drivers and the Swarm lab all read it here.

export interface Instruction {
  keyword: string;
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

/** Joins continuation lines and drops comments and parser directives. */
export function instructions(text: string): Instruction[] {
  const escape = /^#\s*escape\s*=\s*`/im.test(text.split('\n').slice(0, 5).join('\n')) ? '`' : '\\';
  const lines = text.split(/\r?\n/);
  const out: Instruction[] = [];
  let current: {parts: string[]; line: number} | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (current === null) {
      if (/^\s*(#|$)/.test(line)) return;
      current = {parts: [], line: i + 1};
    } else if (/^\s*(#|$)/.test(line)) {
      return; // comment and empty lines inside a continued instruction are skipped by the builder too
    }
    if (line.endsWith(escape)) {
      current.parts.push(line.slice(0, -1));
      return;
    }
    current.parts.push(line);
    const joined = current.parts.join(' ').trim();
    const m = /^(\S+)\s*(.*)$/s.exec(joined);
    if (m) out.push({keyword: m[1].toUpperCase(), args: m[2].trim(), line: current.line});
    current = null;
  });
  if (current !== null) {
    const joined = (current as {parts: string[]; line: number}).parts.join(' ').trim();
    const m = /^(\S+)\s*(.*)$/s.exec(joined);
    if (m) out.push({keyword: m[1].toUpperCase(), args: m[2].trim(), line: (current as {line: number}).line});
  }
  return out;
}

export interface BaseImage {
  ref: string;
  line: number;
  /** True when the reference still holds a variable the Dockerfile gives no default for. */
  unresolved: boolean;
}

export interface DockerfileInfo {
  /** Images the build pulls: FROM and COPY --from that are not earlier stages or scratch. */
  baseImages: BaseImage[];
  /** True when the final image has a HEALTHCHECK (other than NONE) from its own stages. */
  hasHealthcheck: boolean;
}

export function readDockerfile(text: string): DockerfileInfo {
  const args = new Map<string, string>();
  const stages: {name: string | null; parent: number | null; healthcheck: boolean | null}[] = [];
  const baseImages: BaseImage[] = [];
  const stageIndex = (ref: string): number | null => {
    const byName = stages.findIndex((s) => s.name !== null && s.name === ref.toLowerCase());
    if (byName >= 0) return byName;
    if (/^\d+$/.test(ref) && Number(ref) < stages.length) return Number(ref);
    return null;
  };
  const expand = (s: string) => {
    let unresolved = false;
    const ref = s.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}?/g, (_m, name: string, dflt?: string) => {
      const v = args.get(name) ?? dflt;
      if (v === undefined || v === '') unresolved = true;
      return v ?? '';
    });
    return {ref, unresolved};
  };
  for (const ins of instructions(text)) {
    if (ins.keyword === 'ARG' && stages.length === 0) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(ins.args);
      if (m && m[2] !== undefined) args.set(m[1], m[2].replace(/^(["'])(.*)\1$/, '$2'));
    } else if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const {ref, unresolved} = expand(words[0] ?? '');
      const name = words[1]?.toUpperCase() === 'AS' && words[2] ? words[2].toLowerCase() : null;
      const parent = stageIndex(ref);
      if (parent === null && ref.toLowerCase() !== 'scratch' && ref !== '')
        baseImages.push({ref, line: ins.line, unresolved});
      stages.push({name, parent, healthcheck: null});
    } else if (ins.keyword === 'HEALTHCHECK' && stages.length > 0) {
      stages[stages.length - 1].healthcheck = !/^NONE\b/i.test(ins.args);
    } else if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && stages.length > 0) {
      const from = /--from=(\S+)/.exec(ins.args);
      if (from && stageIndex(from[1]) === null) {
        const {ref, unresolved} = expand(from[1]);
        if (stageIndex(ref) === null) baseImages.push({ref, line: ins.line, unresolved});
      }
    }
  }
  // The final image inherits HEALTHCHECK through stages built FROM an earlier stage.
  let hasHealthcheck = false;
  for (let i: number | null = stages.length - 1; i !== null && i >= 0; i = stages[i].parent) {
    const hc = stages[i].healthcheck;
    if (hc !== null) {
      hasHealthcheck = hc;
      break;
    }
  }
  return {baseImages, hasHealthcheck};
}
