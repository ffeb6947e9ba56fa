import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '端口映射 -p 8080:80',
    description:
      '左边另一台机器上的客户端访问主机的 8080 端口。主机上 iptables 的 DNAT 规则（Docker 写在 DOCKER 链里）把目标地址从主机的 8080 端口改写成容器的 172.17.0.2:80，包经 docker0 网桥和 veth 送到容器里监听 80 端口的 nginx。回包再按连接跟踪改回主机地址。',
    caption: '-p 主机端口:容器端口：Docker 在主机上加一条 DNAT 规则，把主机端口转给容器端口。',
    client: '客户端',
    elsewhere: '另一台机器',
    host: '主机',
    hostPort: '主机端口 8080',
    dnat: 'iptables DNAT',
    container: '容器',
    dstHost: '目标 主机:8080',
    dstContainer: '目标 172.17.0.2:80',
  },
  en: {
    title: 'Port mapping -p 8080:80',
    description:
      "A client on another machine, on the left, connects to port 8080 of the host. On the host, an iptables DNAT rule (Docker writes it into its DOCKER chain) rewrites the destination from the host's port 8080 to the container's 172.17.0.2:80, and the packet travels through the docker0 bridge and the veth pair to nginx listening on port 80 in the container. Replies are translated back by connection tracking.",
    caption:
      '-p hostPort:containerPort: Docker adds a DNAT rule on the host that forwards the host port to the container port.',
    client: 'client',
    elsewhere: 'another host',
    host: 'host',
    hostPort: 'host port 8080',
    dnat: 'iptables DNAT',
    container: 'container',
    dstHost: 'to host:8080',
    dstContainer: 'to 172.17.0.2:80',
  },
};

export default function PortMapping(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="port-mapping"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={230}
      narrow={[
        {x: 0, y: 0, width: 462, height: 230},
        {x: 470, y: 0, width: 250, height: 230},
      ]}>
      <Box x={6} y={80} width={118} height={56} kind="process" label={t.client} detail={t.elsewhere} />
      <Box x={140} y={10} width={570} height={210} kind="host" label={t.host} />
      <Box x={160} y={80} width={140} height={56} kind="network" label={t.hostPort} detail="eth0" />
      <Box x={330} y={80} width={130} height={56} kind="process" label={t.dnat} />
      <Box x={510} y={40} width={180} height={150} kind="container" />
      <Label x={600} y={64}>
        {t.container}
      </Label>
      <Box x={530} y={80} width={140} height={56} kind="process" label="nginx :80" detail="172.17.0.2" />
      <Arrow
        points={[
          [124, 108],
          [160, 108],
        ]}
      />
      <Arrow
        points={[
          [300, 108],
          [330, 108],
        ]}
      />
      <Arrow
        points={[
          [460, 108],
          [530, 108],
        ]}
      />
      <Label x={230} y={162} muted>
        {t.dstHost}
      </Label>
      <Label x={600} y={162} muted>
        {t.dstContainer}
      </Label>
      <Label x={395} y={200} muted>
        docker0 → veth
      </Label>
    </Figure>
  );
}
