import React, {useEffect, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {ThemeClassNames} from '@docusaurus/theme-common';
import CopyButton from '@theme/CodeBlock/Buttons/CopyButton';
import WordWrapButton from '@theme/CodeBlock/Buttons/WordWrapButton';
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Buttons/styles.module.css';

/**
 * The theme's copy and word-wrap buttons, made when their code block comes near the viewport
 * rather than for every block of a chapter right after hydration. Like the theme's, they are
 * not in the server's HTML: they need React to work. A hidden marker stands in until then.
 */
export default function CodeBlockButtons({className}: {className?: string}): ReactNode {
  const marker = useRef<HTMLSpanElement>(null);
  const [isNearViewport, setIsNearViewport] = useState(false);
  useEffect(() => {
    const block = marker.current?.closest(`.${ThemeClassNames.common.codeBlock}`);
    if (!block) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        setIsNearViewport(true);
        observer.disconnect();
      },
      {rootMargin: '200px 0px'},
    );
    observer.observe(block);
    return () => observer.disconnect();
  }, []);
  if (!isNearViewport) return <span ref={marker} hidden />;
  return (
    <div className={clsx(className, styles.buttonGroup)}>
      <WordWrapButton />
      <CopyButton />
    </div>
  );
}
