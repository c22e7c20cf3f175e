import { deriveValues, type AggregationCheck } from '../lib/indicators/derive.ts';
import { ProblemLog, type Problem } from '../lib/problems.ts';
import { findReleaseBlockers, type ReleaseText } from '../lib/releaseChecks.ts';
import type { AtlasConfig } from '../schemas/atlasConfig.ts';
import { FileEffects, type Effects } from './effects.ts';
import { OutputReuse, takeOrMake } from './outputReuse.ts';
import { readLevels } from './stages/boundaries.ts';
import { CONFIG_FILE, loadConfig, yamlLines } from './stages/config.ts';
import { checkBreakData } from '../lib/indicators/breaks.ts';
import { readAssessments } from './stages/assessments.ts';
import { FACILITIES_DIR, readFacilities, type FacilitiesResult } from './stages/facilities.ts';
import { codeFingerprint, hashParts, StageCache } from './stageCache.ts';
import { startUnitWorkers, type UnitWorkers } from './unitWorkers.ts';
import { unitSections, writeUnitFiles } from './stages/publishUnit.ts';
import type { Progress } from './progress.ts';
import { FACILITIES_FILE } from './stages/config.ts';
import { fileURLToPath } from 'node:url';
import { publish } from './stages/publish.ts';
import { deriveIndices } from './stages/indices.ts';
import { publishIndices } from './stages/publishIndices.ts';
import { readOverlays, type OverlaysResult } from './stages/overlays.ts';
import { publishOverlays } from './stages/publishOverlays.ts';
import { facilitiesDataDate } from '../lib/facilities/dataDate.ts';
import { publishFacilities } from './stages/publishFacilities.ts';
import { publishFacilityMaps } from './stages/publishFacilityMaps.ts';
import { publishPlaceIndex, publishSearch } from './stages/publishSearch.ts';
import { buildSearchIndex } from '../lib/facilities/searchRecord.ts';
import { publishIndicators } from './stages/publishIndicators.ts';
import { render } from './stages/render.ts';
import { MemoStore } from './memoStore.ts';
import type { FacilityLocator } from '../lib/charts/facilityLocator.ts';
import type { AtlasTopology } from '../lib/geo/topology.ts';
import { publishDataPackage, publishEditors } from './stages/publishEditors.ts';
import { checkReleases } from '../lib/releases/checkReleases.ts';
import { readTables, type TableReport } from './stages/tables.ts';
import { packBoundaries, readDerived, unpackBoundaries, writeDerived } from './derivedMemo.ts';
import { ValueStore } from '../lib/indicators/store.ts';
import { readSchemes } from './stages/schemes.ts';
import { linksToJson } from '../lib/schemes/links.ts';

export interface PipelineOptions {
  /** The atlas folder (atlas.yml, data/, content/). */
  atlasDir: string;
  /** Where artifacts go: build/ for the pages, public/ for static files and downloads. */
  cacheDir: string;
  /** The project's own public/ folder, copied below the downloads. */
  projectPublicDir?: string | undefined;
  log?: (message: string) => void;
  /** Validate only: run every reading stage and the derivation, write nothing. */
  validateOnly?: boolean | undefined;
  /**
   * Folder of the stage cache (see stageCache.ts), kept between builds: with it, facility files and unit page models
   * whose inputs and code are unchanged are reused instead of recomputed. Undefined: no cache.
   */
  stageCacheDir?: string | undefined;
  /** The project root, whose code is part of every cache key (default: two folders above this file). */
  projectRoot?: string | undefined;
  /**
   * The build's date, YYYY-MM-DD: facility entries are stale when `lastConfirmed` is older than `staleAfterDays`
   * before it. Default: the atlas's `dataDate` (so tests do not depend on the clock); `npm run build` passes
   * {@link buildDate}.
   */
  today?: string | undefined;
  /**
   * A production build: placeholders of the templates (`[… eintragen]`) in the legal texts, notes and atlas.yml,
   * and the example `siteUrl`, are errors (see releaseChecks.ts). Otherwise they are returned as `release` warnings.
   */
  production?: boolean | undefined;
  /**
   * Threads that render unit page models while the main thread reads the facilities (needs `stageCacheDir`;
   * see unitWorkers.ts). Default 1: no extra threads. `npm run build` passes the machine's cores.
   */
  workers?: number | undefined;
  /**
   * All reading of the atlas folder and writing of artifacts (tests pass {@link MemoryEffects}). Default: FileEffects
   * reading `atlasDir` and writing to the staging folder `<cacheDir>.staging`, which replaces `cacheDir` at the end.
   */
  effects?: Effects | undefined;
  /** Stage and counts for the editor's terminal (see progress.ts); default: nothing shown. */
  progress?: Progress | undefined;
}

export interface PipelineResult {
  log: ProblemLog;
  /** Seconds per stage, for `npm run bench` and the build output. */
  timings: Record<string, number>;
  /** Unit pages per language. */
  pages: number;
  /** Facility pages per language (0 without a directory). */
  facilityPages?: number | undefined;
  /** Published figures compared with computed ones (after the derive stage). */
  checks?: AggregationCheck[] | undefined;
  /** Stage cache use per namespace, e.g. `{ facilities: { hits: 6757, misses: 1 } }`; empty without a cache. */
  cache?: Record<string, { hits: number; misses: number }> | undefined;
  /** Artifact files taken over from the previous build instead of written (see outputReuse.ts). */
  reusedFiles?: number | undefined;
  /** What must be filled in before the site goes public (warnings; errors in the log for a production build). */
  release?: Problem[] | undefined;
  /** Unit page models rendered by the unit worker threads and by the main thread, when threads ran. */
  unitThreads?: { threads: number; main: number; written: ReadonlySet<string> } | undefined;
}

/**
 * Runs the data pipeline: config → boundaries → tables → facilities → assessments → overlays → derive → indices →
 * render → publish (with publishFacilities, publishFacilityMaps, publishSearch, publishOverlays, publishIndicators,
 * publishIndices and publishEditors before the last step).
 * Validation stages run to the end and collect every problem; nothing is written when any stage
 * reported an error (the previous artifacts stay as they were).
 */
export async function runPipeline(o: PipelineOptions): Promise<PipelineResult> {
  const log = new ProblemLog();
  const timings: Record<string, number> = {};
  const fx: Effects = o.effects ?? new FileEffects(o.atlasDir, `${o.cacheDir}.staging`, o.log);
  const time = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    o.progress?.stage(name);
    const t0 = performance.now();
    const r = await f();
    timings[name] = (performance.now() - t0) / 1000;
    return r;
  };
  const config = await time('config', () => loadConfig(fx, log));
  if (!config) return { log, timings, pages: 0 };
  const release = await releaseBlockers(config, fx, o.production === true);
  if (o.production) for (const p of release) log.error(p);
  const caches = o.stageCacheDir
    ? {
        // Thousands of small entries, one per facility file: kept in one file (packed).
        facilities: new StageCache(o.stageCacheDir, 'facilities', true),
        units: new StageCache(o.stageCacheDir, 'units'),
        overlays: new StageCache(o.stageCacheDir, 'overlays'),
        indicators: new StageCache(o.stageCacheDir, 'indicators'),
        topologies: new StageCache(o.stageCacheDir, 'topologies'),
        areaMaps: new StageCache(o.stageCacheDir, 'areaMaps'),
        overlayPages: new StageCache(o.stageCacheDir, 'overlayPages'),
        // Only an atlas with two schemes has links to keep.
        ...(config.schemes.length >= 2 ? { schemes: new StageCache(o.stageCacheDir, 'schemes') } : {}),
      }
    : undefined;
  const salt = caches
    ? await time('fingerprint', () =>
        inputFingerprint(fx, o.projectRoot ?? fileURLToPath(new URL('../..', import.meta.url))),
      )
    : '';
  // Boundaries, tables and the values derived from them do not depend on the facilities: kept under `salt`
  // (derivedMemo.ts). Their problems are reported again where the stages would have reported them.
  const derivedKey = hashParts([salt, 'derived']);
  const atBoundaries = { problems: log.problems.length, skipped: log.skipped.length };
  const { kept, boundaries, packedBoundaries } = await time('boundaries', async () => {
    const kept = o.stageCacheDir ? await readDerived(o.stageCacheDir, derivedKey) : undefined;
    if (kept) {
      log.problems.push(...kept.boundaryProblems);
      log.skipped.push(...kept.boundarySkips);
      return { kept, boundaries: unpackBoundaries(kept.boundaries), packedBoundaries: kept.boundaries };
    }
    const boundaries = await readLevels(config, fx, log);
    // As read: later stages must not change what a later build takes.
    return { kept, boundaries, packedBoundaries: o.stageCacheDir ? packBoundaries(boundaries) : undefined };
  });
  const boundaryProblems = log.problems.slice(atBoundaries.problems);
  const boundarySkips = log.skipped.slice(atBoundaries.skipped);
  const boundaryErrors = log.errors.length;
  const before = { problems: log.problems.length, skipped: log.skipped.length };
  // `let`: the cells are dropped once the values are derived (230 MB at 5,000 units, 30 indicators and 10 years).
  let { tables } = await time('tables', async () => {
    if (kept) {
      log.problems.push(...kept.problems);
      log.skipped.push(...kept.skipped);
      return { tables: undefined };
    }
    const tables = await readTables(config, boundaries.units, fx, log, boundaries);
    // Breaks name units and years: checked once the boundaries and tables are read, and only when every level could
    // be read (a failed level would make every unit and year of a break look unknown: one line instead).
    if (boundaries.failed.size === 0)
      checkBreakData(
        config,
        boundaries.units,
        tables.cells,
        log,
        CONFIG_FILE,
        yamlLines(await fx.readText(CONFIG_FILE)),
      );
    else if (config.breaks.length > 0 || config.indicators.some((i) => i.breaks.length > 0))
      log.skip({
        file: CONFIG_FILE,
        message: `die Brüche (breaks), weil die Grenzen der Ebene ${[...boundaries.failed.keys()].join(', ')} nicht gelesen werden konnten.`,
      });
    return { tables };
  });
  const tableReport: TableReport | undefined =
    kept?.report ?? (tables && { excluded: tables.excluded, assumed: tables.assumed, rows: tables.rows });
  if (!tableReport) throw new Error('tables neither read nor kept');
  /** What the table and break checks reported (kept with the derived values). */
  const tableProblems = log.problems.slice(before.problems);
  const tableSkips = log.skipped.slice(before.skipped);
  const schemes = await time('schemes', () =>
    readSchemes(config, boundaries, fx, log, {
      link: boundaryErrors === 0 && !o.validateOnly,
      cache: caches && 'schemes' in caches ? caches.schemes : undefined,
      cacheSalt: salt,
    }),
  );
  /** How far the unit workers are (their last report), shown while the main thread waits for them. */
  const unitCounts: { done: number; total?: number } = { done: 0 };
  /** Started once the values are derived and kept (derivedMemo.ts), which the threads read instead of the tables. */
  let unitWorkers: UnitWorkers | undefined;
  const finishPipeline = async (): Promise<PipelineResult> => {
    // Without valid boundaries every facility would seem to lie outside: then files are validated only.
    const facilities = await time('facilities', () =>
      readFacilities(config, boundaries, fx, log, {
        locate: boundaryErrors === 0,
        cache: caches?.facilities,
        cacheSalt: hashParts([salt, o.today ?? '']),
        today: o.today,
        onFile: o.progress && ((done, total) => o.progress?.count('Dateien', done, total)),
      }),
    );
    if (boundaryErrors > 0 && (facilities?.facilities.length ?? 0) > 0)
      log.skip({
        file: FACILITIES_DIR,
        message: `Lage von ${facilities?.facilities.length} Einrichtungen (und der Flächenebenen) nicht geprüft, weil die Gebietsgrenzen Fehler haben.`,
      });
    const assessments = await time('assessments', () => readAssessments(boundaries.units, fx, log));
    const overlays = await time('overlays', () =>
      readOverlays(config, boundaries, facilities, fx, log, {
        locate: boundaryErrors === 0,
        cache: caches?.overlays,
        cacheSalt: salt,
      }),
    );
    checkReleases(config.releases ?? [], boundaries.units, facilities, log);
    if (log.hasErrors) return { log, timings, pages: 0 };
    const levelOrder = config.levels.map((l) => l.id);
    const { store, checks, protection } = await time('derive', async () => {
      if (kept) return { store: ValueStore.from(kept.values), checks: kept.checks, protection: kept.protection };
      if (!tables) throw new Error('tables neither read nor kept');
      const derived = deriveValues({
        cells: tables.cells,
        checkCells: tables.checkCells,
        units: boundaries.units,
        levelOrder,
        indicators: config.indicators,
        smallNumbers: config.smallNumbers,
      });
      if (o.stageCacheDir && packedBoundaries && !o.validateOnly)
        await writeDerived(o.stageCacheDir, derivedKey, {
          boundaries: packedBoundaries,
          boundaryProblems,
          boundarySkips,
          problems: tableProblems,
          skipped: tableSkips,
          report: tableReport,
          values: [...derived.store.values()],
          checks: derived.checks,
          protection: derived.protection,
        });
      tables = undefined;
      return derived;
    });
    if (caches && !o.validateOnly)
      unitWorkers = await startUnitWorkers({
        atlasDir: o.atlasDir,
        cache: caches.units,
        salt,
        derivedKey,
        units: boundaries.units,
        workers: o.workers ?? 1,
        links: linksToJson(schemes.links),
        onProgress: o.progress && ((done, total) => Object.assign(unitCounts, { done, total })),
      });
    const indices = await time('indices', () => deriveIndices(config, boundaries.units, store, fx, log));
    if (log.hasErrors) return { log, timings, pages: 0, checks, release };
    if (o.validateOnly) return { log, timings, pages: boundaries.units.length, checks, release };
    await fx.remove('');
    await fx.makeDir('');
    /** Taking files over from the previous output needs both on disk: only with FileEffects and a stage cache. */
    const openReuse = async (name: string) =>
      o.stageCacheDir && fx instanceof FileEffects
        ? OutputReuse.open({ stagesDir: o.stageCacheDir, name, previousDir: o.cacheDir, nextDir: fx.outDir })
        : undefined;
    // Topologies depend on boundaries and settings only: kept under the hash of every input but the facilities.
    // So are the area pages' maps, named with a hash of the facility points they show (publishOverlays.ts).
    const topologies = await MemoStore.open<AtlasTopology>(caches?.topologies, hashParts([salt, 'topologies']));
    const areaMaps = await MemoStore.open<FacilityLocator>(caches?.areaMaps, hashParts([salt, 'areaMaps']));
    const rendered = await time('render', () =>
      render(config, boundaries, store, facilities, assessments, schemes.links, topologies.memo),
    );
    // From here on the unit threads write each unit's files too: they need the sections made from the facilities.
    if (unitWorkers && fx instanceof FileEffects)
      unitWorkers.publish(fx.outDir, new Map(boundaries.units.map((u) => [u.id, unitSections(rendered, u.id)])));
    const directory = rendered.directory;
    // A facility's page model is taken from the previous build while its entry and the other inputs are unchanged.
    const facilityReuse = await openReuse('facilities');
    const published =
      facilities && directory
        ? await time('publishFacilities', () =>
            publishFacilities(
              config,
              facilities,
              directory,
              rendered,
              fx,
              facilityReuse && { outputs: facilityReuse, salt: hashParts([salt, o.today ?? '']) },
            ),
          )
        : undefined;
    if (published && facilities) {
      // Built once: the radius query's file beside it follows its rows (facilityPoints.ts).
      const searchIndex = buildSearchIndex(facilities.facilities, facilities.vocabulary);
      const maps = await time('facilityMaps', () =>
        publishFacilityMaps(config, boundaries, facilities, rendered, searchIndex, fx),
      );
      const search = await time('publishSearch', () =>
        publishSearch(config, facilities, searchIndex, boundaries.units, fx),
      );
      published.pages.push(...maps.pages, ...search.pages);
    }
    await time('publishPlaces', () => publishPlaceIndex(config, boundaries.units, fx));
    // The area pages depend on the facilities only through those inside an area and the directory's data date:
    // when neither changed, their files are taken from the previous build whole, with the result from the cache.
    const overlayKey = overlayPagesKey(hashParts([salt, o.today ?? '']), overlays, facilities);
    const overlayReuse = await openReuse('overlayPages');
    const areas = await time('publishOverlays', () =>
      takeOrMake({ reuse: overlayReuse, cache: caches?.overlayPages, key: overlayKey, fx }, (recorded) =>
        publishOverlays(config, boundaries, facilities, overlays, rendered, recorded, {
          topologies: topologies.memo,
          maps: areaMaps.memo,
        }),
      ),
    );
    await topologies.save();
    await areaMaps.save();
    const indexPages = await time('publishIndices', () => publishIndices(config, indices, boundaries.units, fx));
    const editors = await time('publishEditors', () => publishEditors(config, boundaries, facilities, fx, o.today));
    // The indicator pages depend on neither facilities nor assessments: after a facility edit their files (86 MB in
    // the demo) are taken from the previous build whole (outputReuse.ts), with the stage's result from the cache.
    const indicatorKey = hashParts([salt, o.today ?? '']);
    const indicatorReuse = await openReuse('indicators');
    const indicators = await time('publishIndicators', () =>
      takeOrMake({ reuse: indicatorReuse, cache: caches?.indicators, key: indicatorKey, fx }, (recorded) =>
        publishIndicators(config, boundaries, store, rendered, recorded),
      ),
    );
    const readOptional = async (p: string) => ((await fx.exists(p)) ? fx.readText(p) : undefined);
    const threads = unitWorkers;
    const unitThreads =
      threads &&
      (await time('unitWorkers', async () => {
        // The main thread renders units from the threads' queue too, then waits for them: show how far all are.
        const show = () => o.progress?.count('Gebiete', unitCounts.done, unitCounts.total);
        show();
        const timer = setInterval(show, 250);
        const units = new Map(boundaries.units.map((u) => [u.id, u]));
        try {
          return await threads.join(async (id) => {
            const unit = units.get(id);
            if (!unit) throw new Error(`unknown unit ${id}`);
            const core = rendered.unitPageCore(unit);
            const coreJson = JSON.stringify(core);
            await caches?.units.put(hashParts([salt, id]), core, coreJson);
            await writeUnitFiles(fx, config, core, unitSections(rendered, id), coreJson);
          });
        } finally {
          clearInterval(timer);
        }
      }));

    const unitReuse = await openReuse('units');
    const { pages } = await time('publish', () =>
      publish({
        config,
        boundaries,
        tables: tableReport,
        store,
        checks,
        rendered,
        fx,
        readText: readOptional,
        warnings: log.warnings.length,
        facilities: published,
        unitCache: caches && { store: caches.units, salt },
        reuse: unitReuse,
        unitsWritten: unitThreads?.written,
        overlays: areas,
        indices: indexPages,
        indicatorPages: indicators,
        extraPages: editors.pages,
        schemes,
        protection,
      }),
    );
    await time('dataPackage', () =>
      publishDataPackage(
        config,
        boundaries,
        published && editors.meta.facilitiesDataDate
          ? { referenceDate: editors.meta.facilitiesDataDate, licence: published.licence }
          : undefined,
        areas,
        fx,
        (schemes?.links.successors.size ?? 0) > 0,
      ),
    );
    await time('output', async () => {
      if (o.projectPublicDir) await fx.copyDir(o.projectPublicDir, 'public');
      await fx.moveOutput(o.cacheDir);
      await unitReuse?.save(o.cacheDir);
      await indicatorReuse?.save(o.cacheDir);
      await facilityReuse?.save(o.cacheDir);
      await overlayReuse?.save(o.cacheDir);
    });
    const cache: PipelineResult['cache'] = {};
    if (o.stageCacheDir) cache.derived = { hits: kept ? 1 : 0, misses: kept ? 0 : 1 };
    for (const c of Object.values(caches ?? {})) {
      cache[c.namespace] = { hits: c.hits, misses: c.misses };
      await c.prune();
    }
    const reusedFiles = [unitReuse, indicatorReuse, facilityReuse, overlayReuse].reduce(
      (n, r) => n + (r?.taken ?? 0),
      0,
    );
    return {
      log,
      timings,
      pages,
      facilityPages: published?.count ?? 0,
      checks,
      cache,
      reusedFiles,
      release,
      unitThreads,
    };
  };
  try {
    return await finishPipeline();
  } finally {
    // A build that stops early (invalid input) leaves no thread behind.
    if (unitWorkers) await unitWorkers.cancel();
  }
}

/** The release checks over atlas.yml, the legal texts (German and English) and the data notes. */
async function releaseBlockers(config: AtlasConfig, fx: Effects, production: boolean): Promise<Problem[]> {
  const files = [
    CONFIG_FILE,
    ...Object.values(config.legal).flatMap((f) => [f, f.replace(/\.md$/, '.en.md')]),
    ...(config.notes ? [config.notes] : []),
  ];
  const texts: ReleaseText[] = [];
  for (const file of new Set(files)) if (await fx.exists(file)) texts.push({ file, text: await fx.readText(file) });
  return findReleaseBlockers({ siteUrl: config.siteUrl, configFile: CONFIG_FILE, texts }, production);
}

/**
 * A hash of everything but the facility files that stage results depend on: the code (see codeFingerprint) and
 * every file of the atlas folder's config (`atlas.yml`, `facilities.yml`), `data/` and `content/` except
 * `content/facilities/` (those are cached one by one).
 */
async function inputFingerprint(fx: Effects, projectRoot: string): Promise<string> {
  const files = [
    'atlas.yml',
    FACILITIES_FILE,
    ...(await fx.list('data')),
    ...(await fx.list('content')).filter((f) => !f.startsWith(`${FACILITIES_DIR}/`)),
  ];
  const parts: (string | Uint8Array)[] = [await codeFingerprint(projectRoot)];
  for (const f of files) if (await fx.exists(f)) parts.push(f, await fx.readBytes(f));
  return hashParts(parts);
}

/**
 * The build's date as YYYY-MM-DD in Europe/Berlin: from `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds convention) when set, else now.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

/**
 * The key of the area pages' output: `salt` (every input but the facilities and the build's date) with what the
 * pages take from the facilities: the ids inside each area, those facilities' entries, and the directory's data date.
 */
export function overlayPagesKey(
  salt: string,
  overlays: OverlaysResult,
  facilities: FacilitiesResult | undefined,
): string {
  const inside = overlays.layers.map((l) => l.areas.map((a) => a.facilities));
  const ids = new Set(inside.flat(2));
  const entries = (facilities?.facilities ?? []).filter((e) => ids.has(e.facility.id));
  return hashParts([
    salt,
    JSON.stringify(inside),
    JSON.stringify(entries),
    (facilities && facilitiesDataDate(facilities.facilities)) ?? '',
  ]);
}
