import React, {type ReactNode} from 'react';
import {Box, Figure, Label} from '@site/src/components/Diagram';

// Layers from top (application) to bottom (hardware), and how many of them, counted from the
// top, the customer still runs in each model; the provider runs the rest.
const yoursPerModel = [5, 3, 2, 0];

const text = {
  'zh-Hans': {
    title: 'IaaS、CaaS、PaaS 与 SaaS',
    description:
      '四列对比四种云服务模式，每列从上到下是同样七层：应用、数据、运行时、容器编排、操作系统、虚拟化、硬件与网络。IaaS 中用户管理上面五层，云厂商管理虚拟化和硬件；CaaS 中用户管理应用、数据和镜像里的运行时，容器编排及以下归云厂商；PaaS 中用户只管应用和数据；SaaS 中七层都归云厂商，用户只使用软件。',
    caption: '从左到右，云厂商替你管理的层越来越多，你能控制的也越来越少。',
    models: [
      {name: 'IaaS', example: '云主机'},
      {name: 'CaaS', example: '托管 Kubernetes'},
      {name: 'PaaS', example: '应用托管平台'},
      {name: 'SaaS', example: '在线邮箱、网盘'},
    ],
    layers: ['应用', '数据', '运行时', '容器编排', '操作系统', '虚拟化', '硬件与网络'],
    yours: '你管理',
    provider: '云厂商管理',
  },
  en: {
    title: 'IaaS, CaaS, PaaS and SaaS',
    description:
      'Four columns compare four cloud service models, each with the same seven layers from top to bottom: application, data, runtime, container orchestration, operating system, virtualisation, hardware and network. In IaaS the customer manages the top five layers and the provider virtualisation and hardware; in CaaS the customer manages the application, data and the runtime inside the image, the provider orchestration and everything below; in PaaS the customer manages only application and data; in SaaS the provider manages all seven and the customer just uses the software.',
    caption: 'From left to right the provider runs more of the layers for you, and you control fewer of them.',
    models: [
      {name: 'IaaS', example: 'virtual machines'},
      {name: 'CaaS', example: 'managed Kubernetes'},
      {name: 'PaaS', example: 'app hosting'},
      {name: 'SaaS', example: 'webmail, file sync'},
    ],
    layers: [
      'application',
      'data',
      'runtime',
      'orchestration',
      'operating system',
      'virtualisation',
      'hardware, network',
    ],
    yours: 'you manage',
    provider: 'provider manages',
  },
};

const columnWidth = 160;
const gap = 20;
const left = 20;
const top = 64;
const rowHeight = 34;

export default function CloudServiceModels(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="cloud-service-models"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={370}
      narrow={[
        {x: 10, y: 0, width: 360, height: 310},
        {x: 370, y: 0, width: 360, height: 310},
        {x: 180, y: 312, width: 420, height: 38},
      ]}>
      {t.models.map((model, col) => {
        const x = left + col * (columnWidth + gap);
        return (
          <g key={model.name}>
            <Label x={x + columnWidth / 2} y={24}>
              {model.name}
            </Label>
            <Label x={x + columnWidth / 2} y={46} muted>
              {model.example}
            </Label>
            {t.layers.map((layer, row) => (
              <Box
                key={layer}
                x={x}
                y={top + row * rowHeight}
                width={columnWidth}
                height={rowHeight - 4}
                kind={row < yoursPerModel[col] ? 'writable' : 'layer'}
                label={layer}
              />
            ))}
          </g>
        );
      })}
      <Box x={190} y={318} width={30} height={22} kind="writable" />
      <Label x={230} y={334} anchor="start">
        {t.yours}
      </Label>
      <Box x={400} y={318} width={30} height={22} kind="layer" />
      <Label x={440} y={334} anchor="start">
        {t.provider}
      </Label>
    </Figure>
  );
}
