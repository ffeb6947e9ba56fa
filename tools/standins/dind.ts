import path from 'node:path';
import {IMAGES_DIR} from './standins';

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

const DIND_DIR = path.join(IMAGES_DIR, 'dind');

/**
 * `docker run` arguments that mount the stand-in's mount preparation (`prepare-mounts.sh`, which
 * makes /sys and the cgroup mounts writable) at /usr/local/bin in a container of any image, for
 * engines that are not started by the stand-in's own entrypoint.
 */
export const PREPARE_MOUNTS_VOLUME: readonly string[] = [
  '--volume',
  `${DIND_DIR}/prepare-mounts.sh:/usr/local/bin/prepare-mounts.sh:ro`,
];

/**
 * `docker run` arguments that start any docker:dind image (the official one's entrypoint assumes
 * --privileged) with the stand-in's entrypoint: mounts readied, dockerd on the unix socket and on
 * plain TCP port 2375. Arguments after the image go to dockerd.
 */
export const DIND_ENTRYPOINT: readonly string[] = [
  ...PREPARE_MOUNTS_VOLUME,
  '--volume',
  `${DIND_DIR}/dockerd-entrypoint.sh:/usr/local/bin/dockerd-entrypoint.sh:ro`,
  '--entrypoint',
  'dockerd-entrypoint.sh',
  // The official image asks for TLS through this variable; the lab's API is plain TCP on loopback.
  '--env',
  'DOCKER_TLS_CERTDIR=',
];
