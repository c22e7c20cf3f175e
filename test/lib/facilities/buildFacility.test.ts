import { describe, expect, it } from 'vitest';
import { buildFacility, escapeMarkdown } from '../../../src/lib/facilities/buildFacility.ts';
import type { ImportRecord } from '../../../src/lib/facilities/importRecord.ts';
import { FacilitySchema } from '../../../src/schemas/facility.ts';

/** Made-up record. */
function record(over: Partial<ImportRecord>): ImportRecord {
  return {
    key: 'berlin-geoportal-kitas:99010010',
    idPrefix: 'kt',
    source: {
      source: 'berlin-geoportal-kitas',
      recordId: '99010010',
      licence: 'L',
      attribution: 'Geoportal Berlin',
      retrieved: '2026-11-25',
    },
    dataDate: '2022-12-01',
    name: 'Kita Wolkenschloss',
    types: ['kita'],
    targetGroups: ['kinder'],
    address: { street: 'Musterstraße 1', postcode: '10115', city: 'Berlin' },
    location: { lat: 52.51021, lon: 13.393871 },
    phones: ['+49 30 1234567', '+49 151 2345678'],
    places: 80,
    facts: ['Kindertagesstätte mit 80 Plätzen.', 'Träger: Beispiel-Träger gGmbH.'],
    dropped: [],
    ...over,
  };
}
const osm = record({
  key: 'osm:900000001',
  idPrefix: 'osm',
  source: {
    source: 'osm',
    recordId: '900000001',
    licence: 'ODbL 1.0',
    attribution: '© OpenStreetMap-Mitwirkende',
    retrieved: '2026-11-25',
  },
  dataDate: '2025-09-01',
  name: 'Kindergarten <Wolkenschloss>',
  address: undefined,
  location: { lat: 52.51029, lon: 13.39395 },
  phones: [],
  places: undefined,
  targetGroups: ['kinder'],
  website: 'http://osm.example',
  facts: ['In OpenStreetMap als Kindergarten erfasst.', 'OpenStreetMap-Objekt: 900000001.'],
});

describe('buildFacility', () => {
  it('builds a valid front matter and a body from the source facts', () => {
    const r = buildFacility([record({})], 'kita-wolkenschloss-kt-99010010');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.front).toMatchObject({
      id: 'kita-wolkenschloss-kt-99010010',
      phone: '+49 30 1234567',
      capacity: { places: 80 },
      accessibility: { wheelchair: 'unknown' },
      lastConfirmed: '2022-12-01',
      sources: [{ source: 'berlin-geoportal-kitas', recordId: '99010010' }],
    });
    expect(FacilitySchema.safeParse(r.document.front).success).toBe(true);
    expect(r.document.body).toBe(
      'Kindertagesstätte mit 80 Plätzen. Träger: Beispiel-Träger gGmbH.\n\nWeitere Telefonnummern laut Quelle: +49 151 2345678.',
    );
  });

  it('merges a matched record: primary fields first, gaps filled, both sources listed', () => {
    const r = buildFacility([record({ phones: [] }), osm], 'x');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.document.front).toMatchObject({
      name: 'Kita Wolkenschloss',
      location: { lat: 52.51021, lon: 13.393871 },
      website: 'http://osm.example',
      targetGroups: ['kinder'],
      lastConfirmed: '2022-12-01',
      sources: [{ source: 'berlin-geoportal-kitas' }, { source: 'osm', recordId: '900000001' }],
    });
    expect(r.document.front.phone).toBeUndefined();
    expect(r.document.body.split('\n\n')[1]).toBe(
      'In OpenStreetMap als Kindergarten erfasst. OpenStreetMap-Objekt: 900000001. Name dort: „Kindergarten \\<Wolkenschloss\\>“.',
    );
  });

  it('takes the address of a secondary record; without any it keeps the entry without address, never invents one', () => {
    const noAddress = { ...osm, address: undefined, addressProblem: 'keine Straße angegeben' };
    const kept = buildFacility([noAddress], 'x');
    expect(kept.ok && kept.document.front.address).toBeUndefined();
    expect(kept.ok && kept.document.front.name).toBe(osm.name);
    // A source that requires an address refuses the group, with the reason.
    expect(buildFacility([{ ...noAddress, requireAddress: true }], 'x')).toEqual({
      ok: false,
      reason: 'keine Straße angegeben',
    });
    const withAddr = buildFacility([osm, record({})], 'x');
    expect(withAddr.ok && withAddr.document.front.address).toEqual({
      street: 'Musterstraße 1',
      postcode: '10115',
      city: 'Berlin',
    });
  });
});

describe('escapeMarkdown', () => {
  it('escapes what Markdown or HTML would interpret', () => {
    expect(escapeMarkdown('Singen und Musizieren*')).toBe('Singen und Musizieren\\*');
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('[a](javascript:x) _b_ `c` |d| ~e~ &amp; & f')).toBe(
      '\\[a\\](javascript:x) \\_b\\_ \\`c\\` \\|d\\| \\~e\\~ &amp;amp; & f',
    );
    expect(escapeMarkdown('Offene-Arbeit/Situationsansatz.')).toBe('Offene-Arbeit/Situationsansatz.');
  });
});
