import net from 'node:net';
import {dockerOutput, run, type ExecResult} from '../core/exec';
import type {SwarmLab} from './swarm';

/**
 * Helpers for running checks against services in the lab, where a task may run on any of the
 * three nodes: the host engine only sees the node containers, the manager's API sees the Swarm.
 */

export interface TaskPlacement {
  task: string;
  node: string;
}

/** Running tasks of every service of `stack`, by service name. */
export async function stackPlacement(lab: SwarmLab, stack: string): Promise<Record<string, TaskPlacement[]>> {
  const out = await lab.docker([
    'stack',
    'ps',
    '--filter',
    'desired-state=running',
    '--format',
    '{{.Name}}\t{{.Node}}\t{{.CurrentState}}',
    stack,
  ]);
  const placement: Record<string, TaskPlacement[]> = {};
  for (const line of out.split('\n').filter(Boolean)) {
    const [task, node, state] = line.split('\t');
    if (!state.startsWith('Running')) continue;
    const service = task.replace(/\.[^.]+$/, '');
    (placement[service] ??= []).push({task, node});
  }
  return placement;
}

/** Runs `command` in a running task of `service` (full name, e.g. `mystack_web`), on whichever node holds it. */
export async function execInService(
  lab: SwarmLab,
  service: string,
  command: string[],
  {timeoutMs = 60_000} = {},
): Promise<ExecResult> {
  const tasks = await lab.docker([
    'service',
    'ps',
    '--filter',
    'desired-state=running',
    '--no-trunc',
    '--format',
    '{{.ID}}\t{{.Node}}\t{{.CurrentState}}',
    service,
  ]);
  for (const line of tasks.split('\n').filter(Boolean)) {
    const [id, node, state] = line.split('\t');
    if (!state.startsWith('Running')) continue;
    const container = lab.layout.nodes.find((n) => n.hostname === node)?.container;
    if (!container) continue;
    const ps = await run('docker', [
      'exec',
      container,
      'docker',
      'ps',
      '--quiet',
      '--filter',
      `label=com.docker.swarm.task.id=${id}`,
    ]);
    const taskContainer = ps.stdout.trim().split('\n')[0];
    if (taskContainer)
      return run('docker', ['exec', container, 'docker', 'exec', taskContainer, ...command], {timeoutMs});
  }
  return {
    code: 1,
    signal: null,
    stdout: '',
    stderr: `no running task of ${service} in the lab`,
    timedOut: false,
    interrupted: false,
  };
}

export interface PortForward {
  port: number;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1:`port` of the host and passes each connection to the first lab node that
 * accepts on the same port: ports published in `mode: host` exist only on the node running the
 * task (the ingress routing mesh, which would put them on every node, needs IPVS). So an http
 * check written for `http://127.0.0.1:<port>/` works unchanged against the lab.
 */
export async function forwardPublishedPort(lab: SwarmLab, port: number): Promise<PortForward> {
  const addresses: string[] = [];
  for (const node of lab.layout.nodes) {
    addresses.push(
      await dockerOutput([
        'inspect',
        '--format',
        `{{(index .NetworkSettings.Networks "${lab.layout.network}").IPAddress}}`,
        node.container,
      ]),
    );
  }
  const connectToNode = (i: number, onConnected: (s: net.Socket) => void, onNone: () => void) => {
    if (i >= addresses.length) return onNone();
    const upstream = net.connect({host: addresses[i], port, timeout: 2000});
    upstream.once('connect', () => {
      upstream.setTimeout(0);
      onConnected(upstream);
    });
    const next = () => {
      upstream.destroy();
      connectToNode(i + 1, onConnected, onNone);
    };
    upstream.once('error', next);
    upstream.once('timeout', next);
  };
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.pause();
    client.on('error', () => {});
    connectToNode(
      0,
      (upstream) => {
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      },
      () => client.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };
}
