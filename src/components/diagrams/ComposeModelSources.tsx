import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'Compose 怎样从变量和多个文件得出最终的应用模型',
    description:
      '左边是变量的三个来源，按优先级从高到低：shell 的环境变量，.env 文件（或 --env-file 指定的文件），Compose 文件里 ${VAR:-default} 写的默认值。右边是文件：compose.yaml，不加 -f 时自动合并的 compose.override.yaml（或用 -f 依次列出的文件），以及 include 引入的文件和 extends 引用的服务。Compose 先用变量替换每个文件里的 ${…}，再按顺序合并这些文件，得到最终的模型，docker compose config 打印的就是它。最后 --profile 或 COMPOSE_PROFILES 决定其中哪些服务被启动成容器。',
    caption: '先替换变量，再合并文件；docker compose config 显示的就是 up 要用的模型。',
    variables: '变量（上面的优先）',
    shell: '1  shell 的环境变量',
    shellDetail: 'GREETING=… docker compose …',
    envFile: '2  .env',
    envFileDetail: '或 --env-file prod.env',
    defaults: '3  文件里的默认值',
    files: '文件（后面的合并在前面的上面）',
    override: 'compose.override.yaml',
    overrideDetail: '或 -f a.yaml -f b.yaml',
    includeDetail: '别的文件、别的服务',
    compose: ['替换 ${…}，再合并'],
    model: '最终的模型',
    profiles: '--profile / COMPOSE_PROFILES',
    containers: '容器',
    containersDetail: '没有 profiles 的服务 + 启用的 profile 的服务',
  },
  en: {
    title: 'How Compose builds the final application model from variables and several files',
    description:
      'On the left, the three sources of variables, strongest first: the shell environment, the .env file (or the file given with --env-file), and the defaults written as ${VAR:-default} in the Compose file. On the right, the files: compose.yaml, compose.override.yaml merged over it when there is no -f (or the files listed with -f, in order), and the files pulled in with include and the services used with extends. Compose first fills in every ${…} with the variables, then merges the files in order into the final model, which docker compose config prints. Last, --profile or COMPOSE_PROFILES decides which of its services are started as containers.',
    caption:
      'Variables are filled in first, then the files are merged; docker compose config shows the model that up will use.',
    variables: 'variables (upper ones win)',
    shell: '1  shell environment',
    shellDetail: 'GREETING=… docker compose …',
    envFile: '2  .env',
    envFileDetail: 'or --env-file prod.env',
    defaults: '3  defaults in the file',
    files: 'files (later merged over earlier)',
    override: 'compose.override.yaml',
    overrideDetail: 'or -f a.yaml -f b.yaml',
    includeDetail: 'other files, other services',
    compose: ['fill in ${…}, then merge'],
    model: 'final model',
    profiles: '--profile / COMPOSE_PROFILES',
    containers: 'containers',
    containersDetail: 'services without profiles + enabled profiles',
  },
};

export default function ComposeModelSources(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="compose-model-sources"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={520}
      narrow={[
        {x: 0, y: 0, width: 360, height: 224},
        {x: 360, y: 0, width: 360, height: 224},
        {x: 170, y: 224, width: 380, height: 296},
      ]}>
      <Box x={10} y={10} width={340} height={206} kind="zone" label={t.variables} />
      <Box x={30} y={40} width={300} height={50} kind="process" label={t.shell} detail={t.shellDetail} />
      <Box x={30} y={98} width={300} height={50} kind="process" label={t.envFile} detail={t.envFileDetail} />
      <Box x={30} y={156} width={300} height={50} kind="process" label={t.defaults} detail="${VAR:-default}" />

      <Box x={370} y={10} width={340} height={206} kind="zone" label={t.files} />
      <Box x={390} y={40} width={300} height={50} kind="neutral" label="compose.yaml" />
      <Box x={390} y={98} width={300} height={50} kind="neutral" label={t.override} detail={t.overrideDetail} />
      <Box
        x={390}
        y={156}
        width={300}
        height={50}
        kind="neutral"
        label="include: / extends:"
        detail={t.includeDetail}
      />

      <Arrow
        points={[
          [180, 216],
          [180, 236],
          [300, 236],
          [300, 256],
        ]}
      />
      <Arrow
        points={[
          [540, 216],
          [540, 236],
          [420, 236],
          [420, 256],
        ]}
      />
      <Box x={190} y={256} width={340} height={50} kind="host" label={t.compose} labelAt="centre" />

      <Arrow
        points={[
          [360, 306],
          [360, 336],
        ]}
      />
      <Box x={190} y={336} width={340} height={54} kind="image" label={t.model} detail="docker compose config" />

      <Arrow
        points={[
          [360, 390],
          [360, 446],
        ]}
        label={t.profiles}
        labelAt={[360, 420]}
      />
      <Box x={190} y={446} width={340} height={60} kind="container" label={t.containers} detail={t.containersDetail} />
    </Figure>
  );
}
