/**
 * The offline image kit every example's .zip carries: images.txt (the images it needs, from
 * tools/core/example-images.ts) and images.sh (one script for all examples, ./images.sh here) that
 * saves them on a machine that can pull and loads them on one without internet access.
 */
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';

export const KIT_FILES = ['images.sh', 'images.txt'] as const;

/** images.sh, byte for byte the same in every .zip. */
export const imagesScript = (): string =>
  fs.readFileSync(fileURLToPath(new URL('./images.sh', import.meta.url)), 'utf8');

/** images.txt: a comment header, then one pinned reference per line, sorted. */
export function imagesList(images: readonly string[]): string {
  const header = [
    '# 这个示例需要、但不自己构建的镜像，每行一个，标签写死。它自己构建的镜像不在其中，它们的基础镜像在。',
    '# 带进离线网络：在联网的机器上 sh images.sh save，把整个目录带过去，再 sh images.sh load。',
    '# The images this example needs and does not build, one pinned reference per line. Images it',
    '# builds itself are not listed; their base images are.',
    '# To carry them into a network without internet access: sh images.sh save on a machine that can',
    '# pull, bring the whole folder over, then sh images.sh load.',
    "# Generated from the example's files by the Docker Field Guide's site build.",
  ];
  return [...header, ...[...new Set(images)].sort()].join('\n') + '\n';
}
