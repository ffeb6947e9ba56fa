import {test, expect} from '@playwright/test';
import {openRecordingScripts, searchBarWithIndex, waitForHydration} from './site';

// The local index answers in the reader's language, with no outside service: among the
// suggestions for the query is the page that teaches it, and choosing it opens that page.
const cases = [
  {locale: 'zh-Hans', start: '/', query: '网络', title: '网络', expected: '/docs/networking'},
  {locale: 'en', start: '/en/', query: 'volume', title: 'Storage', expected: '/en/docs/storage'},
];

for (const {locale, start, query, title, expected} of cases) {
  test(`search leads to ${expected} for "${query}" (${locale})`, async ({page}) => {
    await page.goto(start);
    await waitForHydration(page);
    await page.locator('input.navbar__search-input').click();
    // Typed as a reader types, to whatever has the focus: the stand-in hands it to the plugin's bar.
    await page.keyboard.type(query, {delay: 50});
    await searchBarWithIndex(page);
    await expect(page.getByRole('option').first()).toBeVisible();
    const suggestion = page.getByRole('option').filter({hasText: title}).first();
    await expect(suggestion, `a suggestion from the page titled ${title}`).toBeVisible();
    await suggestion.click();
    await expect(page).toHaveURL((url) => url.pathname === expected);
  });
}

// The plugin's bar (lunr, mark.js) is not part of a page's first load: it arrives when the
// reader shows intent. An error message of lunr's survives minification and tells its script apart.
const searchCode = 'Current version of lunr';

test('the search bar is fetched on intent, not with the page', async ({page}) => {
  const {firstLoad, fetched} = await openRecordingScripts(page, '/docs/storage');
  expect(firstLoad.filter((body) => body.includes(searchCode)).length, 'first-load scripts with the search code').toBe(
    0,
  );

  await page.locator('input.navbar__search-input').hover();
  await expect
    .poll(async () => (await fetched()).some((body) => body.includes(searchCode)), {
      message: 'search code fetched after hovering the bar',
    })
    .toBe(true);
});

test('Ctrl+K focuses the search bar before it has loaded, and what is typed at once is kept', async ({page}) => {
  await page.goto('/en/docs/networking');
  await waitForHydration(page);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('vol');
  const box = await searchBarWithIndex(page);
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('vol');
  // From here on typing queries the index.
  await box.pressSequentially('ume', {delay: 50});
  await expect(page.getByRole('option').filter({hasText: 'Storage'}).first()).toBeVisible();
});

test('a page opened from a search result highlights the query', async ({page}) => {
  await page.goto('/en/docs/networking?_highlight=bridge');
  await waitForHydration(page);
  await expect(
    page
      .locator('article mark')
      .filter({hasText: /bridge/i})
      .first(),
  ).toBeVisible();
});
