import { mapLimit } from '../../lib/mapLimit.ts';
import { DATA_PACKAGE_URL } from '../../lib/data/dataPackage.ts';
import { writeCsv } from '../../lib/csv/writeCsv.ts';
import { fieldNames, schemeLinksCsvSchema, valuesCsvSchema } from '../../lib/data/tableSchemas.ts';
import type { AtlasConfig, SeriesBreak } from '../../schemas/atlasConfig.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { pick } from '../../lib/i18n.ts';
import { CITY, type ValueStore } from '../../lib/indicators/store.ts';
import type { IndicatorMeta, LevelMeta } from '../../lib/pages/model.ts';
import type { AggregationCheck } from '../../lib/indicators/derive.ts';
import type { Effects } from '../effects.ts';
import type { BoundariesResult } from './boundaries.ts';
import type { RenderResult } from './render.ts';
import { unitUrl } from './render.ts';
import type { TableReport, TablesResult } from './tables.ts';
import type { FacilityIndex } from '../../lib/pages/facilityModel.ts';
import type { AtlasPage, PublishedFacilities } from './publishFacilities.ts';
import type { PublishedOverlays } from './publishOverlays.ts';
import type { PublishedIndices } from './publishIndices.ts';
import type { PublishedIndicators } from './publishIndicators.ts';
import type { UnitPageData } from '../../lib/pages/model.ts';
import { buildBreakList } from '../../lib/pages/breakList.ts';
import { hashParts, type StageCache } from '../stageCache.ts';
import type { OutputReuse } from '../outputReuse.ts';
import { comparePages, compareTemplate } from '../../lib/pages/comparePage.ts';
import { unitFilePaths, unitSections, writeUnitFiles, type UnitSections } from './publishUnit.ts';
import { resolveRepository, type ResolvedRepository } from '../../lib/editing/repository.ts';

import { PLACE_INDEX_URL } from '../../lib/facilities/searchPlaces.ts';
import type { SchemesResult } from './schemes.ts';
import type { ProtectionCounts } from '../../lib/indicators/suppress.ts';
import { statusReasonCode, statusSymbol } from '../../lib/indicators/suppress.ts';
import { buildSchemesReport, type SchemesReportData } from '../../lib/pages/schemesReport.ts';

/** Site-wide data for the pages (`build/site.json`). */
export interface SiteData {
  atlas: Pick<AtlasConfig, 'id' | 'city' | 'title' | 'description' | 'siteUrl' | 'publisher' | 'dataDate' | 'licence'>;
  levels: LevelMeta[];
  /** Boundary schemes (Gebietsstände), oldest first; empty when the atlas has one. */
  schemes: AtlasConfig['schemes'];
  indicators: IndicatorMeta[];
  sources: AtlasConfig['sources'];
  units: { id: string; name: string; level: string; parent?: string | undefined; url: string }[];
  /** Rendered Markdown per page and language; `en` missing = German shown. */
  texts: Record<string, { de: string; en?: string | undefined }>;
  report: DataReport;
  /** The facility directory's compact index; undefined when the atlas has none. */
  facilities?: FacilityIndex | undefined;
  /** The repository behind the site (edit and report links); undefined when `atlas.yml` names none. */
  repository?: ResolvedRepository | undefined;
}

export interface DataReport {
  fixes: BoundariesResult['fixes'];
  excluded: TablesResult['excluded'];
  assumed: TablesResult['assumed'];
  tables: TablesResult['rows'];
  checks: {
    indicator: string;
    year: number;
    compared: number;
    differing: number;
    maxAbsDiff: number;
    examples: AggregationCheck[];
  }[];
  warnings: number;
  /** Crosswalks as read (entries, pairs, skipped entries with reason) and the links they and the boundaries gave. */
  crosswalks?: SchemesResult['crosswalks'] | undefined;
  links?: SchemesResult['links']['report'] | undefined;
  /** Values suppressed by the atlas's small-number protection, per rule. */
  protection?: ProtectionCounts | undefined;
  /** Display-ready text on schemes, crosswalks and the protection, for the data page and the symbol key. */
  schemes?: SchemesReportData | undefined;
}

/** What {@link publish} writes from: the results of the earlier stages. */
export interface PublishOptions {
  config: AtlasConfig;
  boundaries: BoundariesResult;
  /** What the data report shows of the tables read (kept with the derived values, see derivedMemo.ts). */
  tables: TableReport;
  store: ValueStore;
  checks: AggregationCheck[];
  rendered: RenderResult;
  fx: Effects;
  /** Reads an optional text of the atlas folder (legal texts, notes); undefined when the file is missing. */
  readText: (path: string) => Promise<string | undefined>;
  /** Warnings of the run, for the data report. */
  warnings: number;
  facilities?: PublishedFacilities | undefined;
  /** With it, unit page models are reused from (and stored in) the stage cache under a key of `salt` and the unit id. */
  unitCache?: { store: StageCache; salt: string } | undefined;
  /** Unit files taken over from the previous build when their page model is unchanged (see outputReuse.ts). */
  reuse?: OutputReuse | undefined;
  /** Units whose files the unit threads wrote in this build (unitWorkers.ts). */
  unitsWritten?: ReadonlySet<string> | undefined;
  overlays?: PublishedOverlays | undefined;
  indices?: PublishedIndices | undefined;
  indicatorPages?: PublishedIndicators | undefined;
  /** Further pages for atlas.json (releases, contact gaps, open data: publishEditors). */
  extraPages?: AtlasPage[] | undefined;
  schemes?: SchemesResult | undefined;
  protection?: ProtectionCounts | undefined;
}

/** Levels, indicators and units as the site data and atlas.json list them. */
interface SiteLists {
  levels: LevelMeta[];
  indicators: IndicatorMeta[];
  units: SiteData['units'];
}

/**
 * Stage 6: writes the page models, the site data and the public downloads below the cache folder: site data and
 * breaks, boundaries, one page model and two downloads per unit, values.csv, scheme-links.csv, atlas.json and the
 * data report.
 */
export async function publish(o: PublishOptions): Promise<{ pages: number }> {
  const lists = siteLists(o.config, o.boundaries, o.store);
  const report = dataReport(o);
  await publishSiteData(o, lists, report);
  // The boundaries and every value depend on what the unit cache's salt covers (all inputs but the facilities and
  // assessments): unchanged, both files are taken from the previous build.
  const fromSalt = async (path: string, write: () => Promise<void>) => {
    const key = o.unitCache && hashParts([o.unitCache.salt, path]);
    if (key !== undefined && (await o.reuse?.take([path], key))) return;
    await write();
    if (key !== undefined) o.reuse?.note([path], key);
  };
  await fromSalt('public/data/boundaries.topojson', () =>
    o.fx.write('public/data/boundaries.topojson', JSON.stringify(o.rendered.topology)),
  );
  const pages = await publishUnits(o);
  await fromSalt('public/data/values.csv', () => publishValuesCsv(o.fx, o.store));
  const hasLinks = await publishSchemeLinks(o.fx, o.boundaries, o.schemes);
  await publishAtlasJson(o, lists, hasLinks);
  await o.fx.write('build/report.json', JSON.stringify(report, null, 1));
  return { pages };
}

function siteLists(config: AtlasConfig, b: BoundariesResult, store: ValueStore): SiteLists {
  const levels: LevelMeta[] = config.levels.map((l) => ({
    id: l.id,
    label: l.label,
    labelPlural: l.labelPlural,
    parent: l.parent?.level,
    count: b.units.filter((u) => u.level === l.id).length,
    scheme: l.scheme,
  }));
  const unitLevel = new Map(b.units.map((u) => [u.id, u.level]));
  // The levels each indicator has values on, in one pass over the store.
  const levelsOf = new Map<string, Set<string>>();
  for (const v of store.values()) {
    if (v.unit === CITY) continue;
    const lv = levelsOf.get(v.indicator) ?? levelsOf.set(v.indicator, new Set()).get(v.indicator);
    lv?.add(unitLevel.get(v.unit) ?? '');
  }
  const indicators: IndicatorMeta[] = config.indicators.map((ind) => {
    const lv = levelsOf.get(ind.id);
    return { ...ind, years: store.years(ind.id), levels: config.levels.map((l) => l.id).filter((l) => lv?.has(l)) };
  });
  const units = b.units.map((u) => ({ id: u.id, name: u.name, level: u.level, parent: u.parent, url: unitUrl(u) }));
  return { levels, indicators, units };
}

function dataReport(o: PublishOptions): DataReport {
  return {
    fixes: o.boundaries.fixes,
    excluded: o.tables.excluded,
    assumed: o.tables.assumed,
    tables: o.tables.rows,
    checks: summarizeChecks(o.checks),
    warnings: o.warnings,
    crosswalks: o.schemes?.crosswalks,
    links: o.schemes?.links.report,
    protection: o.protection,
    schemes: buildSchemesReport({
      schemes: o.config.schemes,
      crosswalks: o.schemes?.crosswalks ?? [],
      links: o.schemes?.links.report,
      protection: o.protection,
      smallNumbers: o.config.smallNumbers,
    }),
  };
}

/** `build/site.json` (with the rendered legal texts and notes) and `build/breaks.json`. */
async function publishSiteData(o: PublishOptions, lists: SiteLists, report: DataReport): Promise<void> {
  const { config, fx } = o;
  const texts: SiteData['texts'] = {};
  const md = async (key: string, path: string | undefined) => {
    if (!path) return;
    const de = await o.readText(path);
    if (de === undefined) return;
    const en = await o.readText(path.replace(/\.md$/, '.en.md'));
    texts[key] = { de: renderMarkdown(de), en: en === undefined ? undefined : renderMarkdown(en) };
  };
  for (const [key, path] of Object.entries(config.legal)) await md(key, path);
  await md('notes', config.notes);
  const site: SiteData = {
    atlas: {
      id: config.id,
      city: config.city,
      title: config.title,
      description: config.description,
      siteUrl: config.siteUrl,
      publisher: config.publisher,
      dataDate: config.dataDate,
      licence: config.licence,
    },
    levels: lists.levels,
    schemes: config.schemes,
    indicators: lists.indicators,
    sources: config.sources,
    units: lists.units,
    texts,
    report,
    facilities: o.facilities?.index,
    repository: config.repository && resolveRepository(config.repository),
  };
  await fx.write('build/site.json', JSON.stringify(site));
  await fx.write(
    'build/breaks.json',
    JSON.stringify(buildBreakList(config, new Map(o.boundaries.units.map((u) => [u.id, u])), unitUrl)),
  );
}

/**
 * One page model (`build/units/<id>.json`) and two downloads (CSV, JSON) per unit; returns the number of units. The
 * files of units in `o.unitsWritten` were written by the unit threads (or the main thread joining them): only noted.
 */
async function publishUnits(o: PublishOptions): Promise<number> {
  const { config, fx, rendered, unitCache } = o;
  let pages = 0;
  await mapLimit(o.boundaries.units, UNITS_AT_ONCE, async (u) => {
    // The costly part of a unit page (charts, maps) comes from the stage cache when config, boundaries, tables and
    // code are unchanged (a rebuild after a facility file changed); the facilities section is always made anew.
    const key = unitCache ? hashParts([unitCache.salt, u.id]) : '';
    const sections = unitSections(rendered, u.id);
    // The three files of a unit follow from its model: the cached core (same key, same core) and the sections made
    // anew. Unchanged, they are taken from the previous build without reading the core.
    const files = unitFilePaths(u.id);
    const filesKey = unitCache ? unitFilesKey(key, sections) : '';
    pages++;
    if (o.unitsWritten?.has(u.id)) {
      // Its core was stored by the thread that wrote the files: kept for the next build (and counted as read).
      await unitCache?.store.keep(key);
      if (unitCache) o.reuse?.note(files, filesKey);
      return;
    }
    if (unitCache && (await o.reuse?.take(files, filesKey))) {
      await unitCache.store.keep(key);
      return;
    }
    let stored = unitCache ? await unitCache.store.getWithJson<UnitPageData>(key) : undefined;
    if (!stored) {
      const value = rendered.unitPageCore(u);
      stored = { value, json: JSON.stringify(value) };
      await unitCache?.store.put(key, stored.value, stored.json);
    }
    await writeUnitFiles(fx, config, stored.value, sections, stored.json);
    if (unitCache) o.reuse?.note(files, filesKey);
  });
  return pages;
}

/** The key a unit's files are noted under: its core's key and the sections added to it. */
function unitFilesKey(coreKey: string, sections: UnitSections): string {
  return hashParts([coreKey, JSON.stringify([sections.facilities ?? null, sections.assessments ?? null])]);
}

/** Units whose files are taken or written at once (each is a few small file operations). */
const UNITS_AT_ONCE = 16;

/** `public/data/values.csv`: every value of the store with its status, DIN 55301 symbol and reason. */
async function publishValuesCsv(fx: Effects, store: ValueStore): Promise<void> {
  await fx.write(
    'public/data/values.csv',
    writeCsv(
      fieldNames(valuesCsvSchema()),
      [...store.values()].map((v) => ({
        unit_id: v.unit,
        indicator_id: v.indicator,
        year: v.year,
        date: v.date ?? '',
        value: v.value,
        status: v.status,
        method: v.method,
        // Suppressed, missing, zero and not applicable stay apart: DIN 55301 symbol and who suppressed why.
        symbol: statusSymbol(v),
        status_reason: statusReasonCode(v),
      })),
    ),
  );
}

/**
 * `public/data/scheme-links.csv`: successors and predecessors across boundary schemes (shares by area), when the
 * atlas has them. Returns whether it was written.
 */
async function publishSchemeLinks(
  fx: Effects,
  b: BoundariesResult,
  schemes: SchemesResult | undefined,
): Promise<boolean> {
  const unitById = new Map(b.units.map((u) => [u.id, u]));
  const linkRows = [...(schemes?.links.successors ?? [])].flatMap(([from, list]) =>
    list.map((l) => ({
      from_id: from,
      from_name: unitById.get(from)?.name ?? '',
      from_level: unitById.get(from)?.level ?? '',
      to_id: l.unit,
      to_name: unitById.get(l.unit)?.name ?? '',
      to_level: l.level,
      share_of_from: l.shareOfOld.toFixed(4),
      share_of_to: l.shareOfNew.toFixed(4),
      basis: l.basis,
    })),
  );
  if (linkRows.length === 0) return false;
  await fx.write('public/data/scheme-links.csv', writeCsv(fieldNames(schemeLinksCsvSchema()), linkRows));
  return true;
}

/** `public/data/atlas.json`: the machine-readable index of the atlas (levels, units, indicators, pages, downloads). */
async function publishAtlasJson(o: PublishOptions, lists: SiteLists, hasLinks: boolean): Promise<void> {
  const { config, facilities, overlays, indices, indicatorPages } = o;
  const { levels, indicators, units } = lists;
  const atlasJson = {
    atlas: {
      id: config.id,
      title: pick(config.title, 'de'),
      city: pick(config.city, 'de'),
      dataDate: config.dataDate,
      siteUrl: config.siteUrl,
      licence: config.licence,
    },
    levels: levels.map((l) => ({
      id: l.id,
      label: pick(l.label, 'de'),
      labelPlural: pick(l.labelPlural, 'de'),
      parent: l.parent,
      count: l.count,
      scheme: l.scheme,
    })),
    ...(config.schemes.length > 0
      ? {
          schemes: config.schemes.map((x) => ({
            id: x.id,
            label: pick(x.label, 'de'),
            validFrom: x.validFrom,
            validUntil: x.validUntil,
          })),
        }
      : {}),
    units: units.map((u) => ({
      ...u,
      urlEn: `/en${u.url}`,
      data: { csv: `/data/units/${u.id}.csv`, json: `/data/units/${u.id}.json` },
    })),
    indicators: indicators.map((i) => ({
      id: i.id,
      label: pick(i.label, 'de'),
      unit: pick(i.unit, 'de') || undefined,
      type: i.type,
      years: i.years,
      levels: i.levels,
      source: i.source,
      // Breaks of the indicator's own series (all units unless `levels`/`units`), and the source's comparable change.
      ...(i.breaks.length > 0 ? { breaks: i.breaks.map(breakJson) } : {}),
      ...(i.comparableChange ? { comparableChange: i.comparableChange } : {}),
    })),
    ...(config.breaks.length > 0 ? { breaks: config.breaks.map(breakJson) } : {}),
    pages: [
      { type: 'home', url: '/', lang: 'de' },
      { type: 'home', url: '/en/', lang: 'en' },
      ...(['de', 'en'] as const).flatMap((lang) => {
        const p = lang === 'de' ? '' : '/en';
        return [
          { type: 'units', url: `${p}/alle-gebiete/`, lang },
          { type: 'data', url: `${p}/daten/`, lang },
          { type: 'about', url: `${p}/ueber/`, lang },
          ...Object.keys(config.legal).map((k) => ({ type: 'legal', url: `${p}/${legalSlug(k)}/`, lang })),
        ];
      }),
      ...(facilities?.pages ?? []),
      ...(overlays?.pages ?? []),
      ...(indices?.pages ?? []),
      ...comparePages({ units, levels }),
      ...(o.extraPages ?? []),
      ...(indicatorPages?.pages ?? []),
    ],
    ...(indicatorPages ? { indicatorPages: indicatorPages.index } : {}),
    downloads: {
      values: '/data/values.csv',
      boundaries: '/data/boundaries.topojson',
      datapackage: DATA_PACKAGE_URL,
      unitIndex: PLACE_INDEX_URL,
      ...(hasLinks ? { schemeLinks: '/data/scheme-links.csv' } : {}),
      ...facilities?.downloads,
    },
    ...(overlays ? { overlays: overlays.layers } : {}),
    ...(indices ? { indices: indices.indices } : {}),
    ...(facilities
      ? {
          facilities: {
            count: facilities.index.total,
            stale: facilities.index.stale,
            types: facilities.index.typesUsed,
            licence: facilities.licence.de,
            licenceEn: facilities.licence.en,
          },
        }
      : {}),
    compare: compareTemplate(),
  };
  await o.fx.write('public/data/atlas.json', JSON.stringify(atlasJson, null, 1));
}

/** A declared break in /data/atlas.json (German text; the scope keys only where given). */
function breakJson(b: Partial<SeriesBreak> & Pick<SeriesBreak, 'year' | 'kind' | 'text'>) {
  const { year, kind, text, indicators, sources, levels, units } = b;
  return { year, kind, text: text.de, indicators, sources, levels, units };
}

/** Url slug of a legal page key. */
export function legalSlug(key: string): string {
  return key === 'leichteSprache' ? 'leichte-sprache' : key;
}

function summarizeChecks(checks: AggregationCheck[]): DataReport['checks'] {
  const groups = new Map<string, AggregationCheck[]>();
  for (const c of checks) {
    const k = `${c.indicator}|${c.year}`;
    (groups.get(k) ?? groups.set(k, []).get(k))?.push(c);
  }
  return [...groups.values()].map((g) => {
    const sorted = [...g].sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
    const first = sorted[0] as AggregationCheck;
    return {
      indicator: first.indicator,
      year: first.year,
      compared: g.length,
      differing: g.filter((c) => Math.abs(c.diff) > 1e-9).length,
      maxAbsDiff: Math.abs(first.diff),
      examples: sorted.slice(0, 5),
    };
  });
}
