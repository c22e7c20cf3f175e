import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AtlasError, formatProblem, formatProblemLog } from '../lib/problems.ts';
import { sortLinkReport } from '../lib/links.ts';
import { settleLater } from '../lib/mapLimit.ts';
import { swapDirectory } from './effects.ts';
import { silentProgress, type Progress } from './progress.ts';
import { formatNumber } from '../lib/format.ts';
import { buildDate, runPipeline, type PipelineResult } from './build.ts';
import {
  checkChangedLinks,
  checkSiteLinks,
  readSiteUrl,
  startLinkStream,
  writeExternalLinksReport,
  type LinkStream,
} from './siteLinks.ts';
import { siteCodeFingerprint } from './stageCache.ts';
import {
  hashArtifacts,
  planRender,
  previousExternal,
  readPublished,
  siteManifest,
  linkFiles,
  writeSiteManifest,
  type RenderPlan,
  type RenderRecord,
} from './incremental.ts';
import { FileHashes } from './fileHashes.ts';
import { listFiles } from './listFiles.ts';
import { recycleTree, type RecycleCounts } from './recycleTree.ts';
import { pageFile } from '../lib/renderScope.ts';
import type { SiteManifest } from '../lib/renderPlan.ts';
import { writeOfflineBundle } from './offline.ts';
import { startAstroBuild, type AstroBuild } from './astroBuild.ts';
import { directoryAreaUrl, directoryTypeUrl } from '../lib/pages/directory.ts';
import { facilityUrl } from '../lib/pages/facilityPage.ts';
import { DIRECTORY_SEARCH_URL } from '../lib/pages/directorySearch.ts';
import { readAreaPageUrls } from './areaPageUrls.ts';
import { applyUrlRegistry } from './urlRegistry.ts';
import { readIndicatorPageUrls } from './indicatorPageUrls.ts';
import type { SiteData } from './stages/publish.ts';

/** The project root (where astro.config.mjs and src/pages live). */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface SiteBuildOptions {
  /** Atlas folder; default: the project root (the bundled demo atlas). */
  atlasDir?: string | undefined;
  /** Published output; default `dist/` in the atlas folder. Replaced only after a complete, checked build. */
  outDir?: string | undefined;
  /**
   * Cache for artifacts; default `.atlas/` in the atlas folder. The stage cache (reused between builds) lives beside
   * it, in `<cacheDir>-stages/`.
   */
  cacheDir?: string | undefined;
  /** A production build: placeholders and the example siteUrl are errors (see releaseChecks.ts). */
  production?: boolean | undefined;
  /** True: ignore and do not write the stage cache (a full rebuild, e.g. for the bench). */
  noStageCache?: boolean | undefined;
  log?: (m: string) => void;
  /**
   * Stage and counts for the editor (see progress.ts); `npm run build` passes a terminal progress line. Default:
   * stage names go nowhere, messages to `log`.
   */
  progress?: Progress | undefined;
}

export interface SiteBuildResult {
  pipeline: PipelineResult;
  /**
   * Seconds per stage: the pipeline's, then `plan`, `astro`, `cleared` (waiting for the removal of the output before
   * the published one), `take`, `public`, `offline`, `check` and `swap` of the site.
   */
  timings: Record<string, number>;
  pages: number;
  /** Pages Astro rendered, pages taken unchanged from the published site, and (incremental) changed artifacts. */
  render: { rendered: number; taken: number; changedArtifacts?: number; full?: string };
}

/**
 * Builds a whole atlas site: data pipeline, Astro pages, checks; then publishes `outDir` in one rename.
 * Throws AtlasError (with the problem log) on invalid input or a failed check: the old `outDir` stays.
 *
 * Steps (their seconds in `timings`): the data stages, `plan`, `astro` (with `take`), `offline`, `check`, `swap`.
 * What does not depend on the data stages starts with them and is awaited where needed: removing the site published
 * before last (`<outDir>.old`), reading the previous build's manifest and checking the published pages against it,
 * and the site code's hash.
 */
export async function buildSite(o: SiteBuildOptions = {}): Promise<SiteBuildResult> {
  const progress = o.progress ?? silentProgress(o.log ?? ((m: string) => process.stderr.write(`${m}\n`)));
  const log = (m: string) => progress.log(m);
  const atlasDir = resolve(o.atlasDir ?? PROJECT_ROOT);
  const { outDir, cacheDir } = defaultDirs(atlasDir, o);
  const stagesDir = o.noStageCache ? undefined : `${cacheDir}-stages`;
  const timings: Record<string, number> = {};

  const background = {
    published: settleLater(
      stagesDir ? readPublished(join(stagesDir, 'site-manifest.json'), outDir) : { why: 'ohne Zwischenspeicher' },
    ),
    siteCode: settleLater(stagesDir ? siteCodeFingerprint(PROJECT_ROOT) : ''),
    hashes: settleLater(FileHashes.open(stagesDir && join(stagesDir, 'file-hashes.json'))),
  };
  log(`Atlas: ${atlasDir}`);
  // Astro bundles the site beside the data stages and generates the pages after them (astroBuild.ts).
  const astro = startAstroBuild({
    root: PROJECT_ROOT,
    out: `${outDir}.tmp`,
    astroCacheDir: `${cacheDir}-astro`,
    // No usage data leaves the build machine (Astro records telemetry unless told not to).
    env: { SOZIALATLAS_CACHE: cacheDir, SOZIALATLAS_OUT_DIR: `${outDir}.tmp`, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let t = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const s = (now - t) / 1000;
    t = now;
    return s;
  };
  let pipeline: PipelineResult;
  let plan: RenderPlan;
  let pages: RenderedPages;
  let siteCode: string;
  let artifacts: Record<string, string>;
  let hashes: FileHashes;
  try {
    pipeline = await dataStages(o, { atlasDir, cacheDir, stagesDir, progress });
    Object.assign(timings, pipeline.timings);
    lap();
    siteCode = await background.siteCode;
    hashes = await background.hashes;
    artifacts = stagesDir ? await hashArtifacts(join(cacheDir, 'build'), hashes) : {};
    plan = planRender(await background.published, siteCode, artifacts);
    timings.plan = lap();
    pages = await renderPages({
      astro,
      plan,
      outDir,
      cacheDir,
      stagesDir,
      progress,
      timings,
      // A full build removes the output before last beside Astro; an incremental one recycles it (recycleTree.ts).
      cleared: plan.kind !== 'incremental' ? settleLater(removeFolder(`${outDir}.old`)) : undefined,
    });
    timings.astro = lap() - (timings.cleared ?? 0) - (timings.take ?? 0) - (timings.public ?? 0);
  } catch (e) {
    // Invalid input (or a failed step): the held Astro build stops before its first page.
    await astro.abort();
    throw e;
  }
  if (plan.kind === 'incremental')
    log(
      `Inkrementell: ${plan.changed.size} Artefakte geändert, ${pages.record.reads.size} Seiten neu erzeugt, ${pages.taken.length} unverändert übernommen.`,
    );
  else log(`Alle Seiten erzeugt (${plan.why}).`);
  const rc = pages.recycled;
  if (rc)
    log(
      `Ausgabe des vorletzten Builds wiederverwendet: ${rc.kept} Dateien behalten, ${rc.removed} entfernt, ${rc.linked} verlinkt, ${rc.moved} von Astro übernommen.`,
    );

  let files: Set<string>;
  let external: { page: string; href: string }[];
  try {
    // One listing of the new site serves every later step; each adds the files it writes.
    files = new Set(await listFiles(pages.out));
    progress.stage('offline');
    const offline = await writeOfflineBundle(pages.out, cacheDir, {
      gzipSizes: stagesDir && join(stagesDir, 'offline-gzip-sizes.json'),
      files: [...files],
    });
    for (const f of offline?.written ?? []) files.add(f);
    if (offline)
      log(
        `Offline-Paket: ${offline.manifests.map((m) => `${m.lang} ${m.files.length} Dateien, ${(m.bytes / 1e6).toFixed(1)} MB (Download ${(m.transferBytes / 1e6).toFixed(1)} MB)`).join('; ')}.`,
      );
    timings.offline = lap();

    progress.stage('check');
    external = await checkSite({ atlasDir, outDir, cacheDir, plan, pages, files, log });
    timings.check = lap();
  } finally {
    await pages.stream?.close();
  }

  // The output before the published one is gone already: removed, or recycled as this output (takeAndLink).
  await swapDirectory(pages.out, outDir, { keepOld: true });
  if (stagesDir) {
    const manifest = await siteManifest({
      siteCode,
      artifacts,
      reads: pageReads(plan, pages),
      outDir,
      external,
      known: plan.kind === 'incremental' ? pickPages(plan.previous, pages.taken) : undefined,
      files: [...files].sort(),
    });
    await writeSiteManifest(join(stagesDir, 'site-manifest.json'), manifest);
    await hashes.save();
  }
  timings.swap = lap();
  progress.end();
  log(`Veröffentlicht: ${outDir}`);
  return {
    pipeline,
    timings,
    pages: pipeline.pages,
    render:
      plan.kind === 'incremental'
        ? { rendered: pages.record.reads.size, taken: pages.taken.length, changedArtifacts: plan.changed.size }
        : { rendered: pages.record.reads.size, taken: 0, full: plan.why },
  };
}

/**
 * Removes a folder beside the build. Off Windows in a child process (`rm -rf`): Node's own removal queues tens of
 * thousands of operations in the file system threads, and the data stages' reads would wait behind them. The child
 * runs at the build's own priority: at the lowest (`nice -n 19`, as before 7 December 2026) it got no time while the
 * data stages kept both cores busy and then removed the old pages just when the build linked the new ones, which
 * took 2 to 4 s instead of 0.7 s in a rebuild of the demo.
 */
async function removeFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return rm(dir, { recursive: true, force: true });
  await promisify(execFile)('rm', ['-rf', '--', dir]);
}

/** The data pipeline with its log lines; throws AtlasError when the input has errors (nothing is published). */
async function dataStages(
  o: SiteBuildOptions,
  d: { atlasDir: string; cacheDir: string; stagesDir: string | undefined; progress: Progress },
): Promise<PipelineResult> {
  const log = (m: string) => d.progress.log(m);
  const pipeline = await runPipeline({
    atlasDir: d.atlasDir,
    cacheDir: d.cacheDir,
    projectPublicDir: join(PROJECT_ROOT, 'public'),
    log,
    stageCacheDir: d.stagesDir,
    projectRoot: PROJECT_ROOT,
    today: buildDate(),
    workers: availableParallelism(),
    production: o.production,
    progress: d.progress,
  });
  if (pipeline.log.problems.length > 0 || pipeline.log.skipped.length > 0) log(formatProblemLog(pipeline.log));
  if (!o.production && (pipeline.release?.length ?? 0) > 0) {
    log('Vor einer Veröffentlichung auszufüllen (npm run build -- --production bricht sonst ab):');
    for (const p of pipeline.release ?? []) log(formatProblem(p));
  }
  if (pipeline.log.hasErrors) {
    throw new AtlasError(
      `Eingabedaten fehlerhaft: ${pipeline.log.errors.length} Fehler. Nichts wurde veröffentlicht.`,
      { log: pipeline.log },
    );
  }
  log(
    `Daten aufbereitet: ${pipeline.pages} Gebietsseiten (${fmt(Object.values(pipeline.timings).reduce((a, b) => a + b, 0))} s).`,
  );
  const reused = Object.entries(pipeline.cache ?? {})
    .filter(([, c]) => c.hits + c.misses > 0)
    .map(([k, c]) => `${k} ${c.hits}/${c.hits + c.misses}`);
  if (reused.length > 0) log(`Aus dem Zwischenspeicher (${d.stagesDir}) wiederverwendet: ${reused.join(', ')}.`);
  if (pipeline.reusedFiles)
    log(`Aus dem letzten Build übernommen (unverändert): ${pipeline.reusedFiles} Dateien in ${d.cacheDir}.`);
  if (pipeline.unitThreads)
    log(
      `Gebietsseiten berechnet: ${pipeline.unitThreads.threads} in Threads, ${pipeline.unitThreads.main} im Hauptthread.`,
    );
  return pipeline;
}

/** What {@link renderPages} left in `out` (`<outDir>.tmp`): pages rendered (with their reads) and pages taken. */
interface RenderedPages {
  out: string;
  record: RenderRecord;
  /** Urls of the pages taken unchanged from the published site. */
  taken: string[];
  /** Their files (relative to `out`). */
  unchanged: Set<string>;
  /** What the incremental build did with the output before last (recycleTree.ts). */
  recycled: RecycleCounts | undefined;
  /** The link check begun while Astro wrote the pages (a full build), for {@link checkSite}. */
  stream: LinkStream | undefined;
}

/**
 * Astro renders the pages `plan` asks for into `<outDir>.tmp` (README "Incremental builds"), recording each page's
 * reads; the other pages are taken from the published site (`take` in `timings`).
 */
async function renderPages(r: {
  astro: AstroBuild;
  /** A full build's removal of the output before the published one (awaited before the public folder is linked). */
  cleared: Promise<void> | undefined;
  plan: RenderPlan;
  outDir: string;
  cacheDir: string;
  stagesDir: string | undefined;
  progress: Progress;
  timings: Record<string, number>;
}): Promise<RenderedPages> {
  const { plan, progress } = r;
  const out = `${r.outDir}.tmp`;
  const previous = plan.kind === 'incremental' ? plan.previous : undefined;
  progress.stage('astro');
  // src/middleware.ts counts each page Astro renders; the total is the previous build's (an estimate) if known.
  const countFile = r.stagesDir && !previous ? `${r.stagesDir}/html-pages.json` : undefined;
  const expected = countFile ? await readPageCount(countFile) : undefined;
  let rendered = 0;
  // A full build checks the links of each page while Astro writes the next (one core renders, another checks): Astro
  // writes one page after the other, each once it is rendered, so when a page has been rendered the one before it
  // has been written. A page read too early, or not at all, is checked after the build (siteLinks.ts).
  const stream =
    previous || availableParallelism() < 2
      ? undefined
      : startLinkStream(out, { siteUrl: await readSiteUrl(join(r.cacheDir, 'public')) });
  let last: string | undefined;
  try {
    // The Astro thread renders the pages (astroBuild.ts) and reports each one's url as src/middleware.ts counts it.
    const record = await r.astro.generate({
      ...(plan.kind === 'incremental' ? { previous: Object.keys(plan.previous.pages), render: [...plan.render] } : {}),
      onPage: (url) => {
        progress.count('Seiten', ++rendered, expected, true);
        if (!stream) return;
        if (last !== undefined) stream.add(last);
        last = pageFile(url);
      },
    });
    if (last !== undefined) stream?.add(last);
    if (countFile) await writePageCount(countFile, rendered);
    return { ...(await takeAndLink(r, out, previous, record)), stream };
  } catch (e) {
    await stream?.close();
    throw e;
  }
}

/**
 * After Astro: the pages taken unchanged from the published site, and the public folder linked in. An incremental
 * build recycles the output before last as the new output (recycleTree.ts: it holds most of those links already) and
 * moves Astro's files into it; a full build links the public folder beside Astro's pages.
 */
async function takeAndLink(
  r: {
    outDir: string;
    cacheDir: string;
    timings: Record<string, number>;
    cleared: Promise<void> | undefined;
  },
  out: string,
  previous: SiteManifest | undefined,
  record: RenderRecord,
): Promise<Omit<RenderedPages, 'stream'>> {
  const publicDir = join(r.cacheDir, 'public');
  if (!previous) {
    const w = performance.now();
    await r.cleared;
    r.timings.cleared = (performance.now() - w) / 1000;
    // The public folder (the downloads: 118 MB in the demo, 728 MB at 5,000 units) is linked, not copied by Vite.
    const t0 = performance.now();
    await linkPublicFiles(publicDir, out);
    r.timings.public = (performance.now() - t0) / 1000;
    return { out, record, taken: [], unchanged: new Set(), recycled: undefined };
  }
  const t = performance.now();
  const taken = Object.keys(previous.pages).filter((url) => record.offered.has(url) && !record.reads.has(url));
  const unchanged = new Set(taken.map(pageFile));
  const [rendered, published] = await Promise.all([listFiles(out), listFiles(publicDir).catch(() => [])]);
  const renderedSet = new Set(rendered);
  checkPublicFiles(published, (f) => unchanged.has(f) || renderedSet.has(f));
  const shared = new Map<string, string>();
  for (const f of unchanged) shared.set(f, r.outDir);
  for (const f of published) shared.set(f, publicDir);
  const tree = `${r.outDir}.old`;
  const recycled = await recycleTree({ tree, shared, fresh: out, freshFiles: rendered });
  await rm(out, { recursive: true, force: true });
  await rename(tree, out);
  r.timings.take = (performance.now() - t) / 1000;
  return { out, record, taken, unchanged, recycled };
}

/**
 * Links every file of the public folder (the pipeline's downloads and the project's public/) into the new output,
 * which holds the pages: a link shares the file, and nothing writes into them afterwards (a pipeline writes a new
 * cache folder). A file that is also a page is an error, where Astro would have skipped the page with a warning.
 */
export async function linkPublicFiles(publicDir: string, out: string): Promise<void> {
  const files = await listFiles(publicDir).catch(() => []);
  checkPublicFiles(files, (f) => existsSync(join(out, f)));
  await linkFiles(publicDir, out, files);
}

/** Throws AtlasError when files of the public folder are pages as well (`isPage`), naming some. */
function checkPublicFiles(files: readonly string[], isPage: (file: string) => boolean): void {
  const both = files.filter(isPage);
  if (both.length > 0)
    throw new AtlasError(
      `${both.length} Adressen sind eine Seite und eine Datei des Ordners public/ zugleich, z. B. ${both.slice(0, 3).join(', ')}. Nichts wurde veröffentlicht. Hinweis: die Dateien in public/ umbenennen.`,
    );
}

/**
 * The checks of the new site before it is published: every page it must have, the published addresses and
 * redirects (urlRegistry.ts), the links (all, or in an incremental build those that can have changed); writes the
 * external links report. Throws AtlasError when one fails. Returns the site's external links.
 */
async function checkSite(c: {
  atlasDir: string;
  outDir: string;
  cacheDir: string;
  plan: RenderPlan;
  pages: RenderedPages;
  files: Set<string>;
  log: (m: string) => void;
}): Promise<{ page: string; href: string }[]> {
  const { atlasDir, cacheDir, plan, pages, files, log } = c;
  const missing = await missingUnitPages(cacheDir, files);
  if (missing.length > 0) {
    throw new AtlasError(
      `Build unvollständig: ${missing.length} Seiten fehlen, z. B. ${missing.slice(0, 3).join(', ')}. Nichts wurde veröffentlicht.`,
    );
  }
  const registry = await applyUrlRegistry(atlasDir, pages.out, cacheDir, [...files].sort());
  for (const f of registry.written) files.add(f);
  const unlisted = registry.check?.unlisted ?? [];
  if (unlisted.length > 0)
    log(
      `${unlisted.length} Adressen noch nicht in ${join(atlasDir, 'published-urls.txt')} (z. B. ${unlisted.slice(0, 3).join(', ')}): nach der Prüfung mit npm run urls aufnehmen.`,
    );
  const sorted = [...files].sort();
  const previous = plan.kind === 'incremental' ? plan.previous : undefined;
  const links = previous
    ? await checkChangedLinks(c.outDir, pages.out, pages.unchanged, {
        workers: availableParallelism(),
        files: sorted,
        before: previous.files,
      })
    : {
        ...(await checkSiteLinks(pages.out, { workers: availableParallelism(), files: sorted, stream: pages.stream })),
        all: 'voller Build',
      };
  if (previous && links.all) log(`Alle Links geprüft: ${links.all}.`);
  if (pages.stream?.settled)
    log(
      `Links von ${formatNumber(pages.stream.settled, 0, 'de')} Seiten schon geprüft, während Astro die nächsten schrieb.`,
    );
  const external =
    previous && !links.all
      ? sortLinkReport([], [...previousExternal(previous, new Set(pages.taken)), ...links.external]).external
      : links.external;
  await writeExternalLinksReport(pages.out, external, join(cacheDir, 'external-links.txt'));
  if (links.broken.length > 0) {
    for (const l of links.broken.slice(0, 20)) log(`  ${l.page}: "${l.href}" – ${l.reason}`);
    throw new AtlasError(
      `Build fehlerhaft: ${links.broken.length} defekte interne Links oder Anker. Nichts wurde veröffentlicht.`,
    );
  }
  return external;
}

/** Every page's reads: those recorded in this build, and for pages taken unchanged, those of the previous build. */
function pageReads(plan: RenderPlan, pages: RenderedPages): Map<string, ReadonlySet<string>> {
  const reads = new Map<string, ReadonlySet<string>>(pages.record.reads);
  if (plan.kind !== 'incremental') return reads;
  const { previous } = plan;
  for (const url of pages.taken) {
    const page = previous.pages[url];
    if (page) reads.set(url, new Set(page.reads.map((i) => previous.paths[i] as string)));
  }
  return reads;
}

/** The previous manifest's size and time of the pages `urls` (a hard link keeps both). */
function pickPages(previous: SiteManifest, urls: readonly string[]): Record<string, { size: number; mtimeMs: number }> {
  const known: Record<string, { size: number; mtimeMs: number }> = {};
  for (const url of urls) {
    const page = previous.pages[url];
    if (page) known[url] = page;
  }
  return known;
}

/** The number of pages the previous build rendered, if it left one (only an estimate for this build). */
async function readPageCount(file: string): Promise<number | undefined> {
  try {
    const n = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return typeof n === 'number' && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

async function writePageCount(file: string, n: number): Promise<void> {
  if (n === 0) return; // pages rendered elsewhere (a build without the middleware) say nothing
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(n));
}

/**
 * Output and cache folders: given ones, else `dist/` and `.atlas/` inside the atlas folder (for the bundled demo,
 * the atlas folder is the project root).
 */
export function defaultDirs(
  atlasDir: string,
  o: { outDir?: string | undefined; cacheDir?: string | undefined } = {},
): { outDir: string; cacheDir: string } {
  return {
    outDir: resolve(o.outDir ?? join(atlasDir, 'dist')),
    cacheDir: resolve(o.cacheDir ?? join(atlasDir, '.atlas')),
  };
}

/** Unit pages, and with a directory its pages (de and en), that the site should have but `files` does not hold. */
async function missingUnitPages(cacheDir: string, files: ReadonlySet<string>): Promise<string[]> {
  const site = JSON.parse(await readFile(join(cacheDir, 'build', 'site.json'), 'utf8')) as Pick<
    SiteData,
    'units' | 'facilities'
  >;
  const f = site.facilities;
  const urls = [
    ...site.units.map((u) => u.url),
    ...(f
      ? [
          '/einrichtungen/',
          DIRECTORY_SEARCH_URL,
          ...f.items.map((i) => facilityUrl(i.id)),
          ...f.typesUsed.map(directoryTypeUrl),
          ...f.areas.map(directoryAreaUrl),
        ]
      : []),
    ...(await readAreaPageUrls(cacheDir)),
    ...(await readIndicatorPageUrls(cacheDir)),
  ];
  return urls
    .flatMap((url) => ['', '/en'].map((prefix) => `${prefix}${url}`))
    .filter((url) => !files.has(pageFile(url)));
}

function fmt(s: number): string {
  return s.toFixed(1);
}
