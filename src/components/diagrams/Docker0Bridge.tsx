import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '两个容器通过 docker0 网桥通信',
    description:
      '主机上有两个容器，各自在自己的网络命名空间里有一个 eth0：容器 1 是 172.17.0.2，容器 2 是 172.17.0.3。每个 eth0 是一对 veth 的一头，另一头以 vethXXXX 的名字留在主机上，接在 docker0 网桥上。docker0 的地址 172.17.0.1 是容器的默认网关。容器 1 发给容器 2 的包经 veth 到 docker0，由网桥转发到容器 2 的 veth，不经过主机的 eth0。',
    caption: 'docker0 是一个虚拟交换机：同一网桥上的容器直接在二层互通。',
    host: '主机',
    c1: '容器 1',
    c2: '容器 2',
    bridge: 'docker0 网桥（虚拟交换机）',
    pair: 'veth pair',
    hostEth: '主机网卡 eth0',
  },
  en: {
    title: 'Two containers talking through the docker0 bridge',
    description:
      "A host runs two containers, each with an eth0 in its own network namespace: container 1 at 172.17.0.2, container 2 at 172.17.0.3. Each eth0 is one end of a veth pair whose other end stays on the host as vethXXXX, plugged into the docker0 bridge. docker0's own address, 172.17.0.1, is the containers' default gateway. A packet from container 1 to container 2 goes through its veth to docker0, which forwards it to container 2's veth; it never touches the host's eth0.",
    caption: 'docker0 is a virtual switch: containers on the same bridge reach each other directly at layer 2.',
    host: 'host',
    c1: 'container 1',
    c2: 'container 2',
    bridge: 'docker0 bridge (virtual switch)',
    pair: 'veth pair',
    hostEth: 'host NIC eth0',
  },
};

export default function Docker0Bridge(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="docker0-bridge"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={680}
      height={380}
      narrow={[
        {x: 4, y: 4, width: 342, height: 236},
        {x: 334, y: 4, width: 342, height: 236},
        {x: 140, y: 240, width: 400, height: 136},
      ]}>
      <Box x={10} y={10} width={660} height={360} kind="host" label={t.host} />
      <Box x={60} y={40} width={220} height={110} kind="container" />
      <Label x={170} y={68}>
        {t.c1}
      </Label>
      <Box x={400} y={40} width={220} height={110} kind="container" />
      <Label x={510} y={68}>
        {t.c2}
      </Label>
      <Box x={95} y={88} width={150} height={50} kind="network" label="eth0" detail="172.17.0.2" />
      <Box x={435} y={88} width={150} height={50} kind="network" label="eth0" detail="172.17.0.3" />
      <Box x={105} y={186} width={130} height={36} kind="neutral" label="veth9a1c2e3" />
      <Box x={445} y={186} width={130} height={36} kind="neutral" label="vethf27b0d5" />
      <Arrow
        points={[
          [170, 138],
          [170, 186],
        ]}
        both
      />
      <Arrow
        points={[
          [510, 138],
          [510, 186],
        ]}
        both
      />
      <Label x={232} y={166} muted>
        {t.pair}
      </Label>
      <Label x={572} y={166} muted>
        {t.pair}
      </Label>
      <Box x={60} y={262} width={560} height={48} kind="network" label={t.bridge} detail="172.17.0.1/16" />
      <Arrow
        points={[
          [170, 222],
          [170, 262],
        ]}
        both
      />
      <Arrow
        points={[
          [510, 222],
          [510, 262],
        ]}
        both
      />
      <Box x={250} y={322} width={180} height={36} kind="neutral" label={t.hostEth} />
    </Figure>
  );
}
