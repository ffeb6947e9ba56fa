import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '服务、任务与容器',
    description:
      '服务 web 声明了 3 个副本。manager 据此创建 3 个任务 web.1、web.2、web.3，并把它们分配到 3 个节点上；每个任务在它的节点上运行成一个容器。节点 2 上 web.2 的容器退出后，这个任务被标记为失败，manager 立刻创建一个新的 web.2 任务来补足 3 个副本。',
    caption: '服务是期望状态，任务是调度的单位，容器是任务在节点上的实体；坏掉的任务会被新任务顶替。',
    service: '服务 web',
    replicas: 'replicas: 3',
    desired: '期望状态',
    tasks: '任务',
    containers: '节点上的容器',
    node: '节点',
    failed: '失败（exit 137）',
    replaced: '新任务顶替',
  },
  en: {
    title: 'A service, its tasks and their containers',
    description:
      'The service web declares 3 replicas. The manager creates 3 tasks, web.1, web.2 and web.3, and assigns them to 3 nodes; each task runs as one container on its node. When the container of web.2 on node 2 exits, that task is marked failed and the manager at once creates a new web.2 task to get back to 3 replicas.',
    caption:
      'The service is the desired state, a task the unit of scheduling, a container the task on a node; a broken task is replaced by a new one.',
    service: 'service web',
    replicas: 'replicas: 3',
    desired: 'desired state',
    tasks: 'tasks',
    containers: 'containers',
    node: 'node',
    failed: 'failed (exit 137)',
    replaced: 'new task replaces it',
  },
};

const nodeX = [150, 347, 544];
const centre = (i: number) => nodeX[i] + 93;

export default function ServiceTasks(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="service-tasks"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={420}
      narrow={[
        {x: 4, y: 0, width: 340, height: 420},
        {x: 340, y: 0, width: 396, height: 420},
      ]}>
      <Label x={14} y={46} anchor="start" muted>
        {t.desired}
      </Label>
      <Box x={centre(1) - 100} y={14} width={200} height={54} kind="process" label={t.service} detail={t.replicas} />
      <Label x={14} y={159} anchor="start" muted>
        {t.tasks}
      </Label>
      <Label x={14} y={272} anchor="start" muted>
        {t.containers}
      </Label>
      {nodeX.map((x, i) => (
        <React.Fragment key={x}>
          <Arrow
            points={[
              [centre(1), 68],
              [centre(i), 134],
            ]}
          />
          <Box x={x + 18} y={134} width={150} height={40} kind="neutral" label={`web.${i + 1}`} />
          <Box x={x} y={210} width={186} height={196} kind="host" label={`${t.node} ${i + 1}`} />
          <Box
            x={x + 18}
            y={244}
            width={150}
            height={46}
            kind="container"
            label={`web.${i + 1}`}
            detail={i === 1 ? 'Running' : undefined}
          />
          <Arrow
            points={[
              [centre(i), 174],
              [centre(i), 244],
            ]}
          />
        </React.Fragment>
      ))}
      <Box x={nodeX[1] + 18} y={330} width={150} height={46} kind="container" dashed label="web.2" detail={t.failed} />
      <Arrow
        points={[
          [centre(1), 330],
          [centre(1), 290],
        ]}
        dashed
      />
      <Label x={centre(1)} y={396} muted>
        {t.replaced}
      </Label>
    </Figure>
  );
}
