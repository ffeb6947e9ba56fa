import {test, expect} from '@playwright/test';
import {waitForHydration} from './site';

// Docusaurus prefetches the chunks of routes that visible links point to; the prefetchOnce plugin
// makes it ask for each chunk once (it appended ~170 links for 16 files on a chapter).
test('a docs page prefetches linked routes, each chunk once', async ({page}) => {
  await page.setViewportSize({width: 412, height: 823});
  await page.goto('/docs/swarm-stacks');
  await waitForHydration(page);
  const prefetched = page.locator('link[rel="prefetch"]');
  await expect(prefetched.first(), 'visible links prefetch their routes').toBeAttached();
  await page.waitForLoadState('networkidle');
  const hrefs = await prefetched.evaluateAll((links) => links.map((l) => l.getAttribute('href')));
  const repeated = hrefs.filter((href, i) => hrefs.indexOf(href) !== i);
  expect(repeated, 'chunks prefetched more than once').toEqual([]);
});
