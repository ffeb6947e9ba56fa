import React, {type ReactNode} from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import type {Localized} from '@site/src/lib/i18n';
import styles from './index.module.css';

// In reading order, as in the sidebar. Chapter 5 (Swarm) spans two pages; both carry its number. The
// chapters written after the first eight go deeper into one subject and carry no number.
const chapters: {slug: string; number?: number; name: Localized}[] = [
  {slug: 'install-and-configure', name: {'zh-Hans': '安装与配置引擎', en: 'Installing and configuring the engine'}},
  {slug: 'images-and-containers', number: 1, name: {'zh-Hans': '镜像与容器', en: 'Images and containers'}},
  {slug: 'building-images', name: {'zh-Hans': '构建更好的镜像', en: 'Building images well'}},
  {slug: 'networking', number: 2, name: {'zh-Hans': '网络', en: 'Networking'}},
  {slug: 'storage', number: 3, name: {'zh-Hans': '存储', en: 'Storage'}},
  {slug: 'compose', number: 4, name: {'zh-Hans': 'Compose', en: 'Compose'}},
  {slug: 'compose-for-development', name: {'zh-Hans': '用 Compose 做开发', en: 'Compose for development'}},
  {
    slug: 'swarm',
    number: 5,
    name: {'zh-Hans': 'Swarm（上）：集群与服务', en: 'Swarm, part 1: the cluster and its services'},
  },
  {
    slug: 'swarm-stacks',
    number: 5,
    name: {'zh-Hans': 'Swarm（下）：stack、secret 与更新', en: 'Swarm, part 2: stacks, secrets and updates'},
  },
  {
    slug: 'laptop-to-cloud',
    number: 6,
    name: {'zh-Hans': '从笔记本到云：镜像仓库与 CI/CD', en: 'From laptop to cloud: registries and CI/CD'},
  },
  {slug: 'kubernetes', number: 7, name: {'zh-Hans': 'Kubernetes', en: 'Kubernetes'}},
  {slug: 'security', name: {'zh-Hans': '安全地运行容器', en: 'Running containers safely'}},
  {slug: 'operations', name: {'zh-Hans': '运维与排错', en: 'Operating and troubleshooting'}},
  {
    slug: 'mirrors',
    number: 8,
    name: {
      'zh-Hans': 'Docker Hub 连不上时：加速器、拉取缓存和离线镜像包',
      en: 'When Docker Hub is out of reach: mirrors, a pull-through cache and offline image kits',
    },
  },
];

const text = {
  'zh-Hans': {
    title: 'Docker 实践指南',
    description: '从镜像到 Kubernetes 的中英双语 Docker 指南，每个示例都由 CI 在真实的 Docker 引擎上启动。',
    lead: '一本从镜像、网络、存储讲到 Compose、Swarm 和 Kubernetes 的 Docker 实践指南，中英双语。',
    trust:
      '页面上展示的每个 compose 文件、Dockerfile 和脚本都来自仓库的 examples/ 目录：CI 在每次提交时都会在真实的 Docker 引擎上启动它们、运行冒烟检查，然后清理干净。你复制的文件，就是 CI 启动过的文件。',
    start: '开始之前：安装与阅读路线',
    chapter1: '直接从第 1 章开始',
    chapters: '章节',
    chapter: (n: number) => `第 ${n} 章`,
    deeper: '深入',
  },
  en: {
    title: 'Docker Field Guide',
    description:
      'A bilingual Docker guide from images to Kubernetes whose every example CI starts on a real Docker engine.',
    lead: 'A hands-on Docker guide, in Chinese and English, from images, networking and storage to Compose, Swarm and Kubernetes.',
    trust:
      'Every compose file, Dockerfile and script on these pages comes from the examples/ folder of the repository: on every commit CI starts each one on a real Docker engine, runs its smoke checks and cleans up. The file you copy is the file CI started.',
    start: 'Before you start: setup and a reading path',
    chapter1: 'Or go straight to chapter 1',
    chapters: 'Chapters',
    chapter: (n: number) => `Chapter ${n}`,
    deeper: 'In depth',
  },
};

export default function Home(): ReactNode {
  const t = text[BUILD_LOCALE];
  return (
    <Layout title={t.title} description={t.description}>
      <main className={styles.main}>
        <header className={styles.hero}>
          <Heading as="h1">{t.title}</Heading>
          <p className={styles.lead}>{t.lead}</p>
          <p>{t.trust}</p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/docs/before-you-start">
              {t.start}
            </Link>
            <Link className="button button--secondary button--lg" to="/docs/images-and-containers">
              {t.chapter1}
            </Link>
          </div>
        </header>
        <section aria-labelledby="chapters">
          <Heading as="h2" id="chapters">
            {t.chapters}
          </Heading>
          <ol className={styles.chapters}>
            {chapters.map((chapter) => (
              <li key={chapter.slug}>
                <Link to={`/docs/${chapter.slug}`}>
                  <span className={styles.number}>
                    {chapter.number === undefined ? t.deeper : t.chapter(chapter.number)}
                  </span>
                  <span>{chapter.name[BUILD_LOCALE]}</span>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      </main>
    </Layout>
  );
}
