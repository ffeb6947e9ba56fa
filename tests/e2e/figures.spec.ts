import {test, expect, type Page} from '@playwright/test';
import {sitemapPaths, waitForHydration} from './site';

// Figures must be readable on a phone without sideways scrolling: on a 390 px wide viewport each
// figure fits its column, and no text in it is drawn smaller than minTextPx. 10 CSS px is the
// floor chosen for figure text: labels are drawn at 15 px and details at 13 px, so a drawing may
// shrink to 10/13 of its size and no further; below 10 px, short monospace details (addresses,
// ports) need zooming on a phone. A wide drawing reflows into stacked regions instead
// (the narrow prop of src/components/Diagram), and a region must never cut a text in two.
const phone = {width: 390, height: 844};
const minTextPx = 10;

const pagesWithFigures = (['zh-Hans', 'en'] as const).flatMap((locale) =>
  sitemapPaths(locale).filter((pagePath) => /\/docs\/.|\/examples$/.test(pagePath)),
);

interface FigureReport {
  id: string;
  problems: string[];
}

/** Each figure's overflow and its smallest text as drawn, for the drawing the page shows. */
function measureFigures(page: Page, minText: number): Promise<FigureReport[]> {
  return page.locator('figure[data-diagram]').evaluateAll((figures, min) => {
    const viewport = document.documentElement.clientWidth;
    return figures.map((figure) => {
      const problems: string[] = [];
      const shown = Array.from(figure.querySelectorAll<SVGSVGElement>('svg[role="img"]')).filter(
        (svg) => svg.getBoundingClientRect().width > 0,
      );
      if (shown.length !== 1) return {id: figure.id, problems: [`${shown.length} drawings shown, expected 1`]};
      const svg = shown[0];
      const box = svg.getBoundingClientRect();
      if (box.left < -0.5 || box.right > viewport + 0.5)
        problems.push(`drawing spans ${box.left.toFixed(0)}–${box.right.toFixed(0)} px of a ${viewport} px viewport`);
      const scroller = svg.parentElement!;
      if (scroller.scrollWidth > scroller.clientWidth + 1)
        problems.push(`scrolls sideways: ${scroller.scrollWidth} px in ${scroller.clientWidth} px`);
      const scale = box.width / svg.viewBox.baseVal.width;
      for (const text of Array.from(svg.querySelectorAll('text'))) {
        const drawn = parseFloat(getComputedStyle(text).fontSize) * scale;
        if (drawn < min) problems.push(`"${text.textContent}" drawn at ${drawn.toFixed(1)} px`);
      }
      return {id: figure.id, problems};
    });
  }, minText);
}

/** Texts of each wide drawing that no region of its narrow form shows whole. */
function textsCutByRegions(page: Page): Promise<FigureReport[]> {
  return page.locator('figure[data-diagram]').evaluateAll((figures) =>
    figures.flatMap((figure) => {
      const svgs = figure.querySelectorAll<SVGSVGElement>('svg[role="img"]');
      if (svgs.length < 2) return [];
      const [wide, narrow] = Array.from(svgs);
      const regions = Array.from(narrow.querySelectorAll('clipPath rect')).map((rect) =>
        ['x', 'y', 'width', 'height'].map((a) => Number(rect.getAttribute(a))),
      );
      // A narrow form drawn on its own (the Topology figures) has no regions to cut anything.
      if (regions.length === 0) return [];
      const problems = Array.from(wide.querySelectorAll<SVGTextElement>('text'))
        .filter((text) => {
          const b = text.getBBox();
          return !regions.some(
            ([x, y, w, h]) =>
              b.x >= x - 0.5 && b.y >= y - 0.5 && b.x + b.width <= x + w + 0.5 && b.y + b.height <= y + h + 0.5,
          );
        })
        .map((text) => `"${text.textContent}" is not whole in any region`);
      return [{id: figure.id, problems}];
    }),
  );
}

const failing = (reports: FigureReport[]) => reports.filter((r) => r.problems.length > 0);

for (const pagePath of pagesWithFigures) {
  test(`figures on ${pagePath} fit a ${phone.width} px phone with text of ${minTextPx} px or more`, async ({page}) => {
    // Wide drawings are drawn on a desktop viewport, where their regions are checked against them.
    await page.setViewportSize({width: 1280, height: 900});
    await page.goto(pagePath);
    await waitForHydration(page);
    expect(failing(await textsCutByRegions(page)), 'texts cut by the regions of a narrow form').toEqual([]);
    await page.setViewportSize(phone);
    expect(failing(await measureFigures(page, minTextPx)), 'figures on a phone').toEqual([]);
  });
}
