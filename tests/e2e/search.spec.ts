import {test, expect} from '@playwright/test';
import {waitForHydration} from './site';

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
    const box = page.locator('input.navbar__search-input');
    await box.click();
    await box.pressSequentially(query, {delay: 50});
    await expect(page.getByRole('option').first()).toBeVisible();
    const suggestion = page.getByRole('option').filter({hasText: title}).first();
    await expect(suggestion, `a suggestion from the page titled ${title}`).toBeVisible();
    await suggestion.click();
    await expect(page).toHaveURL((url) => url.pathname === expected);
  });
}
