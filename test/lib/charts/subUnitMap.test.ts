import type { Polygon } from 'geojson';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createSubUnitMaps, renderSubUnitMap } from '../../../src/lib/charts/subUnitMap.ts';
import { buildTopology } from '../../../src/lib/geo/topology.ts';
import type { Unit } from '../../../src/lib/types.ts';

/** A lon/lat rectangle near 13° E, 52° N (made up). */
function rect(x0: number, y0: number, w: number, hgt: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x0 + w, y0],
        [x0 + w, y0 + hgt],
        [x0, y0 + hgt],
        [x0, y0],
      ],
    ],
  };
}

function unit(id: string, level: string, parent: string | undefined, at: [number, number]): Unit {
  return { id, name: id, level, parent, areaM2: 1, bbox: [0, 0, 0, 0], interiorPoint: at };
}

// One Bezirk "B" (0.2° × 0.1°) split into two regions, each split into two areas.
const topology = buildTopology(
  {
    bezirk: [{ id: 'B', name: 'B', geometry: rect(13, 52, 0.2, 0.1) }],
    region: [
      { id: 'R1', name: 'R1', geometry: rect(13, 52, 0.1, 0.1) },
      { id: 'R2', name: 'R2', geometry: rect(13.1, 52, 0.1, 0.1) },
    ],
    raum: [
      { id: 'a', name: 'a', geometry: rect(13, 52, 0.1, 0.05) },
      { id: 'b', name: 'b', geometry: rect(13, 52.05, 0.1, 0.05) },
      { id: 'c', name: 'c', geometry: rect(13.1, 52, 0.1, 0.05) },
      { id: 'd', name: 'd', geometry: rect(13.1, 52.05, 0.1, 0.05) },
    ],
  },
  { simplify: 1 },
);
const units = new Map(
  [
    unit('B', 'bezirk', undefined, [13.1, 52.05]),
    unit('R1', 'region', 'B', [13.05, 52.05]),
    unit('R2', 'region', 'B', [13.15, 52.05]),
    unit('a', 'raum', 'R1', [13.05, 52.025]),
    unit('b', 'raum', 'R1', [13.05, 52.075]),
    unit('c', 'raum', 'R2', [13.15, 52.025]),
    unit('d', 'raum', 'R2', [13.15, 52.075]),
  ].map((u) => [u.id, u]),
);
const children = new Map([
  ['B', ['R1', 'R2']],
  ['R1', ['a', 'b']],
  ['R2', ['c', 'd']],
]);
const maps = createSubUnitMaps(topology, units, children, 400);

describe('createSubUnitMaps', () => {
  it('createSubUnitMaps()(unit) fits the unit into the width and draws each sub-unit with its number point', () => {
    const m = maps('B');
    expect(m?.viewBox).toMatch(/^0 0 400 \d+$/);
    expect(m?.areas.map((a) => a.id)).toEqual(['R1', 'R2']);
    const [r1, r2] = m?.areas ?? [];
    // R1 lies west of R2, both numbers inside the map.
    expect(r1!.at[0]).toBeLessThan(r2!.at[0]);
    for (const a of m?.areas ?? []) {
      expect(a.at[0]).toBeGreaterThan(0);
      expect(a.at[0]).toBeLessThan(400);
    }
  });

  it('createSubUnitMaps()(Bezirk) draws the next level down inside each region only, not the regions’ own border', () => {
    const inner = maps('B')?.inner ?? '';
    // The borders a|b and c|d: horizontal only (no vertical line where the regions meet), across the whole map.
    const steps = [...inner.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].slice(1).map((m) => [Number(m[1]), Number(m[2])]);
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every(([, dy]) => dy === 0)).toBe(true);
    expect(steps.reduce((sum, [dx]) => sum + (dx ?? 0), 0)).toBeGreaterThan(380);
    expect(maps('R1')?.inner).toBe('');
  });

  it('createSubUnitMaps()(unit without sub-units or unknown) is undefined', () => {
    expect(maps('a')).toBeUndefined();
    expect(maps('nope')).toBeUndefined();
  });
});

describe('renderSubUnitMap', () => {
  it('renderSubUnitMap() makes each sub-unit a link with its accessible name, and writes its number', () => {
    const m = maps('B');
    if (!m) throw new Error('no map');
    const svg = renderSubUnitMap({
      map: m,
      label: 'Karte von B mit 2 Regionen',
      links: new Map([
        ['R1', { href: '/region/R1/', label: '1: R1 (Region)', no: 1 }],
        ['R2', { href: '/region/R2/', label: '2: R2 & "Süd" (Region)', no: 2 }],
      ]),
    });
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    const root = document.querySelector('svg');
    expect(root?.getAttribute('role')).toBe('group');
    expect(root?.getAttribute('aria-label')).toBe('Karte von B mit 2 Regionen');
    const links = [...document.querySelectorAll('a')];
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')])).toEqual([
      ['/region/R1/', '1: R1 (Region)'],
      ['/region/R2/', '2: R2 & "Süd" (Region)'],
    ]);
    expect([...document.querySelectorAll('.sub-unit-numbers text')].map((x) => x.textContent)).toEqual(['1', '2']);
    expect(document.querySelector('.sub-unit-inner')?.getAttribute('aria-hidden')).toBe('true');
    expect(svg).not.toMatch(/style=/);
  });
});
