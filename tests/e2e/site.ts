import fs from 'node:fs';
import path from 'node:path';
import {expect, type Page} from '@playwright/test';

const buildDir = path.resolve(__dirname, '../../build');

/** Every page path of one locale's sitemap in the production build, e.g. "/en/docs/storage". */
export function sitemapPaths(locale: 'zh-Hans' | 'en'): string[] {
  const file = path.join(buildDir, locale === 'en' ? 'en/sitemap.xml' : 'sitemap.xml');
  const xml = fs.readFileSync(file, 'utf8');
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  if (paths.length === 0) throw new Error(`${file} lists no pages`);
  return paths;
}

/** Waits until React has hydrated the page, so clicks reach their handlers. */
export async function waitForHydration(page: Page): Promise<void> {
  // Generous: on a loaded 2-core machine hydration of a long page can take several seconds.
  await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached({timeout: 30_000});
}
