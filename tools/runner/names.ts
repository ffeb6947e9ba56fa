import {randomBytes} from 'node:crypto';

/** Everything the runner creates is named (or labelled) with this prefix, so a sweep can find it. */
export const RUNNER_PREFIX = 'fg-';
/**
 * Label the runner puts on the swarm secrets it creates, with the run's name. Never put on images:
 * image labels pass to every container made from them, including other people's.
 */
export const RUNNER_LABEL = 'org.fieldguide.runner';

/**
 * A name unique to one run of one example: `fg-<example>-<6 hex>`. It is a valid compose project,
 * stack, image and container name (lowercase, starts with a letter) and short enough for the
 * service names a stack derives from it.
 */
export function uniqueName(example: string, random: () => string = () => randomBytes(3).toString('hex')): string {
  const base =
    example
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 24)
      .replace(/^-+|-+$/g, '') || 'example';
  return `${RUNNER_PREFIX}${base}-${random()}`;
}
