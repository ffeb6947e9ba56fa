import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'Deployment、ReplicaSet、Pod、Service 与存储和配置',
    description:
      '在一个命名空间里：Deployment 创建并管理一个 ReplicaSet，ReplicaSet 按模板保持 3 个带 app=web label 的 Pod；Service 用 label 选择器 app=web 找到这 3 个 Pod 并把流量分给它们。Pod 从 ConfigMap 读取配置，从 Secret 读取密码，通过 PersistentVolumeClaim 申请存储；PVC 绑定到一个 PersistentVolume，PV 属于整个集群，不在命名空间里。',
    caption: 'Deployment 管 ReplicaSet，ReplicaSet 管 Pod；Service 靠 label 找到 Pod，而不是靠名字。',
    namespace: '命名空间 shop',
    pods: '3 个副本',
    selects: 'label 选择',
    configDetail: '配置',
    secretDetail: '密码',
    pvDetail: '集群级别',
    binds: '绑定',
  },
  en: {
    title: 'Deployment, ReplicaSet, Pods, Service, storage and configuration',
    description:
      'Inside one namespace: a Deployment creates and manages a ReplicaSet, which keeps three Pods labelled app=web from its template; a Service finds those three Pods with the label selector app=web and spreads traffic over them. The Pods read configuration from a ConfigMap and a password from a Secret, and ask for storage through a PersistentVolumeClaim; the claim is bound to a PersistentVolume, which belongs to the whole cluster and not to the namespace.',
    caption: 'A Deployment manages ReplicaSets, a ReplicaSet manages Pods; a Service finds Pods by label, not by name.',
    namespace: 'namespace shop',
    pods: '3 replicas',
    selects: 'label selector',
    configDetail: 'settings',
    secretDetail: 'password',
    pvDetail: 'cluster-wide',
    binds: 'bound',
  },
};

const podYs = [40, 100, 160];

export default function KubernetesObjects(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="kubernetes-objects"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={400}
      narrow={[
        {x: 10, y: 0, width: 360, height: 230},
        {x: 370, y: 0, width: 365, height: 230},
        {x: 80, y: 232, width: 370, height: 66},
        {x: 470, y: 232, width: 260, height: 160},
      ]}>
      <Box x={10} y={10} width={720} height={295} kind="zone" label={t.namespace} />
      <Box x={25} y={96} width={140} height={56} kind="neutral" label="Deployment" detail="replicas: 3" />
      <Box x={205} y={96} width={140} height={56} kind="neutral" label="ReplicaSet" detail="web-7c9f5" />
      <Arrow
        points={[
          [165, 124],
          [205, 124],
        ]}
      />
      {podYs.map((y) => (
        <Box key={y} x={390} y={y} width={130} height={44} kind="container" label="Pod" detail="app=web" />
      ))}
      {podYs.map((y) => (
        <Arrow
          key={y}
          points={[
            [345, 124],
            [390, y + 22],
          ]}
        />
      ))}
      <Label x={455} y={30} muted>
        {t.pods}
      </Label>
      <Box x={590} y={96} width={125} height={56} kind="network" label="Service" detail="app=web" />
      {podYs.map((y) => (
        <Arrow
          key={y}
          points={[
            [590, 124],
            [520, y + 22],
          ]}
          dashed
        />
      ))}
      <Label x={652} y={176} muted>
        {t.selects}
      </Label>
      <Box x={90} y={240} width={160} height={50} kind="neutral" label="ConfigMap" detail={t.configDetail} />
      <Box x={290} y={240} width={150} height={50} kind="secret" label="Secret" detail={t.secretDetail} />
      <Box
        x={480}
        y={240}
        width={235}
        height={50}
        kind="volume"
        label="PersistentVolumeClaim"
        detail="2Gi · ReadWriteOnce"
      />
      <Arrow
        points={[
          [430, 204],
          [170, 240],
        ]}
      />
      <Arrow
        points={[
          [455, 204],
          [365, 240],
        ]}
      />
      <Arrow
        points={[
          [480, 204],
          [597, 240],
        ]}
      />
      <Box x={480} y={332} width={235} height={50} kind="volume" label="PersistentVolume" detail={t.pvDetail} dashed />
      <Arrow
        points={[
          [597, 290],
          [597, 332],
        ]}
        label={t.binds}
        labelAt={[640, 318]}
      />
    </Figure>
  );
}
