import {test, expect, type Request} from '@playwright/test';
import {axeViolations, settled, sitemapPaths, waitForHydration} from './site';

// Every page of both locales, as a reader's browser loads it: one load a page for all its checks
// (a second load for the axe runs made three long chapters in both locales take 78 s instead of 57).
for (const locale of ['zh-Hans', 'en'] as const) {
  for (const pagePath of sitemapPaths(locale)) {
    test(`${locale} ${pagePath}: loads cleanly from its own origin only, with no axe violations in light or dark mode`, async ({
      page,
      baseURL,
    }) => {
      // Two full axe runs over a long chapter took 35-55 s each while the Docker-in-Docker lane
      // ran beside it (trial of 2026-12-01): the default 60 s would let load, not the page, decide.
      test.setTimeout(300_000);
      const origin = new URL(baseURL!).origin;
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (req: Request) =>
        problems.push(`failed request: ${req.url()} ${req.failure()?.errorText}`),
      );
      page.on('request', (req: Request) => {
        const url = new URL(req.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
          problems.push(`request to another origin: ${req.url()}`);
        }
      });
      await page.emulateMedia({colorScheme: 'light'});
      const response = await page.goto(pagePath);
      expect(response?.status(), 'HTTP status').toBe(200);
      await waitForHydration(page);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('h1'), 'exactly one <h1>').toHaveCount(1);
      // Search engines (and Lighthouse's SEO score) want every page to say what it is about.
      await expect(page.locator('meta[name="description"]'), 'a meta description').toHaveAttribute('content', /\S/);
      // The same load for both modes: the site follows the reader's colour scheme as it changes.
      const violations: Record<string, string[]> = {};
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({colorScheme});
        await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
        await settled(page);
        violations[colorScheme] = await axeViolations(page);
      }
      // Problems while the modes changed count too.
      expect({problems, violations}).toEqual({problems: [], violations: {light: [], dark: []}});
    });
  }
}

// The axe runs above pass only if axe really ran: planted faults must be reported.
test('axe reports faults planted in a page', async ({page}) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
    const faint = Object.assign(document.createElement('p'), {textContent: 'faint text'});
    faint.style.cssText = 'color: #ddd; background: #fff';
    document.querySelector('main')!.append(image, faint);
  });
  const rules = (await axeViolations(page)).map((line) => line.split(' ')[0]);
  expect(rules).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
});
