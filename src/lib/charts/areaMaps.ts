import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { rewindForD3 } from '../geo/winding.ts';
import type { FacilityLocator } from './facilityLocator.ts';
import { compactPath } from './facilityLocator.ts';
import { createMapFrame, fittedHeight, type MapFrame } from './mapFrame.ts';

/**
 * Maps of the area overlays, our own SVG from our own boundaries (no tiles), as `{ viewBox, body }` without text:
 * the page writes the `<svg>` with its accessible name around `body`, so one map serves both languages.
 */

/** Width of an area map in SVG units (the page scales it with CSS). */
export const AREA_MAP_WIDTH = 600;
/** Width of the small city locator of an area. */
export const AREA_LOCATOR_WIDTH = 300;

type Area = Polygon | MultiPolygon;

/** The bounding box [w, s, e, n] grown by `margin` of its larger side on every side, as a polygon for fitting. */
export function paddedBox(box: readonly [number, number, number, number], margin: number): Feature<Polygon> {
  const [w, s, e, n] = box;
  const d = Math.max(e - w, (n - s) * 1.6) * margin; // about 1.6 lon degrees per lat degree in Germany
  const ring = [
    [w - d, s - d],
    [e + d, s - d],
    [e + d, n + d],
    [w - d, n + d],
    [w - d, s - d],
  ];
  return { type: 'Feature', properties: {}, geometry: rewindForD3({ type: 'Polygon', coordinates: [ring] }) };
}

/** A frame fitted to an area with some surroundings (the sub-units around it show where it lies). */
export function areaFrame(box: readonly [number, number, number, number], width = AREA_MAP_WIDTH): MapFrame {
  const extent: FeatureCollection = { type: 'FeatureCollection', features: [paddedBox(box, 0.15)] };
  return createMapFrame(extent, width, Math.min(width, fittedHeight(extent, width)), 0, 0);
}

/** A marker: squares for the vulnerable (vulnerability ≥ 2), circles for the others, so shape carries the meaning. */
function marker([x, y]: [number, number], vulnerable: boolean): string {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return '';
  return vulnerable
    ? `<rect x="${x - 5}" y="${y - 5}" width="10" height="10" fill="#8a1c1c" stroke="#fff" stroke-width="1.5"/>`
    : `<circle cx="${x}" cy="${y}" r="4.5" fill="#0b4f8a" stroke="#fff" stroke-width="1.5"/>`;
}

/** What {@link renderAreaMap} draws. */
export interface AreaMapInput {
  frame: MapFrame;
  area: Area;
  /** Sub-units around the area (light grey with borders), e.g. the finest level's units whose box meets the view. */
  context: readonly Geometry[];
  /** Facilities as [lon, lat] with their vulnerability and, optionally, their number in the page's tables. */
  points: readonly { lonLat: [number, number]; vulnerability: number; no?: number | undefined }[];
}

/** A facility's number beside its marker, dark on a white halo (legible over the area and over other markers). */
function numberLabel([x, y]: [number, number], no: number): string {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return '';
  return `<text x="${x + 6}" y="${y - 5}">${no}</text>`;
}

/**
 * The area (blue, hatched border) over the sub-units around it, with its facilities as markers; a point with a number
 * gets it beside its marker (the page's tables carry the same numbers). Numbers are digits: one map for both languages.
 */
export function renderAreaMap(i: AreaMapInput): FacilityLocator {
  const { frame } = i;
  const ctx = i.context.map((g) => compactPath(frame.path(g))).join('');
  // Vulnerable markers on top; numbers above all markers, in one group that sets their type once.
  const points = [...i.points].sort((a, b) => a.vulnerability - b.vulnerability);
  const labels = points.flatMap((p) => (p.no === undefined ? [] : [numberLabel(frame.point(p.lonLat), p.no)])).join('');
  const parts = [
    `<rect width="${frame.width}" height="${frame.height}" fill="#fafafa"/>`,
    `<path d="${ctx}" fill="#ececec" stroke="#9a9a9a" stroke-width="0.8"/>`,
    `<path d="${compactPath(frame.path(i.area))}" fill="#c6d8ea" fill-opacity="0.75" stroke="#073a66" stroke-width="2.5" stroke-dasharray="8 3"/>`,
    ...points.map((p) => marker(frame.point(p.lonLat), p.vulnerability >= 2)),
    labels &&
      `<g font-size="12" font-weight="700" fill="#111" stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${labels}</g>`,
  ];
  return { viewBox: `0 0 ${frame.width} ${frame.height}`, body: parts.join('') };
}

/** What {@link renderCityMap} draws. */
export interface CityMapInput {
  frame: MapFrame;
  /** The city's top-level units. */
  top: readonly Geometry[];
  /** Areas drawn dark blue on the grey city. */
  areas: readonly Area[];
  /** A ring around this [lon, lat] (a small area stays findable on a city map). */
  ring?: [number, number] | undefined;
}

/** The city's top-level units in grey with areas in dark blue: a locator for one area, an overview for a layer. */
export function renderCityMap(i: CityMapInput): FacilityLocator {
  const { frame } = i;
  const top = i.top.map((g) => compactPath(frame.path(g))).join('');
  const areas = i.areas.map((g) => compactPath(frame.path(g))).join('');
  const [x, y] = i.ring ? frame.point(i.ring) : [NaN, NaN];
  const ring =
    Number.isFinite(x) && Number.isFinite(y)
      ? `<circle cx="${x}" cy="${y}" r="12" fill="none" stroke="#000" stroke-width="2"/>`
      : '';
  return {
    viewBox: `0 0 ${frame.width} ${frame.height}`,
    body: `<path d="${top}" fill="#ececec" stroke="#6b6b6b" stroke-width="0.8"/><path d="${areas}" fill="#0b4f8a" stroke="#000" stroke-width="0.6"/>${ring}`,
  };
}

/** A frame fitted to the city's top-level units, paths at whole units (these maps are small). */
export function cityFrame(top: readonly Feature[], width: number): MapFrame {
  const extent: FeatureCollection = { type: 'FeatureCollection', features: [...top] };
  return createMapFrame(extent, width, fittedHeight(extent, width), 4, 0);
}
