import type { Feature } from 'geojson';
import { facilitiesDataDate } from '../../lib/facilities/dataDate.ts';
import { writeCsv } from '../../lib/csv/writeCsv.ts';
import { areaCsvSchema, fieldNames } from '../../lib/data/tableSchemas.ts';
import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import { areaCsvRows, areasGeoJson, type AreaFeedContext } from '../../lib/areas/areaFeed.ts';
import type { AreaIndexData, AreaLinks } from '../../lib/areas/areaModel.ts';
import { buildAreaPages } from '../../lib/areas/areaPages.ts';
import { bbox } from '../../lib/geo/measure.ts';
import { buildTopology, topologyFeatures } from '../../lib/geo/topology.ts';
import { pick } from '../../lib/i18n.ts';
import type { Effects } from '../effects.ts';
import type { BoundariesResult } from './boundaries.ts';
import type { FacilitiesResult } from './facilities.ts';
import type { OverlaysResult } from './overlays.ts';
import type { AtlasPage } from './publishFacilities.ts';
import type { RenderResult, TopologyMemo } from './render.ts';
import type { Memo } from '../memoStore.ts';
import type { FacilityLocator } from '../../lib/charts/facilityLocator.ts';
import { THUMB_SIMPLIFY, unitUrl } from './render.ts';
import { mainLevels } from '../../lib/schemes/levels.ts';

/** The area pages' artifacts below `build/` (read by `src/site/areas.ts`). */
export const AREAS_BUILD_DIR = 'build/areas';

/** What the overlays add to atlas.json. */
export interface PublishedOverlays {
  /** `area-index`, `area-layer` and `area` pages, German and English. */
  pages: AtlasPage[];
  /** atlas.json → `overlays`: each layer with its url, downloads and areas. */
  layers: {
    id: string;
    label: string;
    url: string;
    source: string;
    dataDate?: string | undefined;
    downloads: { csv: string; geojson: string };
    areas: { id: string; name: string; url: string; facilities: number; downloads: { csv: string; geojson: string } }[];
  }[];
}

/**
 * Stage 6b: the pages and downloads of the area overlays: `build/areas/index.json`, per layer
 * `build/areas/<layer>/index.json` and `build/areas/<layer>/areas/<id>.json`, the links for facility and unit pages
 * (`build/areas/links.json`), and the downloads `public/data/gebiete/<layer>.{csv,geojson}` and
 * `public/data/gebiete/<layer>/<id>.{csv,geojson}`. Returns what atlas.json lists. Nothing without overlays.
 */
export async function publishOverlays(
  config: AtlasConfig,
  b: BoundariesResult,
  facilities: FacilitiesResult | undefined,
  overlays: OverlaysResult,
  rendered: RenderResult,
  fx: Effects,
  memo: { topologies?: TopologyMemo; maps?: Memo<FacilityLocator> } = {},
): Promise<PublishedOverlays | undefined> {
  const topologies = memo.topologies ?? ((_, make) => make());
  if (overlays.layers.length === 0) return undefined;
  const top = config.levels[0]?.id ?? '';
  const finest = mainLevels(config.levels).at(-1)?.id ?? '';
  const context = topologyFeatures(rendered.topology, finest).map((f) => ({
    geometry: f.geometry,
    bbox: bbox(f.geometry),
  }));
  // The city maps are small: the top level as coarse as the unit pages' locator maps (THUMB_SIMPLIFY).
  const coarse = topologies('overlayCityMaps', () =>
    buildTopology(
      { [top]: (b.features.get(top) ?? []).map((f) => ({ id: f.id, name: f.name, geometry: f.geometry })) },
      { simplify: Math.min(config.simplify, THUMB_SIMPLIFY) },
    ),
  );
  const entries = new Map((facilities?.facilities ?? []).map((f) => [f.facility.id, f]));
  const types = facilities?.vocabulary.types ?? [];
  const built = buildAreaPages(overlays.layers, {
    units: new Map(b.units.map((u) => [u.id, u])),
    urlOf: unitUrl,
    facilities: entries,
    types,
    top: topologyFeatures(coarse, top) as Feature[],
    context,
    facilitiesDate: facilities && facilitiesDataDate(facilities.facilities),
    maps: memo.maps,
  });
  // Hundreds of small files: written side by side, awaited together before the stage returns (a failed write is
  // handled at once, so it cannot count as unhandled meanwhile, and fails the stage at the end).
  const writes: Promise<void>[] = [];
  const write = (path: string, data: string) => {
    const w = fx.write(path, data);
    w.catch(() => {});
    writes.push(w);
  };
  for (const page of built.areas)
    write(`${AREAS_BUILD_DIR}/${page.layer.id}/areas/${page.id}.json`, JSON.stringify(page));
  for (const layer of built.layers) write(`${AREAS_BUILD_DIR}/${layer.layer.id}/index.json`, JSON.stringify(layer));
  const index: AreaIndexData = {
    layers: built.layers.map((l) => ({
      layer: l.layer,
      areas: l.areas.length,
      facilities: new Set(overlays.layers.find((x) => x.overlay.id === l.layer.id)?.areas.flatMap((a) => a.facilities))
        .size,
      downloads: l.downloads,
    })),
  };
  await fx.write(`${AREAS_BUILD_DIR}/index.json`, JSON.stringify(index));
  const links: AreaLinks = built.links;
  await fx.write(`${AREAS_BUILD_DIR}/links.json`, JSON.stringify(links));

  const areaFields = fieldNames(areaCsvSchema(config.levels.map((l) => l.id)));
  for (const [i, layer] of overlays.layers.entries()) {
    const o = layer.overlay;
    const source = config.sources.find((s) => s.id === o.source);
    const ctx: AreaFeedContext = {
      levels: mainLevels(config.levels).map((l) => l.id),
      siteUrl: config.siteUrl,
      title: pick(config.title, 'de'),
      dataDate: layer.dataDate ?? null,
      layer: { id: o.id, label: pick(o.label, 'de') },
      source: {
        publisher: source?.publisher ?? '',
        licence: source?.licence ?? '',
        attribution: source?.attribution ?? '',
        url: source?.url,
      },
      types,
    };
    const meta = built.layers[i];
    if (!meta) continue;
    write(`public${meta.downloads.csv}`, writeCsv(areaFields, areaCsvRows(layer.areas, entries, ctx)));
    write(`public${meta.downloads.geojson}`, JSON.stringify(areasGeoJson(layer.areas, entries, ctx)));
    for (const a of layer.areas) {
      const d = built.areas.find((p) => p.layer.id === o.id && p.id === a.id)?.downloads;
      if (!d) continue;
      write(`public${d.csv}`, writeCsv(areaFields, areaCsvRows([a], entries, ctx)));
      write(`public${d.geojson}`, JSON.stringify(areasGeoJson([a], entries, ctx)));
    }
  }
  await Promise.all(writes);

  const urls = [
    { type: 'area-index', url: '/gebiete/' },
    ...built.layers.map((l) => ({ type: 'area-layer', url: l.layer.url })),
    ...built.areas.map((a) => ({ type: 'area', url: a.url })),
  ];
  const pages: AtlasPage[] = (['de', 'en'] as const).flatMap((lang) =>
    urls.map((u) => ({ ...u, url: `${lang === 'en' ? '/en' : ''}${u.url}`, lang })),
  );
  return {
    pages,
    layers: built.layers.map((l) => ({
      id: l.layer.id,
      label: pick(l.layer.label, 'de'),
      url: l.layer.url,
      source: l.layer.source,
      dataDate: l.layer.dataDate,
      downloads: l.downloads,
      areas: built.areas
        .filter((a) => a.layer.id === l.layer.id)
        .map((a) => ({ id: a.id, name: a.name, url: a.url, facilities: a.facilities.length, downloads: a.downloads })),
    })),
  };
}

/** Urls (without language prefix) of every area page the site should have, from the cache; [] without overlays. */
export function areaPageUrls(
  index: AreaIndexData | undefined,
  layers: readonly { areas: { url: string }[] }[],
): string[] {
  if (!index || index.layers.length === 0) return [];
  return ['/gebiete/', ...index.layers.map((l) => l.layer.url), ...layers.flatMap((l) => l.areas.map((a) => a.url))];
}
