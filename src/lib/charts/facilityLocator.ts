import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { createMapFrame, fittedHeight, type MapFrame } from './mapFrame.ts';

/** Width of a facility locator map in SVG units (the page scales it with CSS, like the unit locator maps). */
export const FACILITY_MAP_WIDTH = 300;

/** One top-level unit drawn on its own: its frame, outline and its sub-units. */
export interface AreaMap {
  frame: MapFrame;
  outline: string;
  /** Path data of the sub-units (the next level) by unit id, for the highlighted one. */
  children: ReadonlyMap<string, string>;
  /** Path data of the borders between the sub-units, each drawn once ("" without sub-units). */
  borders: string;
}

/** Options of {@link createAreaMaps}. */
export interface AreaMapOptions {
  /** Default {@link FACILITY_MAP_WIDTH}. */
  width?: number | undefined;
  /**
   * The borders between a top-level unit's sub-units as one line geometry (e.g. a topojson mesh): each shared border
   * once, about half the path data of drawing every sub-unit's outline. Without it, the outlines are drawn.
   */
  bordersOf?: ((topId: string) => Geometry | undefined) | undefined;
}

/**
 * Area maps for the top-level units, made on first use: each is fitted to its unit (so a facility shows where in
 * its Bezirk it lies), with paths rounded to whole units. `childrenOf` lists the next level's features per parent.
 */
export function createAreaMaps(
  top: readonly Feature[],
  childrenOf: (topId: string) => readonly Feature[],
  options: AreaMapOptions = {},
): (topId: string) => AreaMap | undefined {
  const width = options.width ?? FACILITY_MAP_WIDTH;
  const byId = new Map(top.map((f) => [String(f.id), f]));
  const cache = new Map<string, AreaMap>();
  return (topId) => {
    const cached = cache.get(topId);
    if (cached) return cached;
    const f = byId.get(topId);
    if (!f) return undefined;
    const extent: FeatureCollection = { type: 'FeatureCollection', features: [f] };
    const frame = createMapFrame(extent, width, fittedHeight(extent, width), 6, 0);
    const children = new Map(childrenOf(topId).map((c) => [String(c.id), compactPath(frame.path(c))]));
    const mesh = options.bordersOf?.(topId);
    const borders = mesh ? compactPath(frame.path(mesh)) : [...children.values()].join('');
    const map: AreaMap = { frame, outline: compactPath(frame.path(f)), children, borders };
    cache.set(topId, map);
    return map;
  };
}

/** What {@link renderFacilityLocator} draws. */
export interface FacilityLocatorInput {
  map: AreaMap;
  /** The sub-unit the facility lies in (drawn lighter blue), if the atlas has a second level. */
  areaId?: string | undefined;
  /** [lon, lat] */
  point: [number, number];
}

/** A locator map without its accessible name: the page writes the `<svg>` element with label and title around `body`. */
export interface FacilityLocator {
  /** e.g. "0 0 300 267" */
  viewBox: string;
  /** The map's elements (our own SVG markup, no text). */
  body: string;
}

/**
 * A small locator map: the top-level unit in grey with its sub-units' borders, the facility's sub-unit in light
 * blue, the facility as a dark dot with a white and a black ring (visible on any fill and without colour).
 * Pure string building, no DOM. The label stays outside, so one map serves both languages.
 */
export function renderFacilityLocator(i: FacilityLocatorInput): FacilityLocator {
  const { frame } = i.map;
  const [x, y] = frame.point(i.point);
  const area = i.areaId === undefined ? undefined : i.map.children.get(i.areaId);
  const parts = [`<path d="${i.map.outline}" fill="#ececec" stroke="#4d4d4d" stroke-width="1.2"/>`];
  if (i.map.borders) parts.push(`<path d="${i.map.borders}" fill="none" stroke="#8a8a8a" stroke-width="0.6"/>`);
  if (area) parts.push(`<path d="${area}" fill="#c6d8ea" stroke="#4a6f94" stroke-width="1.5"/>`);
  if (Number.isFinite(x) && Number.isFinite(y)) {
    parts.push(
      `<circle cx="${x}" cy="${y}" r="8" fill="#fff" stroke="#000" stroke-width="1"/><circle cx="${x}" cy="${y}" r="5" fill="#0b4f8a" stroke="#000" stroke-width="1"/>`,
    );
  }
  return { viewBox: `0 0 ${frame.width} ${frame.height}`, body: parts.join('') };
}

/**
 * Shortens SVG path data from d3-geo (absolute `M`/`L`/`Z`): repeated points (common after rounding to whole
 * units) are dropped and line segments written relative, which at whole units is about half as long.
 * @example compactPath("M10,10L12,10L12,10L12,13Z") // "M10,10l2,0 0,3z"
 */
export function compactPath(d: string): string {
  let out = '';
  let cx = 0;
  let cy = 0;
  let inLine = false;
  for (const m of d.matchAll(/([MLZ])([^MLZ]*)/gi)) {
    const cmd = (m[1] as string).toUpperCase();
    if (cmd === 'Z') {
      out += 'z';
      inLine = false;
      continue;
    }
    const [x, y] = (m[2] as string).split(',').map(Number) as [number, number];
    if (cmd === 'M') {
      out += `M${x},${y}`;
      inLine = false;
    } else {
      const dx = Math.round((x - cx) * 10) / 10;
      const dy = Math.round((y - cy) * 10) / 10;
      if (dx === 0 && dy === 0) continue;
      out += `${inLine ? ' ' : 'l'}${dx},${dy}`;
      inLine = true;
    }
    cx = x;
    cy = y;
  }
  return out;
}
