import { interpolateBlues, interpolateOrRd, interpolatePurples, schemeBlues, schemeOrRd, schemePurples } from 'd3';
import type { NonValueStatus } from '../indicators/classify.ts';
import type { Unit } from '../types.ts';
import type { MapFrame } from './mapFrame.ts';
import { escapeAttr, escapeText } from './svg.ts';

/**
 * The one choropleth of the atlas (indicator pages and the home page): every unit a link drawn from the level's
 * shared geometry file with `<use href="/data/maps/<level>-<hash>.svg#u-<id>">`, so the browser loads each level's
 * shapes once and caches them for every map of that level; the page itself carries only links, fills and labels.
 * Non-values get hatchings (one per status, never a colour of the scale); parent borders are drawn on top.
 */

/** ColorBrewer sequential schemes (colour-blind safe, Harrower & Brewer 2003), 5 classes, light → dark. */
export const SCHEMES = {
  /** For indicators where higher is worse: OrRd. */
  negative: ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'],
  /** Higher is better: Blues. */
  positive: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  /** Neither: Purples. */
  neutral: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
} as const;

const SEQUENTIAL = {
  negative: { scheme: schemeOrRd, interpolate: interpolateOrRd },
  positive: { scheme: schemeBlues, interpolate: interpolateBlues },
  neutral: { scheme: schemePurples, interpolate: interpolatePurples },
} as const;

/**
 * `k` colours, light → dark, of the ColorBrewer scheme for a polarity: the published k-class scheme for k = 3…9
 * (k = 5 is {@link SCHEMES}), its first/last colours of the 3-class scheme for k < 3, and for k > 9 (e.g. 12 classes of
 * a combined index) k evenly spaced samples of the same scheme's interpolator, which stay ordered but get close.
 */
export function schemeColors(polarity: keyof typeof SCHEMES, k: number): string[] {
  const { scheme, interpolate } = SEQUENTIAL[polarity];
  if (k <= 0) return [];
  if (k === 1) return [(scheme[3] as readonly string[])[1] as string];
  if (k === 2) return [(scheme[3] as readonly string[])[0] as string, (scheme[3] as readonly string[])[2] as string];
  if (k <= 9) return [...(scheme[k] as readonly string[])];
  return Array.from({ length: k }, (_, i) => interpolate(0.08 + (0.92 * i) / (k - 1)));
}

/**
 * Hatchings of the three statuses without a number, drawn in grey (#595959 and #767676, ≥ 4.5:1 on white) on white
 * and each with its own texture so they stay apart in black and white: "keine Angabe" diagonal lines, "geheim
 * gehalten" a cross-hatch, "nicht sinnvoll" dots. Pattern ids are `<idPrefix>-<status>`.
 */
const HATCHES: Record<NonValueStatus, string> = {
  missing:
    '<rect width="6" height="6" fill="#fff"/><path d="M0,6L6,0M-1,1L1,-1M5,7L7,5" stroke="#767676" stroke-width="1.4"/>',
  suppressed: '<rect width="6" height="6" fill="#fff"/><path d="M0,0L6,6M0,6L6,0" stroke="#595959" stroke-width="1"/>',
  notApplicable: '<rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.3" fill="#595959"/>',
};

/** The `<pattern>` of a status hatching. */
export function hatchPattern(id: string, status: NonValueStatus): string {
  return `<pattern id="${escapeAttr(id)}" width="6" height="6" patternUnits="userSpaceOnUse">${HATCHES[status]}</pattern>`;
}

/** Id prefix of unit shapes in a geometry file: the shape of unit `08010301` is `#u-08010301`. */
export const SHAPE_ID_PREFIX = 'u-';
/** Id of the mesh of a level's borders (each shared border once) in a geometry file: `grenzen-bezirk`. */
export function bordersId(level: string): string {
  return `grenzen-${level}`;
}

/**
 * The shared geometry file of one level: one `<path id="u-<unit id>">` per unit (no fill or stroke of its own, so
 * each `<use>` sets them), then the border meshes of its ancestor levels (`<path id="grenzen-<level>">`), so that a
 * map of the level needs this one file only.
 */
export function renderGeometryFile(
  width: number,
  height: number,
  shapes: readonly { id: string; d: string }[],
  borders: readonly { id: string; d: string }[],
): string {
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">`];
  for (const s of shapes) out.push(`<path id="${SHAPE_ID_PREFIX}${escapeAttr(s.id)}" d="${s.d}"/>`);
  for (const b of borders) out.push(`<path id="${escapeAttr(b.id)}" fill="none" d="${b.d}"/>`);
  out.push('</svg>');
  return out.join('\n');
}

/** Map units whose drawn extent is below this many SVG units (on a 600-unit-wide map) get a marker. */
export const TINY_UNIT_SIZE = 10;
/** Radius of that marker in SVG units. */
export const MARKER_RADIUS = 4.5;

/**
 * Interior points (in `frame` coordinates) of the units drawn smaller than {@link TINY_UNIT_SIZE} in both
 * directions: those get a marker, a larger hit area that can also be seen.
 */
export function tinyUnitMarkers(
  frame: Pick<MapFrame, 'point'>,
  units: readonly Pick<Unit, 'id' | 'bbox' | 'interiorPoint'>[],
): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const u of units) {
    const [w, s, e, n] = u.bbox;
    const [x0, y0] = frame.point([w, n]);
    const [x1, y1] = frame.point([e, s]);
    if (Math.abs(x1 - x0) < TINY_UNIT_SIZE && Math.abs(y1 - y0) < TINY_UNIT_SIZE) {
      out.set(u.id, frame.point(u.interiorPoint));
    }
  }
  return out;
}

/** How a unit is filled: a colour of the scale, or the hatching of its status. */
export type UnitFill = { color: string } | { status: NonValueStatus };

export interface ChoroplethUnit {
  id: string;
  /** Link target (with language prefix). */
  href: string;
  /** Accessible name of the link and its tooltip, e.g. "Reuterkiez: 32,7 %". */
  label: string;
  fill: UnitFill;
  /** Interior point of a tiny unit (see {@link tinyUnitMarkers}): drawn as a marker inside the same link. */
  marker?: [number, number] | undefined;
}

export interface ChoroplethInput {
  width: number;
  height: number;
  /** Url of the level's geometry file (see {@link renderGeometryFile}). */
  geometryUrl: string;
  units: readonly ChoroplethUnit[];
  /** Accessible name of the whole map. */
  label: string;
  /** Prefix for ids inside the SVG (patterns), unique per page. */
  idPrefix: string;
  /**
   * Borders drawn on top, not interactive: border meshes in the same geometry file, by id (`parent`: the parent
   * level's borders, thin and dark; `top`: the top level's when it is not the parent, thick). In the given order.
   */
  borders?: readonly { id: string; weight: 'parent' | 'top' }[] | undefined;
}

function fillOf(f: UnitFill, idPrefix: string): string {
  return 'color' in f ? f.color : `url(#${idPrefix}-${f.status})`;
}

/**
 * A choropleth map as SVG: each unit a keyboard-reachable link with its accessible name and a `<title>`; tiny units
 * with a marker, drawn last so no neighbour covers it; units without a number hatched by status; borders on top.
 */
export function renderChoropleth(i: ChoroplethInput): string {
  const statuses = [...new Set(i.units.flatMap((u) => ('status' in u.fill ? [u.fill.status] : [])))];
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${i.width} ${i.height}" class="choropleth" role="group" aria-label="${escapeAttr(i.label)}">`,
  ];
  if (statuses.length > 0)
    out.push(`<defs>${statuses.map((s) => hatchPattern(`${i.idPrefix}-${s}`, s)).join('')}</defs>`);
  const ordered = [...i.units.filter((u) => !u.marker), ...i.units.filter((u) => u.marker)];
  const url = escapeAttr(i.geometryUrl);
  for (const u of ordered) {
    const fill = fillOf(u.fill, i.idPrefix);
    const marker = u.marker
      ? `<circle class="marker" cx="${u.marker[0]}" cy="${u.marker[1]}" r="${MARKER_RADIUS}" fill="${fill}"/>`
      : '';
    out.push(
      `<a href="${escapeAttr(u.href)}" aria-label="${escapeAttr(u.label)}"><use href="${url}#${SHAPE_ID_PREFIX}${escapeAttr(u.id)}" fill="${fill}"/>${marker}<title>${escapeText(u.label)}</title></a>`,
    );
  }
  if (i.borders?.length) {
    out.push(
      `<g class="choropleth-borders" aria-hidden="true">${i.borders
        .map((b) => `<use href="${url}#${escapeAttr(b.id)}" class="border-${b.weight}"/>`)
        .join('')}</g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/**
 * A legend swatch: a square in a scale colour, the hatching of a status (the same pattern as on the map, with its
 * own id `<idPrefix>-sw`), or a marker (the circle of tiny units).
 */
export function renderSwatch(fill: UnitFill | { marker: true }, idPrefix: string): string {
  const open = '<svg class="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">';
  if ('marker' in fill)
    return `${open}<rect x="0.5" y="0.5" width="15" height="15" fill="#fff" stroke="#333"/><circle cx="8" cy="8" r="${MARKER_RADIUS}" fill="#999" stroke="#222" stroke-width="1"/></svg>`;
  if ('status' in fill) {
    const id = `${idPrefix}-sw`;
    return `${open}<defs>${hatchPattern(id, fill.status)}</defs><rect x="0.5" y="0.5" width="15" height="15" fill="url(#${escapeAttr(id)})" stroke="#333"/></svg>`;
  }
  return `${open}<rect x="0.5" y="0.5" width="15" height="15" fill="${escapeAttr(fill.color)}" stroke="#333"/></svg>`;
}
