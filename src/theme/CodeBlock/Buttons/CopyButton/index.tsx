import React, {useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import Button from '@theme/CodeBlock/Buttons/Button';
import IconCopy from '@theme/Icon/Copy';
import IconSuccess from '@theme/Icon/Success';
import {copyableText} from '@site/src/lib/shellSession';
import styles from './styles.module.css';

// Replaces the theme's copy button so shell sessions copy their commands, not prompts and output.
export default function CopyButton({className}: {className?: string}): ReactNode {
  const {metadata} = useCodeBlockContext();
  const [isCopied, setIsCopied] = useState(false);
  const timeout = useRef<number | undefined>(undefined);
  const copy = useCallback(() => {
    void navigator.clipboard.writeText(copyableText(metadata.code, metadata.language)).then(() => {
      setIsCopied(true);
      timeout.current = window.setTimeout(() => setIsCopied(false), 1000);
    });
  }, [metadata.code, metadata.language]);
  useEffect(() => () => window.clearTimeout(timeout.current), []);
  const label = isCopied
    ? translate({id: 'theme.CodeBlock.copied', message: 'Copied'})
    : translate({id: 'theme.CodeBlock.copyButtonAriaLabel', message: 'Copy code to clipboard'});
  return (
    <Button
      aria-label={label}
      title={translate({id: 'theme.CodeBlock.copy', message: 'Copy'})}
      className={clsx(className, styles.copyButton, isCopied && styles.copied)}
      onClick={copy}>
      <span className={styles.icons} aria-hidden="true">
        <IconCopy className={styles.icon} />
        <IconSuccess className={styles.successIcon} />
      </span>
    </Button>
  );
}
