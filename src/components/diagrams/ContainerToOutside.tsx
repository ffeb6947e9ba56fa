import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '容器访问外网的路径',
    description:
      '从上到下：容器里的 eth0（172.17.0.2）发出的包经 veth 到达主机上的 docker0 网桥（172.17.0.1，容器的默认网关）；主机内核按路由表把包转发给 eth0，途中 iptables 的 MASQUERADE 规则把源地址 172.17.0.2 改写成主机网卡的地址 10.0.2.15；包从 eth0 离开主机去往互联网，回包按连接跟踪表改回容器地址。',
    caption: '容器的私有地址出不了主机：出去前由 MASQUERADE 换成主机的地址。',
    container: '容器',
    bridge: 'docker0 网桥（默认网关）',
    nat: 'iptables：MASQUERADE（源地址 NAT）',
    hostEth: '主机网卡 eth0',
    internet: '互联网',
    srcContainer: '源地址 172.17.0.2',
    srcHost: '源地址 10.0.2.15',
    host: '主机',
    source: '包的源地址',
  },
  en: {
    title: 'How a container reaches the outside',
    description:
      "Top to bottom: a packet leaves eth0 inside the container (172.17.0.2) and arrives through the veth pair at the docker0 bridge on the host (172.17.0.1, the container's default gateway). The host kernel routes it to eth0; on the way, the iptables MASQUERADE rule rewrites the source address 172.17.0.2 to the host NIC's address 10.0.2.15. The packet leaves the host through eth0 to the internet; replies are translated back to the container's address by connection tracking.",
    caption:
      "A container's private address never leaves the host: MASQUERADE swaps in the host's address on the way out.",
    container: 'container',
    bridge: 'docker0 bridge (default gateway)',
    nat: 'iptables: MASQUERADE (source NAT)',
    hostEth: 'host NIC eth0',
    internet: 'internet',
    srcContainer: 'source 172.17.0.2',
    srcHost: 'source 10.0.2.15',
    host: 'host',
    source: 'packet source',
  },
};

export default function ContainerToOutside(): ReactNode {
  const t = text[BUILD_LOCALE];
  const x = 60;
  const w = 330;
  return (
    <Figure
      name="container-to-outside"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={640}
      height={440}
      narrow={[
        {x: 10, y: 0, width: 430, height: 440},
        {x: 440, y: 20, width: 200, height: 360},
      ]}>
      <Box x={20} y={10} width={410} height={340} kind="host" label={t.host} />
      <Box x={x} y={40} width={w} height={54} kind="container" label={t.container} detail="eth0 172.17.0.2" />
      <Box x={x} y={124} width={w} height={54} kind="network" label={t.bridge} detail="172.17.0.1" />
      <Box x={x} y={208} width={w} height={44} kind="process" label={t.nat} />
      <Box x={x} y={282} width={w} height={54} kind="neutral" label={t.hostEth} detail="10.0.2.15" />
      <Box x={x} y={376} width={w} height={44} kind="zone" label={t.internet} />
      <Arrow
        points={[
          [225, 94],
          [225, 124],
        ]}
      />
      <Arrow
        points={[
          [225, 178],
          [225, 208],
        ]}
      />
      <Arrow
        points={[
          [225, 252],
          [225, 282],
        ]}
      />
      <Arrow
        points={[
          [225, 336],
          [225, 376],
        ]}
      />
      <Label x={450} y={40} anchor="start">
        {t.source}
      </Label>
      <Label x={450} y={112} anchor="start" muted>
        {t.srcContainer}
      </Label>
      <Label x={450} y={196} anchor="start" muted>
        {t.srcContainer}
      </Label>
      <Label x={450} y={272} anchor="start" muted>
        {t.srcHost}
      </Label>
      <Label x={450} y={362} anchor="start" muted>
        {t.srcHost}
      </Label>
    </Figure>
  );
}
