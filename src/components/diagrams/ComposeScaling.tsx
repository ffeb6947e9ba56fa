import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '负载均衡器后面的 3 个 web 副本',
    description:
      '主机上的 curl 访问 127.0.0.1:8083，请求进入 lb 服务（HAProxy）。HAProxy 向 Docker 内置的 DNS 服务器 127.0.0.11 查询 web，得到 3 个副本的地址，再把请求轮流转给 web-1、web-2、web-3。三个副本共用一个 redis 服务保存访问计数。这些容器都在项目的 default 网络上。',
    caption: 'lb 从 DNS 得知 web 有几个副本；扩展到几个，它就转发给几个。',
    network: '网络 flask-redis-scale_default',
    dns: 'Docker 内置 DNS',
    dnsDetail: 'web → 3 个地址',
    query: '查询 web',
    counter: '共享计数',
  },
  en: {
    title: 'Three web replicas behind a load balancer',
    description:
      "curl on the host asks 127.0.0.1:8083, and the request enters the lb service (HAProxy). HAProxy asks Docker's embedded DNS server at 127.0.0.11 for web, gets the addresses of the three replicas, and hands requests to web-1, web-2 and web-3 in turn. All three replicas share one redis service that keeps the visit count. All these containers are on the project's default network.",
    caption: 'lb learns from DNS how many replicas web has; scale it and lb follows.',
    network: 'network flask-redis-scale_default',
    dns: 'embedded DNS',
    dnsDetail: 'web → 3 addresses',
    query: 'ask for web',
    counter: 'shared count',
  },
};

const replicas = [64, 160, 256];

export default function ComposeScaling(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="compose-scaling"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={400}
      narrow={[
        {x: 160, y: 8, width: 284, height: 34},
        {x: 0, y: 44, width: 375, height: 356},
        {x: 360, y: 44, width: 380, height: 356},
      ]}>
      <Box x={10} y={146} width={120} height={62} kind="process" label="curl" detail=":8083" />
      <Box x={160} y={10} width={570} height={380} kind="zone" label={t.network} />

      <Box x={180} y={146} width={140} height={62} kind="container" label="lb" detail="haproxy:3.0" />
      <Arrow
        points={[
          [130, 177],
          [180, 177],
        ]}
      />

      {replicas.map((y, i) => (
        <React.Fragment key={y}>
          <Box x={390} y={y} width={150} height={56} kind="container" label={`web-${i + 1}`} detail="Flask :5000" />
          <Arrow
            points={[
              [320, 177],
              [390, y + 28],
            ]}
          />
          <Arrow
            points={[
              [540, y + 28],
              [590, 162 + 15 * i],
            ]}
          />
        </React.Fragment>
      ))}

      <Box x={590} y={146} width={130} height={62} kind="container" label="redis" detail={t.counter} />

      <Box x={170} y={300} width={170} height={62} kind="process" label={t.dns} detail="127.0.0.11" />
      <Arrow
        points={[
          [250, 208],
          [250, 300],
        ]}
        both
        label={t.query}
        labelAt={[250, 258]}
      />
      <Box x={375} y={320} width={190} height={42} kind="neutral" label={t.dnsDetail} dashed />
      <Arrow
        points={[
          [340, 341],
          [375, 341],
        ]}
        dashed
      />
    </Figure>
  );
}
