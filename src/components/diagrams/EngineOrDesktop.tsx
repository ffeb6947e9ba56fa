import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'Docker Engine 与 Docker Desktop：引擎运行在哪里',
    description:
      '左边是 Linux 主机上的 Docker Engine：docker 命令、dockerd、容器、/var/lib/docker、docker0 网桥和 iptables 规则都在这台主机上，docker 命令通过 /var/run/docker.sock 和 dockerd 对话，bind mount 直接挂载主机上的目录，第 2、3 章查看主机的命令就在这台主机上运行。右边是 Mac 或 Windows 上的 Docker Desktop：docker 命令和你的文件在你的电脑上，dockerd、容器、/var/lib/docker、docker0 和 iptables 都在一台 Linux 虚拟机里；docker 命令的请求经过转发的套接字进入虚拟机，你的文件经过文件共享进入容器，同样的主机命令要在虚拟机里运行。',
    caption: 'docker 命令只是客户端；dockerd 和容器总是在一个 Linux 内核上，Docker Desktop 把这个内核放在虚拟机里。',
    engine: 'Docker Engine：Linux 主机',
    desktop: 'Docker Desktop：Mac / Windows',
    vm: 'Linux 虚拟机',
    files: '你的文件',
    containers: '容器',
    processes: '主机上的进程',
    bindMount: 'bind mount',
    forwarded: '转发',
    sharing: '文件共享',
    hereHost: '第 2、3 章的主机命令：在这台主机上',
    hereVm: '第 2、3 章的主机命令：在虚拟机里',
  },
  en: {
    title: 'Docker Engine and Docker Desktop: where the engine runs',
    description:
      "On the left, Docker Engine on a Linux host: the docker command, dockerd, the containers, /var/lib/docker, the docker0 bridge and the iptables rules are all on this host. The docker command talks to dockerd through /var/run/docker.sock, a bind mount mounts a folder of the host directly, and the host commands of chapters 2 and 3 run on this host. On the right, Docker Desktop on a Mac or Windows computer: the docker command and your files are on your computer, while dockerd, the containers, /var/lib/docker, docker0 and iptables are in a Linux VM. The docker command's requests enter the VM through a forwarded socket, your files reach containers through file sharing, and the same host commands have to run inside the VM.",
    caption:
      'The docker command is only a client. dockerd and the containers always run on a Linux kernel; Docker Desktop puts that kernel in a VM.',
    engine: 'Docker Engine: a Linux host',
    desktop: 'Docker Desktop: Mac or Windows',
    vm: 'Linux VM',
    files: 'your files',
    containers: 'containers',
    processes: 'host processes',
    bindMount: 'bind mount',
    forwarded: 'forwarded',
    sharing: 'file sharing',
    hereHost: 'host commands of ch. 2–3: on this host',
    hereVm: 'host commands of ch. 2–3: in the VM',
  },
};

/** One side: the client and files on top, the engine's parts below; `vm` draws the VM around them. */
function Side({x, label, vm, t}: {x: number; label: string; vm: boolean; t: (typeof text)['en']}): ReactNode {
  const c1 = x + 20;
  const c2 = x + 180;
  return (
    <>
      <Box x={x} y={10} width={340} height={350} kind="host" label={label} />
      {vm && <Box x={x + 10} y={120} width={320} height={196} kind="zone" label={t.vm} dashed />}
      <Box x={c1} y={44} width={140} height={56} kind="process" label="docker" detail="CLI" />
      <Box x={c2} y={44} width={140} height={56} kind="neutral" label={t.files} detail="~/site" />
      <Box x={c1} y={155} width={140} height={56} kind="process" label="dockerd" detail="docker.sock" />
      <Box
        x={c2}
        y={155}
        width={140}
        height={56}
        kind="container"
        label={t.containers}
        detail={vm ? undefined : t.processes}
      />
      <Box x={c1} y={245} width={140} height={56} kind="volume" label="/var/lib/docker" />
      <Box x={c2} y={245} width={140} height={56} kind="network" label="docker0" detail="iptables" />
      <Arrow
        points={[
          [c1 + 110, 100],
          [c1 + 110, 155],
        ]}
        label={vm ? t.forwarded : undefined}
        labelAt={[c1 + 50, 114]}
      />
      <Arrow
        points={[
          [c2 - 20, 183],
          [c2, 183],
        ]}
      />
      <Arrow
        points={[
          [c2 + 120, 100],
          [c2 + 120, 155],
        ]}
        label={vm ? t.sharing : t.bindMount}
        labelAt={vm ? [c2 + 50, 114] : [c2 + 55, 132]}
        dashed
      />
      <Label x={x + 170} y={340} muted>
        {vm ? t.hereVm : t.hereHost}
      </Label>
    </>
  );
}

export default function EngineOrDesktop(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="engine-or-desktop"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={370}
      narrow={[
        {x: 0, y: 0, width: 360, height: 370},
        {x: 360, y: 0, width: 360, height: 370},
      ]}>
      <Side x={10} label={t.engine} vm={false} t={t} />
      <Side x={370} label={t.desktop} vm t={t} />
    </Figure>
  );
}
