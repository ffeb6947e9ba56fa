import fs from 'node:fs';
import path from 'node:path';
import {test, expect} from '@playwright/test';
import YAML from 'yaml';
import {waitForHydration} from './site';

const examplesDir = path.resolve(__dirname, '../../examples');
const folders = fs
  .readdirSync(examplesDir, {withFileTypes: true})
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** What the example's compose/stack file declares, read here independently of the site's parser. */
function declared(name: string): string[] | null {
  const file = ['compose.yaml', 'stack.yaml'].map((f) => path.join(examplesDir, name, f)).find((f) => fs.existsSync(f));
  if (!file) return null;
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  const keys = (o: unknown) => (o && typeof o === 'object' ? Object.keys(o) : []);
  const services = Object.values(doc.services ?? {}) as {ports?: unknown[]; networks?: unknown}[];
  const published = services.flatMap((s) =>
    (s.ports ?? []).map((p) =>
      typeof p === 'object' ? String((p as {published: unknown}).published) : String(p).split(':').slice(-2, -1)[0],
    ),
  );
  return [
    ...keys(doc.services),
    ...keys(doc.networks),
    ...keys(doc.volumes),
    ...keys(doc.secrets),
    ...published.filter(Boolean),
  ];
}

for (const start of ['/examples', '/en/examples']) {
  test(`${start} lists every folder of examples/ and draws every part of its file`, async ({page}) => {
    await page.goto(start);
    await waitForHydration(page);
    const listed = await page
      .locator('[data-example]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-example')));
    expect([...listed].sort()).toEqual(folders);
    for (const name of folders) {
      const parts = declared(name);
      if (!parts) continue;
      const svgText = await page.locator(`[data-example="${name}"] svg`).first().textContent();
      for (const part of parts) expect(svgText, `${name}: the diagram shows ${part}`).toContain(part);
    }
  });
}

test('the topic filter narrows the gallery to one topic', async ({page}) => {
  await page.goto('/en/examples');
  await waitForHydration(page);
  await page.getByRole('button', {name: 'Swarm'}).click();
  await expect(page.getByRole('button', {name: 'Swarm'})).toHaveAttribute('aria-pressed', 'true');
  const shown = await page.locator('[data-example]').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(folders.length);
});
