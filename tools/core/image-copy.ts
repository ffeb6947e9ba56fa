// Host images copied into Docker-in-Docker engines: one `docker save` on the host streamed into
// `docker load` in every engine at once. Saving once matters: a save of the stand-ins a three-node
// session needs took 30 s under load, and each engine used to get a save of its own.
import {spawn, type ChildProcess} from 'node:child_process';

/**
 * Loads `images` (host references) into each container in `containers` (engines reached with
 * `docker exec -i <container> docker load`). Rejects naming what failed; with `signal` aborted, the
 * processes are killed and it rejects with the signal's reason.
 */
export function copyImages(images: string[], containers: string[], signal?: AbortSignal): Promise<void> {
  if (images.length === 0 || containers.length === 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const errors: string[] = [];
    const collect = (what: string, child: ChildProcess) => {
      let text = '';
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (text += d));
      child.stderr!.on('end', () => text.trim() && errors.push(`${what}: ${text.trim()}`));
    };
    const save = spawn('docker', ['save', ...images], {stdio: ['ignore', 'pipe', 'pipe'], signal});
    collect('docker save', save);
    const loads = containers.map((container) => {
      const load = spawn('docker', ['exec', '-i', container, 'docker', 'load', '--quiet'], {
        stdio: ['pipe', 'ignore', 'pipe'],
        signal,
      });
      collect(`docker load in ${container}`, load);
      load.stdin!.on('error', () => {}); // a load that dies early is reported by its exit code
      save.stdout!.pipe(load.stdin!);
      return load;
    });
    const exits = [save, ...loads].map((child) => {
      child.on('error', () => {}); // an abort kills the child; 'close' still reports it
      return new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
    });
    Promise.all(exits).then((codes) => {
      if (signal?.aborted) reject(signal.reason);
      else if (codes.every((c) => c === 0)) resolve();
      else
        reject(new Error(`loading ${images.join(', ')} into ${containers.join(', ')} failed:\n${errors.join('\n')}`));
    }, reject);
  });
}
