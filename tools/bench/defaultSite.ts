import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh default Docusaurus site (the classic TypeScript template) of the same version, with the
 * same locales, built for comparison. Kept in the system temp folder and reused while the version
 * is the same, since creating it means an npm install.
 */
export function defaultSite(version: string, log: (line: string) => void): string {
  const parent = path.join(os.tmpdir(), `fieldguide-default-docusaurus-${version}`);
  const dir = path.join(parent, 'site');
  if (!fs.existsSync(path.join(dir, 'node_modules/.bin/docusaurus'))) {
    fs.rmSync(parent, {recursive: true, force: true});
    fs.mkdirSync(parent, {recursive: true});
    log(`creating a default Docusaurus ${version} site in ${dir}`);
    execFileSync(
      'npx',
      ['--yes', `create-docusaurus@${version}`, 'site', 'classic', '--typescript', '--skip-install'],
      {cwd: parent, stdio: 'inherit'},
    );
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], {cwd: dir, stdio: 'inherit'});
  }
  const config = path.join(dir, 'docusaurus.config.ts');
  const source = fs.readFileSync(config, 'utf8');
  const sameLocales = "i18n: {defaultLocale: 'zh-Hans', locales: ['zh-Hans', 'en']},";
  if (!source.includes(sameLocales)) {
    const patched = source.replace(/i18n: \{[\s\S]*?\n {2}\},/, sameLocales);
    if (patched === source) throw new Error(`${config}: no i18n block to give the guide's locales`);
    fs.writeFileSync(config, patched);
  }
  return dir;
}
