// The cover (title, the engine versions the examples were checked on, dates) and the table of
// contents with page numbers.
import type {Texts} from './locales';

export interface OutlineEntry {
  id: string;
  title: string;
  level: 1 | 2;
}

/** The fields of docker-versions.json (written by .ci/install-engine.sh) the cover shows. */
export interface Versions {
  recorded: string;
  engine: string;
  cli: string;
  compose: string;
  buildx: string;
  containerd: string;
  runc: string;
}

const VERSION_ROWS: [keyof Versions, string][] = [
  ['engine', 'Docker Engine'],
  ['cli', 'Docker CLI'],
  ['compose', 'Docker Compose'],
  ['buildx', 'Docker Buildx'],
  ['containerd', 'containerd'],
  ['runc', 'runc'],
];

export function readVersions(json: string, file: string): Versions {
  const parsed = JSON.parse(json) as Partial<Versions>;
  const missing = ['recorded', ...VERSION_ROWS.map(([key]) => key)].filter(
    (k) => typeof parsed[k as keyof Versions] !== 'string',
  );
  if (missing.length) throw new Error(`${file}: no ${missing.join(', ')} (it is written by .ci/install-engine.sh)`);
  return parsed as Versions;
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function coverHtml(title: string, texts: Texts, versions: Versions, today: string): string {
  const rows = VERSION_ROWS.map(([key, label]) => `<tr><th>${label}</th><td>${escape(versions[key])}</td></tr>`).join(
    '',
  );
  return `<section class="cover"><h1>${escape(title)}</h1><p class="tagline">${escape(texts.subtitle)}</p>
<p>${escape(texts.checkedWith)}</p><table><tbody>${rows}</tbody></table>
<p class="made">${escape(texts.recorded(versions.recorded))} · ${escape(texts.made(today))}</p></section>`;
}

/** `pages`: the page of each entry, or nothing yet (the first pass, which finds them). */
export function tocHtml(texts: Texts, outline: OutlineEntry[], pages: Map<string, number> | null): string {
  const items = outline
    .map(
      (e) =>
        `<li class="level-${e.level}"><a href="#${escape(e.id)}"><span class="title">${escape(e.title)}</span>` +
        `<span class="leader"></span><span class="page">${pages?.get(e.id) ?? ''}</span></a></li>`,
    )
    .join('\n');
  return `<nav class="toc"><h1>${escape(texts.contents)}</h1><ol>${items}</ol></nav>`;
}
