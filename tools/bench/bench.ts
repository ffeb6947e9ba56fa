/**
 * npm run bench [-- options]: measures the site as readers get it and prints every figure next to a
 * fresh default Docusaurus site of the same version, measured the same way in the same run: the
 * same pages, the same number of Lighthouse runs, the median on both sides.
 *
 *   --check         fail on any budget judged in this run (issue 8's budgets)
 *   --runs N        Lighthouse runs per page and preset on both sites (default 3); medians compared
 *   --scores-only   Lighthouse's accessibility, best practices and SEO only, one mobile run (they do
 *                   not vary from run to run; desktop width is covered by the e2e step's axe runs, in
 *                   both colour modes), on the guide alone (its scores are held to 100, so the
 *                   default site gives only bytes); the timing budgets (Lighthouse timing, build
 *                   time) and desktop scores are printed and named as not judged. npm test runs
 *                   `--check --scores-only`: a landing gate that this machine's noise cannot turn red
 *   --weights-only  no Lighthouse at all: bytes, requests, build time, search index
 *   --spread PATH   Lighthouse mobile --runs times (default 10) on the guide's PATH and on its default
 *                   reference page, alternating; prints min, median and max of each figure
 *   --examples      also times every example through the runner, cold (the project's images removed;
 *                   the engine's shared build cache kept) then warm
 *   --site DIR      with --scores-only: measure this build of the guide (npm test passes the one its
 *                   build step just made) instead of building it again; the build time, which
 *                   --scores-only does not judge, is then not measured
 * Figures go to bench-results/bench.json (or bench-results/spread.json).
 */
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../browser/chromium';
import {REPO_ROOT} from '../core/repo';
import {sitemapPaths} from '../browser/sitemap';
import {serveCompressed} from './compressingServer';
import {defaultSite} from './defaultSite';
import {measureExampleRuns, type ExampleRun} from './exampleRuns';
import {
  lighthouse,
  measurePage,
  medianOf,
  medianResult,
  NO_SCORES,
  SCORE_CATEGORY_KEYS,
  startLighthouseChrome,
  type Category,
  type LighthouseResult,
  type PageWeight,
  type Preset,
} from './measure';

const log = (line: string) => console.log(`bench: ${line}`);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) : 'n/a');
/** A Lighthouse figure, or a dash where Lighthouse did not measure it. */
const lh = (n: number) => (Number.isNaN(n) ? '—' : String(n));

type Mode = 'full' | 'scores' | 'none';
interface Options {
  check: boolean;
  mode: Mode;
  runs: number;
  spread?: string;
  withExamples: boolean;
  /** An existing build of the guide to measure instead of building it (--scores-only only). */
  site?: string;
}

/** A mistake in the command line: its message alone is printed. */
class UsageError extends Error {}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const known = ['--check', '--runs', '--scores-only', '--weights-only', '--spread', '--examples', '--site'];
  const unknown = argv.filter(
    (a, i) => a.startsWith('--') && !known.includes(a) && !['--runs', '--spread', '--site'].includes(argv[i - 1]),
  );
  if (unknown.length) throw new UsageError(`unknown option ${unknown.join(', ')} (known: ${known.join(' ')})`);
  const spread = value('--spread');
  const runs = Number(value('--runs') ?? (spread ? 10 : 3));
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError('--runs takes a whole number ≥ 1');
  const mode: Mode = argv.includes('--weights-only') ? 'none' : argv.includes('--scores-only') ? 'scores' : 'full';
  const site = value('--site');
  if (site !== undefined && (mode !== 'scores' || spread))
    throw new UsageError('--site works with --scores-only only: the other modes time the build');
  if (site !== undefined && !fs.existsSync(path.join(site, 'index.html')))
    throw new UsageError(`--site ${site}: no index.html there (build the site first)`);
  return {check: argv.includes('--check'), mode, runs, spread, withExamples: argv.includes('--examples'), site};
}

/**
 * Builds a site into its own folder (not build/, which other commands may be rebuilding) and times
 * it. Without the persistent bundler cache: the budget is for a full build, as in a clean clone.
 */
function timedBuild(dir: string, outDir: string): number {
  const started = Date.now();
  execFileSync('npx', ['docusaurus', 'build', '--out-dir', outDir], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: 'true'},
  });
  return (Date.now() - started) / 1000;
}

function searchIndexBytes(buildDir: string) {
  const files = ['', 'en'].flatMap((dir) =>
    fs
      .readdirSync(path.join(buildDir, dir))
      .filter((f) => /^search-index.*\.json$/.test(f))
      .map((f) => path.join(buildDir, dir, f)),
  );
  const bodies = files.map((f) => fs.readFileSync(f));
  return {
    raw: bodies.reduce((n, b) => n + b.length, 0),
    compressed: bodies.reduce((n, b) => n + zlib.gzipSync(b).length, 0),
  };
}

interface PageFigures {
  path: string;
  weight: PageWeight;
  /** Medians of `runs` Lighthouse runs per preset (NaN where not measured). */
  mobile: LighthouseResult;
  desktop: LighthouseResult;
  runs: number;
}

const SCORE_CATEGORIES = Object.keys(SCORE_CATEGORY_KEYS) as Category[];

/**
 * The Lighthouse presets a mode runs and judges. Scores mode runs mobile only: desktop scores would
 * repeat what the e2e step's axe runs check at desktop width, in both colour modes.
 */
const lighthousePresets = (mode: Mode): readonly Preset[] => (mode === 'scores' ? ['mobile'] : ['mobile', 'desktop']);

/** Every page of one site, measured the one way `mode` and `runs` say: the guide and the default alike. */
async function measureSite(baseUrl: string, paths: string[], mode: Mode, runs: number): Promise<PageFigures[]> {
  const browser = await chromium.launch({executablePath: chromiumPath(), args: chromiumArgs});
  const chrome = mode === 'none' ? null : await startLighthouseChrome(chromiumArgs);
  const categories: Category[] = mode === 'full' ? ['performance', ...SCORE_CATEGORIES] : SCORE_CATEGORIES;
  const lighthouseRuns = mode === 'full' ? runs : 1;
  const score = async (url: string, preset: Preset) => {
    if (!chrome) return NO_SCORES;
    const results: LighthouseResult[] = [];
    for (let i = 0; i < lighthouseRuns; i++) results.push(await lighthouse(url, preset, chrome.port, categories, log));
    return medianResult(results);
  };
  const pages: PageFigures[] = [];
  try {
    for (const pagePath of paths) {
      const url = baseUrl + pagePath;
      const desktop = lighthousePresets(mode).includes('desktop') ? await score(url, 'desktop') : NO_SCORES;
      const figures = {
        path: pagePath,
        weight: await measurePage(browser, url),
        mobile: await score(url, 'mobile'),
        desktop,
        runs: chrome ? lighthouseRuns : 0,
      };
      log(
        `${pagePath}: ${figures.weight.requests} requests, ${kb(figures.weight.total.compressed)} KB, mobile ${lh(figures.mobile.performance)}`,
      );
      pages.push(figures);
    }
  } finally {
    chrome?.kill();
    await browser.close();
  }
  return pages;
}

/** The default site's page a guide page is compared with: the home page, or the first doc, of the same locale. */
function referencePath(p: string): string {
  if (p === '/' || p === '/en/') return p;
  return p.startsWith('/en/') ? '/en/docs/intro' : '/docs/intro';
}
const DEFAULT_PATHS = ['/', '/docs/intro', '/en/', '/en/docs/intro'];
const jsCss = (w: PageWeight) => w.js.compressed + w.css.compressed;

function printTable(pages: PageFigures[], reference: (p: string) => PageFigures) {
  console.log(
    '\npage                                   req  JS+CSS KB (×default)  total KB raw/gz   mobile perf a11y bp seo  TBT ms (×default)  desktop perf  runs',
  );
  for (const p of pages) {
    const ref = reference(p.path);
    console.log(
      [
        p.path.padEnd(38),
        String(p.weight.requests).padStart(4),
        `${kb(jsCss(p.weight)).padStart(9)} (${ratio(jsCss(p.weight), jsCss(ref.weight))})`.padEnd(21),
        `${kb(p.weight.total.raw)}/${kb(p.weight.total.compressed)}`.padStart(16),
        `${lh(p.mobile.performance)} ${lh(p.mobile.accessibility)} ${lh(p.mobile.bestPractices)} ${lh(p.mobile.seo)}`.padStart(
          17,
        ),
        `${lh(p.mobile.totalBlockingTimeMs)} (${ratio(p.mobile.totalBlockingTimeMs, ref.mobile.totalBlockingTimeMs)})`.padStart(
          18,
        ),
        lh(p.desktop.performance).padStart(13),
        String(p.runs).padStart(5),
      ].join(' '),
    );
  }
}

/** Every budget of issue 8 that this run measured; the ones it did not are named by notJudged. */
function missedBudgets(
  pages: PageFigures[],
  reference: (p: string) => PageFigures,
  mode: Mode,
  buildSeconds: number | null,
): string[] {
  const missed: string[] = [];
  for (const p of pages) {
    const ref = reference(p.path);
    if (jsCss(p.weight) > 1.15 * jsCss(ref.weight))
      missed.push(`${p.path}: JS+CSS ${kb(jsCss(p.weight))} KB > 1.15 × default ${kb(jsCss(ref.weight))} KB`);
    if (jsCss(p.weight) > 230 * 1024) missed.push(`${p.path}: JS+CSS ${kb(jsCss(p.weight))} KB > 230 KB`);
    if (mode === 'none') continue;
    for (const preset of lighthousePresets(mode)) {
      for (const [id, category] of Object.entries(SCORE_CATEGORY_KEYS)) {
        const why = p[preset].shortfalls.filter((s) => s.startsWith(`${id}/`));
        if (p[preset][category] < 100)
          missed.push(
            `${p.path}: ${preset} ${category} ${p[preset][category]} < 100 (${why.join('; ') || 'no audit named'})`,
          );
      }
    }
    if (mode !== 'full') continue;
    if (p.mobile.performance < ref.mobile.performance)
      missed.push(
        `${p.path}: mobile performance ${p.mobile.performance} < default ${ref.mobile.performance} (medians of ${p.runs} runs each)`,
      );
    if (p.mobile.totalBlockingTimeMs > 1.2 * Math.max(ref.mobile.totalBlockingTimeMs, 1)) {
      missed.push(
        `${p.path}: TBT ${p.mobile.totalBlockingTimeMs} ms > 1.2 × default ${ref.mobile.totalBlockingTimeMs} ms (medians of ${p.runs} runs each)`,
      );
    }
  }
  // A timing figure too: 21-33 s on a quiet machine, 94 s once under a load average of 13.
  if (mode === 'full' && buildSeconds !== null && buildSeconds > 90)
    missed.push(`full bilingual build ${buildSeconds.toFixed(1)} s > 90 s`);
  return missed;
}

function notJudged(mode: Mode): string | undefined {
  if (mode === 'none')
    return 'Lighthouse not run (--weights-only); NOT JUDGED: accessibility, best practices and SEO 100, mobile performance ≥ default, TBT ≤ 1.2 × default, build ≤ 90 s';
  if (mode === 'scores') {
    return 'Lighthouse timing and desktop not run (--scores-only); NOT JUDGED: mobile performance ≥ default, TBT ≤ 1.2 × default, build ≤ 90 s, desktop accessibility, best practices and SEO (npm run bench -- --check judges them; the e2e step runs axe at desktop width in both colour modes)';
  }
  return undefined;
}

async function withServers<T>(
  guideBuild: string,
  defaultBuild: string,
  work: (guideUrl: string, defaultUrl: string) => Promise<T>,
): Promise<T> {
  const guide = await serveCompressed(guideBuild);
  const plain = await serveCompressed(defaultBuild);
  try {
    return await work(guide.url, plain.url);
  } finally {
    await guide.close();
    await plain.close();
  }
}

const stats = (values: number[]) => ({
  min: Math.min(...values),
  median: medianOf(values),
  max: Math.max(...values),
  values,
});

/** --spread: the run-to-run spread of Lighthouse mobile on one guide page and its reference, alternating. */
async function measureSpread(guideUrl: string, defaultUrl: string, pagePath: string, runs: number) {
  const chrome = await startLighthouseChrome(chromiumArgs);
  const sides = {guide: guideUrl + pagePath, default: defaultUrl + referencePath(pagePath)};
  const results: Record<keyof typeof sides, LighthouseResult[]> = {guide: [], default: []};
  try {
    for (let i = 0; i < runs; i++) {
      for (const side of ['guide', 'default'] as const)
        results[side].push(await lighthouse(sides[side], 'mobile', chrome.port, ['performance'], log));
      log(
        `run ${i + 1}/${runs}: guide ${results.guide[i].performance} / ${results.guide[i].totalBlockingTimeMs} ms, default ${results.default[i].performance} / ${results.default[i].totalBlockingTimeMs} ms`,
      );
    }
  } finally {
    chrome.kill();
  }
  const figures = Object.fromEntries(
    (['guide', 'default'] as const).map((side) => [
      side,
      {
        url: sides[side],
        performance: stats(results[side].map((r) => r.performance)),
        tbtMs: stats(results[side].map((r) => r.totalBlockingTimeMs)),
      },
    ]),
  );
  console.log(`\nLighthouse mobile, ${runs} runs each, alternating            min  median   max`);
  for (const [side, f] of Object.entries(figures)) {
    console.log(
      `${side.padEnd(8)} ${f.url.replace(/^http:\/\/[^/]+/, '').padEnd(30)} performance ${String(f.performance.min).padStart(5)} ${String(f.performance.median).padStart(7)} ${String(f.performance.max).padStart(5)}`,
    );
    console.log(
      `${''.padEnd(39)} TBT ms      ${String(f.tbtMs.min).padStart(5)} ${String(f.tbtMs.median).padStart(7)} ${String(f.tbtMs.max).padStart(5)}`,
    );
  }
  return figures;
}

function writeFigures(name: string, figures: object) {
  fs.mkdirSync(path.join(REPO_ROOT, 'bench-results'), {recursive: true});
  const out = path.join(REPO_ROOT, 'bench-results', name);
  fs.writeFileSync(out, JSON.stringify(figures, null, 2));
  console.log(`\nfigures written to ${path.relative(REPO_ROOT, out)}`);
}

/** Where the guide's and the default site's builds are, and how long each took (null: --site, not built). */
interface Builds {
  guideBuild: string;
  defaultBuild: string;
  buildSeconds: number | null;
  defaultBuildSeconds: number;
}

/** Builds the guide (unless --site names a build) and a fresh default site of Docusaurus `version`, timed. */
function buildSites(options: Options, version: string): Builds {
  const guideBuild = options.site ? path.resolve(options.site) : path.join(REPO_ROOT, 'bench-results/guide-build');
  const defaultBuild = path.join(REPO_ROOT, 'bench-results/default-build');
  let buildSeconds: number | null = null;
  if (options.site)
    log(`measuring the guide's build in ${path.relative(REPO_ROOT, guideBuild) || '.'} (not built again: --site)`);
  else {
    log('building the guide');
    buildSeconds = timedBuild(REPO_ROOT, guideBuild);
  }
  const defaultDir = defaultSite(version, log);
  log('building the default site');
  return {guideBuild, defaultBuild, buildSeconds, defaultBuildSeconds: timedBuild(defaultDir, defaultBuild)};
}

function printDefaultPages(defaultPages: PageFigures[]): void {
  console.log('\ndefault site (reference, measured the same way)');
  for (const d of defaultPages) {
    console.log(
      `${d.path.padEnd(38)} ${String(d.weight.requests).padStart(4)} ${kb(jsCss(d.weight)).padStart(9)} KB JS+CSS  mobile ${lh(d.mobile.performance)}  TBT ${lh(d.mobile.totalBlockingTimeMs)} ms  desktop ${lh(d.desktop.performance)}  (median of ${d.runs})`,
    );
  }
}

/** The build times, the search index and the example runs (or why they were not timed). */
function printBuildAndExamples(
  builds: Builds,
  search: ReturnType<typeof searchIndexBytes>,
  withExamples: boolean,
  exampleRuns: ExampleRun[],
): void {
  const {buildSeconds, defaultBuildSeconds} = builds;
  console.log(
    buildSeconds === null
      ? `\nbuild: not measured (--site; default site ${defaultBuildSeconds.toFixed(1)} s)`
      : `\nbuild: ${buildSeconds.toFixed(1)} s (default site ${defaultBuildSeconds.toFixed(1)} s, ×${ratio(buildSeconds, defaultBuildSeconds)})`,
  );
  console.log(`search index (both locales): ${kb(search.raw)} KB raw, ${kb(search.compressed)} KB gzip`);
  if (!withExamples)
    console.log(
      "examples: not timed (add --examples: it removes the project's images for the cold run; the shared build cache stays)",
    );
  else
    console.log(
      "examples cold: the project's images were removed first; the engine's build cache was kept (shared), so cached build steps may have been hits",
    );
  for (const r of exampleRuns) {
    const {passed, failed, notStarted} = r.summary;
    console.log(
      `examples ${r.kind}: ${r.examples} examples in ${r.seconds.toFixed(0)} s (${passed} passed, ${failed} failed, ${notStarted} not started; ` +
        `runner exit ${r.exitCode}); stand-ins ${r.kind === 'cold' ? 'built' : 'reused'}: ${r.standins.join(', ') || 'none'}`,
    );
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const version = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'node_modules/@docusaurus/core/package.json'), 'utf8'),
  ).version;
  // First, so the engine's work does not overlap the browser measurements.
  const exampleRuns: ExampleRun[] = options.withExamples ? measureExampleRuns(REPO_ROOT, log) : [];
  const builds = buildSites(options, version);
  const {guideBuild, defaultBuild, buildSeconds, defaultBuildSeconds} = builds;

  if (options.spread) {
    const spread = await withServers(guideBuild, defaultBuild, (g, d) =>
      measureSpread(g, d, options.spread!, options.runs),
    );
    writeFigures('spread.json', {version, runs: options.runs, ...spread});
    return;
  }

  // With --scores-only the guide's scores are held to 100, not to the default site's: nothing of the
  // default site's Lighthouse run would be compared, so only its bytes and requests are measured.
  const defaultMode: Mode = options.mode === 'scores' ? 'none' : options.mode;
  const {pages, defaultPages} = await withServers(guideBuild, defaultBuild, async (guideUrl, defaultUrl) => ({
    defaultPages: await measureSite(defaultUrl, DEFAULT_PATHS, defaultMode, options.runs),
    pages: await measureSite(
      guideUrl,
      (['zh-Hans', 'en'] as const).flatMap((locale) => sitemapPaths(guideBuild, locale)),
      options.mode,
      options.runs,
    ),
  }));
  const reference = (p: string) => defaultPages.find((d) => d.path === referencePath(p))!;

  printTable(pages, reference);
  printDefaultPages(defaultPages);
  const search = searchIndexBytes(guideBuild);
  printBuildAndExamples(builds, search, options.withExamples, exampleRuns);

  const missed = missedBudgets(pages, reference, options.mode, buildSeconds);
  const unjudged = notJudged(options.mode);
  if (unjudged) console.log(`\n${unjudged}`);
  writeFigures('bench.json', {
    version,
    mode: options.mode,
    runs: options.runs,
    buildSeconds,
    defaultBuildSeconds,
    searchIndex: search,
    exampleRuns,
    pages,
    defaultPages,
    budgetFailures: missed,
    notJudged: unjudged ?? null,
  });
  console.log(
    missed.length
      ? `\nbudgets missed (${missed.length}):\n${missed.map((b) => `  ${b}`).join('\n')}`
      : '\nall budgets judged in this run met',
  );
  if (options.check && missed.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof UsageError ? `bench: ${error.message}` : error);
  process.exit(1);
});
