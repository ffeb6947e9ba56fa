import React, {useMemo, useState, type CSSProperties, type ReactNode} from 'react';
import clsx from 'clsx';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import type {Props} from '@theme/CodeBlock/Content';
import {highlightedHtml, plainLines} from '@site/src/lib/highlightedHtml';
import {useCodeHighlighter} from '@site/src/lib/codeHighlighter';
import {useServerMarkup} from '@site/src/lib/serverMarkup';
import themeStyles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content/styles.module.css';
import lineStyles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Line/styles.module.css';
import styles from './styles.module.css';

const numberedLine = {
  line: lineStyles.codeLine,
  number: lineStyles.codeLineNumber,
  content: lineStyles.codeLineContent,
};

/**
 * The theme's highlighted code, its lines set as one HTML string (highlightedHtml) instead of a
 * React element per token: hydration then skips them, the costliest part of a page's start-up.
 * Code React renders itself (after a client-side navigation) is shown plain until the
 * highlighter's chunk has loaded (codeHighlighter).
 */
export default function CodeBlockContent({className}: Props): ReactNode {
  const {
    metadata,
    wordWrap: {codeBlockRef},
  } = useCodeBlockContext();
  const {code, language, lineNumbersStart, lineClassNames} = metadata;
  const numbered = lineNumbersStart !== undefined;
  // While hydrating, the server's highlighted lines stay as they are and are not highlighted again.
  const {id, isHydratingServerMarkup} = useServerMarkup();
  const [serverRenderedCode] = useState(isHydratingServerMarkup ? code : null);
  const showsServerLines = code === serverRenderedCode;
  const highlightCode = useCodeHighlighter(!showsServerLines);
  const html = useMemo(() => {
    if (showsServerLines) return '';
    const options = {lineClassNames, numbered: numbered ? numberedLine : undefined};
    return highlightCode ? highlightCode(code, language, options) : highlightedHtml(plainLines(code), options);
  }, [code, showsServerLines, highlightCode, language, lineClassNames, numbered]);
  return (
    <pre
      ref={codeBlockRef}
      // Scrollable, so reachable by keyboard, as in the theme.
      tabIndex={0}
      style={{'--code-lines': code.split('\n').length} as CSSProperties}
      className={clsx(
        className,
        'prism-code',
        `language-${language}`,
        themeStyles.codeBlock,
        styles.skippedOffscreen,
        'thin-scrollbar',
      )}>
      <code
        id={id}
        className={clsx(themeStyles.codeBlockLines, numbered && themeStyles.codeBlockLinesWithNumbering)}
        style={numbered ? {counterReset: `line-count ${lineNumbersStart - 1}`} : undefined}
        dangerouslySetInnerHTML={{__html: html}}
        suppressHydrationWarning
      />
    </pre>
  );
}
