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
  /**
   * How the drawing reflows on a narrow column (a phone): either regions of it, in its own
   * coordinates, stacked top to bottom, or a drawing of its own. Without it the drawing only
   * scales, so a wide drawing needs it to keep its text legible (tests/e2e/figures.spec.ts).
   */
  narrow?: Region[] | NarrowDrawingProps;
  children: ReactNode;
}

/** A rectangle of a drawing, in the drawing's coordinates. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A narrow form drawn on its own, for drawings laid out by code (the Topology figures). */
export interface NarrowDrawingProps {
  width: number;
  height: number;
  children: ReactNode;
}

/** Space between two stacked regions of a narrow drawing. */
const regionGap = 14;

/** Where each region goes when stacked, and the narrow drawing's size. */
export function stackRegions(regions: Region[]): {width: number; height: number; offsets: [number, number][]} {
  const width = Math.max(...regions.map((r) => r.width));
  let y = 0;
  const offsets = regions.map((r): [number, number] => {
    const at: [number, number] = [(width - r.width) / 2 - r.x, y - r.y];
    y += r.height + regionGap;
    return at;
  });
  return {width, height: y - regionGap, offsets};
}

function ArrowMarker({id}: {id: string}): ReactNode {
  return (
    <marker id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M0,0 L10,5 L0,10 z" className={styles.arrowHead} />
    </marker>
  );
}

/**
 * The narrow form of a drawing. Regions show the drawing once, in defs, through one clipped <use>
 * per region, so they stack without repeating the drawing's markup.
 */
function NarrowDrawing({
  id,
  title,
  description,
  narrow,
  children,
}: {
  id: string;
  title: string;
  description: string;
  narrow: Region[] | NarrowDrawingProps;
  children: ReactNode;
}): ReactNode {
  const regions = Array.isArray(narrow) ? narrow : null;
  const {width, height} = regions ? stackRegions(regions) : (narrow as NarrowDrawingProps);
  const markerId = `${id}-narrow-arrow`;
  const art = `${id}-narrow-art`;
  return (
    <svg
      className={clsx(styles.svg, styles.narrowSvg)}
      viewBox={`0 0 ${width} ${height}`}
      style={{maxWidth: width}}
      role="img"
      aria-labelledby={`${id}-narrow-title ${id}-narrow-desc`}>
      <title id={`${id}-narrow-title`}>{title}</title>
      <desc id={`${id}-narrow-desc`}>{description}</desc>
      <defs>
        <ArrowMarker id={markerId} />
        {regions && (
          <g id={art}>
            <FigureContext.Provider value={{markerId}}>{children}</FigureContext.Provider>
          </g>
        )}
        {regions?.map((r, i) => (
          <clipPath key={i} id={`${id}-region-${i}`}>
            <rect x={r.x} y={r.y} width={r.width} height={r.height} />
          </clipPath>
        ))}
      </defs>
      {regions ? (
        stackRegions(regions).offsets.map(([dx, dy], i) => (
          <use key={i} href={`#${art}`} transform={`translate(${dx} ${dy})`} clipPath={`url(#${id}-region-${i})`} />
        ))
      ) : (
        <FigureContext.Provider value={{markerId}}>{(narrow as NarrowDrawingProps).children}</FigureContext.Provider>
      )}
    </svg>
  );
}

export function Figure({name, title, description, caption, width, height, narrow, children}: FigureProps): ReactNode {
  const id = `fig-${name}`;
  // A drawing is static: while hydrating, the server's SVG stays in place and is not hydrated.
  const scroller = useServerMarkup();
  const drawing = (
    <>
      <svg
        className={clsx(styles.svg, narrow && styles.wideSvg)}
        viewBox={`0 0 ${width} ${height}`}
        // Never drawn larger than its own size: a small drawing stays small on a wide column.
        style={{maxWidth: width}}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <ArrowMarker id={`${id}-arrow`} />
        </defs>
        <FigureContext.Provider value={{markerId: `${id}-arrow`}}>{children}</FigureContext.Provider>
      </svg>
      {narrow && (
        <NarrowDrawing id={id} title={title} description={description} narrow={narrow}>
          {children}
        </NarrowDrawing>
      )}
    </>
  );
  return (
    <figure className={styles.figure} id={id} data-diagram={name}>
      {scroller.isHydratingServerMarkup ? (
        <div
          className={styles.scroller}
          id={scroller.id}
          dangerouslySetInnerHTML={{__html: ''}}
          suppressHydrationWarning
        />
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
export type BoxKind =
  | 'host'
  | 'container'
  | 'image'
  | 'layer'
  | 'writable'
  | 'network'
  | 'volume'
  | 'secret'
  | 'process'
  | 'neutral'
  | 'zone';

export interface BoxProps {
  x: number;
  y: number;
  width: number;
  height: number;
  kind: BoxKind;
  /** One string per line; lines are centred unless the box is a zone (label top-left). */
  label?: string | string[];
  /** Smaller lines under the label, e.g. an address or an image tag. */
  detail?: string | string[];
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
  const details = detail === undefined ? [] : Array.isArray(detail) ? detail : [detail];
  const blockHeight = lines.length * lineHeight + details.length * (lineHeight - 2);
  const firstY = isZone ? y + 20 : y + height / 2 - blockHeight / 2 + 13;
  return (
    <g className={clsx(styles.box, styles[kind])}>
      <rect x={x} y={y} width={width} height={height} rx={6} className={clsx(dashed && styles.dashed)} />
      {lines.map((line, i) => (
        <text
          key={i}
          x={textX}
          y={firstY + i * lineHeight}
          textAnchor={isZone ? 'start' : 'middle'}
          className={styles.label}>
          {line}
        </text>
      ))}
      {details.map((line, i) => (
        <text
          key={i}
          x={textX}
          y={firstY + lines.length * lineHeight + i * (lineHeight - 2)}
          textAnchor={isZone ? 'start' : 'middle'}
          className={styles.detail}>
          {line}
        </text>
      ))}
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
export function Label({
  x,
  y,
  children,
  anchor = 'middle',
  muted,
}: {
  x: number;
  y: number;
  children: string;
  anchor?: 'start' | 'middle' | 'end';
  muted?: boolean;
}): ReactNode {
  return (
    <text x={x} y={y} textAnchor={anchor} className={muted ? styles.detail : styles.label}>
      {children}
    </text>
  );
}
