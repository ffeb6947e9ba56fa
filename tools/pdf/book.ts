// One locale's book: every chapter of the built site, in sidebar order, printed by Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Browser, Page} from '@playwright/test';
import {coverHtml, tocHtml, type OutlineEntry, type Versions} from './front';
import {localePrefix, pdfPath, TEXTS, type Locale} from './locales';
import {destinations} from './poppler';
import {resolveFile} from './serve';

/** Page margins; the footer with the page number sits in the bottom one. */
export const MARGIN = {top: '16mm', right: '16mm', bottom: '18mm', left: '16mm'};
const FOOTER =
  '<div style="width:100%;text-align:center;font-size:8px;color:#555"><span class="pageNumber"></span></div>';
const ASSEMBLE = fs.readFileSync(path.join(__dirname, 'browser/assemble.js'), 'utf8');
const PRINT_CSS = fs.readFileSync(path.join(__dirname, 'print.css'), 'utf8');

export interface BookOptions {
  buildDir: string;
  /** Where the built site is served (serve.ts). */
  siteUrl: string;
  locale: Locale;
  versions: Versions;
  today: string;
}

interface Chapter {
  slug: string;
  path: string;
  html: string;
}

/** The chapters as the sidebar of the first docs page lists them. */
async function chapters(page: Page, opts: BookOptions): Promise<Chapter[]> {
  const hrefs = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.theme-doc-sidebar-menu a.menu__link')).map(
      (a) => a.getAttribute('href') ?? '',
    ),
  );
  if (hrefs.length === 0) throw new Error(`${opts.locale}: the docs sidebar lists no chapter`);
  return hrefs.map((href) => {
    const file = resolveFile(opts.buildDir, href);
    if (!file) throw new Error(`${opts.locale}: the sidebar links to ${href}, which is not in ${opts.buildDir}`);
    return {slug: href.split('/').pop()!, path: href, html: fs.readFileSync(file, 'utf8')};
  });
}

async function open(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, {waitUntil: 'load'});
  if (!response?.ok()) throw new Error(`${url} does not answer (${response?.status() ?? 'no response'})`);
}

/** Prints the page, then reads back on which page each table-of-contents target landed. */
async function printPass(page: Page, file: string): Promise<Map<string, number>> {
  await page.pdf({
    path: file,
    format: 'A4',
    margin: MARGIN,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: FOOTER,
  });
  return destinations(file);
}

const samePages = (outline: OutlineEntry[], a: Map<string, number>, b: Map<string, number>) =>
  outline.every((e) => a.get(e.id) === b.get(e.id));

/**
 * Writes the locale's PDF into the build (`pdfPath`); returns its path and each print's seconds. The table of contents
 * needs the page numbers of a printed book: the first pass prints it without them, the next with
 * the pages the first found, until the numbers no longer move.
 */
export async function makeBook(browser: Browser, opts: BookOptions): Promise<{file: string; passes: number[]}> {
  const prefix = localePrefix(opts.locale);
  const context = await browser.newContext({javaScriptEnabled: false});
  try {
    const page = await context.newPage();
    // The navbar's guide link opens the first chapter, whose sidebar lists them all.
    await open(page, `${opts.siteUrl}${prefix}/`);
    const guide = await page.locator('a.navbar__link[href*="/docs/"]').first().getAttribute('href');
    if (!guide) throw new Error(`${opts.locale}: the home page's navbar has no link to the guide`);
    await open(page, `${opts.siteUrl}${guide}`);
    const title = (await page.locator('.navbar__title').first().textContent())?.trim() ?? 'Docker';
    const published = new URL((await page.locator('meta[property="og:url"]').getAttribute('content')) ?? opts.siteUrl)
      .origin;
    const list = await chapters(page, opts);
    const args = {chapters: list, siteUrl: published, css: PRINT_CSS};
    const outline = (await page.evaluate(
      `${ASSEMBLE}\n;fieldguideBook.assemble(${JSON.stringify(args)})`,
    )) as OutlineEntry[];
    await page.emulateMedia({media: 'print'});

    const texts = TEXTS[opts.locale];
    const out = path.join(opts.buildDir, prefix, pdfPath(opts.locale));
    fs.mkdirSync(path.dirname(out), {recursive: true});
    const draft = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fg-pdf-')), 'draft.pdf');
    let pages: Map<string, number> | null = null;
    const passes: number[] = [];
    for (let pass = 1; pass <= 4; pass++) {
      const started = Date.now();
      const front = coverHtml(title, texts, opts.versions, opts.today) + tocHtml(texts, outline, pages);
      await page.evaluate(`fieldguideBook.front(${JSON.stringify(front)})`);
      const found = await printPass(page, draft);
      passes.push((Date.now() - started) / 1000);
      const lost = outline.filter((e) => !found.has(e.id));
      if (lost.length) throw new Error(`${opts.locale}: no PDF destination for ${lost.map((e) => e.id).join(', ')}`);
      if (pages && samePages(outline, pages, found)) {
        fs.copyFileSync(draft, out);
        return {file: out, passes};
      }
      pages = found;
    }
    throw new Error(`${opts.locale}: the table of contents' page numbers did not settle in 4 passes`);
  } finally {
    await context.close();
  }
}
