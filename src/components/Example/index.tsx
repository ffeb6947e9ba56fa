import React, {type ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';
import FileTabs from './FileTabs';
import useBaseUrl from '@docusaurus/useBaseUrl';
import Topology from '@site/src/components/Topology';
import {readerCommands} from './commands';
import LastRunNote from './LastRunNote';
import ImageList from './ImageList';
import type {ExampleData} from './types';
import styles from './styles.module.css';

const text = {
  'zh-Hans': {
    files: '文件',
    run: '启动、检查、停止（在示例目录中运行）',
    checks: 'CI 每次提交都会启动它并检查：',
    limits: '这里的内核无法检查的部分：',
    download: '下载整个目录（.zip）',
    kind: '类型',
    images: '需要的镜像（带进离线网络：.zip 里的 images.txt 和 images.sh）：',
    noImages: '无：它不需要任何镜像',
  },
  en: {
    files: 'Files',
    run: 'Start, check, stop (run in the example folder)',
    checks: 'CI starts it on every commit and checks that:',
    limits: 'Not checkable on the kernel CI runs on:',
    download: 'Download the whole folder (.zip)',
    kind: 'kind',
    images: 'Images it needs (for an offline network: images.txt and images.sh in the .zip):',
    noImages: 'none: it needs no image',
  },
};

/** An example from examples/: its files in tabs, how to run it, and what CI checks. */
export default function Example({example}: {example: ExampleData}): ReactNode {
  const t = text[BUILD_LOCALE];
  const title = example.title[BUILD_LOCALE];
  const summary = example.summary[BUILD_LOCALE];
  const checkNames = example.checks.map((c) => c.name[BUILD_LOCALE]);
  const limits = example.limits.map((l) => l.what[BUILD_LOCALE]);
  const zipUrl = useBaseUrl(example.zip);
  return (
    <section className={styles.example} aria-label={title} data-example={example.name}>
      <div className={styles.header}>
        <p className={styles.title}>
          <span className={styles.path}>examples/{example.name}/</span> {title}
        </p>
        <p className={styles.summary}>{summary}</p>
      </div>
      <Topology example={example} />
      <FileTabs folder={`examples/${example.name}`} files={example.files} label={t.files} />
      <p className={styles.label}>{t.run}</p>
      <CodeBlock language="bash">{readerCommands(example).join('\n')}</CodeBlock>
      {checkNames.length > 0 && (
        <>
          <p className={styles.label}>{t.checks}</p>
          <ul className={styles.checks}>
            {checkNames.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}
      {limits.length > 0 && (
        <>
          <p className={styles.label}>{t.limits}</p>
          <ul className={styles.limits}>
            {example.limits.map((limit, i) => (
              <li key={limit.feature}>
                <code>{limit.feature}</code>: {limits[i]}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className={styles.label}>{t.images}</p>
      <ImageList images={example.neededImages} none={t.noImages} />
      <LastRunNote name={example.name} runs={example.lastRuns} className={styles.lastRun} />
      <p className={styles.footer}>
        <a href={zipUrl} download={`${example.name}.zip`}>
          {t.download}
        </a>
        <span>
          {t.kind}: <code>{example.kind}</code>
        </span>
      </p>
    </section>
  );
}
