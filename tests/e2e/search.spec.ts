import {test, expect} from '@playwright/test';
import {waitForHydration} from './site';

// The local index answers in the reader's language, with no outside service:
// the first suggestion for the query leads to the page that teaches it.
const cases = [
  {locale: 'zh-Hans', start: '/', query: '网络', expected: '/docs/networking'},
  {locale: 'en', start: '/en/', query: 'volume', expected: '/en/docs/storage'},
];

for (const {locale, start, query, expected} of cases) {
  test(`search leads to ${expected} for "${query}" (${locale})`, async ({page}) => {
    await page.goto(start);
    await waitForHydration(page);
    const box = page.locator('input.navbar__search-input');
    await box.click();
    await box.pressSequentially(query, {delay: 50});
    const firstSuggestion = page.getByRole('option').first();
    await expect(firstSuggestion).toBeVisible();
    await firstSuggestion.click();
    await expect(page).toHaveURL((url) => url.pathname === expected);
  });
}
