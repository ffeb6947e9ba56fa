import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '镜像层与容器层',
    description:
      '两个容器共用同一个镜像的三个只读层：基础镜像、RUN 安装的软件和 COPY 的应用文件；CMD 不产生层，只写进镜像的配置。每个容器在最上面各有一个自己的可写层，删除容器时可写层随之删除。',
    caption: '镜像是只读层的叠加；容器只是在上面加了一个可写层。',
    writable: '可写容器层',
    image: '镜像（只读层）',
    layers: ['FROM debian:bookworm', 'RUN apt-get install …', 'COPY app/ /app'],
    config: '镜像配置（不是层）',
    containerA: '容器 A',
    containerB: '容器 B',
    shared: '共享',
  },
  en: {
    title: 'Image layers and the container layer',
    description:
      "Two containers share the three read-only layers of one image: the base image, software installed by RUN, and the application files from COPY; CMD makes no layer and is only written into the image's configuration. Each container has its own writable layer on top, which is deleted with the container.",
    caption: 'An image is a stack of read-only layers; a container adds one writable layer on top.',
    writable: 'writable container layer',
    image: 'image (read-only layers)',
    layers: ['FROM debian:bookworm', 'RUN apt-get install …', 'COPY app/ /app'],
    config: 'image config (not a layer)',
    containerA: 'container A',
    containerB: 'container B',
    shared: 'shared',
  },
};

export default function ImageLayers(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="image-layers"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={640}
      height={342}
      narrow={[
        {x: 30, y: 10, width: 280, height: 60},
        {x: 340, y: 10, width: 270, height: 60},
        {x: 130, y: 70, width: 380, height: 272},
      ]}>
      <Box x={40} y={20} width={250} height={44} kind="writable" label={t.writable} detail={t.containerA} />
      <Box x={350} y={20} width={250} height={44} kind="writable" label={t.writable} detail={t.containerB} />
      <Arrow
        points={[
          [165, 66],
          [250, 110],
        ]}
      />
      <Arrow
        points={[
          [475, 66],
          [390, 110],
        ]}
      />
      <Box x={140} y={112} width={360} height={220} kind="zone" label={t.image} />
      {[...t.layers].reverse().map((layer, i) => (
        <Box key={layer} x={160} y={140 + i * 43} width={320} height={36} kind="layer" label={layer} />
      ))}
      <Box
        x={160}
        y={272}
        width={320}
        height={46}
        kind="neutral"
        label='CMD ["python", "app.py"]'
        detail={t.config}
        dashed
      />
      <Label x={320} y={104} muted>
        {t.shared}
      </Label>
    </Figure>
  );
}
