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
  /** A string command runs through `sh -c`, as the runner does. */
  exec?: {service: string; command: string[] | string; expect?: string};
  run?: {args: string[]; expect?: string};
  script?: string;
}

export interface TopologyPort {
  published: string | null;
  target: string;
  hostIp: string | null;
  mode: string;
}

export interface TopologyService {
  name: string;
  image: string | null;
  build: string | null;
  replicas: number;
  networks: string[];
  ports: TopologyPort[];
  mounts: {type: string; source: string | null; target: string}[];
  secrets: string[];
  dependsOn: string[];
}

/** A compose or stack file as the <Topology> figure draws it (read at build time). */
export interface TopologyModel {
  file: string;
  services: TopologyService[];
  networks: {name: string; driver: string}[];
  volumes: string[];
  secrets: string[];
}

/** The runner's last `up` of an example on one engine in this checkout (test-results/examples*.json). */
export interface LastRun {
  at: string;
  engine: string | null;
  status: 'passed' | 'failed' | 'not-started';
  startedSeconds: number | null;
  checksPassed: number;
  checks: number;
  standins: string[];
  notChecked: string[];
}

/** What the site shows of examples/<name>/ (src/plugins/examples/exampleData.ts). */
export interface ExampleData {
  name: string;
  title: Localized;
  summary: Localized;
  kind: ExampleKind;
  chapter: string;
  topics: string[];
  images: {tag: string; context: string; dockerfile?: string}[];
  /** External stack secrets the reader creates before deploying. */
  secrets: {name: string; file?: string; stdin?: string}[];
  checks: ExampleCheck[];
  limits: {feature: string; what: Localized}[];
  files: ExampleFile[];
  allFiles: string[];
  /** The images it needs and does not build, sorted: images.txt of its .zip (tools/core/example-images.ts). */
  neededImages: string[];
  topology: TopologyModel | null;
  /** This machine's engine first, then other engine majors; empty when never run here. */
  lastRuns: LastRun[];
  zip: string;
}
