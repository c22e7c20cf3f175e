import { describe, expect, it } from 'vitest';
import type { FacilityAreaMap, FacilityOverviewMap } from '../../../src/lib/pages/facilityMaps.ts';
import {
  buildAreaMapView,
  buildOverviewMapView,
  type FacilityMapViewContext,
} from '../../../src/lib/pages/facilityMapView.ts';

// Made up: a city of two top units (West, Ost) with sub-units, and two facility types.
const CTX: FacilityMapViewContext = {
  city: { de: 'Musterstadt', en: 'Sample City' },
  levels: [
    { id: 'bezirk', label: { de: 'Bezirk', en: 'District' } },
    { id: 'raum', label: { de: 'Raum', en: 'Area' }, parent: 'bezirk' },
  ],
  types: [
    { id: 'kita', label: { de: 'Kita', en: 'Day care' }, vulnerability: 2 },
    { id: 'beratung', label: { de: 'Beratung' }, vulnerability: 0 },
  ],
};
const area = (id: string, name: string, count: number, counts: Record<string, number>) => ({
  id,
  name,
  path: `M${id}`,
  count,
  counts,
  directoryUrl: `/einrichtungen/gebiet/${id}/`,
  mapUrl: `/einrichtungen/karte/${id}/`,
});
const OVERVIEW: FacilityOverviewMap = {
  width: 600,
  height: 400,
  params: { k: 1, tx: 0, ty: 0 },
  total: 1300,
  types: [
    { type: 'kita', count: 1200 },
    { type: 'beratung', count: 100 },
  ],
  areaLevel: 'bezirk',
  bubbleLevel: 'raum',
  areas: [area('w', 'West', 1250, { kita: 1200, beratung: 50 }), area('o', 'Ost', 50, { beratung: 50 })],
  bubbles: [
    { id: 'w1', name: 'West 1', top: 'w', x: 100, y: 100, count: 1000, counts: { kita: 1000 } },
    { id: 'w2', name: 'West 2', top: 'w', x: 105, y: 100, count: 250, counts: { kita: 200, beratung: 50 } },
    { id: 'o1', name: 'Ost 1', top: 'o', x: 400, y: 100, count: 4, counts: { beratung: 4 } },
  ],
  innerBorders: '',
  maxRadius: 40,
  maxCount: 1000,
  poles: [],
};

describe('buildOverviewMapView', () => {
  it('formats every count, encodes the counts for the filter and sizes the circles and the size legend', () => {
    const v = buildOverviewMapView(OVERVIEW, CTX, 'de');
    expect(v.title).toBe('Karte der Einrichtungen');
    expect(v.mapLabel.startsWith(`${v.title}: `)).toBe(true);
    expect(v.summary).toContain('1.300');
    expect(v.allTypes).toBe('Alle Arten (1.300)');
    expect(v.areaLevel).toBe('Bezirk');
    expect(v.bubbleLevel).toBe('Raum');
    expect(v.types).toEqual([
      { type: 'kita', label: 'Kita', count: '1.200' },
      { type: 'beratung', label: 'Beratung', count: '100' },
    ]);
    const west = v.areas[0];
    expect(west?.href).toBe('/einrichtungen/karte/w/');
    expect(west?.directoryHref).toBe('/einrichtungen/gebiet/w/');
    expect(west?.counts).toBe('kita=1200 beratung=50');
    expect(west?.total).toBe(1250);
    expect(west?.count).toBe('1.250');
    expect(v.areas[1]?.cells).toEqual(['0', '50']);
    expect(west?.mapLabel).toBe('Karte West');
    expect(v.bubbles.map((b) => [b.r, b.label, b.counts])).toEqual([
      [40, '1.000', 'kita=1000'],
      [20, '250', 'kita=200 beratung=50'],
      [2.5, '4', 'beratung=4'],
    ]);
    // The two western bubbles overlap: the larger count gets its label; the small one is too small for any.
    expect(v.bubbles.map((b) => b.labelled)).toEqual([true, false, false]);
    expect(v.bubbles[0]?.fontSize).toBe(16);
    expect(v.legend.map((c) => [c.label, c.r, c.cy])).toEqual([
      ['1.000', 40, 41],
      ['200', 17.9, 63.1],
      ['50', 8.9, 72.1],
    ]);
    expect(v.legend[0]?.viewBox).toBe('0 0 82 82');
  });

  it('English: labels and numbers in English, links under /en', () => {
    const v = buildOverviewMapView(OVERVIEW, CTX, 'en');
    expect(v.city).toBe('Sample City');
    expect(v.types[0]).toEqual({ type: 'kita', label: 'Day care', count: '1,200' });
    expect(v.areas[0]?.href).toBe('/en/einrichtungen/karte/w/');
    expect(v.areas[0]?.label).toContain('1,250');
  });
});

const AREA_MAP: FacilityAreaMap = {
  unit: { id: 'w', name: 'West', level: 'bezirk', url: '/bezirk/w/' },
  width: 600,
  height: 400,
  params: { k: 1, tx: 0, ty: 0 },
  outline: 'M0',
  count: 3,
  counts: { kita: 2, beratung: 1 },
  directoryUrl: '/einrichtungen/gebiet/w/',
  areas: [area('w1', 'West 1', 3, { kita: 2, beratung: 1 })],
  points: [
    { x: 1, y: 1, v: 0, t: ['beratung'] },
    { x: 2, y: 2, v: 2, t: ['kita'] },
    { x: 3, y: 3, v: 2, t: ['kita'] },
  ],
};

describe('buildAreaMapView', () => {
  it('names the sub-level, counts per type, sizes the point symbols and keys the symbols to their types', () => {
    const v = buildAreaMapView(AREA_MAP, CTX, 'de');
    expect(v.title).toBe('Karte der Einrichtungen: West');
    expect(v.mapLabel).toBe(`${v.title}. ${v.summary}`);
    expect(v.childLevel).toBe('Raum');
    expect(v.allTypes).toBe('Alle Arten (3)');
    expect(v.types.map((x) => [x.label, x.count])).toEqual([
      ['Kita', '2'],
      ['Beratung', '1'],
    ]);
    expect(v.areas[0]).toMatchObject({
      href: '/einrichtungen/gebiet/w1/',
      counts: 'kita=2 beratung=1',
      cells: ['2', '1'],
    });
    // Few points on a large map: the symbols get the largest size.
    expect(v.symbolSize).toBe(8);
    expect(v.points).toEqual([
      { x: 1, y: 1, href: '#fm-v0', types: 'beratung' },
      { x: 2, y: 2, href: '#fm-v2', types: 'kita' },
      { x: 3, y: 3, href: '#fm-v2', types: 'kita' },
    ]);
    expect(v.symbols.map((s) => [s.v, s.label])).toEqual([
      [2, 'hoch: Kita'],
      [0, 'gering: Beratung'],
    ]);
  });

  it('a dense map gets small symbols; a unit without a sub-level has no child label', () => {
    const points = Array.from({ length: 5000 }, (_, i) => ({ x: i, y: i, v: 0, t: ['beratung'] }));
    const v = buildAreaMapView(
      { ...AREA_MAP, unit: { ...AREA_MAP.unit, level: 'raum' }, areas: [], points },
      CTX,
      'en',
    );
    expect(v.symbolSize).toBe(3.5);
    expect(v.childLevel).toBe('');
    expect(v.symbols.map((s) => s.label)).toEqual(['high: Day care', 'low: Beratung']);
  });
});
