// The PDF test's readers and checks (tests/pdf/), on text shaped like poppler's and the site's.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {chapterTitle, codeLines, missingLines, wordsPastMargin} from '../pdf/checks';
import {coverHtml, readVersions, tocHtml} from '../../tools/pdf/front';
import {TEXTS} from '../../tools/pdf/locales';
import {parseDestinations, parseFonts, parseWords} from '../../tools/pdf/poppler';

test('pdfinfo -dests: the page of each named destination', () => {
  const out = `Page  Destination                 Name
   4 [ XYZ    0  843 null      ] "images-and-containers"
  72 [ XYZ    0  621 null      ] "swarm--the lab"
`;
  assert.deepEqual(
    [...parseDestinations(out)],
    [
      ['images-and-containers', 4],
      ['swarm--the lab', 72],
    ],
  );
});

test('pdffonts: names, types and whether each font is embedded', () => {
  const out = `name                                 type              encoding         emb sub uni object ID
------------------------------------ ----------------- ---------------- --- --- --- ---------
AAAAAA+DejaVuSans-Bold               CID TrueType      Identity-H       yes yes yes      4  0
[none]                               Type 3            Custom           yes no  yes    266  0
Helvetica                            Type 1            Standard         no  no  no      12  0
`;
  assert.deepEqual(parseFonts(out), [
    {name: 'AAAAAA+DejaVuSans-Bold', type: 'CID TrueType', embedded: true},
    {name: '[none]', type: 'Type 3', embedded: true},
    {name: 'Helvetica', type: 'Type 1', embedded: false},
  ]);
});

test('pdftotext -bbox: words with their page and right edge', () => {
  const xhtml = `<page width="595.92" height="842.88">
<word xMin="45.0" yMin="70.1" xMax="80.5" yMax="80.0">docker</word>
</page>
<page width="595.92" height="842.88">
<word xMin="45.0" yMin="70.1" xMax="580.25" yMax="80.0">a&amp;b&lt;c</word>
</page>`;
  assert.deepEqual(parseWords(xhtml), [
    {page: 1, text: 'docker', xMax: 80.5, pageWidth: 595.92},
    {page: 2, text: 'a&b<c', xMax: 580.25, pageWidth: 595.92},
  ]);
});

test('a built page: its title and every code line as shown', () => {
  const html =
    `<header><h1>Swarm（上）：集群与服务</h1></header><pre><code>` +
    `<div class=token-line><span class="token command">$</span><span class=token-plain> docker ps</span><br></div>` +
    `<div class="token-line theme-code-block-highlighted-line"><span>echo &quot;a &amp;&amp; b&quot; &gt; &#x27;x&#x27;</span></div>` +
    `<div class=token-line><br></div></code></pre>`;
  assert.equal(chapterTitle(html), 'Swarm（上）：集群与服务');
  assert.deepEqual(codeLines(html), ['$ docker ps', `echo "a && b" > 'x'`, '']);
});

test('missing code lines: found in order, wrapped lines accepted, cut or reordered lines reported', () => {
  const lines = ['$ docker image ls --filter reference=fg-hello', 'REPOSITORY   TAG   SIZE', ''];
  // Wrapped at the page edge: the line goes on in the next line of text.
  assert.deepEqual(
    missingLines(lines, 'text\n$ docker image ls --filter\nreference=fg-hello\nREPOSITORY TAG SIZE\n'),
    [],
  );
  // Cut at the page edge: the end of the line is not in the text.
  assert.deepEqual(missingLines(lines, '$ docker image ls --filter\nREPOSITORY TAG SIZE'), [
    '$dockerimagels--filterreference=fg-hello',
  ]);
  // In the text but not in order.
  assert.deepEqual(missingLines(lines, 'REPOSITORY TAG SIZE\n$ docker image ls --filter reference=fg-hello'), [
    'REPOSITORYTAGSIZE',
  ]);
});

test('words past the right margin are reported', () => {
  const word = (xMax: number) => ({page: 3, text: 'x', xMax, pageWidth: 595.92});
  const margin = (16 * 72) / 25.4;
  assert.deepEqual(wordsPastMargin([word(540), word(551.2)], margin), []);
  assert.deepEqual(wordsPastMargin([word(540), word(560)], margin), [word(560)]);
});

test('cover and contents: versions from docker-versions.json, a page number per entry once known', () => {
  const json = JSON.stringify({
    recorded: '2026-12-01',
    engine: '28.5.2',
    cli: '28.5.2',
    compose: '2.40.3',
    buildx: '0.29.1',
    containerd: '1.6.20',
    runc: '1.1.5',
  });
  const versions = readVersions(json, 'docker-versions.json');
  const cover = coverHtml('Docker <Field> Guide', TEXTS.en, versions, '2026-12-02');
  for (const part of [
    'Docker &lt;Field&gt; Guide',
    '<th>Docker Compose</th><td>2.40.3</td>',
    'versions recorded on 2026-12-01',
    'PDF made on 2026-12-02',
  ]) {
    assert.ok(cover.includes(part), part);
  }
  assert.throws(
    () => readVersions('{"engine": "28.5.2"}', 'docker-versions.json'),
    /docker-versions.json: no recorded, cli, compose, buildx, containerd, runc/,
  );
  const outline = [
    {id: 'swarm', title: 'Swarm', level: 1 as const},
    {id: 'swarm--lab', title: 'The lab', level: 2 as const},
  ];
  assert.match(
    tocHtml(TEXTS.en, outline, null),
    /href="#swarm--lab"><span class="title">The lab<\/span><span class="leader"><\/span><span class="page"><\/span>/,
  );
  assert.match(
    tocHtml(
      TEXTS.en,
      outline,
      new Map([
        ['swarm', 72],
        ['swarm--lab', 73],
      ]),
    ),
    /The lab<\/span><span class="leader"><\/span><span class="page">73<\/span>/,
  );
});
