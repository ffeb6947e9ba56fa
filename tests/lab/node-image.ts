import {ensureHostImage, type Log} from './images';

/** The image every lab node runs: the official Docker-in-Docker image, or its offline stand-in. */
export const NODE_IMAGE = 'docker:27-dind';

/** Makes the node image present on the host (pulled, or the stand-in built from Debian's docker.io). */
export async function ensureNodeImage(log: Log): Promise<{tag: string; standIn: boolean}> {
  return {tag: NODE_IMAGE, standIn: await ensureHostImage(NODE_IMAGE, log)};
}
