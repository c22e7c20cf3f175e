import type { MultiPolygon, Polygon } from 'geojson';
import type { Crosswalk, Level, Scheme } from '../../schemas/atlasConfig.ts';
import { overlapUnits, type OverlapUnit, type UnitOverlap } from '../areas/unitOverlap.ts';
import { interiorPoint } from '../geo/measure.ts';
import { createPolygonIndex } from '../geo/pointIndex.ts';
import { simplifyGeometry } from '../geo/simplify.ts';
import type { Unit } from '../types.ts';
import type { CrosswalkPair } from './crosswalk.ts';

/**
 * Successors and predecessors of units across boundary schemes (Berlin: the LOR until 2020 and the re-cut of 2021).
 *
 * Every unit of an older scheme is intersected with every unit of a newer one (polygon intersection with polyclip-ts,
 * reused from the overlays: src/lib/areas/unitOverlap.ts): the overlap gives the shares by area in both directions.
 * A crosswalk of the publisher (`crosswalks` in atlas.yml) says which pairs it names itself; a pair that only the
 * geometry finds (where the crosswalk does not reach) is marked as computed. Pairs of the crosswalk that the geometry
 * does not confirm are reported, never silently used or dropped.
 */

/** One unit of the other scheme, with the share of area that links them. */
export interface SchemeLink {
  /** The linked unit (of the other scheme). */
  unit: string;
  level: string;
  /** Share of the older unit's area that lies in the newer one, 0–1. */
  shareOfOld: number;
  /** Share of the newer unit's area that lies in the older one, 0–1. */
  shareOfNew: number;
  /** `crosswalk`: the publisher's crosswalk names the pair; `geometry`: only the boundaries link them. */
  basis: 'crosswalk' | 'geometry';
}

/** What {@link computeSchemeLinks} found, for the data report. */
export interface SchemeLinksReport {
  /** Older and newer scheme ids of each pair of schemes linked. */
  pairs: { from: string; to: string; links: number; byCrosswalk: number; byGeometry: number }[];
  /** Crosswalk entries that no overlap of the boundaries confirms (file, line, ids). */
  unconfirmed: { file: string; line: number; from: string; to: string }[];
  /** Units whose intersection failed in the library (degenerate geometry): listed, never dropped silently. */
  failed: string[];
  /** Units of an older scheme that overlap no unit of the newer one (outside its boundaries). */
  withoutSuccessor: string[];
}

/** Successors (older → newer units) and predecessors (newer → older), per unit id. */
export interface SchemeLinks {
  successors: Map<string, SchemeLink[]>;
  predecessors: Map<string, SchemeLink[]>;
  report: SchemeLinksReport;
}

/** A crosswalk as read: its config and its pairs. */
export interface CrosswalkInput {
  crosswalk: Crosswalk;
  file: string;
  pairs: readonly CrosswalkPair[];
}

/** The input of {@link computeSchemeLinks}. */
export interface SchemeLinksInput {
  levels: readonly Pick<Level, 'id' | 'scheme' | 'parent'>[];
  schemes: readonly Scheme[];
  units: readonly Unit[];
  /** Geometry per unit id (WGS84, as read). */
  geometry: ReadonlyMap<string, Polygon | MultiPolygon>;
  crosswalks: readonly CrosswalkInput[];
}

/** Tolerance of the simplification before intersecting (see simplifyGeometry): shares are shown in whole per cent. */
export const LINK_TOLERANCE_M = 5;
/** An older unit at least this share inside a newer one counts as wholly inside: its sub-units are not clipped. */
const WHOLE = 0.999;

/** An older unit as the intersection needs it. */
interface OldUnit extends OverlapUnit {
  areaM2: number;
  children: OldUnit[];
}

/** Links every unit of every older scheme with the units of every newer scheme it overlaps (schemes oldest first). */
export function computeSchemeLinks(input: SchemeLinksInput): SchemeLinks {
  const out: SchemeLinks = {
    successors: new Map(),
    predecessors: new Map(),
    report: { pairs: [], unconfirmed: [], failed: [], withoutSuccessor: [] },
  };
  // Oldest first, as the config lists them (checked in checkSchemes).
  const schemes = input.schemes;
  const units = new Map(input.units.map((u) => [u.id, u]));
  const children = new Map<string, Unit[]>();
  for (const u of input.units)
    if (u.parent !== undefined) (children.get(u.parent) ?? children.set(u.parent, []).get(u.parent))?.push(u);
  const simplified = new Map<string, Polygon | MultiPolygon>();
  const geometryOf = (id: string) => {
    let g = simplified.get(id);
    if (!g) {
      const raw = input.geometry.get(id);
      if (!raw) return undefined;
      simplified.set(id, (g = simplifyGeometry(raw, LINK_TOLERANCE_M)));
    }
    return g;
  };
  const confirmed = new Set<CrosswalkPair>();
  for (const [a, older] of schemes.entries()) {
    for (const newer of schemes.slice(a + 1)) {
      const oldLevels = input.levels.filter((l) => l.scheme === older.id);
      const newLevels = input.levels.filter((l) => l.scheme === newer.id);
      if (oldLevels.length === 0 || newLevels.length === 0) continue;
      const walks = input.crosswalks.filter(
        (x) =>
          oldLevels.some((l) => l.id === x.crosswalk.from.level) &&
          newLevels.some((l) => l.id === x.crosswalk.to.level),
      );
      const oldIds = new Set(oldLevels.map((l) => l.id));
      const tree = new Map<string, OldUnit>();
      const node = (u: Unit): OldUnit | undefined => {
        let n = tree.get(u.id);
        if (n) return n;
        const geometry = geometryOf(u.id);
        if (!geometry) return undefined;
        n = { id: u.id, level: u.level, geometry, bbox: u.bbox, parent: u.parent, areaM2: u.areaM2, children: [] };
        tree.set(u.id, n);
        for (const c of children.get(u.id) ?? []) {
          const k = oldIds.has(c.level) ? node(c) : undefined;
          if (k) n.children.push(k);
        }
        return n;
      };
      // The coarsest older units: those whose parent is not of the older scheme, by that parent (a unit of a level
      // both schemes share, e.g. a Bezirk): older and newer units overlap only within the same shared unit.
      const roots = new Map<string, OldUnit[]>();
      for (const u of input.units) {
        if (!oldIds.has(u.level) || oldIds.has(units.get(u.parent ?? '')?.level ?? '')) continue;
        const n = node(u);
        if (n) (roots.get(u.parent ?? '') ?? roots.set(u.parent ?? '', []).get(u.parent ?? ''))?.push(n);
      }
      const rootsOf = (n: Unit) => {
        for (let p = units.get(n.parent ?? ''); p; p = units.get(p.parent ?? '')) {
          const r = roots.get(p.id);
          if (r) return r;
        }
        return [...roots.values()].flat();
      };
      const stats = { from: older.id, to: newer.id, links: 0, byCrosswalk: 0, byGeometry: 0 };
      const linked = new Set<string>();
      for (const nl of newLevels) {
        for (const n of input.units.filter((u) => u.level === nl.id)) {
          const geometry = geometryOf(n.id);
          if (!geometry) continue;
          const { overlaps, failed } = overlapTree(
            { geometry, bbox: n.bbox, areaM2: n.areaM2, raw: input.geometry.get(n.id) ?? geometry },
            rootsOf(n),
            (id) => input.geometry.get(id),
          );
          out.report.failed.push(...failed.map((id) => `${id} × ${n.id}`));
          for (const o of overlaps) {
            const old = units.get(o.unit);
            if (!old) continue;
            const named = walks.flatMap((w) => {
              const fromKeys = crosswalkKeys(old, w.crosswalk.from, units, children);
              const toKeys = crosswalkKeys(n, w.crosswalk.to, units, children);
              return w.pairs.filter((p) => fromKeys.has(p.from) && toKeys.has(p.to));
            });
            for (const p of named) confirmed.add(p);
            const basis = named.length > 0 ? 'crosswalk' : 'geometry';
            const link = { shareOfOld: o.shareOfUnit, shareOfNew: o.shareOfArea, basis } as const;
            push(out.successors, old.id, { unit: n.id, level: n.level, ...link });
            push(out.predecessors, n.id, { unit: old.id, level: old.level, ...link });
            linked.add(old.id);
            stats.links++;
            if (basis === 'crosswalk') stats.byCrosswalk++;
            else stats.byGeometry++;
          }
        }
      }
      for (const id of tree.keys()) if (!linked.has(id)) out.report.withoutSuccessor.push(id);
      out.report.pairs.push(stats);
      for (const w of walks)
        for (const p of w.pairs)
          if (!confirmed.has(p)) out.report.unconfirmed.push({ file: w.file, line: p.line, from: p.from, to: p.to });
    }
  }
  for (const list of out.successors.values()) list.sort((a, b) => b.shareOfOld - a.shareOfOld);
  for (const list of out.predecessors.values()) list.sort((a, b) => b.shareOfNew - a.shareOfNew);
  return out;
}

/**
 * The overlaps of one newer unit with a tree of older units, clipping from the coarsest level down: a unit wholly
 * inside passes its sub-units on without clipping (each wholly inside), a unit partly inside has its sub-units
 * clipped, and of a unit that only touches (a sliver, see MIN_SHARE) the sub-units whose interior point lies inside
 * are clipped (a tiny sub-unit can lie wholly inside where its parent only touches).
 */
function overlapTree(
  area: {
    geometry: Polygon | MultiPolygon;
    bbox: [number, number, number, number];
    areaM2: number;
    /** The unsimplified geometry, for a second try where the simplified one fails in the library. */
    raw: Polygon | MultiPolygon;
  },
  roots: readonly OldUnit[],
  rawOf: (id: string) => Polygon | MultiPolygon | undefined,
): { overlaps: UnitOverlap[]; failed: string[] } {
  const overlaps: UnitOverlap[] = [];
  const failed: string[] = [];
  let inside: ReturnType<typeof createPolygonIndex> | undefined;
  const within = (u: OldUnit) => {
    inside ??= createPolygonIndex([{ id: 'area', geometry: area.geometry }]);
    const [lon, lat] = interiorPoint(u.geometry);
    return inside.find(lon, lat) !== undefined;
  };
  const whole = (u: OldUnit) => {
    for (const c of u.children) {
      overlaps.push({
        unit: c.id,
        level: c.level,
        overlapM2: c.areaM2,
        shareOfUnit: 1,
        shareOfArea: Math.min(1, c.areaM2 / area.areaM2),
      });
      whole(c);
    }
  };
  const clip = (candidates: readonly OldUnit[]) => {
    if (candidates.length === 0) return;
    const r = overlapUnits(area, candidates);
    const hit = new Map(r.overlaps.map((o) => [o.unit, o]));
    for (const id of r.failed) {
      // Simplification can make a ring degenerate for the library: try the geometry as published.
      const u = candidates.find((c) => c.id === id);
      const raw = rawOf(id);
      if (!u || !raw) continue;
      const again = overlapUnits({ ...area, geometry: area.raw }, [{ ...u, geometry: raw }]);
      if (again.failed.length > 0 && u.children.length === 0) failed.push(id);
      for (const o of again.overlaps) hit.set(o.unit, o);
    }
    for (const u of candidates) {
      const o = hit.get(u.id);
      if (o) {
        overlaps.push(o);
        if (o.shareOfUnit >= WHOLE) whole(u);
        else clip(u.children);
      } else if (r.failed.includes(u.id)) {
        // Neither try worked for this unit: its sub-units are clipped one by one (reported if they fail too).
        clip(u.children);
      } else if (boxesOverlap(area.bbox, u.bbox)) {
        clip(u.children.filter(within));
      }
    }
  };
  clip(roots);
  return { overlaps, failed };
}

function boxesOverlap(a: readonly number[], b: readonly number[]): boolean {
  return (
    (a[0] ?? 0) <= (b[2] ?? 0) && (b[0] ?? 0) <= (a[2] ?? 0) && (a[1] ?? 0) <= (b[3] ?? 0) && (b[1] ?? 0) <= (a[3] ?? 0)
  );
}

function push(m: Map<string, SchemeLink[]>, key: string, link: SchemeLink): void {
  const list = m.get(key);
  if (list) list.push(link);
  else m.set(key, [link]);
}

/**
 * The crosswalk ids a unit stands for on one side: the ids (or their first `idPrefix` characters) of the units of the
 * side's level that are the unit itself, its ancestors or its descendants (a Bezirksregion stands for the old
 * Prognoseräume of its Planungsräume).
 */
function crosswalkKeys(
  u: Unit,
  side: Crosswalk['from'],
  units: ReadonlyMap<string, Unit>,
  children: ReadonlyMap<string, readonly Unit[]>,
): Set<string> {
  const key = (x: Unit) => (side.idPrefix === undefined ? x.id : x.id.slice(0, side.idPrefix));
  const out = new Set<string>();
  for (let p: Unit | undefined = u; p; p = p.parent === undefined ? undefined : units.get(p.parent))
    if (p.level === side.level) out.add(key(p));
  const stack = [...(children.get(u.id) ?? [])];
  while (stack.length > 0) {
    const c = stack.pop() as Unit;
    if (c.level === side.level) out.add(key(c));
    stack.push(...(children.get(c.id) ?? []));
  }
  return out;
}

/** Serialisable form of {@link SchemeLinks} (for worker threads and JSON). */
export interface SchemeLinksJson {
  successors: [string, SchemeLink[]][];
  predecessors: [string, SchemeLink[]][];
  report: SchemeLinksReport;
}

/** {@link SchemeLinks} → plain arrays. */
export function linksToJson(l: SchemeLinks): SchemeLinksJson {
  return { successors: [...l.successors], predecessors: [...l.predecessors], report: l.report };
}

/** Plain arrays → {@link SchemeLinks}. */
export function linksFromJson(j: SchemeLinksJson): SchemeLinks {
  return { successors: new Map(j.successors), predecessors: new Map(j.predecessors), report: j.report };
}
