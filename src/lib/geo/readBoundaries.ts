import type { MultiPolygon, Polygon } from 'geojson';
import type { z } from 'zod';
import type { ProblemLog } from '../problems.ts';
import type { BoundarySourceSchema } from '../../schemas/atlasConfig.ts';
import {
  classifyRange,
  describeRange,
  likelyCrsCause,
  normalizeGeometry,
  samplePosition,
  type RangeVerdict,
} from './checkGeometry.ts';
import {
  crsFromGeoJson,
  reprojectGeometry,
  reprojectPosition,
  resolveCrs,
  WGS84,
  type EpsgLookup,
  type ResolvedCrs,
} from './crs.ts';
import { bbox } from './measure.ts';
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
 * Reads a boundary file (GeoJSON FeatureCollection or TopoJSON Topology, already parsed, or a shapefile turned into a
 * FeatureCollection by `readShapefile`) into features in WGS84, rewound for d3-geo. Every problem goes to `log`;
 * features with errors are left out of the result (each one is reported). Duplicate ids are kept: see
 * `findDuplicateIds` and `applyBoundaryFixes`. CRS: `source.crs`, else the shapefile's `.prj` (`prj`), else the
 * file's `crs` member, else EPSG:4326. Coordinates outside Germany are an error for every feature concerned,
 * reported once per kind with the likely cause; such features are left out.
 * @param input.lookupEpsg resolves EPSG codes beyond the built-in ones (the pipeline passes the EPSG index)
 */
export function readBoundaries(
  input: { json: unknown; source: BoundarySource; file: string; prj?: string | undefined; lookupEpsg?: EpsgLookup },
  log: ProblemLog,
): BoundaryFeature[] {
  const { json, source, file } = input;
  const crs = chooseCrs(input, log);
  const raw = extractFeatures(json, source, file, log);
  if (!crs || !raw) return [];
  const byVerdict = new Map<RangeVerdict, { item: RawFeature; sample: string; box: number[] }[]>();
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
      // Collected: a wrong CRS affects every feature and is reported once, naming the first.
      const entry = { item, sample: samplePosition(shape), box: bbox(shape) };
      byVerdict.set(verdict, [...(byVerdict.get(verdict) ?? []), entry]);
      continue;
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
    const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const { box: b } of items) {
      box[0] = Math.min(box[0], b[0]!);
      box[1] = Math.min(box[1], b[1]!);
      box[2] = Math.max(box[2], b[2]!);
      box[3] = Math.max(box[3], b[3]!);
    }
    const cause = likelyCrsCause(box, crs.label, (p, c) => reprojectPosition(p, c));
    const { severity, message, hint } = describeRange(verdict, items.length, items[0]?.sample ?? '?', crs.label, cause);
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

/**
 * Chooses the CRS: atlas.yml, else the .prj, else the file's `crs` member, else EPSG:4326. Reports an unknown or
 * unusable declaration, and a conflict between atlas.yml and the file (warning: atlas.yml wins).
 */
function chooseCrs(
  input: { json: unknown; source: BoundarySource; file: string; prj?: string | undefined; lookupEpsg?: EpsgLookup },
  log: ProblemLog,
): ResolvedCrs | undefined {
  const { json, source, file, prj, lookupEpsg } = input;
  const prjFile = file.replace(/\.shp$/i, '.prj');
  const inFile = crsFromGeoJson(json);
  const resolve = (spec: string, where: { file: string; field: string }): ResolvedCrs | undefined => {
    const r = resolveCrs(spec, lookupEpsg);
    if ('crs' in r) return r.crs;
    log.error({ ...where, message: r.error, hint: r.hint });
    return undefined;
  };
  if (source.crs) {
    if (inFile && inFile !== source.crs) {
      log.warn({
        file,
        field: 'crs',
        message: `Die Datei gibt ${inFile} an, atlas.yml ${source.crs}; es gilt ${source.crs}.`,
        hint: 'Prüfen, welche Angabe stimmt, und die falsche entfernen.',
      });
    }
    return resolve(source.crs, { file, field: 'crs' });
  }
  if (prj !== undefined && prj.trim() !== '') return resolve(prj, { file: prjFile, field: 'crs' });
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
    return WGS84;
  }
  return resolve(inFile, { file, field: 'crs' });
}
