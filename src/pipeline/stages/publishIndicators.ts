import type { Feature, FeatureCollection } from 'geojson';
import { schemeLabel } from '../../lib/pages/unitSchemes.ts';
import { mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import { bordersId, renderGeometryFile, tinyUnitMarkers } from '../../lib/charts/choropleth.ts';
import { compactPath } from '../../lib/charts/facilityLocator.ts';
import { createMapFrame } from '../../lib/charts/mapFrame.ts';
import { topologyFeatures } from '../../lib/geo/topology.ts';
import type { ValueStore } from '../../lib/indicators/store.ts';
import type { Lang } from '../../lib/format.ts';
import { buildHomeMap, homeMapTarget, type HomeMapData } from '../../lib/pages/homePage.ts';
import { buildIndicatorOverview } from '../../lib/pages/indicatorOverview.ts';
import {
  buildIndicatorPage,
  type IndicatorPageContext,
  type LevelInfo,
  type LevelMap,
} from '../../lib/pages/indicatorPage.ts';
import {
  INDICATORS_PATH,
  indicatorAvailability,
  indicatorLatestPath,
  indicatorYearPath,
  referenceDateOf,
} from '../../lib/pages/indicatorRoutes.ts';
import type { Unit } from '../../lib/types.ts';
import type { Effects } from '../effects.ts';
import { hashParts } from '../stageCache.ts';
import type { BoundariesResult } from './boundaries.ts';
import type { AtlasPage } from './publishFacilities.ts';
import { MAP_WIDTH, unitUrl, type RenderResult } from './render.ts';

/** Folder of the shared map geometry below the public folder (one file per level, content-hashed name). */
export const MAP_GEOMETRY_DIR = '/data/maps/';

/** One route of the indicator pages (`build/indicators/routes.json`), read by the Astro routes. */
export interface IndicatorRoute {
  indicator: string;
  level: string;
  year: number;
  /** True for the latest year with data on this level (its model also serves the latest address). */
  latest: boolean;
}

/** `atlas.json` → `indicatorPages`: where each indicator's pages are, per level and year, in both languages. */
export interface IndicatorPagesIndex {
  overview: string;
  overviewEn: string;
  indicators: {
    indicator: string;
    levels: {
      level: string;
      latestYear: number;
      latest: string;
      latestEn: string;
      years: { year: number; url: string; urlEn: string }[];
    }[];
  }[];
}

export interface PublishedIndicators {
  /** Pages for atlas.json (`indicator`, `indicator-latest`, `indicators`), German and English. */
  pages: AtlasPage[];
  index: IndicatorPagesIndex;
  /** Every page path without language prefix, for the build's completeness check. */
  paths: string[];
  /** Bytes of each level's geometry file, for the build report. */
  geometryBytes: Record<string, number>;
}

const LANGS: readonly Lang[] = ['de', 'en'];

/**
 * Stage 6c: the indicator pages. Draws each level's shapes once into a shared geometry file
 * (`public/data/maps/<level>-<hash>.svg`, whole-pixel coordinates on the atlas's 600-unit frame), then writes one page
 * model per indicator, level, year with data and language (`build/indicators/<lang>/<indicator>/<level>/<year>.json`),
 * the routes (`build/indicators/routes.json`), the overview (`build/indicators/<lang>/overview.json`) and the home
 * page's map (`build/indicators/<lang>/home.json`).
 */
export async function publishIndicators(
  config: AtlasConfig,
  b: BoundariesResult,
  store: ValueStore,
  rendered: Pick<RenderResult, 'topology' | 'frame'>,
  fx: Effects,
): Promise<PublishedIndicators> {
  const levels: LevelInfo[] = config.levels.map((l) => {
    const de = schemeLabel(l, config.schemes, 'de');
    const en = schemeLabel(l, config.schemes, 'en');
    return {
      id: l.id,
      label: l.label,
      labelPlural: l.labelPlural,
      parent: l.parent?.level,
      scheme: de === undefined ? undefined : { de, en: en ?? de },
    };
  });
  const unitsByLevel = new Map<string, Unit[]>();
  for (const u of b.units) (unitsByLevel.get(u.level) ?? unitsByLevel.set(u.level, []).get(u.level))?.push(u);

  // One geometry file per level, on the same frame as every other map of the atlas, at whole units.
  const top = config.levels[0]?.id ?? '';
  const extent: FeatureCollection = {
    type: 'FeatureCollection',
    features: topologyFeatures(rendered.topology, top) as Feature[],
  };
  const frame = createMapFrame(extent, MAP_WIDTH, rendered.frame.height, 4, 0);
  const maps = new Map<string, LevelMap>();
  const geometryBytes: Record<string, number> = {};
  const meshes = new Map<string, string>();
  const meshOf = (level: string) => {
    let d = meshes.get(level);
    if (d === undefined) {
      const object = rendered.topology.objects[level] as GeometryCollection;
      meshes.set(level, (d = compactPath(frame.path(mesh(rendered.topology, object)))));
    }
    return d;
  };
  for (const l of config.levels) {
    const shapes = topologyFeatures(rendered.topology, l.id).map((f) => ({
      id: String(f.id),
      d: compactPath(frame.path(f)),
    }));
    // The parent level's borders (thin), and the top level's (thick) above them; thick alone when the parent is the
    // top level.
    const parent = l.parent?.level;
    const borders: LevelMap['borders'][number][] = [];
    if (parent && parent !== top) borders.push({ id: bordersId(parent), level: parent, weight: 'parent' });
    if (parent) borders.push({ id: bordersId(top), level: top, weight: 'top' });
    const svg = renderGeometryFile(
      frame.width,
      frame.height,
      shapes,
      borders.map((b) => ({ id: b.id, d: meshOf(b.level) })),
    );
    const url = `${MAP_GEOMETRY_DIR}${l.id}-${hashParts([svg]).slice(0, 10)}.svg`;
    await fx.write(`public${url}`, svg);
    geometryBytes[l.id] = Buffer.byteLength(svg);
    maps.set(l.id, {
      geometryUrl: url,
      width: frame.width,
      height: frame.height,
      markers: tinyUnitMarkers(frame, unitsByLevel.get(l.id) ?? []),
      borders,
    });
  }

  const availability = indicatorAvailability(
    store,
    new Map(b.units.map((u) => [u.id, u.level])),
    levels.map((l) => l.id),
  );
  const ctx: IndicatorPageContext = {
    store,
    levels,
    unitsByLevel,
    unitsById: new Map(b.units.map((u) => [u.id, u])),
    cityName: config.city,
    sources: config.sources,
    availability,
    maps,
    breaks: config.breaks,
    // The Stichtag the values carry (tables' `date` or `dateRule`, through derive), else the table declaration.
    referenceDate: (indicator, level, year) =>
      storeDate(store, indicator, unitsByLevel.get(level) ?? [], year) ??
      referenceDateOf(config.tables, indicator, level, year),
    urlOf: unitUrl,
  };

  const routes: IndicatorRoute[] = [];
  const index: IndicatorPagesIndex = { overview: INDICATORS_PATH, overviewEn: `/en${INDICATORS_PATH}`, indicators: [] };
  const target = homeMapTarget(
    config.indicators,
    availability,
    levels.map((l) => l.id),
    (level) => unitsByLevel.get(level)?.length ?? 0,
  );
  const home: Partial<Record<Lang, HomeMapData>> = {};
  let pending: Promise<void>[] = [];
  for (const ind of config.indicators) {
    const byLevel = availability.get(ind.id);
    if (!byLevel) continue;
    const entry: IndicatorPagesIndex['indicators'][number] = { indicator: ind.id, levels: [] };
    for (const [level, years] of byLevel) {
      const latestYear = years[years.length - 1] as number;
      for (const year of years) {
        routes.push({ indicator: ind.id, level, year, latest: year === latestYear });
        for (const lang of LANGS) {
          const page = buildIndicatorPage(ind, level, year, lang, ctx);
          if (target && target.indicator.id === ind.id && target.level === level && target.year === year)
            home[lang] = buildHomeMap(page, config.indicators, levels, availability, lang);
          pending.push(fx.write(`build/indicators/${lang}/${ind.id}/${level}/${year}.json`, JSON.stringify(page)));
          // Writes overlap a batch at a time (hundreds of files of up to ~150 KB).
          if (pending.length >= 32) {
            await Promise.all(pending);
            pending = [];
          }
        }
      }
      const latest = indicatorLatestPath(ind.id, level);
      entry.levels.push({
        level,
        latestYear,
        latest,
        latestEn: `/en${latest}`,
        years: years.map((year) => {
          const url = indicatorYearPath(ind.id, level, year);
          return { year, url, urlEn: `/en${url}` };
        }),
      });
    }
    index.indicators.push(entry);
  }
  await Promise.all(pending);
  for (const lang of LANGS) {
    await fx.write(
      `build/indicators/${lang}/overview.json`,
      JSON.stringify(buildIndicatorOverview(config.indicators, levels, availability, config.city, lang)),
    );
    if (home[lang]) await fx.write(`build/indicators/${lang}/home.json`, JSON.stringify(home[lang]));
  }
  await fx.write('build/indicators/routes.json', JSON.stringify(routes));

  const typed: { type: string; url: string }[] = [
    { type: 'indicators', url: INDICATORS_PATH },
    ...index.indicators.flatMap((i) =>
      i.levels.flatMap((l) => [
        { type: 'indicator-latest', url: l.latest },
        ...l.years.map((y) => ({ type: 'indicator', url: y.url })),
      ]),
    ),
  ];
  const pages: AtlasPage[] = LANGS.flatMap((lang) =>
    typed.map((u) => ({ ...u, url: `${lang === 'en' ? '/en' : ''}${u.url}`, lang })),
  );
  return { pages, index, paths: typed.map((u) => u.url), geometryBytes };
}

/** The reference date of the first value of `indicator` on `units` in `year` that carries one. */
function storeDate(store: ValueStore, indicator: string, units: readonly Unit[], year: number): string | undefined {
  for (const u of units) {
    const d = store.get(indicator, u.id, year)?.date;
    if (d !== undefined) return d;
  }
  return undefined;
}
