/** A YAML or JSON mapping as parsed: keys to values not yet checked. */
export type Mapping = Record<string, unknown>;

/** Whether a parsed value is a mapping (not a list, not a scalar, not null). */
export const isMapping = (value: unknown): value is Mapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
