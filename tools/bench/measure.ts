import type {Browser} from 'playwright-core';

export interface Bytes {
  raw: number;
  compressed: number;
}

export interface PageWeight {
  requests: number;
  html: Bytes;
  js: Bytes;
  css: Bytes;
  images: Bytes;
  other: Bytes;
  total: Bytes;
}

const kinds = {document: 'html', script: 'js', stylesheet: 'css', image: 'images'} as const;
const PAGE_LOAD_TIMEOUT_MS = 180_000;

/** First-load weight of a page as the browser fetched it: bodies raw and as sent over the wire. */
export async function measurePage(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses: Promise<{kind: string; raw: number; compressed: number}>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    responses.push(
      (async () => {
        const kind = kinds[response.request().resourceType() as keyof typeof kinds] ?? 'other';
        const sizes = await response.request().sizes();
        const raw = (await response.body().catch(() => Buffer.alloc(0))).length;
        return {kind, raw, compressed: sizes.responseBodySize};
      })(),
    );
  };
  page.on('response', onResponse);
  // Bytes do not depend on how long the load takes: a generous limit, since a loaded 2-core
  // machine took over Playwright's default 30 s to load a page served from this very process.
  await page.goto(url, {waitUntil: 'load', timeout: PAGE_LOAD_TIMEOUT_MS});
  // First load ends at the load event: Docusaurus then prefetches the chunks of linked pages on
  // idle, a varying number of requests that belong to the next navigation, not this one.
  page.off('response', onResponse);
  const all = await Promise.all(responses);
  await context.close();
  const zero = (): Bytes => ({raw: 0, compressed: 0});
  const weight: PageWeight = {
    requests: all.length,
    html: zero(),
    js: zero(),
    css: zero(),
    images: zero(),
    other: zero(),
    total: zero(),
  };
  for (const r of all) {
    for (const bucket of [weight[r.kind as 'html'], weight.total]) {
      bucket.raw += r.raw;
      bucket.compressed += r.compressed;
    }
  }
  return weight;
}

export interface LighthouseResult {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  totalBlockingTimeMs: number;
  /**
   * Why a score category asked for fell below 100: each weighted audit that did not pass, with what
   * it found (a console error's text, an element), so a missed budget names its cause.
   */
  shortfalls: string[];
}

export type Preset = 'mobile' | 'desktop';
export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';

/** The categories the budgets hold to 100, by Lighthouse id, each with its figure's name in a result. */
export const SCORE_CATEGORY_KEYS = {
  accessibility: 'accessibility',
  'best-practices': 'bestPractices',
  seo: 'seo',
} as const satisfies Partial<Record<Category, keyof LighthouseResult>>;

/** Where Lighthouse did not run, or did not measure a category. */
export const NO_SCORES: LighthouseResult = {
  performance: NaN,
  accessibility: NaN,
  bestPractices: NaN,
  seo: NaN,
  totalBlockingTimeMs: NaN,
  shortfalls: [],
};

/** The bench's one median: the middle value of an odd count, the lower middle of an even one. */
export function medianOf(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  return [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
}

/** Each figure's median over several runs. */
export function medianResult(runs: LighthouseResult[]): LighthouseResult {
  const median = (key: Exclude<keyof LighthouseResult, 'shortfalls'>) => medianOf(runs.map((r) => r[key]));
  return {
    performance: median('performance'),
    accessibility: median('accessibility'),
    bestPractices: median('bestPractices'),
    seo: median('seo'),
    totalBlockingTimeMs: median('totalBlockingTimeMs'),
    // The audits any run fell short on: a score below 100 in one run is named even where the median passes.
    shortfalls: [...new Set(runs.flatMap((r) => r.shortfalls))],
  };
}

/** One Chrome for all Lighthouse runs of a bench: starting it per page would dominate the time. */
export async function startLighthouseChrome(chromeFlags: string[]): Promise<{port: number; kill: () => void}> {
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...chromeFlags],
  });
  return {port: chrome.port, kill: () => chrome.kill()};
}

/** Attempts at one Lighthouse run before its failure fails the bench. */
export const LIGHTHOUSE_ATTEMPTS = 3;

/**
 * Lighthouse's category scores (0–100) and TBT for one page, in Debian's chromium; NaN for a
 * category not asked for. A run that Lighthouse itself could not complete (a DevTools protocol
 * timeout on a busy machine, a page it could not load) says nothing about the page: it is run again,
 * up to LIGHTHOUSE_ATTEMPTS times, on either site alike, and then fails with every reason.
 */
export async function lighthouse(
  url: string,
  preset: Preset,
  port: number,
  categories: Category[],
  log: (line: string) => void = () => {},
): Promise<LighthouseResult> {
  const failures: string[] = [];
  for (let attempt = 1; attempt <= LIGHTHOUSE_ATTEMPTS; attempt++) {
    try {
      return await lighthouseOnce(url, preset, port, categories);
    } catch (error) {
      failures.push((error as {code?: string}).code ?? (error as Error).message);
      log(
        `${url} (${preset}): Lighthouse could not complete its run (${failures.at(-1)}); attempt ${attempt} of ${LIGHTHOUSE_ATTEMPTS}`,
      );
    }
  }
  throw new Error(
    `Lighthouse could not measure ${url} (${preset}) in ${LIGHTHOUSE_ATTEMPTS} attempts: ${failures.join('; ')}`,
  );
}

async function lighthouseOnce(
  url: string,
  preset: Preset,
  port: number,
  categories: Category[],
): Promise<LighthouseResult> {
  const {default: run} = await import('lighthouse');
  const desktop = (await import('lighthouse/core/config/desktop-config.js')).default;
  const result = await run(
    url,
    {port, output: 'json', logLevel: 'error', onlyCategories: categories, disableFullPageScreenshot: true},
    preset === 'desktop' ? desktop : undefined,
  );
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  // Lighthouse reports some failures (the page did not load, the protocol timed out) in the result.
  if (result.lhr.runtimeError)
    throw Object.assign(new Error(result.lhr.runtimeError.message), {code: result.lhr.runtimeError.code});
  const score = (id: Category) =>
    id in result.lhr.categories ? Math.round((result.lhr.categories[id].score ?? 0) * 100) : NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    totalBlockingTimeMs: categories.includes('performance')
      ? Math.round(result.lhr.audits['total-blocking-time']?.numericValue ?? NaN)
      : NaN,
    shortfalls: shortfalls(result.lhr),
  };
}

type Report = NonNullable<Awaited<ReturnType<typeof import('lighthouse').default>>>['lhr'];

/** The weighted audits of the score categories that did not pass, each with up to three findings. */
export function shortfalls(lhr: Report): string[] {
  return Object.values(lhr.categories)
    .filter((category) => category.id in SCORE_CATEGORY_KEYS)
    .flatMap((category) =>
      category.auditRefs
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => {
          const items =
            audit.details && 'items' in audit.details ? (audit.details.items as Record<string, unknown>[]) : [];
          const findings = items.slice(0, 3).map(finding).filter(Boolean);
          return `${category.id}/${audit.id}${findings.length ? `: ${findings.join(' | ')}` : ''}`;
        }),
    );
}

/** One line for a finding of an audit's table: its message, issue type, element or URL. */
function finding(item: Record<string, unknown>): string {
  const node = item.node as {snippet?: string} | undefined;
  const text = item.description ?? item.issueType ?? node?.snippet ?? item.url ?? '';
  return String(text).replace(/\s+/g, ' ').slice(0, 200);
}
