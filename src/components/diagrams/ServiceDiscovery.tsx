import React, {type ReactNode} from 'react';
import {Arrow, Box, Figure, Label} from '@site/src/components/Diagram';

const text = {
  'zh-Hans': {
    title: '服务发现：虚拟 IP 与 tasks. DNS',
    description:
      '左边是默认的 vip 模式：客户端在 overlay 网络上查询 whoami，Docker 内置的 DNS（127.0.0.11）只回答一个虚拟 IP 10.0.12.2；发往它的连接由内核的 IPVS 分给三个任务 10.0.12.3、10.0.12.4、10.0.12.5。这里的内核没有 IPVS，所以这一步无法工作。右边是 tasks.whoami 查询和 dnsrr 模式：DNS 直接回答三个任务的地址，客户端自己挑一个连接，不需要 IPVS。',
    caption: 'vip 模式靠 IPVS 把一个虚拟 IP 分给各任务；tasks.<服务名> 和 dnsrr 直接给出任务地址。',
    vip: 'vip 模式（默认）',
    rr: 'tasks.whoami 或 dnsrr 模式',
    client: '客户端',
    dns: ['内置 DNS', '127.0.0.11'],
    askVip: '查询 whoami',
    answerVip: '→ 10.0.12.2（虚拟 IP）',
    askRr: '查询 tasks.whoami',
    answerRr: '→ .3 .4 .5（任务地址）',
    ipvs: 'IPVS 负载均衡',
    missing: '这台机器的内核没有',
    task: '任务',
  },
  en: {
    title: 'Service discovery: the virtual IP and tasks. DNS',
    description:
      "Left, the default vip mode: a client on the overlay network looks up whoami, and Docker's embedded DNS (127.0.0.11) answers with one virtual IP, 10.0.12.2; the kernel's IPVS spreads connections to it over the three tasks 10.0.12.3, 10.0.12.4 and 10.0.12.5. This machine's kernel has no IPVS, so that step cannot work here. Right, the tasks.whoami lookup and dnsrr mode: the DNS answers with the three task addresses and the client connects to one of them itself, with no IPVS involved.",
    caption:
      'vip mode relies on IPVS to spread one virtual IP over the tasks; tasks.<service> and dnsrr hand out the task addresses.',
    vip: 'vip mode (default)',
    rr: 'tasks.whoami, or dnsrr mode',
    client: 'client',
    dns: ['embedded DNS', '127.0.0.11'],
    askVip: 'look up whoami',
    answerVip: '→ 10.0.12.2 (virtual IP)',
    askRr: 'look up tasks.whoami',
    answerRr: '→ .3 .4 .5 (the tasks)',
    ipvs: 'IPVS load balancer',
    missing: "not in this machine's kernel",
    task: 'task',
  },
};

const addresses = ['10.0.12.3', '10.0.12.4', '10.0.12.5'];

function Tasks({x, y, label}: {x: number; y: number; label: string}): ReactNode {
  return (
    <>
      {addresses.map((a, i) => (
        <Box key={a} x={x + i * 112} y={y} width={104} height={50} kind="container" label={label} detail={a} />
      ))}
    </>
  );
}

export default function ServiceDiscovery(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Figure
      name="service-discovery"
      title={t.title}
      description={t.description}
      caption={t.caption}
      width={740}
      height={400}
      narrow={[
        {x: 4, y: 4, width: 366, height: 392},
        {x: 370, y: 4, width: 366, height: 392},
      ]}>
      <Box x={10} y={10} width={355} height={380} kind="zone" label={t.vip} />
      <Box x={375} y={10} width={355} height={380} kind="zone" label={t.rr} />

      <Box x={30} y={44} width={110} height={44} kind="process" label={t.client} />
      <Box x={170} y={42} width={180} height={48} kind="network" label={t.dns} />
      <Arrow
        points={[
          [140, 66],
          [170, 66],
        ]}
      />
      <Label x={260} y={110} muted>
        {t.askVip}
      </Label>
      <Label x={260} y={128} muted>
        {t.answerVip}
      </Label>
      <Box x={70} y={150} width={240} height={70} kind="process" dashed label={t.ipvs} detail={t.missing} />
      <Arrow
        points={[
          [85, 88],
          [85, 150],
        ]}
        label="10.0.12.2"
        labelAt={[128, 124]}
      />
      {addresses.map((a, i) => (
        <Arrow
          key={a}
          points={[
            [190, 220],
            [75 + i * 112, 290],
          ]}
          dashed
        />
      ))}
      <Tasks x={23} y={290} label={t.task} />

      <Box x={395} y={44} width={110} height={44} kind="process" label={t.client} />
      <Box x={535} y={42} width={180} height={48} kind="network" label={t.dns} />
      <Arrow
        points={[
          [505, 66],
          [535, 66],
        ]}
      />
      <Label x={625} y={110} muted>
        {t.askRr}
      </Label>
      <Label x={625} y={128} muted>
        {t.answerRr}
      </Label>
      <Arrow
        points={[
          [450, 88],
          [440, 290],
        ]}
      />
      <Label x={520} y={200} muted>
        10.0.12.3 / .4 / .5
      </Label>
      <Tasks x={388} y={290} label={t.task} />
    </Figure>
  );
}
