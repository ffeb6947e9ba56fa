import fs from 'node:fs';
import path from 'node:path';
import {test, expect, type Locator, type Page} from '@playwright/test';
import {sitemapPaths, waitForHydration} from './site';
import {commandsOf} from '../../src/lib/shellSession';

// The button's accessible name is translated: "Copy code to clipboard" / "复制代码到剪贴板".
const copyButtonName = /copy|复制/i;

test.use({permissions: ['clipboard-read', 'clipboard-write']});

/** The text a code block shows, line by line (innerText would add blank lines between them). */
async function shownText(block: Locator): Promise<string> {
  return (await block.locator('.token-line').allTextContents()).join('\n');
}

/** The pages whose built HTML holds a code block of the given language, in sitemap order. */
function pagesWith(language: string): string[] {
  const buildDir = path.resolve(__dirname, '../../build');
  const pages = sitemapPaths('zh-Hans').filter((pagePath) => {
    const html = fs.readFileSync(path.join(buildDir, pagePath === '/' ? 'index.html' : `${pagePath}.html`), 'utf8');
    const classes = [...html.matchAll(/class="([^"]*)"/g)].map((m) => m[1].split(' '));
    return classes.some((c) => c.includes('theme-code-block') && c.includes(`language-${language}`));
  });
  if (pages.length === 0) throw new Error(`no page has a ${language} code block`);
  return pages;
}

/**
 * Opens the first page with a visible code block of the language and returns that block. A block
 * in an example's file tab that is not selected is hidden: it cannot be hovered or clicked.
 */
async function firstVisibleBlock(page: Page, language: string): Promise<Locator> {
  for (const pagePath of pagesWith(language)) {
    await page.goto(pagePath);
    await waitForHydration(page);
    const block = page.locator(`.theme-code-block.language-${language}:visible`).first();
    if ((await block.count()) > 0) return block;
  }
  throw new Error(`no page shows a ${language} code block without a click`);
}

test('a code block copy button puts exactly the block text on the clipboard', async ({page}) => {
  const block = await firstVisibleBlock(page, 'bash');
  const shown = await shownText(block);
  await block.hover();
  await block.getByRole('button', {name: copyButtonName}).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
});

test('a shell session copies its commands without prompts or output', async ({page}) => {
  const block = await firstVisibleBlock(page, 'shell-session');
  const shown = await shownText(block);
  const outputLines = shown.split('\n').filter((line) => !line.startsWith('$ '));
  expect(outputLines.length, 'the block shows some output').toBeGreaterThan(0);
  await block.hover();
  await block.getByRole('button', {name: copyButtonName}).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(commandsOf(shown));
  expect(copied).not.toMatch(/^\$ /m);
  for (const line of outputLines) expect(copied.split('\n')).not.toContain(line);
});
