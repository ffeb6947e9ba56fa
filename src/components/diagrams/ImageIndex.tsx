import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '多平台镜像的镜像索引',
    description:
      '一个标签 fg-mp/hello:1.0 指向一个镜像索引。索引列出两个清单，一个标着 linux/amd64，一个标着 linux/arm64，每个清单指向本平台的配置和层（x86-64 的程序和 arm64 的程序）。索引里还有两份平台为 unknown/unknown 的构建来源证明清单，各自指向一个平台的清单。amd64 主机拉取时只下载 linux/amd64 清单指向的层，arm64 主机只下载 linux/arm64 的。',
    caption: '一个标签，一个索引，每个平台一个清单；拉取时引擎只取和主机平台相符的那一个。',
    index: '镜像索引',
    manifest: '清单',
    layers: '配置和层',
    amd64Code: 'x86-64 的程序',
    arm64Code: 'arm64 的程序',
    attestation: '来源证明清单',
    also: '索引里还列着：',
  },
  en: {
    title: 'The image index of a multi-platform image',
    description:
      "The tag fg-mp/hello:1.0 points to an image index. The index lists two manifests, one marked linux/amd64 and one marked linux/arm64, and each manifest points to its platform's configuration and layers (x86-64 programs and arm64 programs). The index also holds two provenance attestation manifests with platform unknown/unknown, each pointing to one platform's manifest. An amd64 host pulling the tag downloads only the layers of the linux/amd64 manifest, an arm64 host only those of the linux/arm64 one.",
    caption: 'One tag, one index, one manifest per platform; a pull takes only the one that matches the host.',
    index: 'image index',
    manifest: 'manifest',
    layers: 'config and layers',
    amd64Code: 'x86-64 programs',
    arm64Code: 'arm64 programs',
    attestation: 'attestation manifest',
    also: 'the index also lists:',
  },
};

export default function ImageIndex(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure name="image-index" title={t.title} description={t.description} caption={t.caption} width={440} height={340}>
      <Box x={110} y={10} width={220} height={50} kind="image" label={t.index} detail="fg-mp/hello:1.0" />
      <Arrow
        points={[
          [170, 62],
          [115, 100],
        ]}
      />
      <Arrow
        points={[
          [270, 62],
          [325, 100],
        ]}
      />
      <Box x={10} y={102} width={205} height={50} kind="neutral" label={t.manifest} detail="linux/amd64" />
      <Box x={225} y={102} width={205} height={50} kind="neutral" label={t.manifest} detail="linux/arm64" />
      <Arrow
        points={[
          [112, 154],
          [112, 188],
        ]}
      />
      <Arrow
        points={[
          [327, 154],
          [327, 188],
        ]}
      />
      <Box x={10} y={190} width={205} height={50} kind="layer" label={t.layers} detail={t.amd64Code} />
      <Box x={225} y={190} width={205} height={50} kind="layer" label={t.layers} detail={t.arm64Code} />
      <Label x={220} y={268} muted>
        {t.also}
      </Label>
      <Box
        x={10}
        y={280}
        width={205}
        height={50}
        kind="neutral"
        label={t.attestation}
        detail="unknown/unknown"
        dashed
      />
      <Box
        x={225}
        y={280}
        width={205}
        height={50}
        kind="neutral"
        label={t.attestation}
        detail="unknown/unknown"
        dashed
      />
    </Figure>
  );
}
