import type { FacilityLocator } from '../charts/facilityLocator.ts';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { Overlay } from '../../schemas/atlasConfig.ts';
import {
  AREA_LOCATOR_WIDTH,
  AREA_MAP_WIDTH,
  areaFrame,
  cityFrame,
  renderAreaMap,
  renderCityMap,
} from '../charts/areaMaps.ts';
import type { MapFrame } from '../charts/mapFrame.ts';
import { interiorPoint } from '../geo/measure.ts';
import { addressLine, facilityUrl, isOdbl, type PlacedFacility } from '../pages/facilityPage.ts';
import type { Unit } from '../types.ts';
import type { AreaFieldValue } from './areaFields.ts';
import {
  areaDownloads,
  areaLayerUrl,
  areaUrl,
  layerDownloads,
  type AreaFacility,
  type AreaLayerData,
  type AreaLayerMeta,
  type AreaLinks,
  type AreaPageData,
  type AreaUnit,
} from './areaModel.ts';
import { operatorFallback } from '../pages/crisisContact.ts';
import { vulnerabilityOf } from './facilitiesInAreas.ts';
import type { UnitOverlap } from './unitOverlap.ts';

/** One area as the pages need it (the overlays stage's result has this shape). */
export interface AreaInput {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
  areaM2: number;
  fields: Record<string, AreaFieldValue>;
  /** Facility ids, already in list order. */
  facilities: string[];
  units: UnitOverlap[];
}

/** One layer as the pages need it. */
export interface AreaLayerInput {
  overlay: Overlay;
  dataDate: string | undefined;
  areas: AreaInput[];
}

/** What the area pages of one atlas share. */
export interface AreaPagesContext {
  units: ReadonlyMap<string, Unit>;
  urlOf(unit: Unit): string;
  /** Directory entries by id (empty without a directory). */
  facilities: ReadonlyMap<string, PlacedFacility>;
  /** Facility types with their vulnerability. */
  types: readonly { id: string; vulnerability: number }[];
  /** The city's top-level units (simplified), for the locator and overview maps. */
  top: readonly Feature[];
  /** Units of the finest level (simplified) with their boxes, drawn around an area. */
  context: readonly { geometry: Geometry; bbox: [number, number, number, number] }[];
  /** Reference date of the directory, if any. */
  facilitiesDate?: string | undefined;
  /**
   * Gives the map called `name`, made by `make` unless known (the build keeps maps between builds; a name says all a
   * map depends on beyond the boundaries, areas and settings). Default: every map is made.
   */
  maps?: ((name: string, make: () => FacilityLocator) => FacilityLocator) | undefined;
}

/** The layer's metadata for its pages. */
export function layerMeta(l: AreaLayerInput): AreaLayerMeta {
  const o = l.overlay;
  let latestDate: AreaLayerMeta['latestDate'];
  for (const f of o.fields.filter((x) => x.type === 'date')) {
    for (const a of l.areas) {
      const v = a.fields[f.field];
      if (typeof v === 'string' && (!latestDate || v > latestDate.date)) latestDate = { field: f.field, date: v };
    }
  }
  return {
    id: o.id,
    label: o.label,
    description: o.description,
    url: areaLayerUrl(o.id),
    source: o.source,
    dataDate: l.dataDate,
    latestDate,
    fields: o.fields,
    file: o.boundaries.file,
  };
}

/**
 * The directory entries of an area's facilities, in the order given (most vulnerable first, then by name); an entry's
 * position + 1 is its number on the area's map, in its tables and in its CSV (column no).
 */
export function areaEntries(
  a: Pick<AreaInput, 'facilities'>,
  entries: ReadonlyMap<string, PlacedFacility>,
): PlacedFacility[] {
  return a.facilities.flatMap((id) => {
    const e = entries.get(id);
    return e ? [e] : [];
  });
}

/** An entry of an area's facility list. */
export function areaFacility(e: PlacedFacility, types: AreaPagesContext['types'], no: number): AreaFacility {
  const f = e.facility;
  return {
    no,
    id: f.id,
    name: f.name,
    url: facilityUrl(f.id),
    types: f.types,
    vulnerability: vulnerabilityOf(f.types, types),
    address: addressLine(f.address),
    phone: f.phone,
    email: f.email,
    stale: e.stale ? true : undefined,
    places: f.capacity?.places,
    provider: f.provider,
    operatorContact: operatorFallback(f),
  };
}

function boxesMeet(a: readonly number[], b: readonly number[]): boolean {
  return (
    (a[0] ?? 0) <= (b[2] ?? 0) && (b[0] ?? 0) <= (a[2] ?? 0) && (a[1] ?? 0) <= (b[3] ?? 0) && (b[1] ?? 0) <= (a[3] ?? 0)
  );
}

/** Hectares rounded to 0.1 (1 ha = 10,000 m²). */
function hectares(m2: number): number {
  return Math.round(m2 / 1000) / 10;
}

/**
 * The pages of every layer: per area its page model (fields, size, maps, facilities, units, downloads), per layer
 * its list with an overview map, and the links for facility and unit pages. Pure.
 */
export function buildAreaPages(
  layers: readonly AreaLayerInput[],
  ctx: AreaPagesContext,
): { layers: AreaLayerData[]; areas: AreaPageData[]; links: AreaLinks } {
  const locatorFrame: MapFrame = cityFrame(ctx.top, AREA_LOCATOR_WIDTH);
  const overviewFrame: MapFrame = cityFrame(ctx.top, AREA_MAP_WIDTH);
  const topGeometries = ctx.top.map((f) => f.geometry);
  const links: AreaLinks = {
    layers: layers.map((l) => ({ id: l.overlay.id, label: l.overlay.label })),
    byFacility: {},
    byUnit: {},
  };
  const pages: AreaPageData[] = [];
  const layerPages: AreaLayerData[] = [];
  const maps = ctx.maps ?? ((_, make) => make());
  for (const l of layers) {
    const meta = layerMeta(l);
    let layerOdbl = false;
    const items: AreaLayerData['areas'] = [];
    for (const a of l.areas) {
      const entries = areaEntries(a, ctx.facilities);
      const listed = entries.map((e, i) => ({ e, f: areaFacility(e, ctx.types, i + 1) }));
      const facilities = listed.map((x) => x.f);
      const odbl = entries.some((e) => e.facility.sources.some(isOdbl));
      layerOdbl ||= odbl;
      const units: AreaUnit[] = a.units.flatMap((o) => {
        const u = ctx.units.get(o.unit);
        return u
          ? [
              {
                id: u.id,
                name: u.name,
                level: u.level,
                url: ctx.urlOf(u),
                shareOfUnit: o.shareOfUnit,
                shareOfArea: o.shareOfArea,
              },
            ]
          : [];
      });
      // Level by level as given (top first); within a level the unit holding most of the area first.
      const levelRank = new Map<string, number>();
      for (const u of units) if (!levelRank.has(u.level)) levelRank.set(u.level, levelRank.size);
      units.sort(
        (x, y) => (levelRank.get(x.level) ?? 0) - (levelRank.get(y.level) ?? 0) || y.shareOfArea - x.shareOfArea,
      );
      const frame = areaFrame(a.bbox);
      const view: [number, number, number, number] = [
        a.bbox[0] - (a.bbox[2] - a.bbox[0]),
        a.bbox[1] - (a.bbox[3] - a.bbox[1]),
        a.bbox[2] + (a.bbox[2] - a.bbox[0]),
        a.bbox[3] + (a.bbox[3] - a.bbox[1]),
      ];
      const points = listed.map(({ e, f }) => ({
        lonLat: [e.facility.location.lon, e.facility.location.lat] as [number, number],
        vulnerability: f.vulnerability,
        no: f.no,
      }));
      const map = maps(`area ${l.overlay.id}/${a.id} ${JSON.stringify(points)}`, () =>
        renderAreaMap({
          frame,
          area: a.geometry,
          context: ctx.context.filter((c) => boxesMeet(c.bbox, view)).map((c) => c.geometry),
          points,
        }),
      );
      const locator =
        ctx.top.length > 0
          ? maps(`locator ${l.overlay.id}/${a.id}`, () =>
              renderCityMap({
                frame: locatorFrame,
                top: topGeometries,
                areas: [a.geometry],
                ring: interiorPoint(a.geometry),
              }),
            )
          : undefined;
      const url = areaUrl(l.overlay.id, a.id);
      pages.push({
        layer: meta,
        id: a.id,
        name: a.name,
        url,
        fields: a.fields,
        hectares: hectares(a.areaM2),
        map,
        locator,
        facilities,
        units,
        downloads: areaDownloads(l.overlay.id, a.id),
        facilitiesDate: ctx.facilitiesDate,
        odbl,
      });
      items.push({
        id: a.id,
        name: a.name,
        url,
        fields: a.fields,
        hectares: hectares(a.areaM2),
        facilities: facilities.length,
        vulnerable: facilities.filter((f) => f.vulnerability >= 2).length,
      });
      const link = { layer: l.overlay.id, id: a.id, name: a.name, url };
      for (const f of facilities) (links.byFacility[f.id] ??= []).push(link);
      for (const u of units) (links.byUnit[u.id] ??= []).push({ ...link, shareOfUnit: u.shareOfUnit });
    }
    const map =
      ctx.top.length > 0
        ? maps(`overview ${l.overlay.id}`, () =>
            renderCityMap({ frame: overviewFrame, top: topGeometries, areas: l.areas.map((a) => a.geometry) }),
          )
        : undefined;
    layerPages.push({ layer: meta, areas: items, map, downloads: layerDownloads(l.overlay.id), odbl: layerOdbl });
  }
  return { layers: layerPages, areas: pages, links };
}
