import React, {type ReactNode} from 'react';
import {Box, Figure} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '包在容器进程外面的几层防护',
    description:
      '从外到里共六层，中间是容器里的进程。最外层是 cgroup 上限（--memory、--cpus、--pids-limit），限制进程能用多少资源；往里是 AppArmor 或 SELinux（只在主机启用了它们时才有），限制能访问哪些文件和路径；再往里是 seccomp，默认配置挡住约 44 个系统调用；然后是 capability，--cap-drop ALL 去掉 root 的特权；再往里是只读的根文件系统和 no-new-privileges；最里面是非 root 用户（USER 或 --user）。这些层都由同一个主机内核执行。',
    caption:
      '每一层单独都挡不住所有攻击；一层被绕过时，外面的层还在。虚线的一层只在主机启用了 AppArmor 或 SELinux 时才有。',
    kernel: '主机内核',
    kernelDetail: '所有层都由它执行',
    cgroups: 'cgroup 上限',
    mac: 'AppArmor / SELinux',
    macDetail: '只在主机启用时',
    seccomp: 'seccomp',
    seccompDetail: '默认配置挡住约 44 个系统调用',
    caps: 'capability',
    fs: '只读根文件系统',
    user: '非 root 用户',
    process: '容器里的进程',
  },
  en: {
    title: 'The layers of defence around a container process',
    description:
      'Six layers from the outside in, with the container process in the middle. The outermost is cgroup limits (--memory, --cpus, --pids-limit), which cap the resources the process may use. Inside it is AppArmor or SELinux (only where the host has them enabled), which limits the files and paths it may reach. Next is seccomp, whose default profile blocks about 44 system calls. Then capabilities, where --cap-drop ALL takes away the privileges of root. Inside that are the read-only root file system and no-new-privileges, and innermost a user that is not root (USER or --user). The one host kernel enforces all of them.',
    caption:
      'No layer stops every attack alone; when one is bypassed, the ones outside it still hold. The dashed layer exists only where the host has AppArmor or SELinux enabled.',
    kernel: 'host kernel',
    kernelDetail: 'enforces every layer',
    cgroups: 'cgroup limits',
    mac: 'AppArmor / SELinux',
    macDetail: 'only where the host has it',
    seccomp: 'seccomp',
    seccompDetail: 'blocks about 44 system calls',
    caps: 'capabilities',
    fs: 'read-only root file system',
    user: 'a user that is not root',
    process: 'container process',
  },
};

/** One layer (solid; a zone is drawn dashed): a box inset by `inset` on each side, its name and detail in the top-left corner. */
function Layer({
  step,
  label,
  detail,
  kind = 'neutral',
}: {
  step: number;
  label: string;
  detail: string;
  kind?: 'neutral' | 'zone' | 'host' | 'container';
}): ReactNode {
  const inset = 12 * step;
  const top = 44 * step;
  return (
    <Box
      x={10 + inset}
      y={10 + top}
      width={380 - 2 * inset}
      height={470 - top - inset}
      kind={kind}
      label={label}
      detail={detail}
      labelAt="top-left"
    />
  );
}

export default function DefenceLayers(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="defence-layers"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={400}
      height={490}>
      <Layer step={0} kind="host" label={t.kernel} detail={t.kernelDetail} />
      <Layer step={1} label={t.cgroups} detail="--memory --cpus --pids-limit" />
      <Layer step={2} kind="zone" label={t.mac} detail={t.macDetail} />
      <Layer step={3} label={t.seccomp} detail={t.seccompDetail} />
      <Layer step={4} label={t.caps} detail="--cap-drop ALL --cap-add …" />
      <Layer step={5} kind="container" label={t.fs} detail="--read-only  no-new-privileges" />
      <Layer step={6} label={t.user} detail="USER 10001  --user 10001" />
      <Box x={114} y={10 + 44 * 7} width={172} height={70} kind="process" label={t.process} />
    </Figure>
  );
}
