import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'volume、bind mount 与 tmpfs 各把数据放在哪里',
    description:
      '一个容器里有三个挂载点：/var/lib/mysql 挂的是 volume，数据在主机磁盘上由 Docker 管理的 /var/lib/docker/volumes 目录里；/usr/share/nginx/html 是 bind mount，直接就是主机上你指定的目录，例如 /home/me/site；/scratch 是 tmpfs，数据只在主机内存里，容器停止就没了。',
    caption: '三种挂载在容器里看起来都是普通目录，区别在于数据实际放在主机的哪里。',
    container: '容器',
    host: '主机',
    disk: '主机磁盘',
    memory: '内存',
    dockerArea: 'Docker 管理的目录',
    anyPath: '你指定的任意目录',
    tmpfs: 'tmpfs',
    tmpfsDetail: '停止即消失',
  },
  en: {
    title: 'Where a volume, a bind mount and a tmpfs keep their data',
    description:
      'A container has three mount points: /var/lib/mysql is a volume, whose data sits on the host disk in /var/lib/docker/volumes, a directory Docker manages; /usr/share/nginx/html is a bind mount, which is simply a host directory you chose, such as /home/me/site; /scratch is a tmpfs, whose data lives only in the host memory and is gone when the container stops.',
    caption:
      'Inside the container all three look like ordinary directories; what differs is where on the host the data really is.',
    container: 'container',
    host: 'host',
    disk: 'host disk',
    memory: 'memory',
    dockerArea: 'managed by Docker',
    anyPath: 'any folder you choose',
    tmpfs: 'tmpfs',
    tmpfsDetail: 'gone on stop',
  },
};

export default function VolumeKinds(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="volume-kinds"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={400}
      narrow={[
        {x: 20, y: 0, width: 460, height: 400},
        {x: 490, y: 0, width: 220, height: 400},
      ]}>
      <Box x={20} y={10} width={680} height={110} kind="container" label={t.container} labelAt="top-left" />
      <Box x={40} y={44} width={200} height={56} kind="process" label="/var/lib/mysql" />
      <Box x={260} y={44} width={220} height={56} kind="process" label="/usr/share/nginx/html" />
      <Box x={500} y={44} width={180} height={56} kind="process" label="/scratch" />

      <Box x={20} y={160} width={680} height={230} kind="host" label={t.host} />
      <Box x={40} y={190} width={440} height={180} kind="zone" label={t.disk} />
      <Box x={500} y={190} width={180} height={180} kind="zone" label={t.memory} />
      <Box x={55} y={250} width={210} height={70} kind="volume" label={t.dockerArea} detail="/var/lib/docker/volumes" />
      <Box x={280} y={250} width={185} height={70} kind="neutral" label={t.anyPath} detail="/home/me/site" />
      <Box x={515} y={250} width={150} height={70} kind="neutral" label={t.tmpfs} detail={t.tmpfsDetail} dashed />

      <Arrow
        points={[
          [160, 100],
          [160, 250],
        ]}
        label="volume"
        labelAt={[160, 146]}
      />
      <Arrow
        points={[
          [372, 100],
          [372, 250],
        ]}
        label="bind mount"
        labelAt={[372, 146]}
      />
      <Arrow
        points={[
          [590, 100],
          [590, 250],
        ]}
        label="tmpfs"
        labelAt={[590, 146]}
      />
    </Figure>
  );
}
