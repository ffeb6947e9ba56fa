import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '两个网络命名空间由一对 veth 相连',
    description:
      '一台 Linux 主机上有两个网络命名空间 lab-ns1 和 lab-ns2。每个命名空间有自己的回环接口 lo 和一个 veth 端点：lab-ns1 里的 veth1 地址是 10.200.1.1/24，lab-ns2 里的 veth2 地址是 10.200.1.2/24。这两个端点是同一对 veth 的两头，从一头进去的包从另一头出来。主机自己的命名空间里有 eth0 和 docker0，两个命名空间都看不到它们。',
    caption: 'veth 像一根网线：两头分别插在两个命名空间里。',
    host: 'Linux 主机',
    hostNs: '主机的命名空间（两个 lab 命名空间都看不到）',
    pair: 'veth pair',
    ping: 'ping 10.200.1.2',
  },
  en: {
    title: 'Two network namespaces joined by a veth pair',
    description:
      "One Linux host holds two network namespaces, lab-ns1 and lab-ns2. Each has its own loopback interface lo and one veth end: veth1 in lab-ns1 with address 10.200.1.1/24, veth2 in lab-ns2 with 10.200.1.2/24. The two ends belong to one veth pair: a packet sent into one end comes out of the other. The host's own namespace holds eth0 and docker0, which neither lab namespace can see.",
    caption: 'A veth pair is a virtual cable with one end plugged into each namespace.',
    host: 'Linux host',
    hostNs: "the host's namespace: neither lab namespace sees it",
    pair: 'veth pair',
    ping: 'ping 10.200.1.2',
  },
};

export default function NetnsVeth(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="netns-veth"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={330}
      narrow={[
        {x: 4, y: 4, width: 286, height: 222},
        {x: 285, y: 130, width: 150, height: 80},
        {x: 430, y: 30, width: 270, height: 195},
        {x: 34, y: 230, width: 430, height: 30},
        {x: 185, y: 256, width: 345, height: 54},
      ]}>
      <Box x={10} y={10} width={700} height={310} kind="host" label={t.host} />
      <Box x={30} y={44} width={250} height={170} kind="zone" label="lab-ns1" />
      <Box x={440} y={44} width={250} height={170} kind="zone" label="lab-ns2" />
      <Box x={50} y={80} width={90} height={50} kind="process" label="lo" detail="127.0.0.1" />
      <Box x={580} y={80} width={90} height={50} kind="process" label="lo" detail="127.0.0.1" />
      <Box x={140} y={140} width={120} height={56} kind="network" label="veth1" detail="10.200.1.1/24" />
      <Box x={460} y={140} width={120} height={56} kind="network" label="veth2" detail="10.200.1.2/24" />
      <Arrow
        points={[
          [260, 168],
          [460, 168],
        ]}
        both
      />
      <Label x={360} y={158} muted>
        {t.pair}
      </Label>
      <Label x={360} y={190} muted>
        {t.ping}
      </Label>
      <Box x={30} y={236} width={660} height={70} kind="zone" label={t.hostNs} />
      <Box x={200} y={262} width={130} height={36} kind="neutral" label="eth0" />
      <Box x={390} y={262} width={130} height={36} kind="neutral" label="docker0" />
    </Figure>
  );
}
