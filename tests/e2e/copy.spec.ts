import fs from 'node:fs';
import path from 'node:path';
import {test, expect, type Locator} from '@playwright/test';
import {sitemapPaths, waitForHydration} from './site';
import {commandsOf} from '../../src/lib/shellSession';

// The button's accessible name is translated: "Copy code to clipboard" / "复制代码到剪贴板".
const copyButtonName = /copy|复制/i;

test.use({permissions: ['clipboard-read', 'clipboard-write']});

/** The text a code block shows, line by line (innerText would add blank lines between them). */
async function shownText(block: Locator): Promise<string> {
  return (await block.locator('.token-line').allTextContents()).join('\n');
}

/** The first page whose built HTML holds a code block of the given language. */
function firstPageWith(language: string): string {
  const buildDir = path.resolve(__dirname, '../../build');
  const found = sitemapPaths('zh-Hans').find((pagePath) => {
    const html = fs.readFileSync(path.join(buildDir, pagePath === '/' ? 'index.html' : `${pagePath}.html`), 'utf8');
    const classes = [...html.matchAll(/class="([^"]*)"/g)].map((m) => m[1].split(' '));
    return classes.some((c) => c.includes('theme-code-block') && c.includes(`language-${language}`));
  });
  if (!found) throw new Error(`no page has a ${language} code block`);
  return found;
}

test('a code block copy button puts exactly the block text on the clipboard', async ({page}) => {
  await page.goto(firstPageWith('bash'));
  await waitForHydration(page);
  const block = page.locator('.theme-code-block.language-bash').first();
  const shown = await shownText(block);
  await block.hover();
  await block.getByRole('button', {name: copyButtonName}).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
});

test('a shell session copies its commands without prompts or output', async ({page}) => {
  await page.goto(firstPageWith('shell-session'));
  await waitForHydration(page);
  const block = page.locator('.theme-code-block.language-shell-session').first();
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
