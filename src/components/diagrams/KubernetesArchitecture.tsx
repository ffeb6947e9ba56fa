import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'Kubernetes 的架构',
    description:
      '上方是控制平面：kubectl 把请求发给 API server；scheduler 和 controller manager 也只和 API server 通信；只有 API server 读写 etcd，集群的全部状态存在 etcd 里。下方是两个工作节点，每个节点上有 kubelet、kube-proxy 和容器运行时（如 containerd），运行时启动 Pod 的容器。每个节点的 kubelet 连接 API server，领取分配给本节点的 Pod 并汇报状态。',
    caption: '所有组件都只和 API server 打交道；集群状态只存放在 etcd 里。',
    controlPlane: '控制平面',
    node: (n: number) => `工作节点 ${n}`,
    apiDetail: '唯一的入口',
    etcdDetail: '键值存储',
    schedulerDetail: '为 Pod 选节点',
    controllersDetail: '让实际追上期望',
    kubeletDetail: '节点代理',
    proxyDetail: 'Service 转发',
    runtime: '容器运行时',
  },
  en: {
    title: 'Kubernetes architecture',
    description:
      "At the top is the control plane: kubectl sends requests to the API server; the scheduler and the controller manager also talk only to the API server; only the API server reads and writes etcd, where the whole state of the cluster is kept. Below are two worker nodes, each with a kubelet, kube-proxy and a container runtime (such as containerd) that starts the containers of Pods. Each node's kubelet connects to the API server, picks up the Pods assigned to its node and reports their status.",
    caption: 'Every component talks only to the API server; the cluster state lives only in etcd.',
    controlPlane: 'control plane',
    node: (n: number) => `worker node ${n}`,
    apiDetail: 'the only way in',
    etcdDetail: 'key-value store',
    schedulerDetail: 'picks a node',
    controllersDetail: 'actual → desired',
    kubeletDetail: 'node agent',
    proxyDetail: 'Service traffic',
    runtime: 'container runtime',
  },
};

function WorkerNode({x, label, t}: {x: number; label: string; t: (typeof text)['en']}): ReactNode {
  return (
    <>
      {/* Named in the top-right corner: the API server's arrow comes down on the left. */}
      <Box x={x} y={205} width={290} height={190} kind="host" />
      <Label x={x + 280} y={225} anchor="end">
        {label}
      </Label>
      <Box x={x + 15} y={235} width={112} height={46} kind="process" label="kubelet" detail={t.kubeletDetail} />
      <Box x={x + 139} y={235} width={136} height={46} kind="process" label="kube-proxy" detail={t.proxyDetail} />
      <Box x={x + 15} y={293} width={260} height={40} kind="image" label={t.runtime} detail="containerd" />
      <Box x={x + 15} y={345} width={120} height={38} kind="container" label="Pod" />
      <Box x={x + 155} y={345} width={120} height={38} kind="container" label="Pod" />
      <Arrow
        points={[
          [x + 71, 281],
          [x + 71, 293],
        ]}
      />
    </>
  );
}

export default function KubernetesArchitecture(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="kubernetes-architecture"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={405}
      narrow={[
        {x: 0, y: 0, width: 320, height: 185},
        {x: 320, y: 0, width: 420, height: 185},
        {x: 125, y: 200, width: 300, height: 205},
        {x: 435, y: 200, width: 300, height: 205},
      ]}>
      <Box x={10} y={75} width={100} height={50} kind="process" label="kubectl" />
      <Box x={130} y={10} width={600} height={170} kind="zone" label={t.controlPlane} />
      <Box x={150} y={60} width={160} height={80} kind="process" label="API server" detail={t.apiDetail} />
      <Box x={380} y={36} width={170} height={48} kind="process" label="scheduler" detail={t.schedulerDetail} />
      <Box
        x={380}
        y={118}
        width={170}
        height={48}
        kind="process"
        label="controller manager"
        detail={t.controllersDetail}
      />
      <Box x={590} y={75} width={125} height={50} kind="volume" label="etcd" detail={t.etcdDetail} />
      <Arrow
        points={[
          [110, 100],
          [150, 100],
        ]}
      />
      <Arrow
        points={[
          [380, 60],
          [310, 78],
        ]}
      />
      <Arrow
        points={[
          [380, 142],
          [310, 124],
        ]}
      />
      <Arrow
        points={[
          [310, 100],
          [590, 100],
        ]}
        both
      />
      <WorkerNode x={130} label={t.node(1)} t={t} />
      <WorkerNode x={440} label={t.node(2)} t={t} />
      <Arrow
        points={[
          [250, 235],
          [250, 140],
        ]}
        both
      />
      <Arrow
        points={[
          [560, 235],
          [560, 192],
          [290, 192],
          [290, 140],
        ]}
        both
      />
    </Figure>
  );
}
