import React, {useEffect, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import CopyButton from '@theme/CodeBlock/Buttons/CopyButton';
import WordWrapButton from '@theme/CodeBlock/Buttons/WordWrapButton';
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Buttons/styles.module.css';

/**
 * The theme's copy and word-wrap buttons, made when their code block comes near the viewport
 * rather than for every block of a chapter right after hydration. Like the theme's, they are
 * not in the server's HTML: they need React to work.
 */
export default function CodeBlockButtons({className}: {className?: string}): ReactNode {
  const {wordWrap} = useCodeBlockContext();
  const [isNearViewport, setIsNearViewport] = useState(false);
  useEffect(() => {
    const block = wordWrap.codeBlockRef.current;
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
  }, [wordWrap.codeBlockRef]);
  if (!isNearViewport) return null;
  return (
    <div className={clsx(className, styles.buttonGroup)}>
      <WordWrapButton />
      <CopyButton />
    </div>
  );
}
