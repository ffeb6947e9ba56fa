import path from 'node:path';
import axe from 'axe-core';
import {expect, type Locator, type Page} from '@playwright/test';
import {sitemapPaths as sitemapPathsOf} from '../../tools/browser/sitemap';

const buildDir = path.resolve(__dirname, '../../build');

/** Every page path of one locale's sitemap in the production build the e2e tests serve. */
export const sitemapPaths = (locale: 'zh-Hans' | 'en'): string[] => sitemapPathsOf(buildDir, locale);

/** Waits until React has hydrated the page, so clicks reach their handlers. */
export async function waitForHydration(page: Page): Promise<void> {
  // Generous: on a loaded 2-core machine hydration of a long page can take several seconds, and
  // once took more than 30 s (/en/docs/swarm, trial of 2026-12-02, beside 3 transcript sessions).
  // What it waits for is hydration at all; each test's own timeout still bounds it.
  await expect(page.locator('html[data-has-hydrated="true"]')).toBeAttached({timeout: 120_000});
}

/**
 * Waits until the plugin's search bar has its index in (it attaches its autocomplete then) and
 * returns that bar. The zh index is about 3 MB, built in a worker: beside the sessions' engines
 * that took longer than an assertion's default 5 s (CI of 38b73db failed on it), so the bound is
 * each test's own timeout, as for hydration.
 */
export async function searchBarWithIndex(page: Page): Promise<Locator> {
  // While the plugin's bar loads it sits hidden beside the stand-in: the reader's bar is the visible one.
  const box = page.locator('input.navbar__search-input:visible');
  await expect(box).toHaveAttribute('aria-autocomplete', 'list', {timeout: 120_000});
  return box;
}

/**
 * Opens `pagePath` and records every script it fetches: `firstLoad` holds the bodies fetched until
 * the page is hydrated and idle; `fetched()` returns all bodies so far, for what arrives later.
 */
export async function openRecordingScripts(
  page: Page,
  pagePath: string,
): Promise<{firstLoad: string[]; fetched: () => Promise<string[]>}> {
  const scripts: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
  });
  await page.goto(pagePath);
  await waitForHydration(page);
  await page.waitForLoadState('networkidle');
  const firstLoad = await Promise.all(scripts);
  expect(firstLoad.length, 'scripts of the first load').toBeGreaterThan(0);
  return {firstLoad, fetched: () => Promise.all(scripts)};
}

/**
 * axe-core's findings on the page as it is now, one line per rule broken. axe runs inside the page
 * (as its own `axe.run` does) rather than through @axe-core/playwright, whose per-frame partial runs
 * and results page took 15-20 s on a long chapter where the rules themselves take about 4 s
 * (measured 2026-12-02); that difference decided most of the e2e step's time. A page with frames
 * fails here, because this run would not look inside them.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  expect(
    page.frames().map((f) => f.url()),
    'frames (axe runs in the top document only)',
  ).toHaveLength(1);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(() =>
    (window as unknown as {axe: typeof axe}).axe.run(document).then((r) => r.violations),
  );
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

/** Waits for the page's running CSS transitions and animations (a colour mode change starts some). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}
