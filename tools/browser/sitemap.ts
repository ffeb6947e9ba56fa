import fs from 'node:fs';
import path from 'node:path';

/** Every page path of one locale's sitemap in a production build, e.g. "/en/docs/storage". */
export function sitemapPaths(buildDir: string, locale: 'zh-Hans' | 'en'): string[] {
  const file = path.join(buildDir, locale === 'en' ? 'en/sitemap.xml' : 'sitemap.xml');
  const xml = fs.readFileSync(file, 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  if (paths.length === 0) throw new Error(`${file} lists no pages`);
  return paths;
}
