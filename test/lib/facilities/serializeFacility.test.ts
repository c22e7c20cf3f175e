import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { orderFront, parseFacilityMarkdown, serializeFacility } from '../../../src/lib/facilities/serializeFacility.ts';

const front = {
  lastConfirmed: '2022-12-01',
  name: 'Kita: "Wolken" #1',
  id: 'kita-wolken-kt-99010010',
  address: { city: 'Berlin', postcode: '01067', street: 'Musterstraße 1' },
  types: ['kita'],
  location: { lon: 13.4, lat: 52.5 },
  capacity: { places: 80 },
  sources: [{ retrieved: '2026-11-25', recordId: '00123', source: 'osm', licence: 'ODbL 1.0', attribution: '© OSM' }],
  phone: undefined,
  zzUnknown: 'bleibt',
};

describe('serializeFacility', () => {
  const text = serializeFacility(front, '  Kindertagesstätte mit 80 Plätzen.\n\n');

  it('writes front matter in a fixed key order, unknown keys last, undefined left out', () => {
    const keys = text
      .split('\n')
      .filter((l) => /^[a-zA-Z]+:/.test(l))
      .map((l) => l.split(':')[0]);
    expect(keys).toEqual([
      'id',
      'name',
      'types',
      'address',
      'location',
      'capacity',
      'sources',
      'lastConfirmed',
      'zzUnknown',
    ]);
    expect(text).toContain('address:\n  street: "Musterstraße 1"\n  postcode: "01067"\n  city: "Berlin"\n');
    expect(text).toContain('location:\n  lat: 52.5\n  lon: 13.4\n');
    expect(text).toContain('  - source: "osm"\n    recordId: "00123"\n    licence: "ODbL 1.0"\n');
  });

  it('quotes every string (ids, postcodes, dates) and keeps numbers plain', () => {
    expect(text).toContain('id: "kita-wolken-kt-99010010"\n');
    expect(text).toContain('lastConfirmed: "2022-12-01"\n');
    expect(text).toContain('  places: 80\n');
    expect(text).toContain('name: "Kita: \\"Wolken\\" #1"\n');
  });

  it('has the Markdown layout and round-trips', () => {
    expect(text.startsWith('---\nid: ')).toBe(true);
    expect(text.endsWith('---\n\nKindertagesstätte mit 80 Plätzen.\n')).toBe(true);
    const parsed = parseFacilityMarkdown(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.body).toBe('Kindertagesstätte mit 80 Plätzen.');
    expect(parsed.front).toEqual(orderFront(front));
    // Any YAML parser keeps the quoted values as strings.
    expect(parse(parsed.frontText).address.postcode).toBe('01067');
    expect(serializeFacility(parsed.front as Record<string, unknown>, parsed.body)).toBe(text);
  });

  it('does not fold long lines and writes an empty body as nothing', () => {
    const long = 'x'.repeat(300);
    expect(serializeFacility({ id: 'a', name: long }, '')).toBe(`---\nid: "a"\nname: "${long}"\n---\n`);
  });
});

describe('parseFacilityMarkdown', () => {
  it('refuses executable or missing front matter', () => {
    expect(parseFacilityMarkdown('---js\n{ id: 1 }\n---\n')).toMatchObject({ ok: false, line: 1 });
    expect(parseFacilityMarkdown('---javascript\nx\n---\n')).toMatchObject({ ok: false });
    expect(parseFacilityMarkdown('Nur Text')).toMatchObject({ ok: false, line: 1 });
    expect(parseFacilityMarkdown('---\nid: "a"\n')).toMatchObject({
      ok: false,
      message: expect.stringContaining('nicht mit "---" abgeschlossen'),
    });
  });

  it('reports YAML syntax errors with the file line', () => {
    const r = parseFacilityMarkdown('---\nid: "a"\nname: "b\n---\n');
    expect(r.ok).toBe(false);
    const dup = parseFacilityMarkdown('---\nid: "a"\nid: "b"\n---\n');
    expect(dup).toMatchObject({ ok: false, line: 3 });
  });

  it('accepts CRLF and a BOM', () => {
    const r = parseFacilityMarkdown('\uFEFF---\r\nid: "a"\r\n---\r\n\r\nText\r\n');
    expect(r).toMatchObject({ ok: true, front: { id: 'a' }, body: 'Text', bodyLine: 4 });
  });
});
