// What this engine and kernel can do, detected rather than assumed.
import {existsSync} from 'node:fs';
import {run} from './exec';

/** IPVS backs swarm VIPs and the ingress routing mesh. Loaded, or loadable as a module. */
export async function hasIpvs(): Promise<boolean> {
  if (existsSync('/proc/net/ip_vs')) return true;
  const r = await run('modprobe', ['-n', '-q', 'ip_vs'], {timeoutMs: 10_000});
  return r.code === 0;
}

/** A Kubernetes API server answers through kubectl (KUBECONFIG or ~/.kube/config). */
export async function hasCluster(): Promise<boolean> {
  const r = await run('kubectl', ['version', '-o', 'json', '--request-timeout=5s'], {timeoutMs: 15_000});
  if (r.code !== 0) return false;
  try {
    return Boolean((JSON.parse(r.stdout) as {serverVersion?: unknown}).serverVersion);
  } catch {
    return false;
  }
}

export const NO_IPVS = 'swarm VIP/ingress (no IPVS in this kernel)';
export const NO_CLUSTER = 'no cluster (KUBECONFIG)';
