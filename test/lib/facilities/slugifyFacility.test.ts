import { describe, expect, it } from 'vitest';
import { MAX_NAME_SLUG, slugify, slugifyFacility, transliterate } from '../../../src/lib/facilities/slugifyFacility.ts';
import { SlugSchema } from '../../../src/schemas/common.ts';

describe('transliterate / slugify', () => {
  it('writes out umlauts and ß and removes other accents', () => {
    expect(transliterate('Größe Äpfel Übermut Café Ñandú')).toBe('Groesse Aepfel Uebermut Cafe Nandu');
    expect(slugify('Kita „Sonnenkäfer“ e.V.')).toBe('kita-sonnenkaefer-e-v');
    expect(slugify('  --Straße  der  Einheit--  ')).toBe('strasse-der-einheit');
    expect(slugify('☀️')).toBe('');
  });
});

describe('slugifyFacility', () => {
  it('builds the id from name and disambiguator', () => {
    expect(slugifyFacility('Kita Wühlmäuse', 'kt-99010010')).toBe('kita-wuehlmaeuse-kt-99010010');
    expect(slugifyFacility('Apotheke am Platz', 'ap-DEBE00YY2dR001ZJ')).toBe('apotheke-am-platz-ap-debe00yy2dr001zj');
  });

  it('is stable: the same input gives the same id', () => {
    expect(slugifyFacility('Kita Wühlmäuse', 'kt-99010010')).toBe(slugifyFacility('Kita Wühlmäuse', 'kt-99010010'));
  });

  it('keeps same-named facilities apart through the disambiguator', () => {
    expect(slugifyFacility('Kita Regenbogen', 'kt-1')).not.toBe(slugifyFacility('Kita Regenbogen', 'kt-2'));
  });

  it('cuts long names at a word boundary and always yields a valid slug', () => {
    const id = slugifyFacility(
      'Kindertagesstätte des Vereins zur Förderung eines freien Erziehungs- und Bildungswesens e.V.',
      'kt-1',
    );
    expect(id).toBe('kindertagesstaette-des-vereins-zur-foerderung-kt-1');
    expect(id.length).toBeLessThanOrEqual(MAX_NAME_SLUG + 1 + 4);
    expect(SlugSchema.safeParse(id).success).toBe(true);
    expect(slugifyFacility('✿✿✿', 'osm-123')).toBe('osm-123');
    expect(slugifyFacility('a'.repeat(80), 'kt-1')).toBe(`${'a'.repeat(MAX_NAME_SLUG)}-kt-1`);
  });

  it('refuses an empty disambiguator', () => {
    expect(() => slugifyFacility('Kita', '')).toThrow();
  });
});
