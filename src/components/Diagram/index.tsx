import React, {createContext, useContext, type ReactNode} from 'react';
import clsx from 'clsx';
import {useServerMarkup} from '@site/src/lib/serverMarkup';
import styles from './styles.module.css';

/**
 * Shared primitives for every figure of the guide. A diagram is one component in
 * src/components/diagrams/ that draws with these, so all figures share one look, work in
 * light and dark mode (colours are CSS variables) and carry a title and description.
 */

const FigureContext = createContext<{markerId: string}>({markerId: ''});

export interface FigureProps {
  /** Kebab-case id, unique on the site: the figure's anchor is #fig-<name>. */
  name: string;
  /** Short title, read by screen readers as the image's name. */
  title: string;
  /** What the picture shows, in a sentence or two, for readers who cannot see it. */
  description: string;
  /** The caption printed under the figure. */
  caption: string;
  /** The drawing's coordinate space; it scales to the column width. */
  width: number;
  height: number;
  children: ReactNode;
}

export function Figure({name, title, description, caption, width, height, children}: FigureProps): ReactNode {
  const id = `fig-${name}`;
  // A drawing is static: while hydrating, the server's SVG stays in place and is not hydrated.
  const scroller = useServerMarkup();
  const drawing = (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${width} ${height}`}
      // Never drawn larger than its own size: a small drawing stays small on a wide column.
      style={{minWidth: Math.min(width, 520), maxWidth: width}}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className={styles.arrowHead} />
        </marker>
      </defs>
      <FigureContext.Provider value={{markerId: `${id}-arrow`}}>{children}</FigureContext.Provider>
    </svg>
  );
  return (
    <figure className={styles.figure} id={id} data-diagram={name}>
      {scroller.isHydratingServerMarkup ? (
        <div className={styles.scroller} id={scroller.id} dangerouslySetInnerHTML={{__html: ''}} suppressHydrationWarning />
      ) : (
        <div className={styles.scroller} id={scroller.id}>
          {drawing}
        </div>
      )}
      <figcaption className={styles.caption}>{caption}</figcaption>
    </figure>
  );
}

/** What a box stands for; each kind has its own colour in both modes. */
export type BoxKind = 'host' | 'container' | 'image' | 'layer' | 'writable' | 'network' | 'volume' | 'secret' | 'process' | 'neutral' | 'zone';

export interface BoxProps {
  x: number;
  y: number;
  width: number;
  height: number;
  kind: BoxKind;
  /** One string per line; lines are centred unless the box is a zone (label top-left). */
  label?: string | string[];
  /** A smaller second line, e.g. an address or an image tag. */
  detail?: string;
  dashed?: boolean;
  /** Where the label sits; zones and hosts default to the top-left corner, other boxes to the centre. */
  labelAt?: 'centre' | 'top-left';
  children?: ReactNode;
}

const lineHeight = 18;

export function Box({x, y, width, height, kind, label, detail, dashed, labelAt, children}: BoxProps): ReactNode {
  const lines = label === undefined ? [] : Array.isArray(label) ? label : [label];
  const isZone = (labelAt ?? (kind === 'zone' || kind === 'host' ? 'top-left' : 'centre')) === 'top-left';
  const textX = isZone ? x + 10 : x + width / 2;
  const blockHeight = lines.length * lineHeight + (detail ? lineHeight - 2 : 0);
  const firstY = isZone ? y + 20 : y + height / 2 - blockHeight / 2 + 13;
  return (
    <g className={clsx(styles.box, styles[kind])}>
      <rect x={x} y={y} width={width} height={height} rx={6} className={clsx(dashed && styles.dashed)} />
      {lines.map((line, i) => (
        <text key={i} x={textX} y={firstY + i * lineHeight} textAnchor={isZone ? 'start' : 'middle'} className={styles.label}>
          {line}
        </text>
      ))}
      {detail && (
        <text x={textX} y={firstY + lines.length * lineHeight} textAnchor={isZone ? 'start' : 'middle'} className={styles.detail}>
          {detail}
        </text>
      )}
      {children}
    </g>
  );
}

export interface ArrowProps {
  /** Points the arrow passes through, first to last; the head is at the last. */
  points: [number, number][];
  label?: string;
  /** Where the label sits; defaults to the middle of the first segment. */
  labelAt?: [number, number];
  dashed?: boolean;
  /** Heads at both ends, for traffic both ways. */
  both?: boolean;
}

export function Arrow({points, label, labelAt, dashed, both}: ArrowProps): ReactNode {
  const {markerId} = useContext(FigureContext);
  const [[x1, y1], [x2, y2]] = points;
  const [lx, ly] = labelAt ?? [(x1 + x2) / 2, (y1 + y2) / 2 - 6];
  return (
    <g className={styles.arrow}>
      <polyline
        points={points.map(([x, y]) => `${x},${y}`).join(' ')}
        className={clsx(dashed && styles.dashed)}
        markerEnd={`url(#${markerId})`}
        markerStart={both ? `url(#${markerId})` : undefined}
      />
      {label && (
        <text x={lx} y={ly} textAnchor="middle" className={styles.arrowLabel}>
          {label}
        </text>
      )}
    </g>
  );
}

/** Free text on the drawing, e.g. a heading over a column. */
export function Label({x, y, children, anchor = 'middle', muted}: {x: number; y: number; children: string; anchor?: 'start' | 'middle' | 'end'; muted?: boolean}): ReactNode {
  return (
    <text x={x} y={y} textAnchor={anchor} className={muted ? styles.detail : styles.label}>
      {children}
    </text>
  );
}
