import {test, expect} from '@playwright/test';
import {waitForHydration} from './site';

// An example's files are tabs a reader can use with the mouse and, per WAI-ARIA, the keyboard.
test('example file tabs switch by click, arrows, Home and End', async ({page}) => {
  await page.goto('/en/docs/compose');
  await waitForHydration(page);
  const example = page.locator('section[data-example="wordpress-compose"]');
  const tabs = example.getByRole('tab');
  const count = await tabs.count();
  expect(count, 'files shown as tabs').toBeGreaterThan(2);
  const panelOf = async (i: number) => example.locator(`#${await tabs.nth(i).getAttribute('aria-controls')}`);

  await tabs.nth(1).click();
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(await panelOf(1)).toBeVisible();
  await expect(await panelOf(0)).toBeHidden();

  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(2)).toBeFocused();
  await expect(await panelOf(2)).toBeVisible();
  await page.keyboard.press('End');
  await expect(tabs.nth(count - 1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.nth(0), 'ArrowRight on the last tab wraps to the first').toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(await panelOf(0)).toBeVisible();
});
