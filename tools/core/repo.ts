// The repository's root folder, found from this file's place in it: every tool reads the project's
// files (examples, stand-ins, docker-versions.json) from there, wherever it is started from.
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
