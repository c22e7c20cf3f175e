import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { topologyFeatures, type AtlasTopology } from '../geo/topology.ts';
import type { Unit } from '../types.ts';
import { compactPath } from './facilityLocator.ts';
import { createMapFrame, fittedHeight } from './mapFrame.ts';
import { escapeAttr, escapeText } from './svg.ts';

/**
 * The map of a unit's sub-units on its page (Bezirk → Bezirksregionen, Bezirksregion → Planungsräume): fitted to the
 * unit, paths at whole units, without text, so one map serves both languages; the page adds links and numbers with
 * {@link renderSubUnitMap}.
 */
export interface SubUnitMapData {
  /** e.g. "0 0 400 356" */
  viewBox: string;
  /** The sub-units in the order given: path data and the point for their number (inside the unit). */
  areas: { id: string; d: string; at: [number, number] }[];
  /** Borders of the next level down inside each sub-unit (e.g. the Planungsräume of a Bezirk's regions), or "". */
  inner: string;
}

/** Width of the sub-unit map in SVG units; the page scales it with CSS. */
export const SUB_UNIT_MAP_WIDTH = 400;

/**
 * A factory of sub-unit maps over one topology: `(unitId) → map`, undefined for a unit without sub-units (or whose
 * geometry is not in the topology). `units` gives levels, parents and each unit's interior point (where its number
 * goes); `children` the sub-unit ids per unit.
 */
export function createSubUnitMaps(
  topology: AtlasTopology,
  units: ReadonlyMap<string, Unit>,
  children: ReadonlyMap<string, readonly string[]>,
  width = SUB_UNIT_MAP_WIDTH,
): (unitId: string) => SubUnitMapData | undefined {
  const features = new Map<string, Feature>();
  for (const level of Object.keys(topology.objects))
    for (const f of topologyFeatures(topology, level)) features.set(String(f.id), f as Feature);
  const parentOf = (g: { id?: string | number | undefined }) => units.get(String(g.id))?.parent;
  const levelOrder = Object.keys(topology.objects);
  return (unitId) => {
    const unit = features.get(unitId);
    const all = (children.get(unitId) ?? []).flatMap((id) => {
      const f = features.get(id);
      const u = units.get(id);
      return f && u ? [{ f, u }] : [];
    });
    // Sub-units of two boundary schemes (Bezirksregionen until 2020, Prognoseräume from 2021) overlap: the map shows
    // the first child level in the atlas's level order only.
    const first = levelOrder.find((l) => all.some((k) => k.u.level === l));
    const kids = all.filter((k) => k.u.level === first);
    if (!unit || kids.length === 0) return undefined;
    const extent: FeatureCollection = { type: 'FeatureCollection', features: [unit] };
    const height = Math.min(Math.round(width * 1.1), fittedHeight(extent, width));
    const frame = createMapFrame(extent, width, height, 4, 0);
    // The next level's borders inside each sub-unit: shared by two units of the same sub-unit, each drawn once.
    const kidIds = new Set(kids.map((k) => k.u.id));
    const grandLevel = kids.map((k) => children.get(k.u.id)?.[0]).find((id) => id !== undefined);
    const grandObject = grandLevel ? topology.objects[units.get(grandLevel)?.level ?? ''] : undefined;
    const inner = grandObject
      ? mesh(
          topology,
          grandObject as GeometryCollection,
          (a, b) => a !== b && parentOf(a) === parentOf(b) && kidIds.has(parentOf(a) ?? ''),
        )
      : undefined;
    return {
      viewBox: `0 0 ${frame.width} ${frame.height}`,
      areas: kids.map(({ f, u }) => ({ id: u.id, d: compactPath(frame.path(f)), at: frame.point(u.interiorPoint) })),
      inner: inner ? compactPath(frame.path(inner as Geometry)) : '',
    };
  };
}

/** What {@link renderSubUnitMap} draws around a {@link SubUnitMapData}. */
export interface SubUnitMapInput {
  map: SubUnitMapData;
  /** Per sub-unit id: its page, accessible name (e.g. "3: Reuterstraße (Bezirksregion)") and number. */
  links: ReadonlyMap<string, { href: string; label: string; no: number }>;
  /** Accessible name of the map. */
  label: string;
}

/**
 * The map as SVG: each sub-unit a link (keyboard reachable, with its accessible name and a title), light blue with a
 * dark border, the next level's borders as thin grey lines, and each sub-unit's number (as in the list beside the
 * map) in black on a white halo; numbers let clicks through to the area below.
 */
export function renderSubUnitMap(i: SubUnitMapInput): string {
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${i.map.viewBox}" class="sub-unit-map" role="group" aria-label="${escapeAttr(i.label)}">`,
  ];
  const numbers: string[] = [];
  for (const a of i.map.areas) {
    const link = i.links.get(a.id);
    if (!link) continue;
    out.push(
      `<a href="${escapeAttr(link.href)}" aria-label="${escapeAttr(link.label)}"><path d="${a.d}"/><title>${escapeText(link.label)}</title></a>`,
    );
    const [x, y] = a.at;
    if (Number.isFinite(x) && Number.isFinite(y)) numbers.push(`<text x="${x}" y="${y + 5}">${link.no}</text>`);
  }
  if (i.map.inner) out.push(`<path class="sub-unit-inner" d="${i.map.inner}" aria-hidden="true"/>`);
  if (numbers.length > 0) out.push(`<g class="sub-unit-numbers" aria-hidden="true">${numbers.join('')}</g>`);
  out.push('</svg>');
  return out.join('');
}
