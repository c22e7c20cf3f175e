import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology as toTopology } from 'topojson-server';
import { filter, filterAttached, filterWeight, presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { isPlausibleArea, rewindForD3 } from './winding.ts';

/** A unit as it goes into the map data. */
export interface TopologyInput {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** The map data: one object per level, features with the unit id as `id` and `properties.name`. */
export type AtlasTopology = Topology<Objects<{ name: string }>>;

/** Arc indices of one ring, as TopoJSON stores it (negative = reversed, ~i). */
type ArcRing = number[];

/**
 * Builds one TopoJSON topology holding every level as an object (so borders shared across levels share arcs),
 * simplified with topojson-simplify: Visvalingam weights (planar triangle area in degrees), keeping the share
 * `simplify` of the points (quantile), then small detached rings (islets, small holes) removed with
 * `filterWeight`. Nothing collapses: every ring keeps at least three corners, and each feature's largest
 * exterior ring is never filtered, so every unit is still drawn. Ids are unit ids, properties `{ name }`.
 * Geometry is rewound for d3-geo first. Throws if a feature was lost anyway (a bug, not an input problem).
 */
export function buildTopology(
  layers: Record<string, readonly TopologyInput[]>,
  options: { simplify: number; quantization?: number | undefined },
): AtlasTopology {
  const quantization = options.quantization ?? 1e5;
  const collections: Record<string, FeatureCollection> = {};
  const largestRings = new Map<string, number>(); // "layer/index" → index of the part whose exterior to keep
  for (const [name, units] of Object.entries(layers)) {
    collections[name] = {
      type: 'FeatureCollection',
      features: units.map((u, i) => {
        largestRings.set(`${name}/${i}`, largestPartIndex(u.geometry));
        return { type: 'Feature', id: u.id, properties: { name: u.name }, geometry: rewindForD3(u.geometry) };
      }),
    };
  }
  // Prequantizing snaps near-identical vertices together, so shared borders become shared arcs.
  const built = toTopology(collections, quantization > 0 ? quantization : undefined) as AtlasTopology;
  const presimplified = presimplify(built);
  const minWeight = options.simplify >= 1 ? 0 : quantile(presimplified, Math.max(0, options.simplify));
  const keep = new Set<ArcRing>();
  forEachPolygon(presimplified, (rings, layer, index, part) => {
    for (const ring of rings) keepCorners(presimplified, ring, minWeight);
    if (part === largestRings.get(`${layer}/${index}`) && rings[0]) keep.add(rings[0]);
  });
  const simplified = simplify(presimplified, minWeight);
  const attached = filterAttached(simplified);
  const largeEnough = filterWeight(simplified, minWeight);
  // The typings declare rings as coordinates; topojson-simplify actually passes arc-index arrays.
  const filtered = filter(simplified, (ring, interior) => {
    const arcs = ring as unknown as ArcRing;
    return keep.has(arcs) || attached(ring, interior) || largeEnough(ring, interior);
  }) as AtlasTopology;
  const result = quantization > 0 ? quantize(filtered, quantization) : filtered;
  for (const [name, units] of Object.entries(layers)) {
    // Counted as drawn: a geometry with a real, plausible area (a collapsed ring has none).
    const features = topologyFeatures(result, name);
    const drawn = features.filter((f) => f.geometry !== null && isPlausibleArea(f.geometry)).length;
    if (drawn !== units.length)
      throw new Error(`buildTopology: ${units.length - drawn} Einheiten von ${name} verloren`);
  }
  return result;
}

/** Returns the layer's units as GeoJSON features for rendering (id = unit id, properties.name). */
export function topologyFeatures(
  topology: AtlasTopology,
  layer: string,
): Feature<Polygon | MultiPolygon, { name: string }>[] {
  const object = topology.objects[layer];
  if (!object) {
    throw new Error(`topologyFeatures: keine Ebene ${layer} (vorhanden: ${Object.keys(topology.objects).join(', ')})`);
  }
  const collection = feature(topology, object);
  const features = 'features' in collection ? collection.features : [collection];
  return features as Feature<Polygon | MultiPolygon, { name: string }>[];
}

function largestPartIndex(geometry: Polygon | MultiPolygon): number {
  if (geometry.type === 'Polygon') return 0;
  let best = 0;
  let bestArea = -1;
  geometry.coordinates.forEach((rings, i) => {
    const area = Math.abs(planarArea(rings[0] ?? []));
    if (area > bestArea) [best, bestArea] = [i, area];
  });
  return best;
}

function planarArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ((ring[j]?.[0] ?? 0) - (ring[i]?.[0] ?? 0)) * ((ring[j]?.[1] ?? 0) + (ring[i]?.[1] ?? 0));
  }
  return sum / 2;
}

/** Calls `f` for every polygon (part) of every feature in every layer, with its arc rings. */
function forEachPolygon(t: Topology, f: (rings: ArcRing[], layer: string, index: number, part: number) => void): void {
  for (const [layer, object] of Object.entries(t.objects as Objects)) {
    const geometries = object.type === 'GeometryCollection' ? (object as GeometryCollection).geometries : [object];
    geometries.forEach((g, index) => {
      if (g.type === 'Polygon') f(g.arcs, layer, index, 0);
      else if (g.type === 'MultiPolygon') g.arcs.forEach((rings, part) => f(rings, layer, index, part));
    });
  }
}

/**
 * Raises the weight of the most important vertices of a ring until at least three distinct corners survive
 * `simplify(minWeight)`; a ring with fewer would have no area. Arc end points always survive (weight Infinity).
 * Works on the presimplified arcs, whose points are [x, y, weight].
 */
function keepCorners(t: Topology, ring: ArcRing, minWeight: number): void {
  const points = ring.flatMap((a) => (t.arcs[a < 0 ? ~a : a] ?? []) as number[][]);
  const key = (p: number[]) => `${p[0]},${p[1]}`;
  const kept = new Set<string>();
  for (const p of points) {
    // Most rings keep plenty of points: stop as soon as three distinct ones are certain.
    if ((p[2] ?? 0) >= minWeight && kept.add(key(p)).size >= 3) return;
  }
  const candidates = points.filter((p) => (p[2] ?? 0) < minWeight).sort((a, b) => (b[2] ?? 0) - (a[2] ?? 0));
  for (const p of candidates) {
    if (kept.size >= 3) break;
    if (kept.has(key(p))) continue;
    p[2] = Infinity;
    kept.add(key(p));
  }
}
