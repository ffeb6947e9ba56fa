// Which examples `up --jobs N` may run at the same time. Two examples share the engine safely when
// the host ports they publish are known and different, and at most one of them uses the engine's
// swarm (a stack or `swarm: true`): swarm examples deploy, update and remove services of one shared
// single-node swarm, and one at a time keeps each one's view of it (`docker service ls`, its rolling
// update's tasks) its own. Anything the reading below cannot be sure of runs alone: guessing wrong
// would only cost time, never a false result.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'yaml';
import type {Declaration} from './declaration';
import {exampleFiles} from '../core/example-files';

export interface Slot {
  /** Runs with no other example beside it. */
  alone: boolean;
  /** Why it runs alone (for the log), when it does. */
  why?: string;
  /** Uses the engine's swarm: never beside another that does. */
  swarm: boolean;
  /** Host ports it publishes (empty when it publishes none). */
  ports: Set<number>;
}

/** A published port written out in full, or null when it depends on a variable or is a range. */
function hostPort(spec: string): number | null | 'none' {
  if (spec.includes('$')) return null;
  const parts = spec.replace(/\/(tcp|udp|sctp)$/, '').split(':');
  if (parts.length === 1) return 'none'; // "80": a random host port, no clash possible
  const published = parts.at(-2)!;
  if (published === '') return 'none';
  return /^\d+$/.test(published) ? Number(published) : null;
}

/** Host ports of a compose or stack file: short ("127.0.0.1:8080:80") and long (published:) syntax. */
function composePorts(text: string): number[] | null {
  let doc: {services?: Record<string, {ports?: unknown[]} | null>} | null;
  try {
    doc = parse(text, {maxAliasCount: 100}) as typeof doc;
  } catch {
    return null; // the static checks report it; here it only means "run alone"
  }
  const ports: number[] = [];
  const services =
    doc && typeof doc === 'object' && doc.services && typeof doc.services === 'object'
      ? Object.values(doc.services)
      : [];
  for (const service of services) {
    const list = service && Array.isArray(service.ports) ? service.ports : [];
    for (const port of list) {
      const published = port && typeof port === 'object' ? (port as {published?: unknown}).published : undefined;
      const found =
        port && typeof port === 'object'
          ? published === undefined
            ? 'none'
            : hostPort(`${published}:0`)
          : hostPort(String(port));
      if (found === null) return null;
      if (found !== 'none') ports.push(found);
    }
  }
  return ports;
}

/**
 * Host ports a shell script publishes with `-p`/`--publish`, or null when one is not written out.
 * After `compose` on a line, `-p` names the project and is skipped.
 */
function scriptPorts(text: string): number[] | null {
  const ports: number[] = [];
  for (const line of text.split('\n')) {
    const composeAt = line.search(/\bcompose\b/);
    for (const match of line.matchAll(/(?:^|\s)(-p|--publish)(?:\s+|=)("[^"]*"|'[^']*'|\S+)/g)) {
      if (match[1] === '-p' && composeAt >= 0 && match.index! > composeAt) continue;
      const spec = match[2].replace(/^["']|["']$/g, '');
      if (spec.includes('=')) return null; // the long form (published=…,target=…) is not read here
      const found = hostPort(spec);
      if (found === null) return null;
      if (found !== 'none') ports.push(found);
    }
  }
  return ports;
}

/** How `decl` may share the engine with other examples during `up --jobs N`. */
export function slotOf(decl: Declaration): Slot {
  const swarm = decl.kind === 'stack' || decl.swarm;
  const ports = new Set<number>();
  const files = exampleFiles(decl.dir).filter((f) => f !== 'example.yaml' && /\.(ya?ml|sh)$/.test(f));
  for (const file of files) {
    const text = readFileSync(join(decl.dir, file), 'utf8');
    const found = file.endsWith('.sh') ? scriptPorts(text) : composePorts(text);
    if (found === null) return {alone: true, why: `a published port in ${file} is not written out`, swarm, ports};
    for (const port of found) ports.add(port);
  }
  return {alone: false, swarm, ports};
}

/** Whether an example in `slot` may start while the examples in `running` run. */
export function mayStartBeside(slot: Slot, running: Slot[]): boolean {
  if (running.length === 0) return true;
  if (slot.alone || running.some((r) => r.alone)) return false;
  if (slot.swarm && running.some((r) => r.swarm)) return false;
  return running.every((r) => [...slot.ports].every((port) => !r.ports.has(port)));
}
