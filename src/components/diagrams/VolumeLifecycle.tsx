import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '命名卷比容器活得久',
    description:
      '分三步：第一步，MySQL 容器运行着，命名卷 fg-volume-mysql-data 挂在它的 /var/lib/mysql 上；第二步，docker rm 删除了容器，卷和里面的数据仍在；第三步，docker run -v 用同一个卷启动一个新容器，它看到的是原来的数据。',
    caption: '容器可以随时删掉重建，数据留在卷里，谁挂上它就归谁用。',
    step1: '1. 容器在运行',
    step2: '2. docker rm 之后',
    step3: '3. 新容器挂上同一个卷',
    removed: '（容器已删除）',
    newContainer: '新容器',
    volumeDetails: ['写入数据', '数据还在', '数据还在'],
  },
  en: {
    title: 'A named volume outlives its container',
    description:
      'Three steps: first, a MySQL container runs with the named volume fg-volume-mysql-data mounted on its /var/lib/mysql; second, docker rm has removed the container, but the volume and its data remain; third, docker run -v starts a new container on the same volume, and it sees the old data.',
    caption:
      'Containers can be removed and recreated at will; the data stays in the volume for whichever container mounts it next.',
    step1: '1. the container runs',
    step2: '2. after docker rm',
    step3: '3. a new container mounts it',
    removed: '(container removed)',
    newContainer: 'new container',
    volumeDetails: ['data written', 'data still there', 'data still there'],
  },
};

const columns = [20, 260, 500];
const volume = 'fg-volume-mysql-data';

export default function VolumeLifecycle(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="volume-lifecycle"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={720}
      height={300}
      narrow={[
        {x: 10, y: 0, width: 460, height: 290},
        {x: 490, y: 0, width: 225, height: 290},
      ]}>
      <Label x={columns[0] + 100} y={28}>
        {t.step1}
      </Label>
      <Label x={columns[1] + 100} y={28}>
        {t.step2}
      </Label>
      <Label x={columns[2] + 100} y={28}>
        {t.step3}
      </Label>

      <Box x={columns[0]} y={50} width={200} height={70} kind="container" label="fg-volume-db" detail="mysql:8.4" />
      <Box x={columns[1]} y={50} width={200} height={70} kind="neutral" label={t.removed} dashed />
      <Box
        x={columns[2]}
        y={50}
        width={200}
        height={70}
        kind="container"
        label="fg-volume-db"
        detail={t.newContainer}
      />

      <Arrow
        points={[
          [columns[0] + 100, 120],
          [columns[0] + 100, 200],
        ]}
        both
        label="/var/lib/mysql"
        labelAt={[columns[0] + 100, 164]}
      />
      <Arrow
        points={[
          [columns[2] + 100, 120],
          [columns[2] + 100, 200],
        ]}
        both
        label="/var/lib/mysql"
        labelAt={[columns[2] + 100, 164]}
      />

      {columns.map((x, i) => (
        <Box key={x} x={x} y={200} width={200} height={70} kind="volume" label={volume} detail={t.volumeDetails[i]} />
      ))}
      <Arrow
        points={[
          [columns[0] + 200, 235],
          [columns[1], 235],
        ]}
      />
      <Arrow
        points={[
          [columns[1] + 200, 235],
          [columns[2], 235],
        ]}
      />
    </Figure>
  );
}
