import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Source } from '../../schemas/atlasConfig.ts';
import { facilitiesCsvRows, facilitiesGeoJson, feedLicence, type FeedContext } from '../facilities/facilityFeed.ts';
import { mapPositions } from '../geo/crs.ts';
import type { PlacedFacility } from '../pages/facilityPage.ts';
import { vulnerabilityOf } from './facilitiesInAreas.ts';
import { areaEntries, type AreaInput } from './areaPages.ts';

/**
 * Downloads of the area overlays: per area (and per layer) the facilities inside as CSV and as GeoJSON with the
 * area polygon(s). Each facility record keeps its sources and licences (OpenStreetMap records: ODbL, and then the
 * file as a whole is under the ODbL, as for the directory's own feeds); the polygons carry their layer's source.
 */

/** What the feeds of one layer share. */
export interface AreaFeedContext extends Omit<FeedContext, 'dataDate'> {
  /** Datenstand of the layer, null when not given. */
  dataDate: string | null;
  layer: { id: string; label: string };
  source: Pick<Source, 'publisher' | 'licence' | 'attribution'> & { url?: string | undefined };
  types: readonly { id: string; vulnerability: number }[];
}

/** Positions rounded to 6 decimals (about 0.1 m): enough for any map, a third of the bytes. */
function rounded<G extends Polygon | MultiPolygon>(g: G): G {
  const r = (x: number | undefined) => Math.round((x ?? 0) * 1e6) / 1e6;
  return mapPositions(g, (p: Position) => [r(p[0]), r(p[1])]);
}

/** The area as a GeoJSON feature with its fields, size and source. */
export function areaFeature(a: AreaInput, ctx: AreaFeedContext): Feature<Polygon | MultiPolygon> {
  return {
    type: 'Feature',
    id: a.id,
    geometry: rounded(a.geometry),
    properties: {
      kind: 'area',
      layer: ctx.layer.id,
      id: a.id,
      name: a.name,
      ...a.fields,
      hectares: Math.round(a.areaM2 / 1000) / 10,
      facilities: a.facilities.length,
      units: a.units.map((u) => ({
        level: u.level,
        id: u.unit,
        shareOfUnit: round4(u.shareOfUnit),
        shareOfArea: round4(u.shareOfArea),
      })),
      source: ctx.source,
    },
  };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/**
 * GeoJSON of areas and the facilities inside them: first the area polygons (`kind: "area"`), then each facility
 * once (`kind: "facility"`, with `areas`: the ids of the given areas it lies in, and its `vulnerability`).
 */
export function areasGeoJson(
  areas: readonly AreaInput[],
  entries: ReadonlyMap<string, PlacedFacility>,
  ctx: AreaFeedContext,
): FeatureCollection & Record<string, unknown> {
  const ids = [...new Set(areas.flatMap((a) => a.facilities))];
  const list = ids.flatMap((id) => {
    const e = entries.get(id);
    return e ? [e] : [];
  });
  const inAreas = new Map<string, string[]>();
  for (const a of areas) for (const id of a.facilities) (inAreas.get(id) ?? inAreas.set(id, []).get(id))?.push(a.id);
  const points = facilitiesGeoJson(list, { ...ctx, dataDate: ctx.dataDate ?? '' }).features.map((f, i) => ({
    ...f,
    properties: {
      kind: 'facility',
      ...f.properties,
      vulnerability: vulnerabilityOf(list[i]?.facility.types ?? [], ctx.types),
      areas: inAreas.get(String(f.id)) ?? [],
    },
  }));
  const licence = feedLicence(list);
  return {
    type: 'FeatureCollection',
    title: `${ctx.title}: ${ctx.layer.label}`,
    dataDate: ctx.dataDate,
    licence: licence.de,
    licenceEn: licence.en,
    areaSource: ctx.source,
    features: [...areas.map((a) => areaFeature(a, ctx)), ...points],
  };
}

/**
 * CSV rows, one per area and facility inside (a facility in two areas appears twice): the area's layer, id and
 * name, the facility's number in the area (as on the area's map and page: {@link areaEntries}), its vulnerability,
 * then the directory's columns (with sources and licences); written by the one CSV writer (`writeCsv`).
 */
export function areaCsvRows(
  areas: readonly AreaInput[],
  entries: ReadonlyMap<string, PlacedFacility>,
  ctx: AreaFeedContext,
): Record<string, string | number>[] {
  return areas.flatMap((a) => {
    const list = areaEntries(a, entries);
    return facilitiesCsvRows(list, { ...ctx, dataDate: ctx.dataDate ?? '' }).map((row, i) => ({
      area_layer: ctx.layer.id,
      area_id: a.id,
      area_name: a.name,
      no: i + 1,
      vulnerability: vulnerabilityOf(list[i]?.facility.types ?? [], ctx.types),
      ...row,
    }));
  });
}
