import type { AtlasConfig, Level } from '../../schemas/atlasConfig.ts';
import { extractFeatures } from '../../lib/geo/extractFeatures.ts';
import { applyBoundaryFixes, findDuplicateIds, type AppliedFix } from '../../lib/geo/fixes.ts';
import { areaM2, bbox, interiorPoint } from '../../lib/geo/measure.ts';
import { createPolygonIndex, type PolygonIndex } from '../../lib/geo/pointIndex.ts';
import { readBoundaries, type BoundaryFeature } from '../../lib/geo/readBoundaries.ts';
import { ProblemLog } from '../../lib/problems.ts';
import type { Unit } from '../../lib/types.ts';
import type { Effects } from '../effects.ts';
import { CONFIG_FILE } from './config.ts';

export interface BoundariesResult {
  /** All units, level by level from the top. */
  units: Unit[];
  /** Features per level id, WGS84, wound for d3 (unsimplified). */
  features: Map<string, BoundaryFeature[]>;
  /** Point lookups per level id. */
  indexes: Map<string, PolygonIndex>;
  fixes: (AppliedFix & { level: string })[];
}

/**
 * Stage 2: reads every level's boundary file (GeoJSON or TopoJSON, any supported CRS, any winding),
 * applies the documented fixes, refuses duplicate ids, and links each unit to its parent
 * (by id prefix, a property, or the parent polygon containing the unit's interior point).
 */
export async function readLevels(config: AtlasConfig, fx: Effects, log: ProblemLog): Promise<BoundariesResult> {
  const result: BoundariesResult = { units: [], features: new Map(), indexes: new Map(), fixes: [] };
  const idsByLevel = new Map<string, Set<string>>();
  for (const level of config.levels) {
    const file = level.boundaries.file;
    const json = await readJson(fx, file, log);
    if (json === undefined) continue;
    let features = readBoundaries({ json, source: level.boundaries, file }, log);
    if (level.fixes.length > 0) {
      const lookup = (lon: number, lat: number, lvl: string) => result.indexes.get(lvl)?.find(lon, lat);
      const fixed = applyBoundaryFixes(features, level.fixes, lookup, CONFIG_FILE, log);
      features = fixed.features;
      result.fixes.push(...fixed.applied.map((a) => ({ ...a, level: level.id })));
    }
    if (findDuplicateIds(features, file, log).length > 0) continue;
    const parentIds = level.parent
      ? assignParents(level, features, json, result.indexes, idsByLevel, log)
      : new Map<string, string>();
    result.features.set(level.id, features);
    result.indexes.set(level.id, createPolygonIndex(features));
    idsByLevel.set(level.id, new Set(features.map((f) => f.id)));
    for (const f of features) {
      result.units.push({
        id: f.id,
        name: f.name,
        level: level.id,
        parent: parentIds.get(f.id),
        areaM2: areaM2(f.geometry),
        bbox: bbox(f.geometry),
        interiorPoint: interiorPoint(f.geometry),
      });
    }
  }
  const seen = new Map<string, string>();
  for (const u of result.units) {
    const other = seen.get(u.id);
    if (other !== undefined)
      log.error({
        file: CONFIG_FILE,
        field: 'levels',
        message: `Die id "${u.id}" kommt auf den Ebenen ${other} und ${u.level} vor.`,
        hint: 'Ids müssen über alle Ebenen eindeutig sein (sie bilden die Adressen der Seiten); ggf. ein Präfix vergeben.',
      });
    seen.set(u.id, u.level);
  }
  return result;
}

/** Reads and parses a JSON file of the atlas folder; reports an unreadable file or invalid JSON (with line). */
export async function readJson(fx: Effects, file: string, log: ProblemLog): Promise<unknown> {
  let text: string;
  try {
    text = await fx.readText(file);
  } catch {
    log.error({ file, message: 'Datei nicht lesbar oder nicht vorhanden.', hint: 'Pfad in atlas.yml prüfen.' });
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    log.error({
      file,
      line,
      message: `Kein gültiges JSON: ${(e as Error).message}`,
      hint: 'Datei mit einem GIS neu als GeoJSON/TopoJSON exportieren.',
    });
    return undefined;
  }
}

/** Finds each feature's parent id and checks that the parent exists; problems name the feature. */
function assignParents(
  level: Level,
  features: readonly BoundaryFeature[],
  json: unknown,
  indexes: ReadonlyMap<string, PolygonIndex>,
  idsByLevel: ReadonlyMap<string, ReadonlySet<string>>,
  log: ProblemLog,
): Map<string, string> {
  const rule = level.parent;
  const out = new Map<string, string>();
  if (!rule) return out;
  const parents = idsByLevel.get(rule.level) ?? new Set<string>();
  const index = indexes.get(rule.level);
  const props = rule.field
    ? new Map(
        (extractFeatures(json, level.boundaries, level.boundaries.file, new ProblemLog()) ?? []).map((r) => [
          r.index,
          r.properties,
        ]),
      )
    : undefined;
  for (const f of features) {
    let parent: string | undefined;
    let how: string;
    if (rule.idPrefix !== undefined) {
      parent = f.id.slice(0, rule.idPrefix);
      how = `die ersten ${rule.idPrefix} Zeichen der id`;
    } else if (rule.field && props) {
      const v = props.get(f.index)?.[rule.field];
      parent = v === undefined || v === null ? undefined : String(v);
      how = `das Feld "${rule.field}"`;
    } else {
      const [lon, lat] = interiorPoint(f.geometry);
      parent = index?.find(lon, lat);
      how = 'die Lage (Punkt im Gebiet)';
    }
    if (parent === undefined || !parents.has(parent)) {
      log.error({
        file: level.boundaries.file,
        location: `Feature ${f.index} (id ${f.id}, ${f.name})`,
        field: rule.field ?? level.boundaries.idField,
        message: `Keine übergeordnete Einheit auf Ebene ${rule.level} gefunden über ${how}${parent === undefined ? '' : ` ("${parent}")`}.`,
        hint: 'Ids der Ebenen oder die parent-Regel in atlas.yml prüfen; liegt das Gebiet außerhalb der Grenzen der Ebene darüber?',
      });
      continue;
    }
    out.set(f.id, parent);
  }
  return out;
}
