import {createElement, type ComponentProps, type ReactNode} from 'react';
import clsx from 'clsx';
import {ThemeClassNames} from '@docusaurus/theme-common';
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Container/styles.module.css';

/** The theme's container without inline --prism-* colours: prismThemeCss sets them per colour mode. */
export default function CodeBlockContainer<T extends 'div' | 'pre'>({
  as,
  ...props
}: {as: T} & ComponentProps<T>): ReactNode {
  return createElement(as, {
    ...props,
    className: clsx(props.className, styles.codeBlockContainer, ThemeClassNames.common.codeBlock),
  });
}
