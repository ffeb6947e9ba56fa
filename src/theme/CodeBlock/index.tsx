import React, {isValidElement, type ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';

/** Plain-string children join into one string, so the block can be highlighted and copied. */
function stringifiedChildren(children: ReactNode): ReactNode {
  if (React.Children.toArray(children).some((child) => isValidElement(child))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

/**
 * The theme's CodeBlock without its re-mount after hydration (`key={isBrowser}`), which it needs
 * only because its token colours are inline styles of the server's colour mode. Ours come from
 * CSS per colour mode (src/plugins/prismThemeCss), so every code block is rendered once.
 */
export default function CodeBlock({children, ...props}: Props): ReactNode {
  const content = stringifiedChildren(children);
  return typeof content === 'string' ? (
    <StringContent {...props}>{content}</StringContent>
  ) : (
    <ElementContent {...props}>{content}</ElementContent>
  );
}
