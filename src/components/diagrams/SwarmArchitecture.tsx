import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'Swarm 的架构：manager 与 worker',
    description:
      'docker 命令行把请求发给 manager 的 API。三个 manager 用 Raft 协议保持一致，其中一个是 leader，其余是 follower；它们共同保存一份 Raft 日志，记录集群的期望状态（服务、网络、secret）。manager 把任务分派给 worker，worker 通过 TLS 连接 manager 的 2377 端口，领取任务并运行成容器。manager 默认也运行任务。',
    caption: 'manager 保存期望状态并做调度决定；worker（默认也包括 manager）把任务跑成容器。',
    cli: 'docker 命令行',
    managers: 'manager · 用 Raft 达成一致',
    manager: 'manager',
    leader: 'leader',
    follower: 'follower',
    raftLog: 'Raft 日志：服务、网络、secret……',
    workers: 'worker：领取任务，运行容器',
    worker: 'worker',
    task: '任务',
    assign: '分派任务（TLS :2377）',
  },
  en: {
    title: 'Swarm architecture: managers and workers',
    description:
      "The docker CLI sends its requests to a manager's API. Three managers keep one consistent state with the Raft protocol: one is the leader, the others followers, and together they hold a Raft log of the cluster's desired state (services, networks, secrets). Managers assign tasks to workers; the workers connect to the managers over TLS on port 2377, take their tasks and run them as containers. By default managers run tasks too.",
    caption:
      'Managers keep the desired state and decide where tasks run; workers (and, by default, managers) run the tasks as containers.',
    cli: 'docker CLI',
    managers: 'managers · agree through Raft',
    manager: 'manager',
    leader: 'leader',
    follower: 'follower',
    raftLog: 'Raft log: services, networks, secrets…',
    workers: 'workers: take tasks, run containers',
    worker: 'worker',
    task: 'task',
    assign: 'assign tasks (TLS :2377)',
  },
};

const managerX = [230, 395, 560];
const workerX = [30, 205, 380, 555];

export default function SwarmArchitecture(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="swarm-architecture"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={420}
      narrow={[
        {x: 4, y: 4, width: 210, height: 180},
        {x: 214, y: 8, width: 330, height: 124},
        {x: 550, y: 40, width: 180, height: 90},
        {x: 300, y: 130, width: 440, height: 100},
        {x: 14, y: 232, width: 356, height: 180},
        {x: 370, y: 232, width: 360, height: 180},
      ]}>
      <Box x={14} y={62} width={140} height={50} kind="process" label={t.cli} />
      <Arrow
        points={[
          [154, 87],
          [230, 87],
        ]}
        label="API"
        labelAt={[182, 80]}
      />
      <Box x={210} y={14} width={510} height={170} kind="zone" label={t.managers} />
      {managerX.map((x, i) => (
        <Box
          key={x}
          x={x}
          y={58}
          width={140}
          height={58}
          kind="host"
          labelAt="centre"
          label={`${t.manager} ${i + 1}`}
          detail={i === 0 ? t.leader : t.follower}
        />
      ))}
      <Arrow
        points={[
          [370, 87],
          [395, 87],
        ]}
        both
      />
      <Arrow
        points={[
          [535, 87],
          [560, 87],
        ]}
        both
      />
      <Label x={465} y={150} muted>
        {t.raftLog}
      </Label>
      {workerX.map((x) => (
        <Arrow
          key={x}
          points={[
            [465, 184],
            [x + 82, 234],
          ]}
          dashed
        />
      ))}
      <Label x={640} y={214} muted>
        {t.assign}
      </Label>
      <Box x={20} y={236} width={700} height={174} kind="zone" label={t.workers} />
      {workerX.map((x, i) => (
        <Box key={x} x={x} y={262} width={165} height={136} kind="host" label={`${t.worker} ${i + 1}`}>
          <Box x={x + 14} y={294} width={137} height={40} kind="container" label={`${t.task} · web.${i + 1}`} />
          {i % 2 === 0 && (
            <Box x={x + 14} y={344} width={137} height={40} kind="container" label={`${t.task} · db.${i / 2 + 1}`} />
          )}
        </Box>
      ))}
    </Figure>
  );
}
