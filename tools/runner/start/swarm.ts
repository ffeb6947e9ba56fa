// The swarm that stack examples, and script examples declaring `swarm: true`, run in: this
// engine's own, initialised as a single-node swarm when it is in none (with --lab, `docker` talks
// to the lab's manager, which already is one).
import { registerTeardown } from '../../core/teardown';
import { docker, engineEnv, runOk } from '../exec';
import { tail } from '../../core/exec';
import { StartError } from './driver';

let swarmReady: Promise<void> | null = null;

async function swarmState(): Promise<string> {
  const r = await docker(['info', '--format', '{{.Swarm.LocalNodeState}}'], { timeoutMs: 30_000, survivesInterrupt: true });
  return r.stdout.trim();
}

/**
 * Makes the engine a swarm manager. If the runner had to initialise it, it leaves again when the
 * runner ends, unless someone else has started services in it meanwhile (the engine is shared).
 */
export function ensureSwarm(log: (s: string) => void): Promise<void> {
  swarmReady ??= (async () => {
    if ((await swarmState()) === 'active') return;
    const hadGwbridge = (await docker(['network', 'inspect', 'docker_gwbridge'], { timeoutMs: 30_000 })).code === 0;
    // Registered before init, so an interrupt during init still leaves the engine as it was.
    registerTeardown('swarm', async () => {
      if ((await swarmState()) !== 'active') return;
      const services = await docker(['service', 'ls', '-q'], { timeoutMs: 30_000, survivesInterrupt: true });
      if (services.stdout.trim()) {
        log('swarm: not leaving the swarm the runner initialised: other services run in it now');
        return;
      }
      log('swarm: leaving the swarm the runner initialised');
      await runOk('docker', ['swarm', 'leave', '--force'], { timeoutMs: 120_000, survivesInterrupt: true, env: engineEnv() });
      if (!hadGwbridge) await docker(['network', 'rm', 'docker_gwbridge'], { timeoutMs: 30_000, survivesInterrupt: true });
    }, { log, last: true });
    log('swarm: initialising a single-node swarm');
    const init = await docker(['swarm', 'init'], { timeoutMs: 120_000 });
    if (init.code !== 0 && /could not choose an IP address|multiple addresses/i.test(init.stderr)) {
      await runOk('docker', ['swarm', 'init', '--advertise-addr', '127.0.0.1'], { timeoutMs: 120_000, env: engineEnv() });
    } else if (init.code !== 0) {
      throw new StartError(`docker swarm init failed: ${tail(init.stderr, 5)}`);
    }
  })();
  swarmReady.catch(() => { swarmReady = null; });
  return swarmReady;
}
