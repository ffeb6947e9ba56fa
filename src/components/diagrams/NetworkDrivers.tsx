import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'Docker 的四种网络驱动',
    description:
      '四个面板。bridge：同一主机上的两个容器各有自己的 IP，接在 docker0 网桥上，出主机时经 NAT。host：容器没有自己的网络命名空间，直接使用主机的网卡和端口。none：容器只有回环接口 lo，与外界隔离。overlay：两台主机上的容器接在同一个跨主机的虚拟网络上，像在同一个局域网里。',
    caption: '单机用 bridge、host、none；跨主机用 overlay。',
    bridge: 'bridge（默认）',
    host: 'host',
    none: 'none',
    overlay: 'overlay（多机）',
    c: '容器',
    docker0: 'docker0',
    hostStack: '主机的网卡和端口',
    shares: '容器直接使用',
    onlyLo: '只有 lo',
    host1: '主机 1',
    host2: '主机 2',
    overlayNet: 'overlay 网络 10.0.1.0/24',
  },
  en: {
    title: "Docker's four network drivers",
    description:
      "Four panels. bridge: two containers on one host each have their own IP address and plug into the docker0 bridge; traffic leaving the host goes through NAT. host: the container has no network namespace of its own and uses the host's interfaces and ports directly. none: the container has only the loopback interface lo and is cut off. overlay: containers on two hosts join one virtual network spanning both, as if on one LAN.",
    caption: 'On one host: bridge, host, none. Across hosts: overlay.',
    bridge: 'bridge (default)',
    host: 'host',
    none: 'none',
    overlay: 'overlay (multi-host)',
    c: 'container',
    docker0: 'docker0',
    hostStack: 'host interfaces and ports',
    shares: 'used directly',
    onlyLo: 'lo only',
    host1: 'host 1',
    host2: 'host 2',
    overlayNet: 'overlay network 10.0.1.0/24',
  },
};

export default function NetworkDrivers(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="network-drivers"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={460}
      narrow={[
        {x: 4, y: 4, width: 366, height: 222},
        {x: 370, y: 4, width: 366, height: 222},
        {x: 4, y: 234, width: 366, height: 222},
        {x: 370, y: 234, width: 366, height: 222},
      ]}>
      {/* bridge */}
      <Box x={10} y={10} width={355} height={210} kind="host" label={t.bridge} />
      <Box x={35} y={45} width={140} height={54} kind="container" label={t.c} detail="172.17.0.2" />
      <Box x={200} y={45} width={140} height={54} kind="container" label={t.c} detail="172.17.0.3" />
      <Box x={35} y={125} width={305} height={36} kind="network" label={t.docker0} />
      <Box x={125} y={178} width={125} height={32} kind="neutral" label="eth0 · NAT" />
      <Arrow
        points={[
          [105, 99],
          [105, 125],
        ]}
        both
      />
      <Arrow
        points={[
          [270, 99],
          [270, 125],
        ]}
        both
      />
      <Arrow
        points={[
          [187, 161],
          [187, 178],
        ]}
      />
      {/* host */}
      <Box x={375} y={10} width={355} height={210} kind="host" label={t.host} />
      <Box x={400} y={45} width={305} height={54} kind="container" label={t.c} detail="--network host" />
      <Box x={400} y={135} width={305} height={54} kind="neutral" label={t.hostStack} detail="eth0 · :80 · :443" />
      <Arrow
        points={[
          [552, 99],
          [552, 135],
        ]}
      />
      <Label x={560} y={122} anchor="start" muted>
        {t.shares}
      </Label>
      {/* none */}
      <Box x={10} y={240} width={355} height={210} kind="host" label={t.none} />
      <Box x={100} y={290} width={180} height={110} kind="container" />
      <Label x={190} y={316}>
        {t.c}
      </Label>
      <Label x={190} y={336} muted>
        --network none
      </Label>
      <Box x={140} y={350} width={100} height={36} kind="process" label={t.onlyLo} />
      {/* overlay */}
      <Box x={375} y={240} width={355} height={210} kind="zone" label={t.overlay} />
      <Box x={390} y={275} width={160} height={110} kind="host" label={t.host1} />
      <Box x={555} y={275} width={160} height={110} kind="host" label={t.host2} />
      <Box x={405} y={315} width={130} height={54} kind="container" label={t.c} detail="10.0.1.3" />
      <Box x={570} y={315} width={130} height={54} kind="container" label={t.c} detail="10.0.1.4" />
      <Box x={390} y={402} width={325} height={36} kind="network" label={t.overlayNet} />
      <Arrow
        points={[
          [470, 369],
          [470, 402],
        ]}
        both
      />
      <Arrow
        points={[
          [635, 369],
          [635, 402],
        ]}
        both
      />
    </Figure>
  );
}
