import type {Localized} from '@site/src/lib/i18n';

/** Why a block's commands cannot run on the engine that generates transcripts; shown to the reader. */
export const NOT_RUN_REASONS = {
  'routing-mesh': {
    'zh-Hans': '生成输出的引擎所在的内核没有 IPVS，Swarm 的路由网格无法在这里运行',
    en: 'the kernel of the engine that generates the outputs has no IPVS, so the Swarm routing mesh cannot run here',
  },
  kubernetes: {
    'zh-Hans': '需要一个 Kubernetes 集群，生成输出的机器上没有',
    en: 'needs a Kubernetes cluster, which the machine that generates the outputs does not have',
  },
  'desktop-vm': {
    'zh-Hans': '在 Docker Desktop 的虚拟机里运行，生成输出的机器是 Linux 上的 Docker Engine',
    en: "runs in Docker Desktop's virtual machine; the outputs here are generated on Docker Engine on Linux",
  },
  'docker-repository': {
    'zh-Hans':
      '需要连上 Docker 的软件源（download.docker.com）；生成输出的引擎装的是 Debian 自己打包的 Docker，没有用这个软件源',
    en: "needs Docker's package repository (download.docker.com); the engine that generates the outputs here is installed from Debian's own packages instead",
  },
  'host-system': {
    'zh-Hans':
      '要改 Linux 主机本身（软件包、用户、systemd 服务）；生成输出的引擎以 root 身份运行在一个没有 systemd 的容器里，它的 daemon.json 在第一次启动前就已写好',
    en: 'changes the Linux host itself (packages, users, systemd services); the engine that generates the outputs runs as root in a container without systemd, and its daemon.json is written before it first starts',
  },
  'registry-access': {
    'zh-Hans':
      '需要从 Docker Hub 拉取镜像（docker-container 构建器要用 moby/buildkit），还要推送到一个镜像仓库；生成输出的引擎连不上任何镜像仓库',
    en: 'needs to pull an image from Docker Hub (a docker-container builder runs moby/buildkit) and to push to a registry; the engines that generate the outputs cannot reach any registry',
  },
} satisfies Record<string, Localized>;

export type NotRunReason = keyof typeof NOT_RUN_REASONS;

export function isNotRunReason(name: string): name is NotRunReason {
  return Object.hasOwn(NOT_RUN_REASONS, name);
}
