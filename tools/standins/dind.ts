/**
 * `docker run` flags for a Docker-in-Docker engine on this kind of VM. Not --privileged: it asks for
 * every capability, and the VM withholds CAP_SYS_RESOURCE. `--cap-add ALL` grants what the VM has
 * (Engine 28 refuses a `--cap-drop` of a capability the VM lacks); seccomp off, /sys paths writable,
 * a cgroup namespace of its own and every device, as --privileged would.
 */
export const DIND_RUN_FLAGS: readonly string[] = [
  '--cap-add',
  'ALL',
  '--security-opt',
  'seccomp=unconfined',
  '--security-opt',
  'systempaths=unconfined',
  '--cgroupns',
  'private',
  '--device-cgroup-rule',
  'a *:* rwm',
];
