import type { MultiPolygon, Polygon } from 'geojson';
import type { AtlasConfig, Overlay } from '../../schemas/atlasConfig.ts';
import { fieldsMissingEverywhere, readAreaField, type AreaFieldValue } from '../../lib/areas/areaFields.ts';
import { compareByVulnerability, facilitiesByArea, vulnerabilityOf } from '../../lib/areas/facilitiesInAreas.ts';
import { overlapLevels, type OverlapUnit } from '../../lib/areas/unitOverlap.ts';
import { extractFeatures } from '../../lib/geo/extractFeatures.ts';
import { findDuplicateIds } from '../../lib/geo/fixes.ts';
import { areaM2, bbox } from '../../lib/geo/measure.ts';
import { readBoundaries } from '../../lib/geo/readBoundaries.ts';
import { ProblemLog } from '../../lib/problems.ts';
import type { Effects } from '../effects.ts';
import { hashParts, type StageCache } from '../stageCache.ts';
import { loadBoundaryFile, type BoundariesResult } from './boundaries.ts';
import { lookupEpsg } from '../epsg.ts';
import { CONFIG_FILE } from './config.ts';
import type { FacilitiesResult } from './facilities.ts';
import type { AreaInput, AreaLayerInput } from '../../lib/areas/areaPages.ts';
import { mainLevels } from '../../lib/schemes/levels.ts';

/**
 * One area of an overlay layer, read, checked and related to the facilities and units: what the area pages take
 * (`AreaInput`: facility ids most vulnerable first, then by name; the units of every level it touches, top level
 * first; geometry in WGS84, wound for d3) and its 0-based position in the file.
 */
export interface OverlayArea extends AreaInput {
  index: number;
}

/** One overlay layer with its areas (file order); `dataDate`: the layer's, else its source's `accessed`, or undefined. */
export interface OverlayLayer extends AreaLayerInput {
  areas: OverlayArea[];
}

/** The overlays stage's result: the layers in config order. */
export interface OverlaysResult {
  layers: OverlayLayer[];
}

/**
 * Stage 4b: reads every polygon layer of `overlays` in atlas.yml (GeoJSON/TopoJSON, any supported CRS, through the
 * boundary reader) and checks it: CRS, id and name fields, duplicate ids, geometry, the declared further fields
 * (each problem with file, feature and field). Then, per area, the facilities inside (point in polygon; areas may
 * overlap) and the atlas units it touches (polygon intersection) with shares. With `locate: false` (boundaries
 * had errors) layers are only validated. Needs the boundaries and the placed facilities.
 */
export async function readOverlays(
  config: AtlasConfig,
  boundaries: BoundariesResult,
  facilities: FacilitiesResult | undefined,
  fx: Effects,
  log: ProblemLog,
  options: { locate?: boolean; cache?: StageCache | undefined; cacheSalt?: string | undefined } = {},
): Promise<OverlaysResult> {
  const layers: OverlayLayer[] = [];
  const locate = options.locate !== false;
  const levels = locate ? overlapInput(config, boundaries) : [];
  const vocabulary = facilities?.vocabulary.types ?? [];
  const points = (facilities?.facilities ?? []).map((f) => ({
    id: f.facility.id,
    lon: f.facility.location.lon,
    lat: f.facility.location.lat,
  }));
  const byId = new Map((facilities?.facilities ?? []).map((f) => [f.facility.id, f]));
  for (const [i, overlay] of config.overlays.entries()) {
    const file = overlay.boundaries.file;
    // A missing file is reported by the config stage (atlas.yml, line and field).
    if (!(await fx.exists(file))) continue;
    const loaded = await loadBoundaryFile(fx, overlay.boundaries, log);
    if (loaded === undefined) continue;
    const { json, prj } = loaded;
    const raw = extractFeatures(json, overlay.boundaries, file, new ProblemLog()) ?? [];
    if (!checkFieldsExist(overlay, i, raw, file, log)) continue;
    const features = readBoundaries({ json, prj, source: overlay.boundaries, file, lookupEpsg }, log);
    for (const d of findDuplicateIds(features, file, new ProblemLog())) {
      log.error({
        file,
        location: d.indices.map((x) => `Feature ${x}`).join(', '),
        field: overlay.boundaries.idField,
        message: `Die Id "${d.id}" kommt ${d.indices.length}-mal vor (Features ${d.indices.join(' und ')}, Index ab 0).`,
        hint: `Jede Fläche der Ebene "${overlay.id}" braucht eine eigene Id (sie bildet die Adresse /gebiete/${overlay.id}/<id>/): in der Quelldatei korrigieren oder ein anderes idField wählen.`,
      });
    }
    const rawByIndex = new Map(raw.map((r) => [r.index, r]));
    const fieldValues = (index: number): Record<string, AreaFieldValue> => {
      const item = rawByIndex.get(index);
      const out: Record<string, AreaFieldValue> = {};
      for (const f of overlay.fields) {
        const reading = readAreaField(item?.properties[f.field], f);
        if ('value' in reading) out[f.field] = reading.value;
        else if ('problem' in reading)
          log.error({
            file,
            location: item?.location,
            field: f.field,
            message: reading.problem,
            hint: `Wert in der Quelldatei korrigieren, oder in atlas.yml bei overlays[${i}].fields den Typ (type: ${f.type}) anpassen.`,
          });
      }
      return out;
    };
    const inside = locate ? facilitiesByArea(features, points) : new Map<string, string[]>();
    const areas: OverlayArea[] = [];
    for (const f of features) {
      const box = bbox(f.geometry);
      const ids = inside.get(f.id) ?? [];
      const ranked = ids.flatMap((id) => {
        const e = byId.get(id);
        return e ? [{ id, name: e.facility.name, vulnerability: vulnerabilityOf(e.facility.types, vocabulary) }] : [];
      });
      ranked.sort(compareByVulnerability);
      const units = locate
        ? await overlapCached(options.cache, options.cacheSalt ?? '', overlay.id, f, () =>
            overlapLevels({ geometry: f.geometry, bbox: box }, levels),
          )
        : { overlaps: [], failed: [] };
      const location = `Feature ${f.index} (id ${f.id}, ${f.name})`;
      if (units.failed.length > 0)
        log.warn({
          file,
          location,
          message: `Die Überschneidung mit ${units.failed.join(', ')} ließ sich nicht berechnen; diese Gebiete fehlen in der Liste.`,
          hint: 'Geometrie der Fläche im GIS prüfen (Selbstüberschneidungen, doppelte Punkte).',
        });
      if (locate && units.overlaps.length === 0 && units.failed.length === 0)
        log.warn({
          file,
          location,
          message: 'Die Fläche berührt kein Gebiet des Atlas (liegt außerhalb der Stadt?).',
          hint: 'Koordinatensystem (crs) und Lage der Fläche prüfen.',
        });
      areas.push({
        id: f.id,
        name: f.name,
        index: f.index,
        geometry: f.geometry,
        bbox: box,
        areaM2: areaM2(f.geometry),
        fields: fieldValues(f.index),
        facilities: ranked.map((r) => r.id),
        units: units.overlaps,
      });
    }
    const source = config.sources.find((s) => s.id === overlay.source);
    layers.push({ overlay, dataDate: overlay.dataDate ?? source?.accessed, areas });
  }
  return { layers };
}

/**
 * The overlap of one area through the stage cache: the key is `salt` (code, atlas.yml and data/, so boundaries and
 * overlay files), the layer, the area id and its geometry. The intersection is most of this stage's time (about 8 s for Berlin's
 * 175 areas); a rebuild after a facility change takes it from the cache.
 */
async function overlapCached(
  cache: StageCache | undefined,
  salt: string,
  layer: string,
  area: { id: string; geometry: Polygon | MultiPolygon },
  compute: () => ReturnType<typeof overlapLevels>,
): Promise<ReturnType<typeof overlapLevels>> {
  if (!cache) return compute();
  // The area's own geometry is part of the key, so a changed polygon is recomputed wherever its file lies.
  const key = hashParts([salt, 'overlap', layer, area.id, JSON.stringify(area.geometry)]);
  const hit = await cache.get<ReturnType<typeof overlapLevels>>(key);
  if (hit) return hit;
  const value = compute();
  await cache.put(key, value);
  return value;
}

/** The atlas's levels from the top down as the overlap needs them. */
function overlapInput(config: AtlasConfig, b: BoundariesResult): OverlapUnit[][] {
  const units = new Map(b.units.map((u) => [u.id, u]));
  return mainLevels(config.levels).map((l) =>
    (b.features.get(l.id) ?? []).map((f) => {
      const u = units.get(f.id);
      return { id: f.id, level: l.id, geometry: f.geometry, bbox: u?.bbox ?? bbox(f.geometry), parent: u?.parent };
    }),
  );
}

/**
 * Reports a configured property that no feature has (a typo in atlas.yml, reported once instead of per feature).
 * Returns false when the id or name field is missing, so the layer is not read further.
 */
function checkFieldsExist(
  overlay: Overlay,
  i: number,
  raw: readonly { id: unknown; properties: Record<string, unknown> }[],
  file: string,
  log: ProblemLog,
): boolean {
  if (raw.length === 0) return true;
  const props = raw.map((r) =>
    overlay.boundaries.idField === 'id' && r.id !== undefined ? { id: r.id, ...r.properties } : r.properties,
  );
  const present = [...new Set(props.flatMap((p) => Object.keys(p)))].join(', ') || 'keine';
  const checks: [string, string][] = [
    [overlay.boundaries.idField, `overlays[${i}].boundaries.idField`],
    [overlay.boundaries.nameField, `overlays[${i}].boundaries.nameField`],
    ...overlay.fields.map((f, j): [string, string] => [f.field, `overlays[${i}].fields[${j}].field`]),
  ];
  const missing = new Set(
    fieldsMissingEverywhere(
      props,
      checks.map(([f]) => f),
    ),
  );
  for (const [field, path] of checks) {
    if (!missing.has(field)) continue;
    log.error({
      file,
      field,
      message: `Keine der ${raw.length} Flächen hat die Eigenschaft "${field}".`,
      hint: `In ${CONFIG_FILE} bei ${path} eine vorhandene Eigenschaft angeben: ${present}.`,
    });
  }
  return !missing.has(overlay.boundaries.idField) && !missing.has(overlay.boundaries.nameField);
}
