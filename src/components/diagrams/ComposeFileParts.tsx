import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: 'WordPress 应用的 compose.yaml 由哪几部分组成',
    description:
      '项目 wordpress-compose 里有两个服务 wordpress 和 db，都接在 Compose 自动创建的 default 网络上，wordpress 通过服务名 db 访问 3306 端口，并且要等 db 健康后才启动。主机的 127.0.0.1:8082 映射到 wordpress 的 80 端口。命名卷 db-data 挂在 db 的 /var/lib/mysql 上。secrets 把主机上的两个密码文件放进容器的 /run/secrets：db_password 给两个服务，db_root_password 只给 db。',
    caption: 'services 是要运行的容器，networks 把它们连起来，volumes 保存数据，secrets 传入密码。',
    project: '项目 wordpress-compose',
    browser: '浏览器',
    waits: 'depends_on：等 db 健康',
    legend: ['services（蓝） · networks（虚线框）', 'volumes（粉） · secrets（黄）'],
  },
  en: {
    title: 'The parts of the WordPress compose.yaml',
    description:
      "The wordpress-compose project has two services, wordpress and db, both on the default network Compose creates; wordpress reaches port 3306 by the service name db, and starts only once db is healthy. The host's 127.0.0.1:8082 is mapped to port 80 of wordpress. The named volume db-data is mounted on db's /var/lib/mysql. Secrets put two password files from the host into the containers' /run/secrets: db_password for both services, db_root_password for db only.",
    caption: 'services are the containers to run, networks connect them, volumes keep data, secrets pass in passwords.',
    project: 'project wordpress-compose',
    browser: 'browser',
    waits: 'depends_on: healthy',
    legend: ['services (blue) · networks (dashed)', 'volumes (pink) · secrets (yellow)'],
  },
};

export default function ComposeFileParts(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="compose-file-parts"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={410}
      narrow={[
        {x: 0, y: 0, width: 400, height: 360},
        {x: 395, y: 0, width: 345, height: 360},
        {x: 190, y: 360, width: 360, height: 50},
      ]}>
      <Box x={10} y={104} width={130} height={62} kind="process" label={t.browser} detail="127.0.0.1:8082" />
      <Box x={160} y={10} width={570} height={340} kind="host" label={t.project} />

      <Box x={175} y={44} width={540} height={176} kind="zone" label="networks: default" />
      <Box x={215} y={90} width={175} height={90} kind="container" label="wordpress" detail="wordpress:6.6-apache" />
      <Box x={560} y={90} width={140} height={90} kind="container" label="db" detail="mysql:8.4" />
      <Arrow
        points={[
          [140, 135],
          [215, 135],
        ]}
        label=":80"
        labelAt={[195, 128]}
      />
      <Arrow
        points={[
          [390, 112],
          [560, 112],
        ]}
        label="db:3306"
        labelAt={[475, 104]}
      />
      <Arrow
        points={[
          [390, 152],
          [560, 152],
        ]}
        dashed
        label={t.waits}
        labelAt={[475, 144]}
      />

      <Box x={215} y={250} width={175} height={70} kind="secret" label="secrets:" detail="db_password" />
      <Box x={560} y={250} width={140} height={70} kind="volume" label="volumes:" detail="db-data" />
      <Arrow
        points={[
          [302, 250],
          [302, 180],
        ]}
        label="/run/secrets"
        labelAt={[302, 238]}
      />
      <Arrow
        points={[
          [390, 285],
          [475, 285],
          [475, 168],
          [560, 168],
        ]}
      />
      <Arrow
        points={[
          [630, 250],
          [630, 180],
        ]}
        both
        label="/var/lib/mysql"
        labelAt={[630, 238]}
      />

      {t.legend.map((line, i) => (
        <Label key={line} x={370} y={376 + i * 20} muted>
          {line}
        </Label>
      ))}
    </Figure>
  );
}
