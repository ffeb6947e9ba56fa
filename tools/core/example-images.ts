// The images an example needs and does not build: what the runner makes available before starting
// it, and what the site lists on the example and puts in its .zip (images.txt, for carrying the
// example into a network without internet access). One reading for both; Dockerfiles are read by
// dockerfile.ts, manifests found by manifest.ts.
//
// The site imports this file (the one tools/ file beside the runner's contracts that it may import,
// see .dependency-cruiser.cjs): it reads files only, never the engine.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import YAML from 'yaml';
import {readDockerfile} from './dockerfile';
import {isManifestPath, podSpecPath} from './manifest';
import {isMapping, type Mapping} from './mapping';

/** An image a stack example builds before deploying (example.yaml `images:`). */
export interface BuiltImage {
  tag: string;
  context: string;
  dockerfile?: string;
}

/** What of an example's declaration decides its images. */
export interface ImageInputs {
  dir: string;
  kind: string;
  /** script examples: `uses:` */
  uses?: string[];
  /** stack examples: `images:` */
  images?: BuiltImage[];
}

const readIfExists = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');

/** The images a Dockerfile pulls: FROM and COPY --from that are no earlier stage and not scratch. */
export function dockerfileBases(path: string): string[] {
  return readDockerfile(readIfExists(path)).baseImages.map((b) => b.ref);
}

/**
 * Images of the services of a compose or stack file: `image:` of a service without `build:`, and
 * the base images of each build. `services` is the file's mapping as written, or as
 * `docker compose config --format json` prints it (build contexts absolute); paths are relative
 * to `dir`. Tags in `builtTags` (a stack's own `images:`) are built, not needed.
 */
export function composeServiceImages(
  services: unknown,
  dir: string,
  builtTags: ReadonlySet<string> = new Set(),
): string[] {
  const refs: string[] = [];
  for (const svc of Object.values(isMapping(services) ? services : {})) {
    if (!isMapping(svc)) continue;
    const build = svc.build;
    if (typeof build === 'string' || isMapping(build)) {
      const spec: Mapping = typeof build === 'string' ? {context: build} : build;
      const context = resolve(dir, typeof spec.context === 'string' ? spec.context : '.');
      const text =
        typeof spec.dockerfile_inline === 'string'
          ? spec.dockerfile_inline
          : readIfExists(resolve(context, typeof spec.dockerfile === 'string' ? spec.dockerfile : 'Dockerfile'));
      refs.push(...readDockerfile(text).baseImages.map((b) => b.ref));
    } else if (typeof svc.image === 'string' && !builtTags.has(svc.image)) {
      refs.push(svc.image);
    }
  }
  return unique(refs);
}

/** Base images of a stack's own `images:`, less those the stack builds itself (built in order). */
export function builtImageBases(dir: string, images: BuiltImage[]): string[] {
  const built = new Set(images.map((i) => i.tag));
  return unique(
    images.flatMap((img) =>
      dockerfileBases(join(dir, img.context, img.dockerfile ?? 'Dockerfile')).filter((ref) => !built.has(ref)),
    ),
  );
}

/** The services of a compose file read from disk, its documents merged as Compose does (later wins). */
function servicesInFile(path: string): Mapping {
  const services: Mapping = {};
  for (const doc of YAML.parseAllDocuments(readIfExists(path))) {
    const raw: unknown = doc.toJS();
    if (!isMapping(raw) || !isMapping(raw.services)) continue;
    for (const [name, svc] of Object.entries(raw.services)) {
      services[name] = isMapping(services[name]) && isMapping(svc) ? {...(services[name] as Mapping), ...svc} : svc;
    }
  }
  return services;
}

/** Container images of the Kubernetes manifests in `dir` (containers and initContainers of every workload). */
export function manifestImages(dir: string): string[] {
  const files = (readdirSync(dir, {recursive: true}) as string[]).filter(isManifestPath).sort();
  const refs: string[] = [];
  for (const rel of files) {
    for (const doc of YAML.parseAllDocuments(readFileSync(join(dir, rel), 'utf8'))) {
      const obj: unknown = doc.toJS();
      if (!isMapping(obj) || typeof obj.kind !== 'string') continue;
      let spec: unknown = obj;
      for (const key of podSpecPath(obj.kind) ?? []) spec = isMapping(spec) ? spec[key] : undefined;
      if (!podSpecPath(obj.kind) || !isMapping(spec)) continue;
      for (const list of ['initContainers', 'containers']) {
        for (const c of Array.isArray(spec[list]) ? spec[list] : [])
          if (isMapping(c) && typeof c.image === 'string') refs.push(c.image);
      }
    }
  }
  return unique(refs);
}

/**
 * Every image an example needs and does not build, sorted: compose: compose.yaml's; stack:
 * stack.yaml's and the bases of its `images:`; dockerfile: the Dockerfile's bases; script: `uses:`;
 * kubernetes: its manifests' container images (the cluster pulls them, so the runner prepares
 * none, but a cluster without internet access needs them as much).
 */
export function neededImagesOf({dir, kind, uses = [], images = []}: ImageInputs): string[] {
  switch (kind) {
    case 'compose':
      return sorted(composeServiceImages(servicesInFile(join(dir, 'compose.yaml')), dir));
    case 'stack':
      return sorted([
        ...composeServiceImages(servicesInFile(join(dir, 'stack.yaml')), dir, new Set(images.map((i) => i.tag))),
        ...builtImageBases(dir, images),
      ]);
    case 'dockerfile':
      return sorted(dockerfileBases(join(dir, 'Dockerfile')));
    case 'script':
      return sorted(uses);
    case 'kubernetes':
      return sorted(manifestImages(dir));
    default:
      return [];
  }
}

function unique(refs: string[]): string[] {
  return [...new Set(refs.filter((r) => r !== ''))];
}

function sorted(refs: string[]): string[] {
  return unique(refs).sort();
}
