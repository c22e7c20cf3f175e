import { describe, expect, it } from 'vitest';
import type { FacilityPoint } from '../../../src/lib/facilities/facilityPoints.ts';
import {
  radiusCsvRows,
  radiusFileName,
  radiusGeoJson,
  type RadiusExportContext,
} from '../../../src/lib/facilities/radiusExport.ts';
import type { RadiusHit } from '../../../src/lib/facilities/radiusQuery.ts';

const pt = (id: string, v: number, phone?: string): FacilityPoint => ({
  id,
  name: `Name ${id}`,
  types: ['kita', 'pflege'],
  lat: 51.4,
  lon: 7.01,
  address: 'Weg 1, 45997 Musterstadt',
  phone,
  v,
});
const hits: RadiusHit[] = [
  { point: pt('b', 3, '+49 201 1'), distance: 812.6 },
  { point: { ...pt('a', 2), stale: true }, distance: 12.2 },
];
const ctx: RadiusExportContext = {
  query: { lat: 51.4, lon: 7, r: 1000 },
  typeLabel: (id) => ({ kita: 'Kita', pflege: 'Pflegeeinrichtung' })[id] ?? id,
  urlOf: (id) => `https://atlas.example/einrichtungen/${id}/`,
  dataDate: '2023-12-31',
  licence: 'CC BY 4.0',
};

describe('radius downloads', () => {
  it('radiusCsvRows(hits) keeps the order and writes whole metres, labels and absolute urls', () => {
    const rows = radiusCsvRows(hits, ctx);
    expect(rows.map((r) => r['id'])).toEqual(['b', 'a']);
    expect(rows[0]).toMatchObject({
      rank: 1,
      distance_m: 813,
      types: 'Kita; Pflegeeinrichtung',
      vulnerability: 3,
      phone: '+49 201 1',
      url: 'https://atlas.example/einrichtungen/b/',
      stale: 'false',
    });
    expect(rows[1]).toMatchObject({ rank: 2, distance_m: 12, phone: '', stale: 'true' });
  });

  it('radiusGeoJson(hits) has the same rows as points, with the query, data date and licence', () => {
    const geo = radiusGeoJson(hits, ctx);
    expect(geo.features.map((f) => f.id)).toEqual(['b', 'a']);
    expect(geo.features[0]?.geometry.coordinates).toEqual([7.01, 51.4]);
    expect(geo).toMatchObject({ query: { r: 1000 }, dataDate: '2023-12-31', licence: 'CC BY 4.0' });
  });

  it('radiusFileName(q, ext) names the point and radius', () => {
    expect(radiusFileName(ctx.query, 'csv')).toBe('umkreis-51.400000-7.000000-1000m.csv');
  });
});
