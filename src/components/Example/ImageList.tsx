import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

/** The images an example needs (its images.txt), as code that wraps on a narrow screen. */
export default function ImageList({
  images,
  none,
  className,
}: {
  images: string[];
  none: string;
  className?: string;
}): ReactNode {
  if (images.length === 0) return <p className={clsx(styles.imagesNone, className)}>{none}</p>;
  return (
    <ul className={clsx(styles.images, className)} data-images={images.join(' ')}>
      {images.map((ref) => (
        <li key={ref}>
          <code>{ref}</code>
        </li>
      ))}
    </ul>
  );
}
