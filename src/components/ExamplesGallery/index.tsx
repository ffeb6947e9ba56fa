import React, {useState, type ReactNode} from 'react';
import clsx from 'clsx';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import Topology from '@site/src/components/Topology';
import LastRunNote from '@site/src/components/Example/LastRunNote';
import ImageList from '@site/src/components/Example/ImageList';
import type {Localized} from '@site/src/lib/i18n';
import type {GalleryEntry} from '@site/src/plugins/examples/index';
import {TOPICS, type Topic} from '@site/tools/runner/vocabulary';
import styles from './styles.module.css';

const text = {
  'zh-Hans': {
    title: '示例库',
    description: '本指南的全部示例：每一个都由 CI 在真实的 Docker 引擎上启动并检查。',
    lead: (n: number) =>
      `本指南的 ${n} 个示例。每一个都是仓库 examples/ 目录里的真实文件，CI 在每次提交时启动它并运行下面列出的检查。`,
    filter: '按主题筛选',
    all: '全部',
    topics: {
      engine: '安装与配置',
      dockerfile: 'Dockerfile',
      networking: '网络',
      storage: '存储',
      compose: 'Compose',
      swarm: 'Swarm',
      secrets: '密钥',
      kubernetes: 'Kubernetes',
      registry: '镜像仓库',
      ci: 'CI/CD',
      security: '安全',
      operations: '运维与排错',
    } satisfies Record<Topic, string>,
    kind: '类型',
    checks: 'CI 检查',
    taught: '在章节中阅读',
    download: '下载 .zip',
    images: '需要的镜像（.zip 里的 images.txt）：',
    noImages: '无：它不需要任何镜像',
    shown: (n: number) => `显示 ${n} 个`,
  },
  en: {
    title: 'Examples gallery',
    description: 'Every example of the guide; CI starts and checks each one on a real Docker engine.',
    lead: (n: number) =>
      `The guide's ${n} examples. Each is a real folder under examples/ in the repository; on every commit CI starts it and runs the checks listed.`,
    filter: 'Filter by topic',
    all: 'All',
    topics: {
      engine: 'Installing and configuring',
      dockerfile: 'Dockerfile',
      networking: 'Networking',
      storage: 'Storage',
      compose: 'Compose',
      swarm: 'Swarm',
      secrets: 'Secrets',
      kubernetes: 'Kubernetes',
      registry: 'Registries',
      ci: 'CI/CD',
      security: 'Security',
      operations: 'Operations',
    } satisfies Record<Topic, string>,
    kind: 'kind',
    checks: 'CI checks',
    taught: 'Read it in its chapter',
    download: 'Download .zip',
    images: 'Images it needs (images.txt in the .zip):',
    noImages: 'none: it needs no image',
    shown: (n: number) => `${n} shown`,
  },
};

function Card({example}: {example: GalleryEntry}): ReactNode {
  const t = text[BUILD_LOCALE];
  const title = (example.title as Localized)[BUILD_LOCALE];
  const summary = (example.summary as Localized)[BUILD_LOCALE];
  const checks = example.checks.map((c) => c.name[BUILD_LOCALE]);
  const zip = useBaseUrl(example.zip);
  return (
    <li className={styles.card} data-example={example.name}>
      <Heading as="h2" id={example.name} className={styles.cardTitle}>
        {title}
      </Heading>
      <p className={styles.path}>examples/{example.name}/</p>
      <p>{summary}</p>
      {example.topology && (
        <div className={styles.thumbnail}>
          <Topology example={example} />
        </div>
      )}
      <p className={styles.meta}>
        {t.kind}: <code>{example.kind}</code>
        {' · '}
        {example.topics.map((topic) => t.topics[topic as keyof typeof t.topics] ?? topic).join(' · ')}
      </p>
      {checks.length > 0 && (
        <details>
          <summary>{t.checks}</summary>
          <ul>
            {checks.map((check) => (
              <li key={check}>{check}</li>
            ))}
          </ul>
        </details>
      )}
      <p className={clsx(styles.meta, styles.imagesLabel)}>{t.images}</p>
      <ImageList images={example.neededImages} none={t.noImages} className={styles.meta} />
      <LastRunNote name={example.name} runs={example.lastRuns} className={styles.meta} />
      <p className={styles.links}>
        {example.section && (
          <Link to={`/docs/${example.section.doc}${example.section.anchor ? `#${example.section.anchor}` : ''}`}>
            {t.taught}
          </Link>
        )}
        <a href={zip} download={`${example.name}.zip`}>
          {t.download}
        </a>
      </p>
    </li>
  );
}

/** Every folder of examples/, with its topology, checks, images, chapter and download; filterable by topic. */
export default function ExamplesGallery({gallery}: {gallery: GalleryEntry[]}): ReactNode {
  const t = text[BUILD_LOCALE];
  const [topic, setTopic] = useState<string | null>(null);
  const shown = gallery.filter((example) => topic === null || example.topics.includes(topic));
  return (
    <Layout title={t.title} description={t.description}>
      <main className={clsx('container', styles.main)}>
        <Heading as="h1">{t.title}</Heading>
        <p>{t.lead(gallery.length)}</p>
        <div role="group" aria-label={t.filter} className={styles.filters}>
          {[null, ...TOPICS].map((value) => (
            <button
              key={value ?? 'all'}
              type="button"
              className={clsx('button button--sm', topic === value ? 'button--primary' : 'button--secondary')}
              aria-pressed={topic === value}
              onClick={() => setTopic(value)}>
              {value === null ? t.all : t.topics[value]}
            </button>
          ))}
        </div>
        <p aria-live="polite" className={styles.count}>
          {t.shown(shown.length)}
        </p>
        <ul className={styles.grid}>
          {shown.map((example) => (
            <Card key={example.name} example={example} />
          ))}
        </ul>
      </main>
    </Layout>
  );
}
