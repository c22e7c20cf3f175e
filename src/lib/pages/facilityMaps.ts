import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { compactPath } from '../charts/facilityLocator.ts';
import { createInvertibleFrame } from '../charts/invertibleFrame.ts';
import { fittedHeight } from '../charts/mapFrame.ts';
import type { MercatorParams } from '../charts/mercator.ts';
import type { Unit } from '../types.ts';
import { directoryAreaUrl } from './directory.ts';

/**
 * Page models of the facility map (`/einrichtungen/karte/`), its zoomed maps per top-level unit
 * (`/einrichtungen/karte/<id>/`) and the base map of the radius query: the counts per unit and type, aggregated at
 * build time, and the geometry in SVG units. Labels stay out, so one model serves both languages.
 */

/** Width of the facility maps in SVG units (pages scale them with CSS). */
export const FACILITY_MAP_WIDTH = 600;

/** What the maps need of a directory entry. */
export interface MapEntry {
  types: readonly string[];
  /** Unit ids from the top level down. */
  units: readonly string[];
  lon: number;
  lat: number;
  /** Vulnerability 0–3. */
  v: number;
}

/** Entries per type id (only types with entries). */
export type TypeCounts = Record<string, number>;

/** A unit drawn as a link (an area of the map). */
export interface MapArea {
  id: string;
  name: string;
  path: string;
  count: number;
  counts: TypeCounts;
  /** Directory page of the unit, without language prefix. */
  directoryUrl: string;
  /** Zoomed map of the unit (top level only), without language prefix. */
  mapUrl?: string | undefined;
}

/** A proportional symbol: the entries of one unit at its pole of inaccessibility. */
export interface MapBubble {
  id: string;
  name: string;
  /** The top-level unit it lies in (its own id on a one-level atlas). */
  top: string;
  x: number;
  y: number;
  count: number;
  counts: TypeCounts;
}

/** `build/directory/map.json`: the whole city. */
export interface FacilityOverviewMap {
  width: number;
  height: number;
  params: MercatorParams;
  total: number;
  /** Types with entries, vocabulary order. */
  types: { type: string; count: number }[];
  /** Level of the areas (links) and of the bubbles. */
  areaLevel: string;
  bubbleLevel: string;
  areas: MapArea[];
  bubbles: MapBubble[];
  /** Borders between the bubble level's units ("" on a one-level atlas). */
  innerBorders: string;
  /** Radius in SVG units of a bubble of `maxCount` (areas scale with the square root). */
  maxRadius: number;
  maxCount: number;
  /** Units of the top two levels with a point inside each, for choosing a point of the radius query. */
  poles: { id: string; name: string; level: string; lat: number; lon: number }[];
}

/** `build/directory/maps/<id>.json`: one top-level unit with every entry drawn as a symbol. */
export interface FacilityAreaMap {
  unit: { id: string; name: string; level: string; url: string };
  width: number;
  height: number;
  params: MercatorParams;
  outline: string;
  count: number;
  counts: TypeCounts;
  directoryUrl: string;
  /** Sub-units as links ([] on a one-level atlas). */
  areas: MapArea[];
  /** One per entry, most vulnerable drawn last (on top); `t` = type ids. */
  points: { x: number; y: number; v: number; t: readonly string[] }[];
}

/** Everything the atlas gives the maps. */
export interface FacilityMapInput {
  levels: readonly string[];
  units: readonly Unit[];
  urlOf(unit: Unit): string;
  /** Simplified features per level id (ids = unit ids). */
  features(level: string): readonly Feature[];
  /** Borders between the second level's units inside `topId` (all of them without it), each once. */
  innerBorders(topId?: string): Geometry | undefined;
  /** Type ids in vocabulary order. */
  typeOrder: readonly string[];
  entries: readonly MapEntry[];
}

/** Url of the zoomed facility map of a top-level unit, without language prefix. */
export function facilityAreaMapUrl(unitId: string): string {
  return `/einrichtungen/karte/${encodeURIComponent(unitId)}/`;
}

/** Counts entries per type id, in `typeOrder` (an entry of two types counts once for each). */
export function countByType(entries: readonly MapEntry[], typeOrder: readonly string[]): TypeCounts {
  const counts: TypeCounts = {};
  for (const type of typeOrder) {
    const n = entries.filter((e) => e.types.includes(type)).length;
    if (n > 0) counts[type] = n;
  }
  return counts;
}

/** Groups entries by the unit they lie in on level `depth` (0 = top); entries not placed that deep are left out. */
export function groupByUnit(entries: readonly MapEntry[], depth: number): Map<string, MapEntry[]> {
  const groups = new Map<string, MapEntry[]>();
  for (const e of entries) {
    const id = e.units[depth];
    if (id !== undefined) (groups.get(id) ?? groups.set(id, []).get(id))?.push(e);
  }
  return groups;
}

/** Bubble radius of the largest count: about half the side of the square each unit would get, within 8–40 units. */
export function bubbleMaxRadius(width: number, height: number, bubbles: number): number {
  return Math.round(Math.min(40, Math.max(8, 0.45 * Math.sqrt((width * height) / Math.max(1, bubbles)))) * 10) / 10;
}

const collator = new Intl.Collator('de');
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The overview map of the whole city: top-level units as links, the second level's counts as bubbles. */
export function buildOverviewMap(i: FacilityMapInput): FacilityOverviewMap {
  const [top = '', second] = i.levels;
  const topFeatures = i.features(top);
  const extent: FeatureCollection = { type: 'FeatureCollection', features: [...topFeatures] };
  const frame = createInvertibleFrame(extent, FACILITY_MAP_WIDTH, fittedHeightOf(extent), 4, 1);
  const byTop = groupByUnit(i.entries, 0);
  const unitById = new Map(i.units.map((u) => [u.id, u]));
  const areas: MapArea[] = topFeatures
    .map((f) => {
      const id = String(f.id);
      const list = byTop.get(id) ?? [];
      return {
        id,
        name: unitById.get(id)?.name ?? id,
        path: compactPath(frame.path(f)),
        count: list.length,
        counts: countByType(list, i.typeOrder),
        directoryUrl: directoryAreaUrl(id),
        mapUrl: facilityAreaMapUrl(id),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
  const bubbleLevel = second ?? top;
  const byBubble = groupByUnit(i.entries, second ? 1 : 0);
  const bubbles: MapBubble[] = i.units
    .filter((u) => u.level === bubbleLevel)
    .flatMap((u) => {
      const list = byBubble.get(u.id) ?? [];
      if (list.length === 0) return [];
      const [x, y] = frame.point(u.interiorPoint);
      return [
        {
          id: u.id,
          name: u.name,
          top: u.parent ?? u.id,
          x,
          y,
          count: list.length,
          counts: countByType(list, i.typeOrder),
        },
      ];
    })
    // Big bubbles first, so small ones are drawn on top and stay visible.
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  const borders = second ? i.innerBorders() : undefined;
  const typeCounts = countByType(i.entries, i.typeOrder);
  const poleLevels = new Set(i.levels.slice(0, 2));
  return {
    width: frame.width,
    height: frame.height,
    params: frame.params,
    total: i.entries.length,
    types: Object.entries(typeCounts).map(([type, count]) => ({ type, count })),
    areaLevel: top,
    bubbleLevel,
    areas,
    bubbles,
    innerBorders: borders ? compactPath(frame.path(borders)) : '',
    maxRadius: bubbleMaxRadius(frame.width, frame.height, bubbles.length),
    maxCount: Math.max(1, ...bubbles.map((b) => b.count)),
    poles: i.units
      .filter((u) => poleLevels.has(u.level))
      .map((u) => ({ id: u.id, name: u.name, level: u.level, lon: u.interiorPoint[0], lat: u.interiorPoint[1] })),
  };
}

/** The zoomed map of one top-level unit: its sub-units as links and every entry as a symbol. */
export function buildAreaMap(i: FacilityMapInput, topId: string): FacilityAreaMap | undefined {
  const [top = '', second] = i.levels;
  const f = i.features(top).find((x) => String(x.id) === topId);
  const unit = i.units.find((u) => u.id === topId);
  if (!f || !unit) return undefined;
  const frame = createInvertibleFrame(
    f,
    FACILITY_MAP_WIDTH,
    fittedHeightOf({ type: 'FeatureCollection', features: [f] }),
    8,
    1,
  );
  const list = groupByUnit(i.entries, 0).get(topId) ?? [];
  const bySub = groupByUnit(list, 1);
  const areas: MapArea[] = second
    ? i
        .features(second)
        .filter((c) => i.units.find((u) => u.id === String(c.id))?.parent === topId)
        .map((c) => {
          const id = String(c.id);
          const of = bySub.get(id) ?? [];
          return {
            id,
            name: i.units.find((u) => u.id === id)?.name ?? id,
            path: compactPath(frame.path(c)),
            count: of.length,
            counts: countByType(of, i.typeOrder),
            directoryUrl: directoryAreaUrl(id),
          };
        })
        .sort((a, b) => collator.compare(a.name, b.name))
    : [];
  const points = [...list]
    .sort((a, b) => a.v - b.v)
    .map((e) => {
      const [x, y] = frame.point([e.lon, e.lat]);
      return { x: round1(x), y: round1(y), v: e.v, t: e.types };
    });
  return {
    unit: { id: unit.id, name: unit.name, level: unit.level, url: i.urlOf(unit) },
    width: frame.width,
    height: frame.height,
    params: frame.params,
    outline: compactPath(frame.path(f)),
    count: list.length,
    counts: countByType(list, i.typeOrder),
    directoryUrl: directoryAreaUrl(topId),
    areas,
    points,
  };
}

const fittedHeightOf = (extent: FeatureCollection) => fittedHeight(extent, FACILITY_MAP_WIDTH);
