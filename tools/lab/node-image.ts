import dockerVersions from '../../docker-versions.json';
import {ensureHostImage, type Log} from './images';

/**
 * The image every lab node runs: the official Docker-in-Docker image of the engine major the host
 * runs (recorded in docker-versions.json), or its offline stand-in built from the same .debs.
 */
export const NODE_IMAGE = `docker:${dockerVersions.engine.split('.')[0]}-dind`;

/** Makes the node image present on the host (pulled, or the stand-in built from the engine's .debs). */
export async function ensureNodeImage(log: Log): Promise<{tag: string; standIn: boolean}> {
  return {tag: NODE_IMAGE, standIn: await ensureHostImage(NODE_IMAGE, log)};
}
