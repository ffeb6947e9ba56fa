import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '一个 Swarm secret 从命令行到容器的路径',
    description:
      'docker secret create 把值发给 manager。manager 把它写进 Raft 日志，日志在磁盘上是加密的，并同步到其他 manager。只有当某个节点要运行用到这个 secret 的任务时，manager 才通过双向 TLS 把它发给那个节点。节点把它放在内存文件系统 tmpfs 上，挂载到任务容器的 /run/secrets/<名字>；任务停止后，节点上的这份拷贝也被删除。下方对比：docker compose（非 Swarm）的 secret 只是把主机磁盘上的一个文件以 bind mount 方式挂进容器。',
    caption:
      'Swarm secret 在 Raft 日志里加密保存、经 TLS 只发给需要它的节点，在容器里是 tmpfs 上的文件；Compose 的 secret 是主机文件的 bind mount。',
    swarm: 'Swarm（docker service / docker stack）',
    compose: 'docker compose（单机，无 Swarm）',
    cli: 'docker secret create',
    cliDetail: '文件或标准输入',
    manager: 'manager',
    raft: ['Raft 日志', '（加密）'],
    node: '运行该任务的节点',
    nodeDetail: '只在内存里',
    task: '任务容器',
    tmpfs: '/run/secrets/<名字>',
    tls: 'TLS',
    hostFile: '主机磁盘上的文件',
    hostFileDetail: './db_password.txt',
    bind: 'bind mount',
    container: '容器',
    plain: '明文，和其他文件一样',
    tmpfsNote: 'tmpfs，只读',
  },
  en: {
    title: 'The path of a Swarm secret from the CLI to a container',
    description:
      "docker secret create sends the value to a manager. The manager writes it to the Raft log, which is encrypted on disk, and replicates it to the other managers. Only when a node is to run a task that uses the secret does a manager send it to that node, over mutual TLS. The node keeps it on an in-memory tmpfs and mounts it into the task's container at /run/secrets/<name>; when the task stops, the node's copy is removed. Below, for comparison: a docker compose (non-Swarm) secret is just a file from the host's disk bind-mounted into the container.",
    caption:
      'A Swarm secret is stored encrypted in the Raft log, sent over TLS only to the nodes that need it, and is a file on tmpfs in the container; a Compose secret is a bind mount of a host file.',
    swarm: 'Swarm (docker service / docker stack)',
    compose: 'docker compose (one host, no Swarm)',
    cli: 'docker secret create',
    cliDetail: 'from a file or stdin',
    manager: 'manager',
    raft: ['Raft log', '(encrypted)'],
    node: 'node running the task',
    nodeDetail: 'in memory only',
    task: 'task container',
    tmpfs: '/run/secrets/<name>',
    tls: 'TLS',
    hostFile: 'file on the host disk',
    hostFileDetail: './db_password.txt',
    bind: 'bind mount',
    container: 'container',
    plain: 'plain text, like any file',
    tmpfsNote: 'tmpfs, read-only',
  },
};

export default function SecretPath(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="secret-path"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={330}
      narrow={[
        {x: 4, y: 4, width: 364, height: 190},
        {x: 368, y: 30, width: 366, height: 170},
        {x: 4, y: 200, width: 400, height: 126},
        {x: 404, y: 200, width: 330, height: 126},
      ]}>
      <Box x={10} y={10} width={720} height={180} kind="zone" label={t.swarm} />
      <Box x={24} y={56} width={160} height={56} kind="process" label={t.cli} detail={t.cliDetail} />
      <Box x={200} y={40} width={160} height={130} kind="host" label={t.manager}>
        <Box x={214} y={84} width={132} height={56} kind="secret" label={t.raft} />
      </Box>
      <Box x={410} y={40} width={306} height={130} kind="host" label={t.node}>
        <Box x={424} y={76} width={278} height={80} kind="container" labelAt="top-left" label={t.task}>
          <Box x={438} y={104} width={250} height={40} kind="secret" label={t.tmpfs} />
        </Box>
      </Box>
      <Arrow
        points={[
          [184, 84],
          [214, 100],
        ]}
      />
      <Arrow
        points={[
          [346, 112],
          [438, 124],
        ]}
        label={t.tls}
        labelAt={[385, 108]}
      />
      <Label x={556} y={184} muted>{`${t.tmpfsNote} · ${t.nodeDetail}`}</Label>

      <Box x={10} y={206} width={720} height={114} kind="zone" label={t.compose} />
      <Box x={24} y={246} width={200} height={56} kind="volume" label={t.hostFile} detail={t.hostFileDetail} />
      <Box x={410} y={240} width={306} height={68} kind="container" labelAt="top-left" label={t.container}>
        <Box x={438} y={262} width={250} height={36} kind="secret" dashed label={t.tmpfs} />
      </Box>
      <Arrow
        points={[
          [224, 274],
          [438, 280],
        ]}
        label={t.bind}
      />
      <Label x={300} y={302} muted>
        {t.plain}
      </Label>
    </Figure>
  );
}
