import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';
import {useLocalized} from '@site/src/lib/i18n';

const text = {
  'zh-Hans': {
    title: '服务、任务与容器',
    description:
      '服务 web 声明了 3 个副本。manager 据此创建 3 个任务 web.1、web.2、web.3，并把它们分配到 3 个节点上；每个任务在它的节点上运行成一个容器。节点 2 上 web.2 的容器退出后，这个任务被标记为失败，manager 立刻创建一个新的 web.2 任务来补足 3 个副本。',
    caption: '服务是期望状态，任务是调度的单位，容器是任务在节点上的实体；坏掉的任务会被新任务顶替。',
    service: '服务 web',
    replicas: 'replicas: 3',
    desired: '期望状态',
    tasks: '任务（调度单位）',
    containers: '容器（运行在节点上）',
    node: '节点',
    failed: '失败（exit 137）',
    replaced: '新任务顶替',
  },
  en: {
    title: 'A service, its tasks and their containers',
    description:
      'The service web declares 3 replicas. The manager creates 3 tasks, web.1, web.2 and web.3, and assigns them to 3 nodes; each task runs as one container on its node. When the container of web.2 on node 2 exits, that task is marked failed and the manager at once creates a new web.2 task to get back to 3 replicas.',
    caption: 'The service is the desired state, a task the unit of scheduling, a container the task on a node; a broken task is replaced by a new one.',
    service: 'service web',
    replicas: 'replicas: 3',
    desired: 'desired state',
    tasks: 'tasks (scheduled)',
    containers: 'containers (on nodes)',
    node: 'node',
    failed: 'failed (exit 137)',
    replaced: 'new task replaces it',
  },
};

const columns = [70, 295, 520];

export default function ServiceTasks(): ReactNode {
  const t = useLocalized(text);
  return (
    <Figure name="service-tasks" title={t.title} description={t.description} caption={t.caption} width={740} height={420}>
      <Label x={20} y={40} anchor="start" muted>{t.desired}</Label>
      <Box x={270} y={14} width={200} height={54} kind="process" label={t.service} detail={t.replicas} />
      <Label x={20} y={120} anchor="start" muted>{t.tasks}</Label>
      {columns.map((x, i) => (
        <React.Fragment key={x}>
          <Arrow points={[[370, 68], [x + 75, 134]]} />
          <Box x={x} y={134} width={150} height={40} kind="neutral" label={`web.${i + 1}`} />
          <Arrow points={[[x + 75, 174], [x + 75, 240]]} />
        </React.Fragment>
      ))}
      <Label x={20} y={212} anchor="start" muted>{t.containers}</Label>
      {columns.map((x, i) => (
        <Box key={x} x={x - 40} y={222} width={230} height={186} kind="host" label={`${t.node} ${i + 1}`}>
          <Box x={x} y={240} width={150} height={46} kind="container" label={`web.${i + 1}`} detail={i === 1 ? 'Running' : undefined} />
        </Box>
      ))}
      <Box x={columns[1]} y={320} width={150} height={46} kind="container" dashed label="web.2" detail={t.failed} />
      <Arrow points={[[columns[1] + 75, 320], [columns[1] + 75, 286]]} label={t.replaced} labelAt={[columns[1] + 75, 392]} dashed />
    </Figure>
  );
}
