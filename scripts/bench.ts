/**
 * npm run bench [-- --scale] [-- --units 5000] [-- --demo]
 * (Do not change the code while it runs: the code is part of every cache key, so the rebuild row would miss.)
 * Builds the demo atlas (from a copy of its files), rebuilds it after one facility file changed (reusing the stage
 * cache) and again after a facility inside an area of an overlay layer changed, builds a synthetic atlas of 5,000 units with the same page content, and a bare Astro build of as many pages
 * with the same number of Plot charts but none of our pipeline; prints build and CPU seconds, pages per second, peak
 * memory, bytes per district page, the home page with its CSS, scripts and map, the directory's client data files,
 * and the machine's cores and load (a busy machine stretches wall time; CPU seconds stay comparable). With --scale: synthetic atlases of 1,000,
 * 5,000 and 10,000 units with 30 indicators, 10 years and two made-up facilities per unit, to show how cost grows,
 * then a rebuild of the largest after one facility file changed (reusing the stage cache).
 * Each build runs in its own process; figures are measurements on this machine, not assertions.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeBareProject } from '../src/pipeline/bench/bare.ts';
import { writeSyntheticAtlas } from '../src/pipeline/bench/synthetic.ts';
import { BUILD_NODE_FLAGS } from '../src/pipeline/nodeFlags.ts';
import { PROJECT_ROOT } from '../src/pipeline/site.ts';

interface SiteRun {
  seconds: number;
  /** CPU seconds of the build process, all threads (steadier than wall time on a busy machine). */
  cpuSeconds: number;
  /** gzip bytes of the home page with its CSS, scripts and map. */
  home: number;
  /** gzip bytes of each client data file of the directory. */
  clientData: Record<string, number>;
  htmlPages: number;
  unitPages: number;
  facilityPages: number;
  cache?: Record<string, { hits: number; misses: number }>;
  maxRssMB: number;
  pageRaw: number;
  pageGzip: number;
  css: { raw: number; gzip: number };
  timings: Record<string, number>;
  render: { rendered: number; taken: number; changedArtifacts?: number; full?: string };
}
interface BareRun {
  seconds: number;
  htmlPages: number;
  maxRssMB: number;
}

const args = process.argv.slice(2);
const scale = args.includes('--scale');
/** Only the demo's two rows (a full build and the rebuild after one facility edit), a few minutes. */
const demoOnly = args.includes('--demo');
const unitsArg = Number(args[args.indexOf('--units') + 1]) || 5000;
// Beside .atlas/ (which every build replaces), so a build during the bench cannot delete its atlases.
const work = join(PROJECT_ROOT, '.atlas-bench');
const run = <T>(...a: string[]): T => {
  // With the flags of `npm run build`, for our build and the bare baseline alike.
  const out = execFileSync(
    process.execPath,
    [...BUILD_NODE_FLAGS, join(PROJECT_ROOT, 'scripts', 'benchRun.ts'), ...a],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
    },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as T;
};
// Every measured build starts with an empty stage cache (cold), except the incremental rebuild below.
const site = (name: string, atlasDir: string, cold = true) =>
  run<SiteRun>('site', atlasDir, join(work, `${name}-dist`), join(work, `${name}-cache`), ...(cold ? ['--cold'] : []));
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const row = (name: string, units: number, r: SiteRun) =>
  `| ${name} | ${units} | ${r.htmlPages} | ${r.seconds.toFixed(1)} | ${r.cpuSeconds.toFixed(0)} | ${(r.htmlPages / r.seconds).toFixed(1)} | ${r.maxRssMB.toFixed(0)} | ${kb(r.pageRaw)} | ${kb(r.pageGzip)} + ${kb(r.css.gzip)} CSS | ${kb(r.home)} | ${dataSeconds(r).toFixed(1)} / ${(r.timings.astro ?? 0).toFixed(1)} / ${(r.timings.check ?? 0).toFixed(1)} / ${siteSeconds(r).toFixed(1)} | ${r.render.rendered} / ${r.render.taken} |`;
const header =
  '| atlas | units | HTML pages | build s | CPU s | pages/s | peak MB | unit page raw | unit page gzip | home gzip | data / astro / checks / other s | pages rendered / taken |\n|---|---|---|---|---|---|---|---|---|---|---|---|';
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
/** "Slowest stages of demo: astro 32.3 s, publish 12.0 s, …" (the five largest). */
function slowest(name: string, r: SiteRun): string {
  const top = Object.entries(r.timings)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, v]) => `${k} ${v.toFixed(1)} s`);
  return `Slowest stages of ${name}: ${top.join(', ')}.`;
}

/** What a build took from the stage cache, e.g. "facilities 6757/6758". */
function reuse(r: SiteRun): string {
  const parts = Object.entries(r.cache ?? {})
    .filter(([, c]) => c.hits + c.misses > 0)
    .map(([k, c]) => `${k} ${c.hits}/${c.hits + c.misses}`);
  return `Reused from the stage cache in the rebuild: ${parts.join(', ') || 'nothing'}.`;
}

/** The site build's own steps around Astro (src/pipeline/site.ts); "other" in the table. */
const SITE_STEPS = new Set(['plan', 'cleared', 'take', 'public', 'offline', 'swap']);

/** Seconds of the data stages (the pipeline: everything but the Astro build, the checks and the site steps). */
function dataSeconds(r: SiteRun): number {
  return Object.entries(r.timings)
    .filter(([k]) => k !== 'astro' && k !== 'check' && !SITE_STEPS.has(k))
    .reduce((a, [, v]) => a + v, 0);
}

/**
 * Seconds of the site steps: incremental plan (hashes), taking unchanged pages, linking the public folder, offline
 * bundle, publishing.
 */
function siteSeconds(r: SiteRun): number {
  return Object.entries(r.timings)
    .filter(([k]) => SITE_STEPS.has(k))
    .reduce((a, [, v]) => a + v, 0);
}

console.log(
  `Sozialatlas bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version} (${BUILD_NODE_FLAGS.join(' ')}), ${cpus().length} cores, load (1/5/15 min) at the start ${load()}\n`,
);
if (!scale) {
  // The demo is built from a copy, so the incremental row can change one of its facility files.
  const demoDir = join(work, 'demo-atlas');
  await copyDemoAtlas(PROJECT_ROOT, demoDir);
  const demo = site('demo', demoDir);
  // Each rebuild row is the median of three rebuilds, each after the same edit once more (a single rebuild on a
  // shared machine varies by a second or more); the row names all three.
  let edited = '';
  const warm = await rebuilds(async () => (edited = await editOneFacility(demoDir)), demoDir);
  const demoWarm = warm.median;
  // A facility inside an area of an overlay layer: its area pages are made again too.
  let inArea: string | undefined;
  const area = await rebuilds(
    async () => (inArea = await editFacilityInArea(demoDir, join(work, 'demo-cache'))),
    demoDir,
  );
  const demoArea = inArea ? area.median : undefined;
  // The demo's rows first; the synthetic row follows in the same table (the builds print nothing but errors).
  console.log(header);
  console.log(row('demo (Berlin)', demo.unitPages, demo));
  console.log(row(`demo, rebuild after editing ${edited} (median of ${warm.all})`, demo.unitPages, demoWarm));
  if (demoArea)
    console.log(
      row(`demo, rebuild after editing ${inArea} (inside an area; median of ${area.all})`, demo.unitPages, demoArea),
    );
  const demoStages = [
    slowest('demo', demo),
    slowest('demo rebuild', demoWarm),
    reuse(demoWarm),
    ...(demoArea ? [slowest('demo rebuild, facility inside an area', demoArea), reuse(demoArea)] : []),
  ].join('\n');
  if (demoOnly) {
    console.log(`\n${demoStages}\nLoad (1/5/15 min) at the end: ${load()}.`);
    process.exit(0);
  }
  const synthDir = join(work, `synthetic-${unitsArg}`);
  const synth = await writeSyntheticAtlas({ dir: synthDir, units: unitsArg, years: 6, demoDir: PROJECT_ROOT });
  const s = site(`synthetic-${unitsArg}`, synthDir);
  console.log(row('synthetic', synth.units, s));
  console.log(`\n${demoStages}\n${slowest('synthetic', s)}`);
  console.log(
    `\nClient data of the demo's directory (gzip): ${Object.entries(demo.clientData)
      .map(([f, b]) => `${f} ${kb(b)}`)
      .join(', ')}; together ${kb(Object.values(demo.clientData).reduce((a, b) => a + b, 0))}.`,
  );
  // Baseline: as many pages as the synthetic atlas has unit pages (both languages), same charts per page.
  const chartsPerPage =
    (Number(
      execFileSync(
        'bash',
        ['-c', `grep -o '<figure class="chart">' ${join(work, 'demo-dist', 'planungsraum')}/*/index.html | wc -l`],
        { encoding: 'utf8' },
      ),
    ) /
      demo.unitPages) *
    2;
  const barePages = s.unitPages * 2;
  await writeBareProject(join(work, 'bare'), barePages, Math.max(1, Math.round(chartsPerPage / 2)));
  const bare = run<BareRun>('bare', join(work, 'bare'));
  console.log(
    `\nBare Astro: ${bare.htmlPages} pages with ${Math.round(chartsPerPage / 2)} Plot charts each in ${bare.seconds.toFixed(1)} s (${(bare.htmlPages / bare.seconds).toFixed(1)} pages/s, peak ${bare.maxRssMB.toFixed(0)} MB).`,
  );
  console.log(
    `Sozialatlas / bare Astro build time for ${synth.units} units: ${(s.seconds / bare.seconds).toFixed(2)}×`,
  );
  console.log(`Load (1/5/15 min) at the end: ${load()}.`);
} else {
  console.log(header);
  const rows: { units: number; r: SiteRun }[] = [];
  let last: { dir: string; name: string; r: SiteRun } | undefined;
  for (const n of [1000, 5000, 10000]) {
    const dir = join(work, `scale-${n}`);
    const synth = await writeSyntheticAtlas({
      dir,
      units: n,
      years: 10,
      indicators: 30,
      facilities: 2 * n,
      demoDir: PROJECT_ROOT,
    });
    const r = site(`scale-${n}`, dir);
    rows.push({ units: synth.units, r });
    last = { dir, name: `scale-${n}`, r };
    console.log(row(`synthetic, 30 ind., 10 years, ${synth.facilities} facilities`, synth.units, r));
  }
  const first = rows[0];
  if (first) {
    console.log('\nCost per HTML page (build seconds / pages), relative to the smallest atlas:');
    for (const { units, r } of rows)
      console.log(
        `  ${units} units, ${r.htmlPages} pages: ${((r.seconds / r.htmlPages) * 1000).toFixed(2)} ms per page (${(r.seconds / r.htmlPages / (first.r.seconds / first.r.htmlPages)).toFixed(2)}×), ${((r.seconds / units) * 1000).toFixed(1)} ms per unit`,
      );
  }
  if (last) {
    // Incremental: one facility file changes; the rebuild reuses the stage cache the full build left.
    const file = join(last.dir, 'content', 'facilities', 'einrichtung-000001.md');
    await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\n\nGeändert für den Benchmark.\n`);
    const warm = site(last.name, last.dir, false);
    const reused = Object.entries(warm.cache ?? {})
      .map(([k, c]) => `${k} ${c.hits}/${c.hits + c.misses}`)
      .join(', ');
    console.log(
      `\nRebuild after one facility file changed (${last.name}): ${warm.seconds.toFixed(1)} s instead of ${last.r.seconds.toFixed(1)} s; data stages ${dataSeconds(warm).toFixed(1)} s instead of ${dataSeconds(last.r).toFixed(1)} s (reused from the stage cache: ${reused}); Astro ${(warm.timings.astro ?? 0).toFixed(1)} s rendered ${warm.render.rendered} pages and took ${warm.render.taken} unchanged; checks ${(warm.timings.check ?? 0).toFixed(1)} s.`,
    );
  }
  console.log(`Load (1/5/15 min) at the end: ${load()}.`);
}

/**
 * Three rebuilds of the demo, `edit` before each (the same facility file changed once more): the run with the median
 * time, and the three times in the order run. Without an edit (an atlas without areas) nothing is built.
 */
async function rebuilds(
  edit: () => Promise<string | undefined>,
  demoDir: string,
): Promise<{ median: SiteRun; all: string }> {
  const runs: SiteRun[] = [];
  for (let i = 0; i < 3; i++) {
    if ((await edit()) === undefined) break;
    runs.push(site('demo', demoDir, false));
  }
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return {
    median: sorted[Math.floor(sorted.length / 2)] as SiteRun,
    all: runs.map((r) => `${r.seconds.toFixed(1)}`).join(', ') + ' s',
  };
}

/** The demo atlas's own files (not the code around them) into `dir`, fresh. */
async function copyDemoAtlas(from: string, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const f of ['atlas.yml', 'facilities.yml', 'imports.yml', 'published-urls.txt', 'data', 'content'])
    await cp(join(from, f), join(dir, f), { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
}

/** Appends a sentence to the body of the first facility file (as an editor's one-line fix would); returns its name. */
async function editOneFacility(dir: string): Promise<string> {
  const folder = join(dir, 'content', 'facilities');
  const name = (await readdir(folder)).filter((f) => f.endsWith('.md')).sort()[0] as string;
  await appendSentence(join(folder, name));
  return name;
}

/**
 * Edits the first facility (by id) that lies inside an area of an overlay layer, as the last build's
 * `build/areas/links.json` in `cacheDir` says; returns its file name, or undefined for an atlas without areas.
 */
async function editFacilityInArea(dir: string, cacheDir: string): Promise<string | undefined> {
  const links = await readFile(join(cacheDir, 'build', 'areas', 'links.json'), 'utf8').then(
    (t) => JSON.parse(t) as { byFacility: Record<string, unknown[]> },
    () => undefined,
  );
  const id = Object.keys(links?.byFacility ?? {}).sort()[0];
  if (!id) return undefined;
  await appendSentence(join(dir, 'content', 'facilities', `${id}.md`));
  return `${id}.md`;
}

async function appendSentence(file: string): Promise<void> {
  await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\n\nGeändert für den Benchmark.\n`);
}
