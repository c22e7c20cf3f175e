import { readFileSync } from 'node:fs';
import { geoArea } from 'd3';
import { describe, expect, test } from 'vitest';
import { ProblemLog } from '../../../src/lib/problems.ts';
import { readBoundaries, type BoundarySource } from '../../../src/lib/geo/readBoundaries.ts';
import { lookupEpsg } from '../../../src/pipeline/epsg.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/geo/${name}`, import.meta.url), 'utf8'));
const source = (extra: Partial<BoundarySource> = {}): BoundarySource => ({
  file: 'x',
  idField: 'id',
  nameField: 'name',
  ...extra,
});

function read(name: string, extra: Partial<BoundarySource> = {}) {
  const log = new ProblemLog();
  const features = readBoundaries({ json: fixture(name), source: source(extra), file: `data/geo/${name}` }, log);
  return { features, log };
}

describe('readBoundaries: GeoJSON', () => {
  test('reads ids, names and indices, rewinds for d3 (RFC 7946 input)', () => {
    const { features, log } = read('parents.geojson');
    expect(log.problems).toEqual([]);
    expect(features.map((f) => [f.id, f.name, f.index])).toEqual([
      ['01', 'Westfeld', 0],
      ['02', 'Ostfeld', 1],
    ]);
    for (const f of features) expect(geoArea(f.geometry)).toBeLessThan(1e-5);
  });

  test('the crs member EPSG:25833 is honoured: metres become lon/lat near Alexanderplatz', () => {
    const { features, log } = read('utm33.geojson');
    expect(log.problems).toEqual([]);
    const ring = features[0]?.geometry.type === 'Polygon' ? features[0].geometry.coordinates[0] : undefined;
    // Corner (391500, 5819500) per PROJ 9.5.1: 13.40084…, 52.51497…; checked coarsely here, precisely in crs.test.ts.
    for (const [lon = 0, lat = 0] of ring ?? []) {
      expect(lon).toBeGreaterThan(13.4);
      expect(lon).toBeLessThan(13.42);
      expect(lat).toBeGreaterThan(52.51);
      expect(lat).toBeLessThan(52.53);
    }
  });

  test('metres without crs (EPSG:4326 assumed) → one error naming every feature, with the crs hint', () => {
    const { features, log } = read('metres-no-crs.geojson');
    expect(features).toEqual([]);
    expect(log.errors).toHaveLength(1);
    const [e] = log.errors;
    expect(e?.field).toBe('crs');
    expect(e?.location).toBe('Feature 0 (Index ab 0 in features); Feature 1 (Index ab 0 in features)');
    expect(e?.message).toContain('2 Features');
    expect(e?.message).toContain('391500, 5819500');
    expect(e?.hint).toContain('crs: EPSG:25832 oder EPSG:25833 angeben');
  });

  test('source.crs overrides: the same file read as EPSG:25833 is fine', () => {
    const { features, log } = read('metres-no-crs.geojson', { crs: 'EPSG:25833' });
    expect(log.problems).toEqual([]);
    expect(features).toHaveLength(2);
  });

  test('source.crs wins over a different crs member, with a warning', () => {
    const { log } = read('utm33.geojson', { crs: 'EPSG:25832' });
    expect(log.errors).toEqual([]);
    expect(log.warnings.map((w) => w.message)).toEqual([
      'Die Datei gibt EPSG:25833 an, atlas.yml EPSG:25832; es gilt EPSG:25832.',
    ]);
  });

  test('lon/lat read as metres → error', () => {
    const { features, log } = read('parents.geojson', { crs: 'EPSG:25833' });
    expect(features).toEqual([]);
    expect(log.errors.map((e) => e.message)).toEqual([expect.stringContaining('sehen nach Länge/Breite aus')]);
  });

  test('swapped lat/lon → error', () => {
    const { features, log } = read('swapped.geojson');
    expect(features).toEqual([]);
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]?.message).toContain('vertauscht');
  });

  test('every problem of a file is reported in one run', () => {
    const { features, log } = read('problems.geojson');
    expect(features.map((f) => f.id)).toEqual(['1015', '1016']);
    const errors = log.errors.map((e) => [e.location, e.field, e.message]);
    expect(errors).toEqual([
      [
        'Feature 0 (Index ab 0 in features)',
        'id',
        'Die Id ist als Zahl gespeichert (1011); führende Nullen können dabei verloren gegangen sein.',
      ],
      ['Feature 1 (Index ab 0 in features)', 'name', 'Der Name fehlt.'],
      ['Feature 2 (Index ab 0 in features)', undefined, 'Geometrietyp "Point" statt Polygon oder MultiPolygon.'],
      ['Feature 3 (Index ab 0 in features)', undefined, 'Das Feature hat keine Geometrie (null).'],
      ['Feature 5 (Index ab 0 in features)', 'id', 'Die Id ist leer oder kein Text ("").'],
      [
        'Feature 7 (Index ab 0 in features)',
        undefined,
        'Ungültige Koordinaten: Ring 0, Punkt 1: [13.13,"52.0"] ist kein Zahlenpaar.',
      ],
    ]);
    expect(log.errors[0]?.hint).toContain('Anführungszeichen');
    expect(log.warnings.map((w) => [w.location, w.message])).toEqual([
      ['Feature 6 (Index ab 0 in features)', 'Ring 0 ist nicht geschlossen; der erste Punkt wurde am Ende ergänzt.'],
    ]);
    const closed = features[1]?.geometry.type === 'Polygon' ? features[1].geometry.coordinates[0] : [];
    expect(closed?.at(0)).toEqual(closed?.at(-1));
  });

  test('a file that is neither FeatureCollection nor Topology', () => {
    const log = new ProblemLog();
    expect(readBoundaries({ json: { type: 'Feature' }, source: source(), file: 'a.json' }, log)).toEqual([]);
    expect(log.errors[0]?.message).toContain('weder eine GeoJSON-FeatureCollection noch eine TopoJSON-Topology');
  });

  test('a ring without area → error', () => {
    const log = new ProblemLog();
    const geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [13, 52],
          [13, 52.1],
          [13, 52.2],
          [13, 52],
        ],
      ],
    };
    const json = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'a', name: 'A' }, geometry }],
    };
    expect(readBoundaries({ json, source: source(), file: 'a.json' }, log)).toEqual([]);
    expect(log.errors.map((e) => [e.location, e.message])).toEqual([
      ['Feature 0 (Index ab 0 in features)', expect.stringContaining('Die Fläche ist leer oder nicht plausibel')],
    ]);
  });

  test('an unknown crs member → error naming the code', () => {
    const log = new ProblemLog();
    const json = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::999999' } },
      features: [],
    };
    readBoundaries({ json, source: source(), file: 'a.json', lookupEpsg }, log);
    expect(log.errors.map((e) => [e.field, e.message])).toEqual([
      ['crs', 'Das Koordinatensystem EPSG:999999 ist unbekannt.'],
    ]);
  });

  test('any EPSG code of the index: Lambert-93 (EPSG:2154) in France is read, and is an error for lying outside Germany', () => {
    const log = new ProblemLog();
    const ring = [
      [652000, 6862000],
      [653000, 6862000],
      [653000, 6863000],
      [652000, 6863000],
      [652000, 6862000],
    ];
    const json = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } },
      features: [
        { type: 'Feature', properties: { id: 'p', name: 'Paris' }, geometry: { type: 'Polygon', coordinates: [ring] } },
      ],
    };
    expect(readBoundaries({ json, source: source(), file: 'a.json', lookupEpsg }, log)).toEqual([]);
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]?.message).toContain('1 Feature liegt außerhalb Deutschlands');
    expect(log.errors[0]?.message).toContain('gelesen als EPSG:2154');
  });
});

describe('readBoundaries: TopoJSON', () => {
  test("reads the named object; ids from the geometries' id member", () => {
    const { features, log } = read('units.topojson', { object: 'gebiete' });
    expect(log.problems).toEqual([]);
    expect(features.map((f) => [f.id, f.name, f.index])).toEqual([
      ['0101', 'Am Anger', 0],
      ['0102', 'Mühlenweg', 1],
    ]);
    for (const f of features) expect(geoArea(f.geometry)).toBeLessThan(1e-5);
    // Quantized to 1e4 steps over 0.2°: corners within 2e-5° of the originals.
    const ring = features[0]?.geometry.type === 'Polygon' ? features[0].geometry.coordinates[0] : [];
    expect(ring?.some(([lon = 0, lat = 0]) => Math.abs(lon - 13.01) < 2e-5 && Math.abs(lat - 52.01) < 2e-5)).toBe(true);
  });

  test('several objects and none named → error listing the names', () => {
    const { features, log } = read('units.topojson');
    expect(features).toEqual([]);
    expect(log.errors.map((e) => [e.field, e.message])).toEqual([
      ['object', 'Die TopoJSON-Datei enthält mehrere Objekte (bezirke, gebiete); welches gilt, ist nicht angegeben.'],
    ]);
  });

  test('an unknown object name → error listing the names', () => {
    const { log } = read('units.topojson', { object: 'ortsteile' });
    expect(log.errors[0]?.message).toBe(
      'Das Objekt "ortsteile" fehlt in der TopoJSON-Datei; vorhanden: bezirke, gebiete.',
    );
  });
});
