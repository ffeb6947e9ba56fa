// `up --lab`: stack examples on the three-node Swarm lab of tools/lab/, and the check that their
// replicas really are spread over more than one node.
import type {TaskPlacement} from '../lab/services';
import {openLab, swarmStatus, type SwarmLab} from '../lab/swarm';
import type {CheckResult} from './result';

/** Why an example of another kind is not started with `--lab` (never counted as passed). */
export const LAB_STACK_ONLY = '--lab runs stack examples only';

/** The running lab, or why it cannot be used. The runner does not start one: it would outlive no one's wish. */
export async function openRunningLab(): Promise<SwarmLab | string> {
  const status = await swarmStatus();
  if (!status.ready) {
    // The lab's node containers live on this machine's engine: a DOCKER_HOST aimed at the lab hides them.
    const hint = process.env.DOCKER_HOST
      ? ` (DOCKER_HOST=${process.env.DOCKER_HOST} is set: the lab is looked for there; unset it)`
      : '';
    return `the Swarm lab is not running${hint}: start it with \`npm run lab -- swarm up\`, then run \`up --lab\` again`;
  }
  return openLab();
}

export interface ServiceReplicas {
  /** Full service name, `<stack>_<service>`. */
  name: string;
  desired: number;
}

/**
 * One "replicas on more than one node" check per service of the stack that wants more than one
 * replica, from its running tasks and their nodes (`docker stack ps`).
 */
export function placementChecks(
  stack: string,
  services: ServiceReplicas[],
  placement: Record<string, TaskPlacement[]>,
): CheckResult[] {
  return services
    .filter((s) => s.desired > 1)
    .map((s) => {
      const short = s.name.startsWith(`${stack}_`) ? s.name.slice(stack.length + 1) : s.name;
      const tasks = placement[s.name] ?? [];
      const nodes = [...new Set(tasks.map((t) => t.node))].sort();
      const where = `${tasks.length} running replica${tasks.length === 1 ? '' : 's'} on ${nodes.join(', ') || 'no node'}`;
      return {
        name: {'zh-Hans': `${short} 的副本分布在多个节点上`, en: `replicas of ${short} on more than one node`},
        type: 'placement',
        status: nodes.length > 1 ? 'passed' : 'failed',
        detail: where,
        seconds: 0,
      };
    });
}

type PortSpec = string | number | {published?: string | number | null} | null;

/**
 * Host ports a stack file publishes (long or short syntax, ranges left out), in file order, each
 * once: on the lab they are forwarded from 127.0.0.1 so http checks keep their URLs.
 */
export function publishedPorts(doc: {services?: Record<string, {ports?: PortSpec[]} | null>} | null): number[] {
  const ports: number[] = [];
  for (const service of Object.values(doc?.services ?? {})) {
    for (const spec of service?.ports ?? []) {
      let published: string | number | null | undefined;
      if (spec !== null && typeof spec === 'object') published = spec.published;
      else if (typeof spec === 'string') {
        // [ip:]published:target[/proto]; a bare target publishes no fixed port.
        const parts = spec.replace(/\/\w+$/, '').split(':');
        published = parts.length >= 2 ? parts[parts.length - 2] : undefined;
      }
      const port = Number(published);
      if (
        published !== undefined &&
        published !== null &&
        published !== '' &&
        Number.isInteger(port) &&
        port > 0 &&
        !ports.includes(port)
      )
        ports.push(port);
    }
  }
  return ports;
}
