import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure} from '@site/src/components/Diagram';
import type {ExampleData, TopologyModel} from '@site/src/components/Example/types';
import {layoutTopology, layoutTopologyNarrow, type TopologyLayout} from './layout';

const list = (items: string[], none: string) => (items.length ? items.join(', ') : none);
const ports = (model: TopologyModel) =>
  model.services.flatMap((s) => s.ports.map((p) => `${p.published ?? '?'}→${s.name}:${p.target}`));

const text = {
  'zh-Hans': {
    labels: {
      host: '主机',
      network: (name: string, driver: string) => `网络 ${name}（${driver}）`,
      replicas: (n: number) => `${n} 个副本`,
      build: (context: string) => `构建 ${context}`,
      also: (networks: string[]) => `也在 ${networks.join('、')}`,
    },
    title: (file: string) => `${file} 的拓扑`,
    description: (m: TopologyModel) =>
      `服务：${list(
        m.services.map((s) => s.name),
        '无',
      )}。网络：${list(
        m.networks.map((n) => n.name),
        '无',
      )}。卷：${list(m.volumes, '无')}。secret：${list(m.secrets, '无')}。发布的端口：${list(ports(m), '无')}。`,
    caption: (file: string) => `由 ${file} 在构建时自动绘制：方框是服务，色带是网络，虚线箭头是 depends_on 和 secret。`,
  },
  en: {
    labels: {
      host: 'host',
      network: (name: string, driver: string) => `network ${name} (${driver})`,
      replicas: (n: number) => `${n} replicas`,
      build: (context: string) => `build ${context}`,
      also: (networks: string[]) => `also on ${networks.join(', ')}`,
    },
    title: (file: string) => `Topology of ${file}`,
    description: (m: TopologyModel) =>
      `Services: ${list(
        m.services.map((s) => s.name),
        'none',
      )}. Networks: ${list(
        m.networks.map((n) => n.name),
        'none',
      )}. Volumes: ${list(m.volumes, 'none')}. Secrets: ${list(m.secrets, 'none')}. Published ports: ${list(ports(m), 'none')}.`,
    caption: (file: string) =>
      `Drawn from ${file} at build time: boxes are services, bands are networks, dashed arrows are depends_on and secrets.`,
  },
};

/** The picture of an example's compose or stack file, drawn from the file itself. */
export default function Topology({example}: {example: Pick<ExampleData, 'name' | 'topology'>}): ReactNode {
  const t = text[BUILD_LOCALE];
  const model = example.topology;
  if (!model) return null;
  const layout = layoutTopology(model, t.labels);
  const narrow = layoutTopologyNarrow(model, t.labels);
  return (
    <Figure
      name={`topology-${example.name}`}
      title={t.title(`examples/${example.name}/${model.file}`)}
      description={t.description(model)}
      caption={t.caption(model.file)}
      width={layout.width}
      height={layout.height}
      narrow={{width: narrow.width, height: narrow.height, children: <Parts layout={narrow} />}}>
      <Parts layout={layout} />
    </Figure>
  );
}

function Parts({layout}: {layout: TopologyLayout}): ReactNode {
  return (
    <>
      {layout.boxes.map(({key, ...box}) => (
        <Box key={key} {...box} />
      ))}
      {layout.arrows.map(({key, ...arrow}) => (
        <Arrow key={key} {...arrow} />
      ))}
    </>
  );
}
