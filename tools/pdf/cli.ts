// npm run pdf [-- --build DIR] [--locale zh-Hans|en …]: the guide as one PDF per locale, printed
// from the built site by Chromium and written into the build (the navbar links to it).
import fs from 'node:fs';
import path from 'node:path';
import {chromium} from '@playwright/test';
import {chromiumArgs, chromiumPath} from '../browser/chromium';
import {REPO_ROOT} from '../core/repo';
import {makeBook} from './book';
import {readVersions} from './front';
import {LOCALES, type Locale} from './locales';
import {pageCount} from './poppler';
import {serveBuild} from './serve';

const USAGE = 'usage: npm run pdf -- [--build DIR] [--locale zh-Hans|en]…';

function parseArgs(argv: string[]): {buildDir: string; locales: Locale[]} | string {
  let buildDir = path.join(REPO_ROOT, 'build');
  const locales: Locale[] = [];
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--build' && value) buildDir = path.resolve(argv[++i]);
    else if (argv[i] === '--locale' && (LOCALES as readonly string[]).includes(value))
      locales.push(argv[++i] as Locale);
    else return `unknown or incomplete option: ${argv.slice(i, i + 2).join(' ')}`;
  }
  return {buildDir, locales: locales.length ? locales : [...LOCALES]};
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`${args}\n${USAGE}`);
    return 2;
  }
  if (!fs.existsSync(path.join(args.buildDir, 'index.html'))) {
    console.error(`no built site in ${args.buildDir}: run npx docusaurus build first`);
    return 2;
  }
  const versionsFile = path.join(REPO_ROOT, 'docker-versions.json');
  if (!fs.existsSync(versionsFile)) {
    console.error(`${versionsFile} is missing: .ci/install-engine.sh writes it`);
    return 2;
  }
  const versions = readVersions(fs.readFileSync(versionsFile, 'utf8'), versionsFile);
  const today = new Date().toISOString().slice(0, 10);
  const server = await serveBuild(args.buildDir);
  const browser = await chromium.launch({executablePath: chromiumPath(), args: chromiumArgs});
  try {
    // One page per locale at the same time: printing keeps one core busy.
    await Promise.all(
      args.locales.map(async (locale) => {
        const started = Date.now();
        const {file, passes} = await makeBook(browser, {
          buildDir: args.buildDir,
          siteUrl: server.url,
          locale,
          versions,
          today,
        });
        const mb = fs.statSync(file).size / 1024 / 1024;
        const prints = passes.map((s) => `${s.toFixed(0)} s`).join(' + ');
        console.log(
          `${locale}: ${path.relative(process.cwd(), file)}  ${pageCount(file)} pages  ${mb.toFixed(1)} MB  ${((Date.now() - started) / 1000).toFixed(1)} s (prints: ${prints})`,
        );
      }),
    );
  } finally {
    await browser.close();
    await server.close();
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`pdf: ${(err as Error).message}`);
    process.exit(1);
  },
);
