// The swarm that stack examples, and script examples declaring `swarm: true`, run in: this
// engine's own, initialised as a single-node swarm when it is in none (with --lab the target is
// the lab's manager, which already is one).
import {registerTeardown} from '../../core/teardown';
import {runOk, type TargetEngine} from '../exec';
import {tail} from '../../core/exec';
import {StartError} from './driver';

/** Per engine: the swarm is made ready once however many examples ask. */
const swarmReady = new Map<TargetEngine, Promise<void>>();

async function swarmState(engine: TargetEngine): Promise<string> {
  const r = await engine.docker(['info', '--format', '{{.Swarm.LocalNodeState}}'], {
    timeoutMs: 30_000,
    survivesInterrupt: true,
  });
  return r.stdout.trim();
}

/**
 * Makes the engine a swarm manager. If the runner had to initialise it, it leaves again when the
 * runner ends, unless someone else has started services in it meanwhile (the engine is shared).
 */
export function ensureSwarm(engine: TargetEngine, log: (s: string) => void): Promise<void> {
  const known = swarmReady.get(engine);
  if (known) return known;
  const ready = (async () => {
    if ((await swarmState(engine)) === 'active') return;
    const hadGwbridge =
      (await engine.docker(['network', 'inspect', 'docker_gwbridge'], {timeoutMs: 30_000})).code === 0;
    // Registered before init, so an interrupt during init still leaves the engine as it was.
    registerTeardown(
      'swarm',
      async () => {
        if ((await swarmState(engine)) !== 'active') return;
        const services = await engine.docker(['service', 'ls', '-q'], {timeoutMs: 30_000, survivesInterrupt: true});
        if (services.stdout.trim()) {
          log('swarm: not leaving the swarm the runner initialised: other services run in it now');
          return;
        }
        log('swarm: leaving the swarm the runner initialised');
        await runOk('docker', ['swarm', 'leave', '--force'], {
          timeoutMs: 120_000,
          survivesInterrupt: true,
          env: engine.env,
        });
        if (!hadGwbridge)
          await engine.docker(['network', 'rm', 'docker_gwbridge'], {timeoutMs: 30_000, survivesInterrupt: true});
      },
      {log, last: true},
    );
    log('swarm: initialising a single-node swarm');
    const init = await engine.docker(['swarm', 'init'], {timeoutMs: 120_000});
    if (init.code !== 0 && /could not choose an IP address|multiple addresses/i.test(init.stderr)) {
      await runOk('docker', ['swarm', 'init', '--advertise-addr', '127.0.0.1'], {timeoutMs: 120_000, env: engine.env});
    } else if (init.code !== 0) {
      throw new StartError(`docker swarm init failed: ${tail(init.stderr, 5)}`);
    }
  })();
  swarmReady.set(engine, ready);
  ready.catch(() => swarmReady.delete(engine));
  return ready;
}
