import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AtlasError, formatProblem, formatProblemLog } from '../lib/problems.ts';
import { sortLinkReport } from '../lib/links.ts';
import { mapLimit } from '../lib/mapLimit.ts';
import { swapDirectory } from './effects.ts';
import { silentProgress, type Progress } from './progress.ts';
import { PAGE_COUNTER, type PageCounterHost } from '../lib/progress.ts';
import { buildDate, runPipeline, type PipelineResult } from './build.ts';
import { checkChangedLinks, checkSiteLinks, writeExternalLinksReport } from './siteLinks.ts';
import { RENDER_SCOPE, type RenderScopeHost } from '../lib/renderScope.ts';
import { siteCodeFingerprint } from './stageCache.ts';
import {
  createRenderScope,
  hashArtifacts,
  planRender,
  previousExternal,
  readSiteManifest,
  siteManifest,
  takeUnchangedPages,
  writeSiteManifest,
  type RenderPlan,
} from './incremental.ts';
import { writeOfflineBundle } from './offline.ts';
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
  /** Seconds per stage: the pipeline's, then `plan`, `astro`, `take`, `offline`, `check` and `swap` of the site. */
  timings: Record<string, number>;
  pages: number;
  /** Pages Astro rendered, pages taken unchanged from the published site, and (incremental) changed artifacts. */
  render: { rendered: number; taken: number; changedArtifacts?: number; full?: string };
}

/**
 * Builds a whole atlas site: data pipeline, Astro pages, checks; then publishes `outDir` in one rename.
 * Throws AtlasError (with the problem log) on invalid input or a failed check: the old `outDir` stays.
 */
export async function buildSite(o: SiteBuildOptions = {}): Promise<SiteBuildResult> {
  const progress = o.progress ?? silentProgress(o.log ?? ((m: string) => process.stderr.write(`${m}\n`)));
  const log = (m: string) => progress.log(m);
  const atlasDir = resolve(o.atlasDir ?? PROJECT_ROOT);
  const { outDir, cacheDir } = defaultDirs(atlasDir, o);
  const tmpOut = `${outDir}.tmp`;
  const timings: Record<string, number> = {};

  log(`Atlas: ${atlasDir}`);
  const pipeline = await runPipeline({
    atlasDir,
    cacheDir,
    projectPublicDir: join(PROJECT_ROOT, 'public'),
    log,
    stageCacheDir: o.noStageCache ? undefined : `${cacheDir}-stages`,
    projectRoot: PROJECT_ROOT,
    today: buildDate(),
    workers: availableParallelism(),
    production: o.production,
    progress,
  });
  Object.assign(timings, pipeline.timings);
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
  if (reused.length > 0) log(`Aus dem Zwischenspeicher (${cacheDir}-stages) wiederverwendet: ${reused.join(', ')}.`);
  if (pipeline.reusedFiles)
    log(`Aus dem letzten Build übernommen (unverändert): ${pipeline.reusedFiles} Dateien in ${cacheDir}.`);

  const t0 = performance.now();
  // Incremental (README "Incremental builds"): with the stage cache, pages whose artifacts did not change since the
  // published build are taken from it instead of being rendered again.
  const stagesDir = o.noStageCache ? undefined : `${cacheDir}-stages`;
  const manifestFile = stagesDir ? join(stagesDir, 'site-manifest.json') : undefined;
  const siteCode = await siteCodeFingerprint(PROJECT_ROOT);
  const artifacts = manifestFile ? await hashArtifacts(join(cacheDir, 'build')) : {};
  const plan: RenderPlan = manifestFile
    ? await planRender(await readSiteManifest(manifestFile), siteCode, artifacts, outDir)
    : { kind: 'full', why: 'ohne Zwischenspeicher' };
  timings.plan = (performance.now() - t0) / 1000;
  const previous = plan.kind === 'incremental' ? plan.previous : undefined;
  const { scope, record } = createRenderScope(
    plan.kind === 'incremental' ? (url) => !(url in plan.previous.pages) || plan.render.has(url) : undefined,
  );
  await rm(tmpOut, { recursive: true, force: true });
  process.env.SOZIALATLAS_CACHE = cacheDir;
  process.env.SOZIALATLAS_OUT_DIR = tmpOut;
  // No usage data leaves the build machine (Astro records telemetry unless told not to).
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  progress.stage('astro');
  // src/middleware.ts counts each page Astro renders; the total is the previous build's (an estimate) if known.
  const countFile = stagesDir && !previous ? `${stagesDir}/html-pages.json` : undefined;
  const expected = countFile ? await readPageCount(countFile) : undefined;
  let rendered = 0;
  const g = globalThis as PageCounterHost;
  g[PAGE_COUNTER] = () => progress.count('Seiten', ++rendered, expected, true);
  const h = globalThis as RenderScopeHost;
  h[RENDER_SCOPE] = scope;
  const { build } = await import('astro');
  try {
    await build({ root: PROJECT_ROOT, outDir: tmpOut, logLevel: 'warn' });
  } finally {
    g[PAGE_COUNTER] = undefined;
    h[RENDER_SCOPE] = undefined;
  }
  const taken = previous
    ? Object.keys(previous.pages).filter((url) => record.offered.has(url) && !record.reads.has(url))
    : [];
  const tTake = performance.now();
  const unchanged = await takeUnchangedPages(outDir, tmpOut, taken);
  timings.take = (performance.now() - tTake) / 1000;
  if (plan.kind === 'incremental')
    log(
      `Inkrementell: ${plan.changed.size} Artefakte geändert, ${record.reads.size} Seiten neu erzeugt, ${taken.length} unverändert übernommen.`,
    );
  else log(`Alle Seiten erzeugt (${plan.why}).`);
  if (countFile) await writePageCount(countFile, rendered);
  timings.astro = (performance.now() - t0) / 1000 - timings.plan - timings.take;
  const tOffline = performance.now();
  progress.stage('offline');
  const offline = await writeOfflineBundle(tmpOut, cacheDir, {
    gzipSizes: stagesDir && join(stagesDir, 'offline-gzip-sizes.json'),
  });
  if (offline)
    log(
      `Offline-Paket: ${offline.manifests.map((m) => `${m.lang} ${m.files.length} Dateien, ${(m.bytes / 1e6).toFixed(1)} MB (Download ${(m.transferBytes / 1e6).toFixed(1)} MB)`).join('; ')}; ${offline.facilities} Einträge kompakt.`,
    );

  timings.offline = (performance.now() - tOffline) / 1000;
  const t1 = performance.now();
  progress.stage('check');
  const missing = await missingUnitPages(cacheDir, tmpOut);
  if (missing.length > 0) {
    throw new AtlasError(
      `Build unvollständig: ${missing.length} Seiten fehlen, z. B. ${missing.slice(0, 3).join(', ')}. Nichts wurde veröffentlicht.`,
    );
  }
  const registry = await applyUrlRegistry(atlasDir, tmpOut, cacheDir);
  if (registry && registry.unlisted.length > 0)
    log(
      `${registry.unlisted.length} Adressen noch nicht in ${join(atlasDir, 'published-urls.txt')} (z. B. ${registry.unlisted.slice(0, 3).join(', ')}): nach der Prüfung mit npm run urls aufnehmen.`,
    );
  const links = previous
    ? await checkChangedLinks(outDir, tmpOut, unchanged, { workers: availableParallelism() })
    : { ...(await checkSiteLinks(tmpOut, { workers: availableParallelism() })), all: 'voller Build' };
  if (previous && links.all) log(`Alle Links geprüft: ${links.all}.`);
  const takenUrls = new Set(taken);
  const external =
    previous && !links.all
      ? sortLinkReport([], [...previousExternal(previous, takenUrls), ...links.external]).external
      : links.external;
  await writeExternalLinksReport(tmpOut, external, join(cacheDir, 'external-links.txt'));
  if (links.broken.length > 0) {
    for (const l of links.broken.slice(0, 20)) log(`  ${l.page}: "${l.href}" – ${l.reason}`);
    throw new AtlasError(
      `Build fehlerhaft: ${links.broken.length} defekte interne Links oder Anker. Nichts wurde veröffentlicht.`,
    );
  }
  timings.check = (performance.now() - t1) / 1000;
  const tPublish = performance.now();
  await swapDirectory(tmpOut, outDir);
  if (manifestFile) {
    const reads = new Map<string, ReadonlySet<string>>(record.reads);
    const known: Record<string, { size: number; mtimeMs: number }> = {};
    for (const url of taken) {
      const page = previous?.pages[url];
      if (!page) continue;
      reads.set(url, new Set(page.reads.map((i) => previous.paths[i] as string)));
      known[url] = page;
    }
    await writeSiteManifest(manifestFile, await siteManifest({ siteCode, artifacts, reads, outDir, external, known }));
  }
  timings.swap = (performance.now() - tPublish) / 1000;
  progress.end();
  log(`Veröffentlicht: ${outDir}`);
  return {
    pipeline,
    timings,
    pages: pipeline.pages,
    render:
      plan.kind === 'incremental'
        ? { rendered: record.reads.size, taken: taken.length, changedArtifacts: plan.changed.size }
        : { rendered: record.reads.size, taken: 0, full: plan.why },
  };
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

/** Unit pages, and with a directory its pages (de and en), that the site should have but the build did not write. */
async function missingUnitPages(cacheDir: string, out: string): Promise<string[]> {
  const { readFile } = await import('node:fs/promises');
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
  const wanted = urls.flatMap((url) => ['', '/en'].map((prefix) => `${prefix}${url}`));
  const found = await mapLimit(wanted, 64, (url) =>
    access(join(out, url, 'index.html')).then(
      () => true,
      () => false,
    ),
  );
  const missing = wanted.filter((_, i) => !found[i]);
  return missing;
}

function fmt(s: number): string {
  return s.toFixed(1);
}
