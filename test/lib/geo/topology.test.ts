import { readFileSync } from 'node:fs';
import { geoArea } from 'd3';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Polygon as TopoPolygon } from 'topojson-specification';
import { describe, expect, test } from 'vitest';
import { ProblemLog } from '../../../src/lib/problems.ts';
import { readBoundaries, type BoundaryFeature } from '../../../src/lib/geo/readBoundaries.ts';
import { buildTopology, topologyFeatures, type TopologyInput } from '../../../src/lib/geo/topology.ts';

const box = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
const circle = (lon: number, lat: number, r: number, n: number): Position[] => {
  const ring = Array.from({ length: n }, (_, i) => [
    lon + r * Math.cos((2 * Math.PI * i) / n),
    lat + r * Math.sin((2 * Math.PI * i) / n),
  ]);
  return [...ring, ring[0] as Position];
};
const positions = (g: Polygon | MultiPolygon) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flat(2).length;

function readFixture(name: string): BoundaryFeature[] {
  const json: unknown = JSON.parse(readFileSync(new URL(`../../fixtures/geo/${name}`, import.meta.url), 'utf8'));
  return readBoundaries(
    { json, source: { file: name, idField: 'id', nameField: 'name' }, file: name },
    new ProblemLog(),
  );
}

describe('buildTopology', () => {
  test('one object per layer; ids, names, d3 winding; neighbours share their border arc', () => {
    const parents = readFixture('parents.geojson');
    const topology = buildTopology({ bezirk: parents, gebiet: readFixture('duplicate-ids.geojson') }, { simplify: 1 });
    expect(Object.keys(topology.objects)).toEqual(['bezirk', 'gebiet']);
    const bezirke = topologyFeatures(topology, 'bezirk');
    expect(bezirke.map((f) => [f.id, f.properties.name])).toEqual([
      ['01', 'Westfeld'],
      ['02', 'Ostfeld'],
    ]);
    for (const f of [...bezirke, ...topologyFeatures(topology, 'gebiet')]) {
      expect(geoArea(f)).toBeGreaterThan(0);
      expect(geoArea(f)).toBeLessThan(1e-5);
    }
    const [west, east] = (topology.objects.bezirk as GeometryCollection).geometries as TopoPolygon[];
    const arcsWest = new Set(west?.arcs.flat().map((a) => (a < 0 ? ~a : a)));
    expect(east?.arcs.flat().some((a) => arcsWest.has(a < 0 ? ~a : a))).toBe(true);
  });

  test('layers share arcs: an identical second layer adds no arcs', () => {
    const parents = readFixture('parents.geojson');
    const one = buildTopology({ bezirk: parents }, { simplify: 1 });
    const two = buildTopology({ bezirk: parents, kopie: parents }, { simplify: 1 });
    expect(two.arcs).toHaveLength(one.arcs.length);
  });

  test('simplification keeps the quantile share of points but never loses a unit', () => {
    const units: TopologyInput[] = [
      // A detailed unit with three tiny detached islets (≈ 1 m): the islets may go, the unit stays.
      {
        id: 'insel',
        name: 'Mit Inseln',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [circle(13.2, 52.2, 0.05, 400)],
            [box(13.3, 52.3, 13.30001, 52.30001)],
            [box(13.31, 52.3, 13.31001, 52.30001)],
            [box(13.32, 52.3, 13.32001, 52.30001)],
          ],
        },
      },
      // A unit smaller than any simplification weight: must survive with a real area.
      { id: 'winzig', name: 'Winzig', geometry: { type: 'Polygon', coordinates: [circle(13.5, 52.5, 0.00002, 12)] } },
      { id: 'rund', name: 'Rund', geometry: { type: 'Polygon', coordinates: [circle(13.0, 52.5, 0.02, 200)] } },
    ];
    const before = units.reduce((n, u) => n + positions(u.geometry), 0);
    for (const simplify of [0.15, 0]) {
      const features = topologyFeatures(buildTopology({ gebiet: units }, { simplify }), 'gebiet');
      expect(features.map((f) => f.id)).toEqual(['insel', 'winzig', 'rund']);
      for (const f of features) {
        expect(f.geometry).not.toBeNull();
        expect(geoArea(f)).toBeGreaterThan(0);
        expect(geoArea(f)).toBeLessThan(1e-4);
      }
      const after = features.reduce((n, f) => n + positions(f.geometry), 0);
      expect(after).toBeLessThan(before * (simplify + 0.1));
      const insel = features[0]?.geometry;
      expect(insel?.type === 'MultiPolygon' ? insel.coordinates.length : 1).toBeLessThan(4);
    }
  });

  test('real Berlin LOR, three levels at simplify 0.15: every unit kept, all plausible', () => {
    const dir = new URL('../../../data/berlin/geometry/', import.meta.url).pathname;
    const read = (file: string) =>
      readBoundaries(
        {
          json: JSON.parse(readFileSync(dir + file, 'utf8')),
          source: { file, idField: 'id', nameField: 'name' },
          file,
        },
        new ProblemLog(),
      );
    const layers = {
      planungsraum: read('berlin-lor-planning-areas-until-2020.geojson'),
      bezirksregion: read('berlin-lor-district-regions-until-2020.geojson'),
      bezirk: read('berlin-lor-districts.geojson'),
    };
    const topology = buildTopology(layers, { simplify: 0.15 });
    for (const [layer, units] of Object.entries(layers)) {
      const features = topologyFeatures(topology, layer);
      expect(features.map((f) => f.id)).toEqual(units.map((u) => u.id));
      for (const f of features) expect(geoArea(f)).toBeLessThan(0.01);
    }
    expect(layers.planungsraum).toHaveLength(448);
  });

  test('topologyFeatures: unknown layer is a programming error', () => {
    const topology = buildTopology({ bezirk: readFixture('parents.geojson') }, { simplify: 1 });
    expect(() => topologyFeatures(topology, 'ortsteil')).toThrow(/keine Ebene ortsteil/);
  });
});
