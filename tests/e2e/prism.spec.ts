import {expect, test} from '@playwright/test';
import {openRecordingScripts} from './site';

// Prism and its grammars are a chunk of their own (src/lib/codeHighlighter): not part of a page's
// first load, fetched at the first client-side navigation. The grammar definitions call
// `languages.extend(`, which minification keeps, so it tells Prism's script apart.
const prismCode = 'languages.extend(';

test('Prism is not in the first load, and arrives with the first navigation', async ({page}) => {
  const {firstLoad, fetched} = await openRecordingScripts(page, '/docs/storage');
  expect(firstLoad.filter((body) => body.includes(prismCode)).length, 'first-load scripts with Prism').toBe(0);

  await page.locator('nav.pagination-nav a.pagination-nav__link--next').click();
  await expect
    .poll(async () => (await fetched()).some((body) => body.includes(prismCode)), {
      message: 'Prism fetched after a client-side navigation',
    })
    .toBe(true);
});
