// The words an example.yaml may use, shared by the runner's declaration reader and the site (the
// gallery's topic filter): a topic or chapter added here is known to both, and a label missing on
// the site fails the typecheck.
export const KINDS = ['compose', 'stack', 'dockerfile', 'script', 'kubernetes'] as const;
export const CHAPTERS = [
  'install',
  'images',
  'building',
  'networking',
  'storage',
  'compose',
  'compose-dev',
  'swarm',
  'cloud',
  'kubernetes',
  'security',
  'operations',
  'mirrors',
] as const;
export const TOPICS = [
  'engine',
  'dockerfile',
  'networking',
  'storage',
  'compose',
  'swarm',
  'secrets',
  'kubernetes',
  'registry',
  'ci',
  'security',
  'operations',
] as const;
export const LANGUAGES = ['zh-Hans', 'en'] as const;

export type Kind = (typeof KINDS)[number];
export type Chapter = (typeof CHAPTERS)[number];
export type Topic = (typeof TOPICS)[number];
export type Language = (typeof LANGUAGES)[number];
