import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'overlay 网络跑在 underlay 网络之上',
    description:
      '两台主机通过物理网络（underlay）相连，地址是 192.168.56.11 和 192.168.56.12。主机 1 上的容器 10.0.1.3 和主机 2 上的容器 10.0.1.4 在同一个 overlay 网络里。容器之间的包（内层，10.0.1.3 到 10.0.1.4）被主机用 VXLAN 装进一个 UDP 4789 的外层包里（192.168.56.11 到 192.168.56.12），经物理网络送到对方主机后拆开，交给目标容器。',
    caption: 'overlay 是逻辑网络：容器的包被封装在主机之间的 UDP 包里传送。',
    host1: '主机 1',
    host2: '主机 2',
    c: '容器',
    overlay: 'overlay 网络 10.0.1.0/24（VXLAN）',
    underlay: 'underlay：主机之间的物理网络',
    outer: '外层：192.168.56.11 → 192.168.56.12 · UDP 4789',
    inner: '内层：10.0.1.3 → 10.0.1.4 · 数据',
    packet: '线上的一个包',
  },
  en: {
    title: 'An overlay network runs on top of the underlay',
    description:
      'Two hosts, 192.168.56.11 and 192.168.56.12, are joined by a physical network (the underlay). A container at 10.0.1.3 on host 1 and one at 10.0.1.4 on host 2 share one overlay network. A packet between the containers (the inner packet, 10.0.1.3 to 10.0.1.4) is wrapped by the host with VXLAN into an outer UDP packet on port 4789 (192.168.56.11 to 192.168.56.12), carried over the physical network, unwrapped on the other host and handed to the target container.',
    caption: 'The overlay is a logical network: container packets travel wrapped in UDP packets between the hosts.',
    host1: 'host 1',
    host2: 'host 2',
    c: 'container',
    overlay: 'overlay network 10.0.1.0/24 (VXLAN)',
    underlay: 'underlay: the physical network between hosts',
    outer: 'outer: 192.168.56.11 → 192.168.56.12 · UDP 4789',
    inner: 'inner: 10.0.1.3 → 10.0.1.4 · data',
    packet: 'one packet on the wire',
  },
};

export default function OverlayUnderlay(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="overlay-underlay"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={420}
      narrow={[
        {x: 210, y: 18, width: 300, height: 120},
        {x: 14, y: 50, width: 272, height: 196},
        {x: 434, y: 50, width: 272, height: 196},
        {x: 176, y: 246, width: 368, height: 48},
        {x: 80, y: 300, width: 440, height: 118},
      ]}>
      <Box x={20} y={60} width={260} height={170} kind="host" label={t.host1} />
      <Box x={440} y={60} width={260} height={170} kind="host" label={t.host2} />
      <Box x={60} y={96} width={180} height={54} kind="container" label={t.c} detail="10.0.1.3" />
      <Box x={480} y={96} width={180} height={54} kind="container" label={t.c} detail="10.0.1.4" />
      <Box x={60} y={170} width={180} height={44} kind="neutral" label="eth0" detail="192.168.56.11" />
      <Box x={480} y={170} width={180} height={44} kind="neutral" label="eth0" detail="192.168.56.12" />
      <Arrow
        points={[
          [240, 123],
          [480, 123],
        ]}
        both
        dashed
      />
      <Label x={360} y={40}>
        {t.overlay}
      </Label>
      <Arrow
        points={[
          [360, 46],
          [360, 112],
        ]}
        dashed
      />
      <Box x={20} y={250} width={680} height={40} kind="network" label={t.underlay} />
      <Arrow
        points={[
          [150, 214],
          [150, 250],
        ]}
        both
      />
      <Arrow
        points={[
          [570, 214],
          [570, 250],
        ]}
        both
      />
      <Label x={360} y={324} muted>
        {t.packet}
      </Label>
      <Box x={80} y={334} width={560} height={80} kind="zone" label={t.outer}>
        <Box x={110} y={366} width={500} height={36} kind="container" label={t.inner} />
      </Box>
    </Figure>
  );
}
