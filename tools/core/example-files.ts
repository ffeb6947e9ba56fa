// The files of an example folder, as the runner checks and starts them and as the site zips them:
// one walk, so the .zip a reader downloads holds exactly what CI ran.
import {readdirSync} from 'node:fs';
import {join} from 'node:path';

// Left behind by tools on a contributor's machine, never part of an example.
const SKIP_DIRS = new Set(['.git', 'node_modules', '__pycache__']);

/** Every regular file under `dir`, relative with `/`, sorted. */
export function exampleFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), {withFileTypes: true})) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...exampleFiles(dir, rel));
    } else if (entry.isFile()) {
      out.push(rel);
    }
  }
  return out.sort();
}
