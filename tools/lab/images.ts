import fs from 'node:fs';
import path from 'node:path';
import {REPO_ROOT} from '../core/repo';
import {parse} from 'yaml';
import {ensureImage} from '../standins/standins';
import {dockerOutput} from '../core/exec';
import {readDockerfile} from '../core/dockerfile';

/** Images every lab node gets, whatever the examples say: the Swarm chapter's and the lab demonstrations'. */
export const BASE_IMAGES = ['mysql:8.4', 'wordpress:6.6-apache', 'busybox:1.36', 'python:3.12-slim'];

export interface ImageBuild {
  tag: string;
  /** Build context, absolute. */
  context: string;
  /** Dockerfile, absolute. */
  dockerfile: string;
}

export interface StackImageNeeds {
  /** Images used as they are (`image:` of stack services). */
  used: string[];
  /** Images an example builds before deploying (its example.yaml `images:`). */
  built: ImageBuild[];
}

/** The `image:` of every service in a stack file, in file order, without duplicates. */
export function stackFileImages(text: string): string[] {
  const doc = parse(text) as {services?: Record<string, {image?: unknown} | null>} | null;
  const images: string[] = [];
  for (const service of Object.values(doc?.services ?? {})) {
    const image = service?.image;
    if (typeof image === 'string' && !images.includes(image)) images.push(image);
  }
  return images;
}

interface ExampleDeclaration {
  kind?: string;
  files?: unknown;
  images?: Array<{tag?: unknown; context?: unknown; dockerfile?: unknown}>;
}

/** What the stack examples under `examplesDir` need in every node: images they use and images they build. */
export function stackExampleImages(examplesDir = path.join(REPO_ROOT, 'examples')): StackImageNeeds {
  const used: string[] = [];
  const built: ImageBuild[] = [];
  const folders = fs.existsSync(examplesDir) ? fs.readdirSync(examplesDir, {withFileTypes: true}) : [];
  for (const entry of folders.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = path.join(examplesDir, entry.name);
    const declarationFile = path.join(folder, 'example.yaml');
    if (!fs.existsSync(declarationFile)) continue;
    const declaration = (parse(fs.readFileSync(declarationFile, 'utf8')) ?? {}) as ExampleDeclaration;
    if (declaration.kind !== 'stack') continue;
    for (const spec of declaration.images ?? []) {
      if (typeof spec.tag !== 'string') continue;
      const context = path.join(folder, typeof spec.context === 'string' ? spec.context : '.');
      const dockerfile = path.join(context, typeof spec.dockerfile === 'string' ? spec.dockerfile : 'Dockerfile');
      if (!built.some((b) => b.tag === spec.tag)) built.push({tag: spec.tag, context, dockerfile});
    }
    const stackFiles = fs.readdirSync(folder).filter((f) => /^stack.*\.ya?ml$/.test(f));
    for (const file of stackFiles) {
      for (const image of stackFileImages(fs.readFileSync(path.join(folder, file), 'utf8'))) {
        if (!used.includes(image)) used.push(image);
      }
    }
  }
  const builtTags = new Set(built.map((b) => b.tag));
  return {used: used.filter((i) => !builtTags.has(i)), built};
}

export type Log = (line: string) => void;

/**
 * Makes `tag` present on the host engine: the image there, the real one pulled, or the offline
 * stand-in built from tests/images/. Returns true when a stand-in is what the lab will run.
 */
export async function ensureHostImage(tag: string, log: Log): Promise<boolean> {
  return (await ensureImage(tag, log)).standin;
}

/** Builds an example's image on the host (the layer cache makes an unchanged rebuild a matter of seconds). */
export async function buildHostImage(build: ImageBuild, log: Log): Promise<void> {
  log(`building ${build.tag} from ${path.relative(REPO_ROOT, build.context)}`);
  await dockerOutput(['build', '--quiet', '--tag', build.tag, '--file', build.dockerfile, build.context], {
    timeoutMs: 900_000,
  });
}

export interface LabImages {
  tags: string[];
  /** Those of `tags` that are offline stand-ins, not the real images. */
  standIns: string[];
}

/** Every image the lab loads into its nodes, made present on the host first. */
export async function prepareLabImages(log: Log): Promise<LabImages> {
  const needs = stackExampleImages();
  const isBuilt = (tag: string) => needs.built.some((b) => b.tag === tag);
  const used = [...new Set([...BASE_IMAGES, ...needs.used])].filter((tag) => !isBuilt(tag));
  // Offline, `docker build` cannot pull a FROM image: make those present (stand-ins) first.
  const buildBases = [
    ...new Set(
      needs.built.flatMap((b) =>
        readDockerfile(fs.readFileSync(b.dockerfile, 'utf8')).baseImages.map((base) => base.ref),
      ),
    ),
  ].filter((tag) => !isBuilt(tag));
  const standIns: string[] = [];
  for (const tag of used) if (await ensureHostImage(tag, log)) standIns.push(tag);
  for (const tag of new Set(buildBases)) if (!used.includes(tag)) await ensureHostImage(tag, log);
  for (const build of needs.built) await buildHostImage(build, log);
  return {tags: [...used, ...needs.built.map((b) => b.tag)], standIns};
}
