import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'OSI 七层模型与 TCP/IP 四层模型',
    description:
      '左列是 OSI 模型的七层，从上到下：应用层、表示层、会话层、传输层、网络层、数据链路层、物理层。中间一列是 TCP/IP 模型的四层：应用层对应 OSI 的上三层（HTTP、DNS），传输层（TCP、UDP），网际层（IP、ICMP），链路层对应 OSI 的下两层（以太网）。右列写出 Docker 在哪一层工作：端口映射在传输层，路由和 NAT 在网际层，docker0 网桥和 veth 在链路层。',
    caption: 'TCP/IP 把 OSI 的七层合并成四层；Docker 的网络功能分布在下面三层。',
    osi: 'OSI 模型',
    tcpip: 'TCP/IP 模型',
    docker: 'Docker 在这里',
    osiLayers: ['7 应用层', '6 表示层', '5 会话层', '4 传输层', '3 网络层', '2 数据链路层', '1 物理层'],
    application: '应用层',
    transport: '传输层',
    internet: '网际层',
    link: '链路层',
    ports: '端口映射 -p 8080:80',
    routing: '路由、NAT（iptables）',
    bridge: 'docker0 网桥、veth',
  },
  en: {
    title: 'The seven OSI layers and the four TCP/IP layers',
    description:
      'The left column holds the seven OSI layers, top to bottom: application, presentation, session, transport, network, data link, physical. The middle column holds the four TCP/IP layers: application, matching the top three OSI layers (HTTP, DNS); transport (TCP, UDP); internet (IP, ICMP); and link, matching the bottom two (Ethernet). The right column shows where Docker works: port mapping at the transport layer, routing and NAT at the internet layer, the docker0 bridge and veth pairs at the link layer.',
    caption: 'TCP/IP folds the seven OSI layers into four; Docker networking lives in the lower three.',
    osi: 'OSI model',
    tcpip: 'TCP/IP model',
    docker: 'Docker works here',
    osiLayers: [
      '7 Application',
      '6 Presentation',
      '5 Session',
      '4 Transport',
      '3 Network',
      '2 Data link',
      '1 Physical',
    ],
    application: 'Application',
    transport: 'Transport',
    internet: 'Internet',
    link: 'Link',
    ports: 'port mapping -p 8080:80',
    routing: 'routing, NAT (iptables)',
    bridge: 'docker0 bridge, veth',
  },
};

const top = 44;
const row = 46;
const gap = 6;
/** y and height of a block spanning OSI rows first..last (0 = layer 7). */
const span = (first: number, last: number) => ({y: top + first * row, height: (last - first + 1) * row - gap});

export default function NetworkModels(): ReactNode {
  const t = text[BUILD_LOCALE];
  const tcpip = [
    {label: t.application, detail: 'HTTP · DNS · SSH', ...span(0, 2)},
    {label: t.transport, detail: 'TCP · UDP', ...span(3, 3)},
    {label: t.internet, detail: 'IP · ICMP', ...span(4, 4)},
    {label: t.link, detail: 'Ethernet · Wi-Fi', ...span(5, 6)},
  ];
  const docker = [
    {label: t.ports, ...span(3, 3)},
    {label: t.routing, ...span(4, 4)},
    {label: t.bridge, ...span(5, 5)},
  ];
  return (
    <Figure
      name="network-models"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={top + 7 * row + 8}
      narrow={[
        {x: 10, y: 0, width: 392, height: 374},
        {x: 480, y: 6, width: 236, height: 30},
        {x: 392, y: 176, width: 324, height: 144},
      ]}>
      <Label x={100} y={26}>
        {t.osi}
      </Label>
      <Label x={300} y={26}>
        {t.tcpip}
      </Label>
      <Label x={596} y={26}>
        {t.docker}
      </Label>
      {t.osiLayers.map((layer, i) => (
        <Box key={layer} x={20} y={top + i * row} width={160} height={row - gap} kind="layer" label={layer} />
      ))}
      {tcpip.map((b) => (
        <Box
          key={b.label}
          x={210}
          y={b.y}
          width={180}
          height={b.height}
          kind="network"
          label={b.label}
          detail={b.detail}
        />
      ))}
      {docker.map((b) => (
        <React.Fragment key={b.label}>
          <Arrow
            points={[
              [478, b.y + b.height / 2],
              [396, b.y + b.height / 2],
            ]}
            dashed
          />
          <Box x={482} y={b.y} width={228} height={b.height} kind="process" label={b.label} />
        </React.Fragment>
      ))}
    </Figure>
  );
}
