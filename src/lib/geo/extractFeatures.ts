import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { ProblemLog } from '../problems.ts';

/** A feature as found in the file, before any check. */
export interface RawFeature {
  /** 0-based position in `features` (GeoJSON) or in the object's `geometries` (TopoJSON). */
  index: number;
  /** For problems, e.g. "Feature 212 (Index ab 0 in features)". */
  location: string;
  /** The feature's own `id` member, if any. */
  id: unknown;
  properties: Record<string, unknown>;
  geometry: unknown;
}

/**
 * Lists the features of a parsed GeoJSON FeatureCollection or TopoJSON Topology. For TopoJSON, `source.object`
 * names the object; without it the file must have exactly one. Returns undefined after reporting when the
 * file is neither, or the object cannot be chosen.
 */
export function extractFeatures(
  json: unknown,
  source: { object?: string | undefined },
  file: string,
  log: ProblemLog,
): RawFeature[] | undefined {
  const type = isRecord(json) ? json.type : undefined;
  if (isRecord(json) && type === 'FeatureCollection') {
    if (Array.isArray(json.features)) {
      return json.features.map((f: unknown, i) => toRaw(f, i, `Feature ${i} (Index ab 0 in features)`));
    }
    log.error({
      file,
      field: 'features',
      message: 'Die FeatureCollection hat keine Liste "features".',
      hint: 'Datei neu aus dem GIS als GeoJSON exportieren.',
    });
    return undefined;
  }
  if (isRecord(json) && type === 'Topology') return fromTopology(json, source.object, file, log);
  log.error({
    file,
    message: `Die Datei ist weder eine GeoJSON-FeatureCollection noch eine TopoJSON-Topology (type: ${JSON.stringify(type)}).`,
    hint: 'Grenzen als GeoJSON FeatureCollection oder TopoJSON exportieren; ein einzelnes Feature in eine FeatureCollection einpacken.',
  });
  return undefined;
}

function fromTopology(
  json: Record<string, unknown>,
  wanted: string | undefined,
  file: string,
  log: ProblemLog,
): RawFeature[] | undefined {
  const objects = isRecord(json.objects) ? json.objects : {};
  const names = Object.keys(objects);
  const list = names.join(', ') || 'keine';
  if (wanted === undefined && names.length !== 1) {
    const none = names.length === 0;
    log.error({
      file,
      field: 'object',
      message: none
        ? 'Die TopoJSON-Datei enthält keine Objekte.'
        : `Die TopoJSON-Datei enthält mehrere Objekte (${list}); welches gilt, ist nicht angegeben.`,
      hint: none ? 'Datei neu exportieren.' : `In atlas.yml bei boundaries object angeben, z. B. object: ${names[0]}.`,
    });
    return undefined;
  }
  const name = wanted ?? (names[0] as string);
  const object = objects[name];
  if (!isRecord(object)) {
    log.error({
      file,
      field: 'object',
      message: `Das Objekt "${name}" fehlt in der TopoJSON-Datei; vorhanden: ${list}.`,
      hint: 'Den Objektnamen in atlas.yml (boundaries object) korrigieren.',
    });
    return undefined;
  }
  try {
    // topojson-client resolves arcs and the quantization transform; a broken file throws here.
    const topology = json as unknown as Topology;
    const isCollection = object.type === 'GeometryCollection' && Array.isArray(object.geometries);
    const geometries: unknown[] = isCollection ? (object.geometries as unknown[]) : [object];
    return geometries.map((g, i) => {
      const f = feature(topology, g as Parameters<typeof feature>[1]);
      return toRaw(f, i, `Objekt ${name}, Geometrie ${i} (Index ab 0 in geometries)`);
    });
  } catch (e) {
    log.error({
      file,
      location: `Objekt ${name}`,
      message: `Die TopoJSON-Datei ist beschädigt: ${e instanceof Error ? e.message : String(e)}.`,
      hint: 'Datei neu erzeugen (z. B. mit geo2topo).',
    });
    return undefined;
  }
}

function toRaw(f: unknown, index: number, location: string): RawFeature {
  const rec = isRecord(f) ? f : {};
  const properties = isRecord(rec.properties) ? rec.properties : {};
  return { index, location, id: rec.id, properties, geometry: rec.geometry ?? null };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
