import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '多阶段构建：只把结果拷进最终镜像',
    description:
      '左边是 build 阶段：从 python:3.12-slim 开始，拷进 build.py 和 pages/，RUN python build.py 生成 /src/out/index.html。右边是最后一个阶段，从空的 scratch 开始：COPY --from=busybox:1.36 拷进 /bin/busybox，COPY --from=build 只拷进生成的 /src/out，放在 /www。Python、build.py 和 pages/ 都留在 build 阶段，不进入最终镜像。',
    caption: '最终镜像只包含最后一个阶段的层；前面阶段的东西只有被 COPY --from 拷过来的才会留下。',
    buildStage: 'build 阶段',
    finalStage: '最后一个阶段（最终镜像）',
    base: '基础镜像',
    sources: '构建用的源文件',
    result: '生成的页面',
    leftBehind: ['留在 build 阶段：', 'Python、build.py、pages/'],
    fromBuild: '来自 build 阶段',
    empty: '空镜像，没有任何层',
  },
  en: {
    title: 'A multi-stage build: only the result is copied into the final image',
    description:
      'On the left, the build stage starts from python:3.12-slim, copies in build.py and pages/, and RUN python build.py writes /src/out/index.html. On the right, the last stage starts from the empty scratch image: COPY --from=busybox:1.36 copies in /bin/busybox, and COPY --from=build copies only the generated /src/out to /www. Python, build.py and pages/ stay in the build stage and never reach the final image.',
    caption:
      "The final image holds only the last stage's layers; from earlier stages, only what COPY --from copies over is kept.",
    buildStage: 'build stage',
    finalStage: 'last stage (the final image)',
    base: 'base image',
    sources: 'sources for the build',
    result: 'the generated page',
    leftBehind: ['left in the build stage:', 'Python, build.py, pages/'],
    fromBuild: 'from the build stage',
    empty: 'empty: no layers at all',
  },
};

export default function MultiStageBuild(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="multi-stage-build"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={380}
      narrow={[
        {x: 10, y: 0, width: 340, height: 380},
        {x: 370, y: 0, width: 340, height: 300},
      ]}>
      <Box x={20} y={10} width={320} height={280} kind="zone" label={t.buildStage} />
      <Box x={40} y={44} width={280} height={56} kind="image" label="FROM python:3.12-slim" detail={t.base} />
      <Box x={40} y={114} width={280} height={56} kind="layer" label="COPY build.py, pages/" detail={t.sources} />
      <Box
        x={40}
        y={184}
        width={280}
        height={80}
        kind="layer"
        label="RUN python build.py"
        detail={['/src/out/index.html', t.result]}
      />
      <Box x={20} y={306} width={320} height={64} kind="neutral" label={t.leftBehind} dashed />

      <Box x={380} y={10} width={320} height={280} kind="zone" label={t.finalStage} />
      <Box x={400} y={44} width={280} height={56} kind="neutral" label="FROM scratch" detail={t.empty} dashed />
      <Box
        x={400}
        y={114}
        width={280}
        height={56}
        kind="layer"
        label="/bin/busybox"
        detail="COPY --from=busybox:1.36"
      />
      <Box
        x={400}
        y={184}
        width={280}
        height={80}
        kind="layer"
        label="/www/index.html"
        detail={['COPY --from=build /src/out', t.fromBuild]}
      />

      <Arrow
        points={[
          [320, 238],
          [400, 238],
        ]}
      />
    </Figure>
  );
}
