import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'NAT：多台内网机器共用一个公网地址',
    description:
      '左边的内网 192.168.1.0/24 里有两台机器，地址是 192.168.1.10 和 192.168.1.11。机器 A 发往服务器 198.51.100.7 的包经过中间的 NAT 路由器时，源地址和端口 192.168.1.10:51000 被改写成路由器的公网地址和新端口 203.0.113.5:62001，这对映射记在 NAT 表里。服务器只看到公网地址；它的回包到达路由器后按 NAT 表改回 192.168.1.10:51000，送回机器 A。',
    caption: '出去时改写源地址，回来时按 NAT 表改回去：外面只看得到一个公网地址。',
    lan: '内网 192.168.1.0/24',
    hostA: '机器 A',
    hostB: '机器 B',
    router: 'NAT 路由器',
    table: 'NAT 表',
    server: '服务器',
    steps: [
      '① 源 192.168.1.10:51000 → 198.51.100.7:443',
      '② 源 203.0.113.5:62001 → 198.51.100.7:443（已改写）',
      '③ 回包发往 203.0.113.5:62001，',
      '按表改回 192.168.1.10:51000',
    ],
  },
  en: {
    title: 'NAT: many private machines behind one public address',
    description:
      "On the left, a private network 192.168.1.0/24 with two machines, 192.168.1.10 and 192.168.1.11. When machine A sends a packet to the server 198.51.100.7, the NAT router in the middle rewrites its source 192.168.1.10:51000 to the router's public address and a new port, 203.0.113.5:62001, and notes the pair in its NAT table. The server only sees the public address; its reply reaches the router, is translated back to 192.168.1.10:51000 through the table, and goes to machine A.",
    caption:
      'Rewrite the source on the way out, translate back on the way in: outside, only one public address is visible.',
    lan: 'LAN 192.168.1.0/24',
    hostA: 'machine A',
    hostB: 'machine B',
    router: 'NAT router',
    table: 'NAT table',
    server: 'server',
    steps: [
      '① src 192.168.1.10:51000 → 198.51.100.7:443',
      '② src 203.0.113.5:62001 → 198.51.100.7:443 (rewritten)',
      '③ reply to 203.0.113.5:62001,',
      'translated back to 192.168.1.10:51000',
    ],
  },
};

export default function Nat(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="nat"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={680}
      height={352}
      narrow={[
        {x: 4, y: 4, width: 222, height: 242},
        {x: 226, y: 20, width: 450, height: 210},
        {x: 10, y: 250, width: 455, height: 100},
      ]}>
      <Box x={10} y={10} width={210} height={230} kind="zone" label={t.lan} />
      <Box x={30} y={55} width={170} height={54} kind="neutral" label={t.hostA} detail="192.168.1.10" />
      <Box x={30} y={160} width={170} height={54} kind="neutral" label={t.hostB} detail="192.168.1.11" />
      <Box x={270} y={30} width={200} height={190} kind="host" label={t.router} detail="203.0.113.5" />
      <Label x={370} y={106}>
        {t.table}
      </Label>
      <Box x={282} y={116} width={176} height={32} kind="layer" label=".10:51000 ↔ :62001" />
      <Box x={282} y={156} width={176} height={32} kind="layer" label=".11:40312 ↔ :62002" />
      <Box x={520} y={95} width={150} height={54} kind="neutral" label={t.server} detail="198.51.100.7" />
      <Arrow
        points={[
          [200, 72],
          [270, 72],
        ]}
        label="①"
      />
      <Arrow
        points={[
          [270, 94],
          [200, 94],
        ]}
        dashed
      />
      <Arrow
        points={[
          [200, 187],
          [270, 187],
        ]}
      />
      <Arrow
        points={[
          [470, 112],
          [520, 112],
        ]}
        label="②"
      />
      <Arrow
        points={[
          [520, 136],
          [470, 136],
        ]}
        label="③"
        labelAt={[495, 158]}
        dashed
      />
      {t.steps.map((step, i) => (
        <Label key={step} x={20} y={270 + i * 22} anchor="start" muted>
          {step}
        </Label>
      ))}
    </Figure>
  );
}
