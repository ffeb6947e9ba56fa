import React, {type ReactNode} from 'react';
import {NOT_RUN_REASONS, type NotRunReason} from './reasons';
import styles from './styles.module.css';

const label = {'zh-Hans': '未在这里运行：', en: 'Not run here: '};

/** A terminal block whose commands cannot run on the engine that generates transcripts; says why. */
export default function NotRunHere({reason, children}: {reason: NotRunReason; children: ReactNode}): ReactNode {
  return (
    <div className={styles.notRun} data-not-run-here={reason}>
      <p className={styles.notRunLabel}>
        {label[BUILD_LOCALE]}
        {NOT_RUN_REASONS[reason][BUILD_LOCALE]}
      </p>
      {children}
    </div>
  );
}
