import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '容器的一生：状态、健康检查、重启策略和停止信号',
    description:
      '容器由 docker create 创建后处于 created 状态，docker start 之后是 running。运行中的容器如果有健康检查，另有一个健康状态：从 starting 变成 healthy 或 unhealthy，也可以来回变化。1 号进程结束，或者 docker stop 让它结束，容器变成 exited，带一个退出码。有重启策略时，引擎让它进入 restarting，等待 100 毫秒、200 毫秒，每次加倍，再把它启动回 running。下方一行是 docker stop 的过程：先给 1 号进程发 SIGTERM，10 秒内没有退出就发 SIGKILL，退出码 137。',
    caption: '健康状态只在 running 里有意义；重启策略决定 exited 之后是否回到 running；docker stop 先礼后兵。',
    created: 'created',
    running: 'running',
    exited: 'exited',
    restarting: 'restarting',
    createdDetail: 'docker create',
    exitedDetail: '带退出码',
    restartingDetail: ['等 100 ms、200 ms…', '每次加倍'],
    start: 'start',
    ends: '进程结束',
    policy: '重启策略',
    again: '再次启动',
    health: '有健康检查时：',
    stopTitle: 'docker stop：',
    sigterm: ['SIGTERM', '发给 1 号进程'],
    wait: '10 秒内没退出',
    sigkill: ['SIGKILL', '退出码 137'],
  },
  en: {
    title: "A container's life: states, health checks, restart policies and the stop signal",
    description:
      'docker create leaves a container created; docker start makes it running. A running container with a health check has a health status as well: starting, then healthy or unhealthy, and it can move between the two. When PID 1 ends, or docker stop ends it, the container is exited with an exit code. With a restart policy, the engine moves it to restarting, waits 100 ms, then 200 ms, doubling each time, and starts it again. The bottom row is docker stop: SIGTERM to PID 1 first, then SIGKILL if it has not exited within 10 seconds, exit code 137.',
    caption:
      'Health only means something while running; the restart policy decides whether exited goes back to running; docker stop asks first, then kills.',
    created: 'created',
    running: 'running',
    exited: 'exited',
    restarting: 'restarting',
    createdDetail: 'docker create',
    exitedDetail: 'with an exit code',
    restartingDetail: ['waits 100 ms, 200 ms…', 'doubling'],
    start: 'start',
    ends: 'PID 1 ends',
    policy: 'restart policy',
    again: 'start again',
    health: 'with a health check:',
    stopTitle: 'docker stop:',
    sigterm: ['SIGTERM', 'to PID 1'],
    wait: 'not gone in 10 s',
    sigkill: ['SIGKILL', 'exit code 137'],
  },
};

export default function ContainerLife(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="container-life"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={410}
      narrow={[
        {x: 0, y: 20, width: 460, height: 220},
        {x: 462, y: 40, width: 258, height: 290},
        {x: 0, y: 300, width: 460, height: 105},
      ]}>
      <Box x={10} y={80} width={110} height={60} kind="neutral" label={t.created} detail={t.createdDetail} />
      <Arrow
        points={[
          [120, 110],
          [170, 110],
        ]}
        label={t.start}
      />

      <Box x={170} y={30} width={280} height={200} kind="container" label={t.running} labelAt="top-left" />
      <Label x={185} y={72} anchor="start" muted>
        {t.health}
      </Label>
      <Box x={185} y={110} width={110} height={44} kind="process" label="starting" />
      <Box x={325} y={85} width={110} height={44} kind="process" label="healthy" />
      <Box x={325} y={165} width={110} height={44} kind="process" label="unhealthy" />
      <Arrow
        points={[
          [295, 125],
          [325, 107],
        ]}
      />
      <Arrow
        points={[
          [295, 140],
          [325, 187],
        ]}
      />
      <Arrow
        points={[
          [380, 129],
          [380, 165],
        ]}
        both
      />

      <Arrow
        points={[
          [450, 110],
          [560, 110],
        ]}
        label={t.ends}
        labelAt={[512, 104]}
      />
      <Box x={560} y={80} width={150} height={60} kind="neutral" label={t.exited} detail={t.exitedDetail} />

      <Arrow
        points={[
          [685, 140],
          [685, 250],
        ]}
        label={t.policy}
        labelAt={[605, 200]}
      />
      <Box
        x={545}
        y={250}
        width={170}
        height={70}
        kind="neutral"
        dashed
        label={t.restarting}
        detail={t.restartingDetail}
      />
      <Arrow
        points={[
          [545, 285],
          [480, 285],
          [480, 200],
          [450, 200],
        ]}
        label={t.again}
        labelAt={[505, 305]}
      />

      <Label x={10} y={318} anchor="start" muted>
        {t.stopTitle}
      </Label>
      <Box x={10} y={330} width={140} height={60} kind="process" label={t.sigterm[0]} detail={t.sigterm[1]} />
      <Arrow
        points={[
          [150, 360],
          [300, 360],
        ]}
        label={t.wait}
      />
      <Box x={300} y={330} width={150} height={60} kind="process" label={t.sigkill[0]} detail={t.sigkill[1]} />
    </Figure>
  );
}
