/**
 * One benchmark run in its own process (so peak memory is this build's alone). Prints one JSON line.
 * Usage: node scripts/benchRun.ts site <atlasDir> <outDir> <cacheDir> [--cold]   (--cold: empty the stage cache first)
 *        node scripts/benchRun.ts bare <projectDir>
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSite } from '../src/pipeline/site.ts';

const [mode, a, b, c, flag] = process.argv.slice(2);
if (mode === 'site' && c && flag === '--cold') await rm(`${c}-stages`, { recursive: true, force: true });
const t0 = performance.now();
if (mode === 'site' && a && b && c) {
  // Progress lines are dropped; problems and failed checks still reach stderr.
  const r = await buildSite({
    atlasDir: a,
    outDir: b,
    cacheDir: c,
    log: (m) => {
      if (/(?:^|\s)[1-9]\d* Fehler|FEHLER|Ziel fehlt|defekt/.test(m)) process.stderr.write(`${m}\n`);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const site = JSON.parse(await readFile(join(c, 'build', 'site.json'), 'utf8')) as {
    units: { url: string; level: string }[];
    levels: { id: string }[];
  };
  const finest = site.levels.at(-1)?.id;
  const sample = site.units.filter((u) => u.level === finest).slice(0, 50);
  const css = await cssBytes(b);
  let raw = 0;
  let gz = 0;
  for (const u of sample) {
    const html = await readFile(join(b, u.url, 'index.html'));
    raw += html.length;
    gz += gzipSync(html, { level: 9 }).length;
  }
  const htmlPages = await countHtml(b);
  const usage = process.resourceUsage();
  console.log(
    JSON.stringify({
      seconds,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      home: await homeBytes(b),
      clientData: await clientDataBytes(b),
      htmlPages,
      unitPages: r.pages,
      facilityPages: r.pipeline.facilityPages ?? 0,
      cache: r.pipeline.cache,
      timings: r.timings,
      render: r.render,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      pageRaw: raw / sample.length,
      pageGzip: gz / sample.length,
      css,
    }),
  );
} else if (mode === 'bare' && a) {
  const { build } = await import('astro');
  await build({ root: a, logLevel: 'warn' });
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    JSON.stringify({
      seconds,
      htmlPages: await countHtml(join(a, 'dist')),
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    }),
  );
} else {
  console.error('usage: benchRun.ts site <atlasDir> <outDir> <cacheDir> | bare <projectDir>');
  process.exit(2);
}

/** gzip bytes of the home page with what it loads: its HTML, stylesheets, scripts and the map geometry it uses. */
async function homeBytes(dist: string): Promise<number> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const assets = new Set(
    [...html.matchAll(/(?:href|src)="(\/(?:_astro\/[^"]+\.(?:css|js)|data\/maps\/[^"#]+\.svg))/g)].map(
      (m) => m[1] as string,
    ),
  );
  let bytes = gzipSync(html, { level: 9 }).length;
  for (const a of assets) bytes += gzipSync(await readFile(join(dist, a)), { level: 9 }).length;
  return bytes;
}

/**
 * gzip bytes of the client data files of the facility directory, if present: the search index, the radius query's
 * file beside it and the unit index (the offline page joins the three; until December 2026 the radius query and the
 * offline page each had a file of their own, data/offline/facilities.json the latter).
 */
async function clientDataBytes(dist: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const f of ['data/search/facilities.json', 'data/facilities-points.json', 'data/search/units.json']) {
    const buf = await readFile(join(dist, f)).catch(() => undefined);
    if (buf) out[f] = gzipSync(buf, { level: 9 }).length;
  }
  return out;
}

async function countHtml(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith('.html')).length;
}

async function cssBytes(dir: string): Promise<{ raw: number; gzip: number }> {
  const files = (await readdir(join(dir, '_astro'))).filter((f) => f.endsWith('.css'));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const buf = await readFile(join(dir, '_astro', f));
    raw += (await stat(join(dir, '_astro', f))).size;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gzip };
}
