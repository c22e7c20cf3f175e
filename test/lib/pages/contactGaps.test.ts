import { describe, expect, it } from 'vitest';
import { buildContactGaps, contactGapsPage, contactGapsView } from '../../../src/lib/pages/contactGaps.ts';
import { crisisContactCells, operatorFallback } from '../../../src/lib/pages/crisisContact.ts';
import type { PlacedFacility } from '../../../src/lib/pages/facilityPage.ts';

/** Made-up entries: two care homes without contact (one with an operator phone), a Kita with a phone. */
function entry(id: string, types: string[], extra: Record<string, unknown>, unit: string): PlacedFacility {
  return {
    facility: {
      id,
      name: id,
      types,
      targetGroups: [],
      address: { street: 'Weg 1', postcode: '12345', city: 'Musterstadt' },
      location: { lat: 51, lon: 7 },
      accessibility: { wheelchair: 'unknown' },
      sources: [],
      lastConfirmed: '2024-01-01',
      ...extra,
    } as PlacedFacility['facility'],
    file: `content/facilities/${id}.md`,
    html: '',
    units: [unit, `${unit}1`],
    ageDays: 0,
    stale: false,
  };
}
const types = [
  { id: 'pflege', vulnerability: 3 },
  { id: 'kita', vulnerability: 2 },
];
const entries = [
  entry('heim-a', ['pflege'], { providerContact: { phone: '+49 30 1111111' } }, '1'),
  entry('heim-b', ['pflege'], { email: undefined }, '2'),
  entry('kita-c', ['kita'], { phone: '+49 30 2222222' }, '1'),
];

describe('contact gaps', () => {
  it('buildContactGaps() counts entries without phone, e-mail and both, by type and area, with operator fallback', () => {
    const g = buildContactGaps(entries, types);
    expect(g.all).toEqual({ total: 3, noPhone: 2, noEmail: 3, neither: 2, operatorFallback: 1 });
    expect(g.byType.map((x) => [x.type, x.counts.noPhone])).toEqual([
      ['pflege', 2],
      ['kita', 0],
    ]);
    expect(g.byArea.map((x) => [x.unit, x.counts.neither])).toEqual([
      ['1', 1],
      ['2', 1],
    ]);
    expect(g.entries.map((e) => [e.id, e.operatorContact])).toEqual([
      ['heim-a', true],
      ['heim-b', false],
    ]);
  });

  it('contactGapsPage() says the counts in a sentence and groups by vulnerability', () => {
    const m = contactGapsPage(buildContactGaps(entries, types), {
      lang: 'de',
      typeLabel: (id) => id,
      unitName: (id) => `Gebiet ${id}`,
      unitUrl: () => undefined,
    });
    expect(m.summary).toBe('2 von 3 Einträgen haben weder Telefon noch E-Mail; 2 haben kein Telefon.');
    expect(m.groups.map((g) => g.heading)).toEqual(['Höchste Schutzbedürftigkeit (2)']);
  });

  it('operatorFallback() stands in only where the facility has neither phone nor e-mail; the cells label it', () => {
    expect(operatorFallback(entries[0]!.facility)).toEqual({
      phone: '+49 30 1111111',
      email: undefined,
      address: undefined,
    });
    expect(operatorFallback({ ...entries[0]!.facility, email: 'a@b.de' })).toBeUndefined();
    const cells = crisisContactCells(
      { places: 145, provider: 'Träger', operatorContact: { phone: '+49 30 1111111' } },
      'de',
    );
    expect(cells).toMatchObject({
      places: '145',
      provider: 'Träger',
      operator: { label: 'Kontakt des Trägers', phone: { href: 'tel:+49301111111' } },
    });
  });

  it('contactGapsView() names the areas from the atlas units, links them per language and gives both count tables', () => {
    const units = [
      { id: '1', name: 'Nord', url: '/bezirk/1/' },
      { id: '2', name: 'Süd', url: '/bezirk/2/' },
    ];
    const v = contactGapsView(buildContactGaps(entries, types), units, (id) => `Art ${id}`, 'en');
    expect(v.tables.map((tb) => [tb.id, tb.rows.length])).toEqual([
      ['nach-art', 2],
      ['nach-gebiet', 2],
    ]);
    expect(v.tables[1]?.rows.map((r) => [r.label, r.href])).toEqual([
      ['Nord', '/en/bezirk/1/'],
      ['Süd', '/en/bezirk/2/'],
    ]);
    expect(v.tables[0]?.rows[0]?.label).toBe('Art pflege');
    expect(v.cols.map((c) => c.key)).toEqual(['total', 'noPhone', 'noEmail', 'neither', 'operatorFallback']);
    expect(v.m.totalRow.total).toBe('3');
  });
});
