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
  'github-actions': {
    'zh-Hans': '在 GitHub Actions 的运行器上执行，不在这里',
    en: 'runs on a GitHub Actions runner, not here',
  },
} satisfies Record<string, Localized>;

export type NotRunReason = keyof typeof NOT_RUN_REASONS;

export function isNotRunReason(name: string): name is NotRunReason {
  return Object.hasOwn(NOT_RUN_REASONS, name);
}
