import React, {type ReactNode} from 'react';
import type {LastRun} from './types';

const text = {
  'zh-Hans': {
    never: (name: string) => `这个构建没有附带运行结果；在仓库里运行 npm run examples -- up ${name} 即可自己验证。`,
    ran: (run: LastRun) =>
      `构建本站的 CI 在 Docker Engine ${run.engine ?? '?'} 上启动了它：${run.status === 'passed' ? '通过' : run.status === 'failed' ? '失败' : '未启动'}` +
      `${run.startedSeconds !== null ? `，${run.startedSeconds.toFixed(0)} 秒就绪` : ''}，${run.checksPassed}/${run.checks} 项检查通过。`,
    standins: (images: string[]) => `离线替身镜像（由 Debian 软件包构建）：${images.join('、')}。`,
    notChecked: (features: string[]) => `无法检查：${features.join('、')}（见上）。`,
  },
  en: {
    never: (name: string) =>
      `This build carries no run result; run npm run examples -- up ${name} in the repository to check it yourself.`,
    ran: (run: LastRun) =>
      `The CI run that built this site started it on Docker Engine ${run.engine ?? '?'}: ${run.status}` +
      `${run.startedSeconds !== null ? `, ready in ${run.startedSeconds.toFixed(0)} s` : ''}, ${run.checksPassed}/${run.checks} checks passed.`,
    standins: (images: string[]) => `Offline stand-ins (built from Debian packages): ${images.join(', ')}.`,
    notChecked: (features: string[]) => `Not checkable: ${features.join(', ')} (see above).`,
  },
};

/** What the example was tested with, on each engine, from the runner's reports of the build that made this page. */
export default function LastRunNote({
  name,
  runs,
  className,
}: {
  name: string;
  runs: LastRun[];
  className?: string;
}): ReactNode {
  const t = text[BUILD_LOCALE];
  if (runs.length === 0) return <p className={className}>{t.never(name)}</p>;
  const standins = [...new Set(runs.flatMap((r) => r.standins))];
  const notChecked = [...new Set(runs.flatMap((r) => r.notChecked))];
  return (
    <p className={className}>
      {runs.map((run) => t.ran(run)).join(' ')} {standins.length > 0 && t.standins(standins)}{' '}
      {notChecked.length > 0 && t.notChecked(notChecked)}
    </p>
  );
}
