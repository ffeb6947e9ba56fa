import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '构建 → 测试 → 推送 → 部署',
    description:
      '开发者 git push 之后，CI 依次执行四步：用 docker build 构建镜像，用 Compose 启动它并运行单元测试和 HTTP 冒烟测试，测试通过后才把镜像推送到镜像仓库，镜像仓库为它记下标签和 sha256 摘要；最后部署步骤让服务器或集群按摘要拉取这个镜像并滚动更新。测试失败时流水线在测试这一步停止。',
    caption: '测试不通过就不会推送；部署按推送返回的摘要指定镜像，之后标签怎么移动都改变不了服务器运行的内容。',
    developer: '开发者',
    ci: 'CI（例如 GitHub Actions）',
    build: '构建',
    test: '测试',
    push: '推送',
    deploy: '部署',
    stop: '测试失败：到此为止',
    registry: '镜像仓库',
    servers: '服务器 / 集群',
    pull: '按摘要拉取',
  },
  en: {
    title: 'Build → test → push → deploy',
    description:
      'After a developer runs git push, CI runs four steps: docker build makes the image; Compose starts it and runs the unit tests and an HTTP smoke test; only once they pass is the image pushed to a registry, which records its tag and sha256 digest; finally the deploy step makes the servers or cluster pull that image by digest and roll the service over to it. When a test fails the pipeline stops at the test step.',
    caption:
      'Nothing is pushed unless the tests pass; the deploy names the digest the push returned, so moving a tag later cannot change what the servers run.',
    developer: 'developer',
    ci: 'CI (e.g. GitHub Actions)',
    build: 'build',
    test: 'test',
    push: 'push',
    deploy: 'deploy',
    stop: 'a test fails: stop here',
    registry: 'registry',
    servers: 'servers / cluster',
    pull: 'pull by digest',
  },
};

export default function CiPipeline(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="ci-pipeline"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={270}
      narrow={[
        {x: 0, y: 0, width: 426, height: 150},
        {x: 420, y: 0, width: 320, height: 270},
      ]}>
      <Box x={10} y={44} width={100} height={56} kind="process" label={t.developer} detail="git push" />
      <Box x={130} y={10} width={600} height={134} kind="zone" label={t.ci} />
      <Box x={150} y={44} width={120} height={56} kind="image" label={t.build} detail="docker build" />
      <Box x={290} y={44} width={120} height={56} kind="container" label={t.test} detail="compose up" />
      <Box x={430} y={44} width={120} height={56} kind="process" label={t.push} detail="docker push" />
      <Box x={570} y={44} width={140} height={56} kind="process" label={t.deploy} detail="service update" />
      <Arrow
        points={[
          [110, 72],
          [150, 72],
        ]}
      />
      <Arrow
        points={[
          [270, 72],
          [290, 72],
        ]}
      />
      <Arrow
        points={[
          [410, 72],
          [430, 72],
        ]}
      />
      <Arrow
        points={[
          [550, 72],
          [570, 72],
        ]}
      />
      <Label x={330} y={126} muted>
        {t.stop}
      </Label>
      <Box x={430} y={186} width={130} height={56} kind="image" label={t.registry} detail="tag → sha256:…" />
      <Box x={585} y={186} width={150} height={56} kind="container" label={t.servers} detail="Swarm · Kubernetes" />
      <Arrow
        points={[
          [490, 100],
          [490, 186],
        ]}
      />
      <Arrow
        points={[
          [650, 100],
          [650, 186],
        ]}
      />
      <Arrow
        points={[
          [560, 214],
          [585, 214],
        ]}
        label={t.pull}
        labelAt={[572, 262]}
      />
    </Figure>
  );
}
