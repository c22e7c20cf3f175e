import type { MultiPolygon, Polygon } from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { ProblemLog } from '../problems.ts';
import type { BoundaryFeature } from './readBoundaries.ts';
import { rewindForD3 } from './winding.ts';

/**
 * Units that the statistics publish only together ("Altstadt und Neustadt"): the listed boundary units become one
 * unit with one dissolved outline (topojson's merge removes the shared border), one page and one map area.
 */

/** One merge from atlas.yml (`levels[].merge[]`). */
export interface UnitMerge {
  id: string;
  name: string;
  units: string[];
}

/** Result of {@link mergeUnits}: the features with each group replaced by one, and part id → merged id. */
export interface MergeResult {
  features: BoundaryFeature[];
  mergedInto: Map<string, string>;
}

/**
 * Replaces each group's parts by one feature (at the position of its first part) whose geometry is the union of
 * the parts. A part that is not a unit of the level, a part named twice, or a new id equal to another unit's id
 * is an error (the group is then left out and its parts stay as they are).
 * @param where the config path for problems, e.g. "levels[1].merge"
 */
export function mergeUnits(
  features: readonly BoundaryFeature[],
  merges: readonly UnitMerge[],
  file: string,
  where: string,
  log: ProblemLog,
): MergeResult {
  const byId = new Map(features.map((f) => [f.id, f]));
  const mergedInto = new Map<string, string>();
  const replaced = new Map<string, BoundaryFeature>(); // first part id → merged feature
  merges.forEach((m, i) => {
    const at = { file, field: `${where}[${i}]` };
    const unknown = m.units.filter((u) => !byId.has(u));
    const twice = m.units.filter((u) => mergedInto.has(u));
    const clash = byId.has(m.id) && !m.units.includes(m.id);
    if (unknown.length > 0 || twice.length > 0 || clash) {
      log.error({
        ...at,
        message:
          unknown.length > 0
            ? `Zusammenfassung "${m.name}": ${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'ist keine Einheit' : 'sind keine Einheiten'} dieser Ebene.`
            : twice.length > 0
              ? `Zusammenfassung "${m.name}": ${twice.join(', ')} gehört schon zu einer anderen Zusammenfassung.`
              : `Zusammenfassung "${m.name}": die id "${m.id}" hat schon ein anderes Gebiet.`,
        hint: 'Ids der Teile aus der Grenzdatei übernehmen; jede Einheit gehört zu höchstens einer Zusammenfassung, die neue id ist neu.',
      });
      return;
    }
    const parts = m.units.map((u) => byId.get(u)!);
    const collection = {
      type: 'FeatureCollection' as const,
      features: parts.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: p.geometry })),
    };
    // No quantization: shared borders must match exactly as they are in the file (they do in one export).
    const topo = topology({ parts: collection }) as unknown as Topology;
    const object = topo.objects.parts as GeometryCollection;
    const geometry = rewindForD3(merge(topo, object.geometries as never) as MultiPolygon);
    const dissolved: Polygon | MultiPolygon =
      geometry.coordinates.length === 1 ? { type: 'Polygon', coordinates: geometry.coordinates[0]! } : geometry;
    for (const u of m.units) mergedInto.set(u, m.id);
    replaced.set(m.units[0]!, { id: m.id, name: m.name, index: parts[0]!.index, geometry: dissolved });
  });
  const out: BoundaryFeature[] = [];
  for (const f of features) {
    const merged = replaced.get(f.id);
    if (merged) out.push(merged);
    else if (!mergedInto.has(f.id)) out.push(f);
  }
  return { features: out, mergedInto };
}
