import {test, expect, type Page} from '@playwright/test';
import {waitForHydration} from './site';

// Figures and highlighted code are not hydrated: the server's markup stays in place
// (src/lib/serverMarkup.ts). It must be there after hydration, and be drawn by React when a page
// is reached by a client-side link, where no server markup exists.
async function expectDrawnFiguresAndCode(page: Page) {
  const figures = page.locator('figure[data-diagram]');
  expect(await figures.count(), 'figures on the page').toBeGreaterThan(0);
  const undrawn = await figures.evaluateAll((list) =>
    list.filter((f) => !f.querySelector('svg[role="img"] title')).map((f) => f.id),
  );
  expect(undrawn, 'figures without their drawing').toEqual([]);
  const blocks = page.locator('pre.prism-code code');
  expect(await blocks.count(), 'code blocks on the page').toBeGreaterThan(0);
  const empty = await blocks.evaluateAll((list) => list.filter((c) => !c.querySelector('.token-line .token')).length);
  expect(empty, 'code blocks without highlighted lines').toBe(0);
}

test('a loaded page keeps its figures and highlighted code through hydration', async ({page}) => {
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  await page.goto('/en/docs/networking');
  await waitForHydration(page);
  await expectDrawnFiguresAndCode(page);
  expect(errors).toEqual([]);
});

test('a page reached by a client-side link draws its figures and highlights its code', async ({page}) => {
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  await page.goto('/en/docs/networking');
  await waitForHydration(page);
  // A full page load would bring server markup; this must be React's own rendering.
  await page.evaluate(() => ((window as unknown as {clientNavigation: boolean}).clientNavigation = true));
  await page.locator('.pagination-nav__link--next').click();
  await expect(page).toHaveURL(/\/en\/docs\/storage$/);
  await expect(page.locator('h1')).toContainText(/storage/i);
  expect(
    await page.evaluate(() => (window as unknown as {clientNavigation?: boolean}).clientNavigation),
    'no full page load',
  ).toBe(true);
  await expectDrawnFiguresAndCode(page);
  // Prism loads on demand (src/lib/codeHighlighter): once it has, React's lines are the server's.
  const serverLines = await page.evaluate(async () => {
    const html = await (await fetch(location.pathname)).text();
    const served = new DOMParser().parseFromString(html, 'text/html');
    return Array.from(served.querySelectorAll('pre.prism-code code'), (code) => code.innerHTML);
  });
  const drawnLines = () =>
    page.locator('pre.prism-code code').evaluateAll((list) => list.map((code) => code.innerHTML));
  await expect.poll(drawnLines, {message: 'client-rendered code highlighted as on the server'}).toEqual(serverLines);
  expect(errors).toEqual([]);
});

// Off-screen code blocks are skipped by content-visibility with a placeholder height; the
// placeholder must be the block's real height, or the page would jump as a reader scrolls.
test('off-screen code blocks are skipped, and drawing them moves nothing', async ({page}) => {
  await page.setViewportSize({width: 412, height: 823});
  await page.goto('/docs/compose');
  await waitForHydration(page);
  const blocks = page.locator('pre.prism-code');
  const skipped = await blocks.evaluateAll(
    (list) =>
      list.filter(
        (pre) =>
          pre.getBoundingClientRect().height > 0 &&
          !pre.querySelector('code')!.checkVisibility({contentVisibilityAuto: true}),
      ).length,
  );
  expect(skipped, 'code blocks not drawn while off-screen').toBeGreaterThan(5);
  const heights = () => blocks.evaluateAll((list) => list.map((pre) => pre.getBoundingClientRect().height));
  const before = await heights();
  // Scroll through the page so every block is drawn once.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 300) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }
  });
  const after = await heights();
  const moved = before.map((h, i) => ({i, h, now: after[i]})).filter(({h, now}) => Math.abs(h - now) > 0.5);
  expect(moved, 'blocks whose height changed when drawn').toEqual([]);
});
