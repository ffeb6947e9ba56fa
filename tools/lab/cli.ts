/**
 * npm run lab -- swarm up|status|down
 * npm run lab -- swarm run -- <command> [args…]
 *
 * A three-node Swarm (one manager, two workers) in Docker-in-Docker containers on this machine.
 * `run` gives one command a lab: a running one is used and left up; otherwise one is started for it
 * and removed afterwards, whatever the command's outcome (npm test's `swarm-lab` step: its suites
 * share one lab instead of starting one each).
 * FG_LAB_NAME picks another lab name (default fglab-swarm) to keep two labs apart.
 */
import {
  DEFAULT_LAB_NAME,
  KERNEL_LIMITS,
  formatStatus,
  startingLab,
  swarmDown,
  swarmStatus,
  swarmUp,
  withSwarmLab,
} from './swarm';
import {run} from '../core/exec';
import {runMain} from '../core/teardown';

const USAGE = 'usage: npm run lab -- swarm up|status|down | swarm run -- <command> [args…]';
const log = (line: string) => console.log(`lab: ${line}`);

async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === 'swarm' && command === 'run' && rest[0] === '--' && rest.length > 1) return runWithLab(rest.slice(1));
  if (group !== 'swarm' || !command || rest.length) {
    console.error(USAGE);
    return 2;
  }
  switch (command) {
    case 'up': {
      const started = Date.now();
      // On SIGINT/SIGTERM swarmUp stops at its next step and removes what it made; the lab's
      // teardown waits for that, then sweeps once more. A lab that came up is left running.
      const lab = startingLab(DEFAULT_LAB_NAME, log, (signal) => swarmUp({name: DEFAULT_LAB_NAME, log, signal}));
      try {
        const report = await lab.started;
        lab.teardown.dispose();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(formatStatus(report.status));
        console.log('');
        for (const [label, s] of report.phases) console.log(`  ${label.padEnd(30)} ${s.toFixed(1)} s`);
        console.log(
          `${report.reused ? 'lab was already up; refreshed' : 'ready'} in ${seconds} s; images in every node: ${report.images.join(', ')}`,
        );
        if (report.standIns.length)
          console.log(
            `offline stand-ins used (built from Debian packages, not the real images): ${report.standIns.join(', ')}`,
          );
        if (!report.ipvs) {
          for (const limit of KERNEL_LIMITS) {
            console.log(
              `this kernel has no ${limit.feature.toUpperCase()}: ${limit.parts.join(' and ')} do not work in this lab; ${limit.instead}`,
            );
          }
        }
        console.log('');
        console.log('Reach the manager from this shell:');
        console.log(`  export DOCKER_HOST=${report.status.managerHost}`);
        console.log('  docker node ls');
        console.log("A node's own engine (e.g. to exec into a task running there), past DOCKER_HOST:");
        console.log(`  docker -H unix:///var/run/docker.sock exec ${report.status.nodes[1].container} docker ps`);
        console.log("Ports a task publishes in mode: host answer on its node's ADDRESS above.");
        return 0;
      } catch (err) {
        await lab.teardown.run();
        throw err;
      }
    }
    case 'status': {
      const status = await swarmStatus(DEFAULT_LAB_NAME);
      console.log(formatStatus(status));
      if (status.ready) console.log(`DOCKER_HOST=${status.managerHost}`);
      return status.ready ? 0 : 1;
    }
    case 'down': {
      await swarmDown(DEFAULT_LAB_NAME, log);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

/** Runs `command` (its output streamed) with a ready lab (withSwarmLab); the command's exit code. */
async function runWithLab([file, ...args]: string[]): Promise<number> {
  const started = Date.now();
  return withSwarmLab(
    async () => {
      log(`ready after ${((Date.now() - started) / 1000).toFixed(1)} s; running ${[file, ...args].join(' ')}`);
      const result = await run(file, args, {onLine: (line) => console.log(line), stopOnInterrupt: true});
      log(`${file} exited with ${result.code ?? result.signal}`);
      return result.code ?? 1;
    },
    {log},
  );
}

runMain(() => main(process.argv.slice(2)), 'lab');
