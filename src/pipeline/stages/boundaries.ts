import type { AtlasConfig, Level } from '../../schemas/atlasConfig.ts';
import { extractFeatures, type RawFeature } from '../../lib/geo/extractFeatures.ts';
import { applyBoundaryFixes, findDuplicateIds, type AppliedFix } from '../../lib/geo/fixes.ts';
import { boxOverlap, distanceOutsideParent, findFarParts, unionBox, type Box } from '../../lib/geo/levelChecks.ts';
import { areaM2, bbox, interiorPoint } from '../../lib/geo/measure.ts';
import { mergeUnits } from '../../lib/geo/mergeUnits.ts';
import { createPolygonIndex, type PolygonIndex } from '../../lib/geo/pointIndex.ts';
import { readBoundaries, type BoundaryFeature, type BoundarySource } from '../../lib/geo/readBoundaries.ts';
import { isShapefile, readShapefile } from '../../lib/geo/readShapefile.ts';
import { lookupEpsg } from '../epsg.ts';
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
  /**
   * Levels whose boundaries could not be used (file unreadable, no usable feature, wrong CRS, duplicate ids, no
   * overlap with the other levels), with the reason: checks that depend on them (table ids, parents, facility
   * placement) are skipped with one line instead of one error per row.
   */
  failed: Map<string, string>;
  /** Per level, ids of features that were in the file but rejected (each reported): their table rows are skipped. */
  rejected: Map<string, Set<string>>;
  /** Per level, boundary unit id → id of the merged unit it belongs to (`levels[].merge`). */
  mergedInto: Map<string, Map<string, string>>;
}

/** A boundary file as read: parsed GeoJSON/TopoJSON (or a shapefile as GeoJSON) and a shapefile's `.prj`. */
export interface LoadedBoundaryFile {
  json: unknown;
  prj?: string | undefined;
}

/**
 * Stage 2: reads every level's boundary file (GeoJSON, TopoJSON or shapefile, any CRS, any winding),
 * applies the documented fixes and merges, refuses duplicate ids, and links each unit to its parent
 * (by id prefix, a property, or the parent polygon containing the unit's interior point). Levels must lie in
 * Germany and overlap one another; a level that fails is recorded in `failed`, and checks that depend on it stop.
 */
export async function readLevels(config: AtlasConfig, fx: Effects, log: ProblemLog): Promise<BoundariesResult> {
  const result: BoundariesResult = {
    units: [],
    features: new Map(),
    indexes: new Map(),
    fixes: [],
    failed: new Map(),
    rejected: new Map(),
    mergedInto: new Map(),
  };
  const idsByLevel = new Map<string, Set<string>>();
  const boxes = new Map<string, Box>();
  for (const [i, level] of config.levels.entries()) {
    const file = level.boundaries.file;
    const cannot = `die Grenzen der Ebene ${level.id} (${file}) nicht gelesen werden konnten`;
    const errorsBefore = log.errors.length;
    const loaded = await loadBoundaryFile(fx, level.boundaries, log);
    if (loaded === undefined) {
      result.failed.set(level.id, cannot);
      continue;
    }
    const { json, prj } = loaded;
    let features = readBoundaries({ json, prj, source: level.boundaries, file, lookupEpsg }, log);
    const crsFailed = log.errors.slice(errorsBefore).some((e) => e.field === 'crs' && e.file === file);
    if (features.length === 0 || crsFailed) {
      result.failed.set(level.id, cannot);
      continue;
    }
    const raw = extractFeatures(json, level.boundaries, file, new ProblemLog()) ?? [];
    // A fix located `within` a level that failed cannot be placed: skipped with one line, not reported as stale.
    const fixes = level.fixes.filter((f) => {
      const why = f.within && result.failed.get(f.within.level);
      if (why)
        log.skip({
          file: CONFIG_FILE,
          message: `Korrektur der id ${f.id} (Ebene ${level.id}) nicht angewandt, weil ${why}.`,
        });
      return !why;
    });
    if (fixes.length > 0) {
      const lookup = (lon: number, lat: number, lvl: string) => result.indexes.get(lvl)?.find(lon, lat);
      const fixed = applyBoundaryFixes(features, fixes, lookup, CONFIG_FILE, log);
      features = fixed.features;
      result.fixes.push(...fixed.applied.map((a) => ({ ...a, level: level.id })));
    }
    // Duplicates that a skipped fix would have resolved are a consequence of the failed level, not a new error.
    const skippedFixIds = new Set(level.fixes.filter((f) => !fixes.includes(f)).map((f) => f.id));
    const probe = new ProblemLog();
    const duplicates = findDuplicateIds(features, file, probe);
    if (duplicates.length > 0) {
      if (duplicates.every((d) => skippedFixIds.has(d.id))) {
        const why = level.fixes.find((f) => skippedFixIds.has(f.id))?.within?.level ?? '';
        result.failed.set(level.id, `die Korrekturen der Ebene ${level.id} fehlen, weil die Ebene ${why} fehlt`);
      } else {
        log.merge(probe);
        result.failed.set(level.id, `die Ids der Ebene ${level.id} (${file}) nicht eindeutig sind`);
      }
      continue;
    }
    const kept = new Set(features.map((f) => f.id));
    const rejected = new Set(
      raw.flatMap((r) => {
        const id = r.properties[level.boundaries.idField] ?? r.id;
        return (typeof id === 'string' || typeof id === 'number') && !kept.has(String(id)) ? [String(id)] : [];
      }),
    );
    if (rejected.size > 0) result.rejected.set(level.id, rejected);
    const box = unionBox(features.map((f) => bbox(f.geometry)));
    const mismatch = box ? checkOverlap(level, box, boxes, log) : undefined;
    if (mismatch) {
      result.failed.set(level.id, mismatch);
      continue;
    }
    if (box) boxes.set(level.id, box);
    const parentLevel = level.parent?.level;
    const parentFailed = parentLevel !== undefined && result.failed.get(parentLevel);
    let parentIds = new Map<string, string>();
    if (parentFailed) {
      log.skip({
        file,
        message: `Übergeordnete Gebiete der ${features.length} Einheiten der Ebene ${level.id} nicht bestimmt, weil ${parentFailed}.`,
      });
    } else if (level.parent) {
      parentIds = assignParents(level, features, raw, result, idsByLevel, log);
    }
    if (level.merge.length > 0) {
      const merged = mergeUnits(features, level.merge, CONFIG_FILE, `levels[${i}].merge`, log);
      features = merged.features;
      result.mergedInto.set(level.id, merged.mergedInto);
      for (const m of level.merge) {
        const parents = new Set(m.units.map((u) => parentIds.get(u)));
        const [only] = parents;
        if (parents.size === 1 && only !== undefined) parentIds.set(m.id, only);
        else if (parents.size > 1)
          log.error({
            file: CONFIG_FILE,
            field: `levels[${i}].merge`,
            message: `Zusammenfassung "${m.name}": die Teile gehören zu verschiedenen übergeordneten Gebieten (${[...parents].join(', ')}).`,
            hint: 'Nur Einheiten mit demselben übergeordneten Gebiet zusammenfassen.',
          });
      }
    }
    warnFarParts(level.id, file, features, log);
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

/**
 * Every level must overlap the levels read before it: a level read with a wrong CRS lies elsewhere, and then
 * every parent, every table row and every facility would be reported one by one. Returns the reason when not.
 */
function checkOverlap(level: Level, box: Box, boxes: ReadonlyMap<string, Box>, log: ProblemLog): string | undefined {
  for (const [other, otherBox] of boxes) {
    const { share, distanceM } = boxOverlap(box, otherBox);
    if (share >= 0.5) continue;
    const where =
      distanceM > 0
        ? `liegt ${formatKm(distanceM)} km neben der Ebene ${other}`
        : `überdeckt die Ebene ${other} nur zu ${Math.round(share * 100)} %`;
    log.error({
      file: level.boundaries.file,
      field: 'crs',
      message: `Die Ebene ${level.id} ${where}; die Ebenen müssen dasselbe Gebiet abdecken.`,
      hint: 'Wahrscheinlich ist bei einer der beiden Dateien das Koordinatensystem falsch (crs in atlas.yml, .prj-Datei), oder eine Datei gehört zu einer anderen Stadt.',
    });
    return `die Ebene ${level.id} nicht im Gebiet der Ebene ${other} liegt`;
  }
  return undefined;
}

/** Warns about parts far from the rest of a level (an island): every map fits them and draws the city smaller. */
function warnFarParts(level: string, file: string, features: readonly BoundaryFeature[], log: ProblemLog): void {
  for (const part of findFarParts(features)) {
    log.warn({
      file,
      location: `id ${part.id} (${part.name})`,
      message: `Ein Teil des Gebiets liegt ${formatKm(part.distanceM)} km vom übrigen Gebiet der Ebene ${level} entfernt; alle Karten zeigen ihn mit, die Stadt erscheint entsprechend kleiner.`,
      hint: 'Bei Absicht (Insel, Exklave) nichts tun; sonst die Geometrie im GIS prüfen.',
    });
  }
}

function formatKm(m: number): string {
  return (m / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 });
}

/**
 * Reads a boundary file of any supported format: a shapefile (`.shp`, with `.dbf`, `.prj`, `.cpg` beside it), else
 * JSON (GeoJSON or TopoJSON). Reports an unreadable file, a binary file that is no shapefile (a ZIP archive, a
 * GeoPackage), and invalid JSON (with line) once, without printing the file's bytes.
 */
export async function loadBoundaryFile(
  fx: Effects,
  source: BoundarySource,
  log: ProblemLog,
): Promise<LoadedBoundaryFile | undefined> {
  const file = source.file;
  let bytes: Uint8Array;
  try {
    bytes = await fx.readBytes(file);
  } catch {
    log.error({ file, message: 'Datei nicht lesbar oder nicht vorhanden.', hint: 'Pfad in atlas.yml prüfen.' });
    return undefined;
  }
  if (/\.shp$/i.test(file) || isShapefile(bytes)) {
    const sidecar = async (ext: string): Promise<Uint8Array | undefined> => {
      for (const e of [ext, ext.toUpperCase()]) {
        const path = file.replace(/\.shp$/i, `.${e}`);
        if (path !== file && (await fx.exists(path))) return fx.readBytes(path);
      }
      return undefined;
    };
    const text = async (ext: string) => {
      const b = await sidecar(ext);
      return b === undefined ? undefined : new TextDecoder().decode(b);
    };
    const read = await readShapefile(
      { file, shp: bytes, dbf: await sidecar('dbf'), prj: await text('prj'), cpg: await text('cpg') },
      { encoding: source.encoding, idField: source.idField },
      log,
    );
    return read && { json: read.json, prj: read.prj };
  }
  const binary = describeBinary(bytes);
  if (binary) {
    log.error({ file, message: binary.message, hint: binary.hint });
    return undefined;
  }
  return parseJson(new TextDecoder().decode(bytes), file, log);
}

/** What a binary file that is not a shapefile probably is, or undefined for text. */
function describeBinary(bytes: Uint8Array): { message: string; hint: string } | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (head.startsWith('PK\u0003\u0004'))
    return {
      message: 'Die Datei ist ein ZIP-Archiv.',
      hint: 'Das Archiv entpacken und in atlas.yml die .shp-, .geojson- oder .topojson-Datei angeben.',
    };
  if (head.startsWith('SQLite format 3'))
    return {
      message: 'Die Datei ist eine SQLite-Datenbank (z. B. GeoPackage); dieses Format wird nicht gelesen.',
      hint: 'Im GIS als GeoJSON oder Shapefile exportieren (QGIS: Layer → Exportieren → Objekte speichern als).',
    };
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0))
    return {
      message: 'Die Datei ist keine Textdatei (sie enthält Binärdaten) und kein Shapefile.',
      hint: 'Grenzen als GeoJSON, TopoJSON oder Shapefile (.shp mit .dbf und .prj) angeben.',
    };
  return undefined;
}

function parseJson(text: string, file: string, log: ProblemLog): LoadedBoundaryFile | undefined {
  try {
    return { json: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    // V8 quotes the start of the text; control characters are cut so the message stays one readable line.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    const reason = (e as Error).message.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ').slice(0, 160);
    log.error({
      file,
      line,
      message: `Kein gültiges JSON: ${reason}`,
      hint: 'Datei mit einem GIS neu als GeoJSON/TopoJSON exportieren.',
    });
    return undefined;
  }
}

/**
 * Finds each feature's parent id and checks that the parent exists; problems name the feature. A parent that is
 * part of a merged unit stands for the merged unit. A unit whose rule (id prefix, field) names a parent it lies
 * more than 1 km outside of gets a warning with the distance.
 */
function assignParents(
  level: Level,
  features: readonly BoundaryFeature[],
  raw: readonly RawFeature[],
  result: BoundariesResult,
  idsByLevel: ReadonlyMap<string, ReadonlySet<string>>,
  log: ProblemLog,
): Map<string, string> {
  const rule = level.parent;
  const out = new Map<string, string>();
  if (!rule) return out;
  const parents = idsByLevel.get(rule.level) ?? new Set<string>();
  const index = result.indexes.get(rule.level);
  const merged = result.mergedInto.get(rule.level);
  const parentGeometry = new Map((result.features.get(rule.level) ?? []).map((f) => [f.id, f.geometry]));
  const props = rule.field ? new Map(raw.map((r) => [r.index, r.properties])) : undefined;
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
    if (parent !== undefined) parent = merged?.get(parent) ?? parent;
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
    const geometry = parentGeometry.get(parent);
    const outside =
      rule.idPrefix !== undefined || rule.field ? geometry && distanceOutsideParent(f.geometry, geometry) : 0;
    if (outside && outside > 1000) {
      log.warn({
        file: level.boundaries.file,
        location: `Feature ${f.index} (id ${f.id}, ${f.name})`,
        message: `Das Gebiet liegt ${formatKm(outside)} km außerhalb seines übergeordneten Gebiets ${parent} (Ebene ${rule.level}).`,
        hint: 'Die Zuordnung (parent-Regel, Ids) oder die Geometrie prüfen; bei Absicht (Exklave) ignorieren.',
      });
    }
    out.set(f.id, parent);
  }
  return out;
}
