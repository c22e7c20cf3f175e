import type { MultiPolygon, Polygon } from 'geojson';
import type { z } from 'zod';
import type { ProblemLog } from '../problems.ts';
import type { BoundarySourceSchema, Crs } from '../../schemas/atlasConfig.ts';
import { classifyRange, describeRange, normalizeGeometry, samplePosition, type RangeVerdict } from './checkGeometry.ts';
import { crsFromGeoJson, isSupportedCrs, reprojectGeometry } from './crs.ts';
import { extractFeatures, type RawFeature } from './extractFeatures.ts';
import { readUnitId, readUnitName } from './unitFields.ts';
import { isPlausibleArea, rewindForD3 } from './winding.ts';

/** One level's boundary source from atlas.yml, defaults applied. */
export type BoundarySource = z.infer<typeof BoundarySourceSchema>;

/** A unit's boundary as read from its file: WGS84 lon/lat, wound for d3-geo. */
export interface BoundaryFeature {
  id: string;
  name: string;
  /** 0-based position in the file's `features` (GeoJSON) or the object's `geometries` (TopoJSON). */
  index: number;
  geometry: Polygon | MultiPolygon;
}

/**
 * Reads a boundary file (GeoJSON FeatureCollection or TopoJSON Topology, already parsed) into features in
 * WGS84, rewound for d3-geo. Every problem goes to `log`; features with errors are left out of the result
 * (each one is reported). Duplicate ids are kept: see `findDuplicateIds` and `applyBoundaryFixes`.
 * CRS: `source.crs`, else the file's `crs` member, else EPSG:4326.
 */
export function readBoundaries(
  input: { json: unknown; source: BoundarySource; file: string },
  log: ProblemLog,
): BoundaryFeature[] {
  const { json, source, file } = input;
  const crs = resolveCrs(json, source, file, log);
  const raw = extractFeatures(json, source, file, log);
  if (!crs || !raw) return [];
  const byVerdict = new Map<RangeVerdict, { item: RawFeature; sample: string }[]>();
  const out: BoundaryFeature[] = [];
  for (const item of raw) {
    const report = (p: { severity: 'error' | 'warning'; message: string; hint: string; field?: string }) =>
      log[p.severity === 'error' ? 'error' : 'warn']({ file, location: item.location, ...p });
    // Id, name and geometry are all checked, so that one run reports every problem of a feature.
    const id = readUnitId(item, source.idField, report);
    const name = readUnitName(item, source.nameField, report);
    const shape = normalizeGeometry(item.geometry, report);
    if (!shape) continue;
    const lonLat = reprojectGeometry(shape, crs);
    const verdict = classifyRange(shape, lonLat, crs);
    if (verdict !== 'ok') {
      // Collected: a wrong CRS affects every feature and is reported once, naming them all.
      byVerdict.set(verdict, [...(byVerdict.get(verdict) ?? []), { item, sample: samplePosition(shape) }]);
      if (verdict !== 'outsideGermany') continue;
    }
    const geometry = rewindForD3(lonLat);
    if (!isPlausibleArea(geometry)) {
      report({
        severity: 'error',
        message: 'Die Fläche ist leer oder nicht plausibel (Ring ohne Fläche, etwa alle Punkte auf einer Linie).',
        hint: 'Geometrie im GIS prüfen und reparieren.',
      });
      continue;
    }
    if (id !== undefined && name !== undefined) out.push({ id, name, index: item.index, geometry });
  }
  for (const [verdict, items] of byVerdict) {
    const shown = items.slice(0, 5).map((i) => i.item.location);
    const more = items.length > 5 ? ` und ${items.length - 5} weitere` : '';
    const { severity, message, hint } = describeRange(verdict, items.length, items[0]?.sample ?? '?', crs);
    log[severity === 'error' ? 'error' : 'warn']({
      file,
      location: shown.join('; ') + more,
      field: 'crs',
      message,
      hint,
    });
  }
  return out;
}

/** Chooses the CRS; reports an unsupported or unreadable declaration and a conflict between config and file. */
function resolveCrs(json: unknown, source: BoundarySource, file: string, log: ProblemLog): Crs | undefined {
  const inFile = crsFromGeoJson(json);
  if (source.crs) {
    if (inFile && inFile !== source.crs) {
      log.warn({
        file,
        field: 'crs',
        message: `Die Datei gibt ${inFile} an, atlas.yml ${source.crs}; es gilt ${source.crs}.`,
        hint: 'Prüfen, welche Angabe stimmt, und die falsche entfernen.',
      });
    }
    return source.crs;
  }
  if (inFile === undefined) {
    const member = typeof json === 'object' && json !== null && 'crs' in json ? json.crs : undefined;
    if (member !== undefined && member !== null) {
      log.warn({
        file,
        field: 'crs',
        message: `Die crs-Angabe der Datei ist nicht lesbar (${JSON.stringify(member)}); EPSG:4326 wird angenommen.`,
        hint: 'In atlas.yml bei boundaries crs angeben, z. B. crs: EPSG:25833.',
      });
    }
    return 'EPSG:4326';
  }
  if (isSupportedCrs(inFile)) return inFile;
  log.error({
    file,
    field: 'crs',
    message: `Die Datei verwendet das Koordinatensystem ${inFile}, das nicht unterstützt wird.`,
    hint: 'Im GIS nach EPSG:4326 (WGS84) oder EPSG:25832/25833 (UTM) umprojizieren.',
  });
  return undefined;
}
