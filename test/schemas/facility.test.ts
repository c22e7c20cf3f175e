import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FacilitySchema, FacilityVocabularySchema, type FacilityInput } from '../../src/schemas/facility.ts';

/** A valid, made-up facility. */
function valid(): FacilityInput {
  return {
    id: 'kita-testgarten-kt-99010010',
    name: 'Kita Testgarten',
    provider: 'Beispiel-Träger gGmbH',
    types: ['kita'],
    targetGroups: ['kinder'],
    address: { street: 'Musterstraße 12a', postcode: '10115', city: 'Berlin' },
    location: { lat: 52.52, lon: 13.4 },
    phone: '+49 30 1234567',
    email: 'info@testgarten.example',
    website: 'https://www.testgarten.example/',
    languages: ['de', 'en'],
    accessibility: { wheelchair: 'limited', notes: 'Rampe' },
    capacity: { places: 40 },
    sources: [
      {
        source: 'berlin-geoportal-kitas',
        recordId: '99010010',
        licence: 'dl-de/zero-2-0',
        attribution: 'Geoportal Berlin',
        retrieved: '2026-01-01',
      },
    ],
    lastConfirmed: '2024-03-01',
  };
}

function messages(value: unknown): string[] {
  const r = FacilitySchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** The paths of the failing fields, e.g. `location.lat`. */
function paths(value: unknown): string[] {
  return messages(value).map((line) => line.slice(0, line.indexOf(': ')));
}

describe('FacilitySchema', () => {
  it('accepts a valid example and fills defaults', () => {
    const { accessibility: _a, targetGroups: _t, sources: _s, ...minimal } = valid();
    const r = FacilitySchema.parse(minimal);
    expect(r.accessibility).toEqual({ wheelchair: 'unknown' });
    expect(r.targetGroups).toEqual([]);
    expect(r.sources).toEqual([]);
    expect(messages(valid())).toEqual([]);
  });

  it('requires a name', () => {
    const { name: _n, ...rest } = valid();
    expect(messages(rest).some((m) => m.startsWith('name:'))).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>x</script>',
    'ftp://x.example',
    'mailto:a@b.de',
    'www.x.de',
  ])('refuses website %j', (website) => {
    expect(messages({ ...valid(), website }).some((m) => m.startsWith('website:'))).toBe(true);
  });

  it.each(['1011', '101150', 'l0115', 10115])('refuses postcode %j', (postcode) => {
    const v = valid();
    expect(messages({ ...v, address: { ...v.address, postcode } }).some((m) => m.startsWith('address.postcode'))).toBe(
      true,
    );
  });

  it('refuses a lastConfirmed date in the future, accepts today', () => {
    expect(messages({ ...valid(), lastConfirmed: '2999-01-01' })).toEqual([
      'lastConfirmed: Datum liegt in der Zukunft',
    ]);
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(messages({ ...valid(), lastConfirmed: today })).toEqual([]);
  });

  it('checks coordinates, phone, e-mail, languages, capacity and unknown keys', () => {
    expect(paths({ ...valid(), location: { lat: 95, lon: 13 } })).toEqual(['location.lat']);
    expect(paths({ ...valid(), location: { lat: 52, lon: -181 } })).toEqual(['location.lon']);
    expect(paths({ ...valid(), phone: '030 1234567' })).toEqual(['phone']);
    expect(paths({ ...valid(), phone: '+49 30 12' })).toEqual(['phone']);
    expect(paths({ ...valid(), email: 'sekretariat@schule' })).toEqual(['email']);
    expect(paths({ ...valid(), languages: ['de', 'xx'] })).toEqual(['languages.1']);
    expect(paths({ ...valid(), capacity: { places: 0 } })).toEqual(['capacity.places']);
    expect(paths({ ...valid(), capacity: { places: 1.5 } })).toEqual(['capacity.places']);
    expect(paths({ ...valid(), accessibility: { wheelchair: 'ja' } })).toEqual(['accessibility.wheelchair']);
    expect(messages({ ...valid(), telefon: '+49 30 1234567' })).toEqual([': Unrecognized key: "telefon"']);
    expect(paths({ ...valid(), types: [] })).toEqual(['types']);
    expect(paths({ ...valid(), id: 'Kita Test' })).toEqual(['id']);
  });

  it('keeps record ids as strings', () => {
    const v = valid();
    expect(paths({ ...v, sources: [{ ...v.sources![0], recordId: 99010010 }] })).toEqual(['sources.0.recordId']);
  });
});

describe('FacilityVocabularySchema', () => {
  it('parses the repository facilities.yml', () => {
    const vocab = FacilityVocabularySchema.parse(parse(readFileSync('facilities.yml', 'utf8')));
    const ids = vocab.types.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'kita',
        'kinderbetreuung',
        'jugendfreizeit',
        'pflege',
        'schule',
        'apotheke',
        'arzt',
        'klinik',
        'krankenhaus',
        'nachbarschaft',
      ]),
    );
    expect(vocab.types.find((t) => t.id === 'pflege')?.vulnerability).toBe(3);
    expect(vocab.types.find((t) => t.id === 'krankenhaus')?.vulnerability).toBe(3);
    expect(vocab.types.find((t) => t.id === 'kita')?.vulnerability).toBe(2);
    expect(vocab.targetGroups.map((t) => t.id)).toContain('kinder');
  });

  it('refuses duplicate ids and applies defaults', () => {
    const r = FacilityVocabularySchema.safeParse({
      types: [
        { id: 'kita', label: { de: 'Kita' } },
        { id: 'kita', label: { de: 'Kita 2' } },
      ],
    });
    expect(r.success).toBe(false);
    const ok = FacilityVocabularySchema.parse({ types: [{ id: 'kita', label: { de: 'Kita' } }] });
    expect(ok).toEqual({
      types: [{ id: 'kita', label: { de: 'Kita' }, vulnerability: 0 }],
      targetGroups: [],
      staleAfterDays: 365,
    });
  });
});
