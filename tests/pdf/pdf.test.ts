// The PDFs `npm run pdf` wrote into the build, opened with poppler-utils: every chapter in sidebar
// order, a table of contents whose page numbers are the chapters' pages, every font embedded, no
// code line cut, within the size budget.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {MARGIN} from '../../tools/pdf/book';
import {localePrefix, LOCALES, pdfPath, type Locale} from '../../tools/pdf/locales';
import {destinations, fonts, pageCount, pageTexts, words} from '../../tools/pdf/poppler';
import {resolveFile} from '../../tools/pdf/serve';
import {chapterTitle, codeLines, missingLines, squeeze, wordsPastMargin} from './checks';

const build = path.resolve(__dirname, '../../build');
/** Each PDF's page texts, read once for the tests that need them. */
const readPages = new Map<string, string[]>();
const pagesOf = (file: string, mode: 'layout' | 'raw') => {
  const key = `${mode} ${file}`;
  if (!readPages.has(key)) readPages.set(key, pageTexts(file, mode));
  return readPages.get(key)!;
};
const MAX_BYTES = 15 * 1000 * 1000;
const POINTS_PER_MM = 72 / 25.4;

interface Chapter {
  slug: string;
  title: string;
  html: string;
}

/** The chapters in the order of the built sidebar, read from the first chapter's page. */
function chapters(locale: Locale): Chapter[] {
  const home = fs.readFileSync(path.join(build, localePrefix(locale), 'index.html'), 'utf8');
  const guide = /href=(\/(?:[\w-]+\/)?docs\/[^ >"#]+)/.exec(home)?.[1];
  assert.ok(guide, `${locale}: the home page links to the guide`);
  const first = fs.readFileSync(resolveFile(build, guide)!, 'utf8');
  const sidebar = first.slice(
    first.indexOf('theme-doc-sidebar-menu'),
    first.indexOf('</nav>', first.indexOf('theme-doc-sidebar-menu')),
  );
  const hrefs = [...sidebar.matchAll(/class="?menu__link[^>]*href=([^ >]+)/g)].map((m) => m[1]);
  assert.ok(hrefs.length >= 8, `${locale}: the sidebar lists the chapters (found ${hrefs.length})`);
  return hrefs.map((href) => {
    const html = fs.readFileSync(resolveFile(build, href)!, 'utf8');
    return {slug: href.split('/').pop()!, title: chapterTitle(html)!, html};
  });
}

for (const locale of LOCALES) {
  const file = path.join(build, localePrefix(locale), pdfPath(locale));

  test(`${locale}: the PDF is there and within ${MAX_BYTES / 1e6} MB`, () => {
    assert.ok(fs.existsSync(file), `${file} is missing: npm run pdf writes it`);
    assert.ok(fs.statSync(file).size <= MAX_BYTES, `${file}: ${fs.statSync(file).size} bytes`);
  });

  test(`${locale}: every chapter in sidebar order, each starting on the page its contents entry says`, () => {
    const list = chapters(locale);
    const pages = pageCount(file);
    assert.ok(pages >= list.length + 2, `${pages} pages for ${list.length} chapters, a cover and contents`);
    const printed = {layout: pagesOf(file, 'layout'), raw: pagesOf(file, 'raw')};
    assert.equal(printed.layout.length, pages, 'pdftotext gives the text of every page');
    const dests = destinations(file);
    let previous = 0;
    for (const chapter of list) {
      const page = dests.get(chapter.slug);
      assert.ok(page, `${chapter.slug}: a destination inside the PDF (links from the contents and other chapters)`);
      assert.ok(page > previous, `${chapter.slug} (page ${page}) comes after the chapter before it (page ${previous})`);
      // Line by line as printed (in reading order a line of Latin and CJK text comes apart), and
      // without white space (a title the page wraps is broken by a line end).
      const title = squeeze(chapter.title);
      // A title that wraps with Latin and CJK on one line comes apart in layout order too; the order
      // the page drew its text in (raw) keeps it whole.
      const onPage = (['layout', 'raw'] as const).some((mode) => squeeze(printed[mode][page - 1]).includes(title));
      assert.ok(onPage, `"${chapter.title}" is on page ${page}`);
      // A long title wraps in the contents, its page number at the end of the entry's first line.
      const contents = squeeze(printed.layout.slice(1, page - 1).join('\n'));
      const entry = [...Array(title.length).keys()].some((cut) =>
        contents.includes(`${title.slice(0, title.length - cut)}${page}${title.slice(title.length - cut)}`),
      );
      assert.ok(entry, `the contents give "${chapter.title}" page ${page}`);
      previous = page;
    }
  });

  test(`${locale}: every font is embedded`, () => {
    const rows = fonts(file);
    assert.ok(rows.length > 0, 'pdffonts lists the fonts');
    assert.deepEqual(
      rows.filter((f) => !f.embedded).map((f) => f.name),
      [],
    );
  });

  test(`${locale}: no code line is cut: each one is in the text, in order, and inside the page`, () => {
    const lines = chapters(locale).flatMap((c) => codeLines(c.html));
    assert.ok(lines.length > 1000, `the chapters hold code (${lines.length} lines)`);
    assert.deepEqual(missingLines(lines, pagesOf(file, 'layout').join('\n')).slice(0, 5), []);
    const margin = parseFloat(MARGIN.right) * POINTS_PER_MM;
    const past = wordsPastMargin(words(file), margin);
    assert.deepEqual(
      past.slice(0, 5).map((w) => `page ${w.page}: ${w.text} ends at ${w.xMax} of ${w.pageWidth}`),
      [],
    );
  });
}
