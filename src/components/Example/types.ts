import type {Localized} from '@site/src/lib/i18n';

export type ExampleKind = 'compose' | 'stack' | 'dockerfile' | 'script' | 'kubernetes';

export interface ExampleFile {
  path: string;
  language: string;
  content: string;
}

export interface ExampleCheck {
  name: Localized;
  http?: {url: string; status?: number; contains?: string};
  exec?: {service: string; command: string[]; expect?: string};
  run?: {args: string[]; expect?: string};
  script?: string;
}

/** What the examples loader makes of examples/<name>/ (src/plugins/examples/examples.cjs). */
export interface ExampleData {
  name: string;
  title: Localized;
  summary: Localized;
  kind: ExampleKind;
  chapter: string;
  topics: string[];
  images: {tag: string; context: string}[];
  checks: ExampleCheck[];
  limits: {feature: string; what: Localized}[];
  files: ExampleFile[];
  allFiles: string[];
  zip: string;
}
