import {test, expect} from '@playwright/test';
import {waitForHydration} from './site';

async function switchTo(page: import('@playwright/test').Page, label: string) {
  await page
    .getByRole('button', {name: /简体中文|English/})
    .first()
    .hover();
  await page.getByRole('link', {name: label, exact: true}).first().click();
}

test('the locale dropdown keeps the reader on the same page, both ways', async ({page}) => {
  await page.goto('/docs/networking');
  await waitForHydration(page);
  await switchTo(page, 'English');
  await expect(page).toHaveURL(/\/en\/docs\/networking$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await waitForHydration(page);
  await switchTo(page, '简体中文');
  await expect(page).toHaveURL(/\/docs\/networking$/);
  expect(new URL(page.url()).pathname).toBe('/docs/networking');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
});
