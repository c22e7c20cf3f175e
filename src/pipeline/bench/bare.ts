import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes a bare Astro project that renders `pages` pages, each with `charts` Observable Plot time
 * series drawn at render time from seeded random data and a small table: the same kind of page
 * as a unit page, with none of the Sozialatlas pipeline. The benchmark's baseline.
 */
export async function writeBareProject(dir: string, pages: number, charts: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src', 'pages', 'p'), { recursive: true });
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always', devToolbar: { enabled: false } });\n`,
  );
  await writeFile(
    join(dir, 'src', 'pages', 'p', '[id].astro'),
    `---
import * as Plot from '@observablehq/plot';
import { randomLcg } from 'd3';
import { parseHTML } from 'linkedom';
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i) } }));
}
const { id } = Astro.params;
const rnd = randomLcg(Number(id) + 1);
const { document } = parseHTML('<!doctype html><html><body></body></html>');
const charts = Array.from({ length: ${charts} }, (_, k) => {
  const rows = Array.from({ length: 6 }, (_, y) => ({ year: 2015 + y, value: rnd() * 40, city: 20 + rnd() * 5 }));
  const svg = Plot.plot({ document: document as never, width: 560, height: 220, x: { type: 'point' }, marks: [
    Plot.lineY(rows, { x: 'year', y: 'city', strokeDasharray: '5,4' }), Plot.lineY(rows, { x: 'year', y: 'value' }), Plot.dot(rows, { x: 'year', y: 'value' }) ] });
  return { k, rows, svg: svg.outerHTML };
});
---
<!doctype html>
<html lang="de"><head><meta charset="utf-8" /><title>Seite {id}</title></head>
<body><h1>Seite {id}</h1>
{charts.map((c) => (<section><h2>Merkmal {c.k}</h2><Fragment set:html={c.svg} />
<table>{c.rows.map((r) => <tr><th>{r.year}</th><td>{r.value.toFixed(1)}</td><td>{r.city.toFixed(1)}</td></tr>)}</table></section>))}
</body></html>
`,
  );
}
