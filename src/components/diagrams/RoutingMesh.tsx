import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'ingress 路由网格与 host 模式端口',
    description:
      '上半部分是 ingress 模式：服务发布了 8080 端口，集群里每个节点都在 8080 上监听，包括没有运行任务的节点 2。请求到达节点 2 后，经 ingress overlay 网络由 IPVS 转发给节点 1 或节点 3 上的任务。这台机器的内核没有 IPVS，路由网格无法工作。下半部分是 host 模式：只有运行任务的节点打开端口，请求必须发到那个节点。',
    caption: 'ingress 模式下任何节点的发布端口都能进到服务（需要 IPVS）；host 模式只在任务所在的节点上开端口。',
    ingressMode: 'mode: ingress',
    byDefault: '（默认）',
    hostMode: 'mode: host',
    client: '客户端',
    node: '节点',
    task: '任务 web',
    noTask: '没有任务',
    mesh: 'ingress overlay 网络 + IPVS（这台机器没有 IPVS）',
    closed: '端口未打开',
  },
  en: {
    title: 'The ingress routing mesh and host-mode ports',
    description:
      "Top, ingress mode: the service publishes port 8080 and every node of the cluster listens on 8080, node 2 too although it runs no task. A request reaching node 2 is forwarded over the ingress overlay network, by IPVS, to a task on node 1 or node 3. This machine's kernel has no IPVS, so the routing mesh cannot work here. Bottom, host mode: only a node running a task opens the port, and requests must go to that node.",
    caption:
      'In ingress mode the published port on any node leads to the service (needs IPVS); in host mode only the nodes running a task open it.',
    ingressMode: 'mode: ingress',
    byDefault: '(default)',
    hostMode: 'mode: host',
    client: 'client',
    node: 'node',
    task: 'task web',
    noTask: 'no task',
    mesh: 'ingress overlay network + IPVS (no IPVS on this machine)',
    closed: 'port not open',
  },
};

const nodeX = [150, 345, 540];

export default function RoutingMesh(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="routing-mesh"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={440}
      narrow={[
        {x: 10, y: 0, width: 335, height: 174},
        {x: 335, y: 0, width: 395, height: 174},
        {x: 205, y: 176, width: 460, height: 42},
        {x: 10, y: 270, width: 335, height: 170},
        {x: 335, y: 270, width: 395, height: 170},
      ]}>
      <Label x={20} y={44} anchor="start">
        {t.ingressMode}
      </Label>
      <Label x={20} y={64} anchor="start" muted>
        {t.byDefault}
      </Label>
      <Box x={20} y={86} width={100} height={50} kind="process" label={t.client} />
      {nodeX.map((x, i) => (
        <Box key={x} x={x} y={40} width={180} height={120} kind="host" label={`${t.node} ${i + 1}`}>
          <Box x={x + 14} y={66} width={70} height={34} kind="network" label=":8080" />
          <Box
            x={x + 94}
            y={66}
            width={76}
            height={34}
            kind="container"
            dashed={i === 1}
            label={i === 1 ? t.noTask : 'web'}
          />
        </Box>
      ))}
      <Arrow
        points={[
          [120, 111],
          [135, 111],
          [135, 22],
          [420, 22],
          [420, 66],
        ]}
        label="curl node2:8080"
        labelAt={[270, 15]}
      />
      <Box x={150} y={178} width={570} height={36} kind="network" dashed label={t.mesh} />
      <Arrow
        points={[
          [400, 100],
          [400, 178],
        ]}
      />
      <Arrow
        points={[
          [282, 178],
          [282, 100],
        ]}
        dashed
      />
      <Arrow
        points={[
          [672, 178],
          [672, 100],
        ]}
        dashed
      />

      <Label x={20} y={300} anchor="start">
        {t.hostMode}
      </Label>
      <Box x={20} y={320} width={100} height={50} kind="process" label={t.client} />
      {nodeX.map((x, i) => (
        <Box key={x} x={x} y={282} width={180} height={120} kind="host" label={`${t.node} ${i + 1}`}>
          <Box
            x={x + 14}
            y={316}
            width={70}
            height={34}
            kind="network"
            dashed={i === 1}
            label={i === 1 ? '—' : ':8080'}
          />
          <Box
            x={x + 94}
            y={316}
            width={76}
            height={34}
            kind="container"
            dashed={i === 1}
            label={i === 1 ? t.noTask : 'web'}
          />
          {i === 1 && (
            <Label x={x + 90} y={380} muted>
              {t.closed}
            </Label>
          )}
        </Box>
      ))}
      <Arrow
        points={[
          [120, 345],
          [164, 333],
        ]}
      />
      <Arrow
        points={[
          [84 + nodeX[0], 333],
          [94 + nodeX[0], 333],
        ]}
      />
      <Label x={70} y={392} muted>
        curl node1:8080
      </Label>
    </Figure>
  );
}
