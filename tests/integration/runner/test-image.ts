// A tiny image for the runner's own fixtures: Debian's static busybox imported as a rootfs. No
// registry and no build needed; made once and reused.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_IMAGE = 'fg-runner-test/busybox:1.35';

export function ensureTestImage(): void {
  try {
    execFileSync('docker', ['image', 'inspect', TEST_IMAGE], { stdio: 'ignore' });
    return;
  } catch {
    /* make it */
  }
  const work = mkdtempSync(join(tmpdir(), 'fg-runner-test-'));
  try {
    try {
      execFileSync('apt-get', ['download', 'busybox-static'], { cwd: work, stdio: 'pipe' });
    } catch (err) {
      throw new Error(`cannot make ${TEST_IMAGE}: apt-get download busybox-static failed (run apt-get update?): ${String(err)}`);
    }
    const deb = readdirSync(work).find((f) => f.endsWith('.deb'))!;
    const pkg = join(work, 'pkg');
    execFileSync('dpkg-deb', ['-x', join(work, deb), pkg]);
    const root = join(work, 'root');
    for (const d of ['bin', 'tmp', 'www', 'etc', 'run']) mkdirSync(join(root, d), { recursive: true });
    chmodSync(join(root, 'tmp'), 0o1777);
    execFileSync('cp', [join(pkg, 'bin', 'busybox'), join(root, 'bin', 'busybox')]);
    const applets = execFileSync(join(root, 'bin', 'busybox'), ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    for (const applet of applets) if (applet !== 'busybox') symlinkSync('busybox', join(root, 'bin', applet));
    execFileSync('sh', ['-c', `echo 'root:x:0:0:root:/:/bin/sh' > ${root}/etc/passwd && echo 'root:x:0:' > ${root}/etc/group`]);
    execFileSync('sh', ['-c', `tar -C ${root} -c . | docker import -c 'CMD ["sh"]' -c 'ENV PATH=/bin' - ${TEST_IMAGE}`], { stdio: 'pipe' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
