import React, {useId, useRef, useState, type KeyboardEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import CodeBlock from '@theme/CodeBlock';
import type {ExampleFile} from './types';
import styles from './styles.module.css';

interface Props {
  /** Folder shown in each code block's title: examples/<name>/<file>. */
  folder: string;
  files: ExampleFile[];
  label: string;
}

/**
 * An example's files as tabs (WAI-ARIA tabs: arrows, Home and End move between them). Docusaurus'
 * own Tabs remount after hydration so a tab remembered in storage can win, rebuilding every file's
 * highlighted code on each page load; these tabs remember nothing, so hydration is all they need.
 */
export default function FileTabs({folder, files, label}: Props): ReactNode {
  const [selected, setSelected] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const id = useId();
  const select = (index: number) => {
    const next = (index + files.length) % files.length;
    setSelected(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: selected + 1,
      ArrowLeft: selected - 1,
      Home: 0,
      End: files.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    select(moves[event.key]);
  };
  return (
    <div className={styles.fileTabs}>
      <div role="tablist" aria-label={label} className="tabs">
        {files.map((file, i) => (
          <button
            key={file.path}
            ref={(element) => {
              tabs.current[i] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-controls={`${id}-panel-${i}`}
            aria-selected={i === selected}
            tabIndex={i === selected ? 0 : -1}
            className={clsx('clean-btn', 'tabs__item', styles.fileTab, i === selected && 'tabs__item--active')}
            onClick={() => setSelected(i)}
            onKeyDown={onKeyDown}>
            {file.path}
          </button>
        ))}
      </div>
      {files.map((file, i) => (
        <div
          key={file.path}
          role="tabpanel"
          id={`${id}-panel-${i}`}
          aria-labelledby={`${id}-tab-${i}`}
          hidden={i !== selected}
          className="margin-top--md">
          <CodeBlock language={file.language} title={`${folder}/${file.path}`}>
            {file.content}
          </CodeBlock>
        </div>
      ))}
    </div>
  );
}
