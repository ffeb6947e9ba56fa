import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'BuildKit 的层缓存和缓存挂载',
    description:
      '左边是 cache-mount 例子的四条指令产生的层，每一层的缓存键由指令本身和它的输入组成：FROM 看基础镜像，COPY 看拷贝的文件的内容，RUN 看命令和它下面的那一层。src/file3.txt 改了以后，COPY src/ 的键变了，这一层和它后面的 RUN 都要重新执行，前面两层仍然命中缓存。右边是缓存挂载 /cache：它由构建器按 id 保存，不属于任何一层；重新执行的 RUN 又挂上它，里面还有上一次构建留下的结果。',
    caption: '层缓存从第一条变了的指令开始失效；缓存挂载和层分开保存，层失效时它还在。',
    layers: '层缓存：键 = 指令 + 输入',
    keys: ['键：基础镜像的摘要', '键：compile.sh 的内容', '键：src/ 里文件的内容', '键：命令 + 下面的层'],
    hit: '命中缓存',
    changed: 'file3.txt 改了：重新执行',
    rerun: '下面的层变了：重新执行',
    builder: '构建器保存',
    mount: '缓存挂载',
    mountDetail: ['按 id（默认是 target）保存', '不属于任何一层', '下一次构建还在'],
    mountNote: '只在 RUN 执行时挂上',
  },
  en: {
    title: "BuildKit's layer cache and a cache mount",
    description:
      "On the left, the layers of the cache-mount example's four instructions; each layer's cache key is made of the instruction and its inputs: FROM looks at the base image, COPY at the content of the files it copies, RUN at its command and the layer below. After src/file3.txt changes, the key of COPY src/ changes, so that layer and the RUN after it run again, while the first two layers still come from the cache. On the right, the cache mount /cache: the builder keeps it by its id, outside every layer; the RUN that runs again mounts it again and finds the previous build's results there.",
    caption:
      'The layer cache is invalid from the first instruction that changed; a cache mount is kept apart from the layers and survives when they are rebuilt.',
    layers: 'layer cache: key = instruction + inputs',
    keys: [
      "key: the base image's digest",
      'key: content of compile.sh',
      'key: content of the files in src/',
      'key: command + layer below',
    ],
    hit: 'from the cache',
    changed: 'file3.txt changed: runs again',
    rerun: 'layer below changed: runs again',
    builder: 'kept by the builder',
    mount: 'cache mount',
    mountDetail: ['kept by id (default: target)', 'part of no layer', 'still there next build'],
    mountNote: 'mounted only while RUN runs',
  },
};

const instructions = ['FROM busybox:1.36', 'COPY compile.sh ./', 'COPY src/ src/', 'RUN --mount=type=cache,…'];

export default function BuildKitCache(): ReactNode {
  const t = text[BUILD_LOCALE];
  const states = [t.hit, t.hit, t.changed, t.rerun];
  return (
    <Figure
      name="buildkit-cache"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={372}
      narrow={[
        {x: 10, y: 0, width: 420, height: 372},
        {x: 440, y: 20, width: 270, height: 300},
      ]}>
      <Box x={20} y={10} width={400} height={352} kind="zone" label={t.layers} />
      {instructions.map((instruction, i) => {
        const rebuilt = i >= 2;
        return (
          <Box
            key={instruction}
            x={40}
            y={46 + i * 76}
            width={360}
            height={66}
            kind={rebuilt ? 'writable' : 'layer'}
            label={instruction}
            detail={[t.keys[i], states[i]]}
            dashed={rebuilt}
          />
        );
      })}

      <Box x={450} y={30} width={250} height={280} kind="zone" label={t.builder} />
      <Box x={455} y={150} width={240} height={110} kind="volume" label={[t.mount, '/cache']} detail={t.mountDetail} />
      <Label x={575} y={290} muted>
        {t.mountNote}
      </Label>
      <Arrow
        points={[
          [400, 300],
          [455, 215],
        ]}
        both
      />
    </Figure>
  );
}
