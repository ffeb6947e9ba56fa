// Image references read the way Docker reads them, for the stand-ins (which image is this?) and the
// runner's rules (is it pinned?).

export interface ImageRef {
  /** Registry host, `docker.io` for Docker Hub. */
  registry: string;
  /** Repository path, with `library/` for official images on Docker Hub. */
  repository: string;
  tag?: string;
  digest?: string;
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** Splits an image reference the way Docker reads it ("mysql:8.4" → docker.io, library/mysql, 8.4). */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  // The first component names a registry only if it looks like a host.
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) {
    registry = parts.shift()!;
  }
  if (DOCKER_HUB.has(registry)) registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  return {registry, repository: parts.join('/'), tag, digest};
}
