import { describe, expect, it } from 'vitest';
import { isFallback, labelOf, langPrefix, pick, t } from '../../src/lib/i18n.ts';

describe('t', () => {
  it('t(lang, key) returns the interface text in that language', () => {
    expect(t('de', 'status_suppressed')).toBe('geheim gehalten');
    expect(t('en', 'status_suppressed')).toBe('suppressed');
    expect(t('de', 'percentPoints')).toBe('Prozentpunkte');
  });

  it('t(lang, status_*) never reads as a number or as empty', () => {
    for (const lang of ['de', 'en'] as const) {
      for (const key of ['status_missing', 'status_suppressed', 'status_notApplicable', 'status_zero'] as const) {
        const text = t(lang, key);
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/\d/);
      }
    }
  });
});

describe('pick', () => {
  it('pick(text, lang) returns the requested language', () => {
    expect(pick({ de: 'Bezirk', en: 'District' }, 'de')).toBe('Bezirk');
    expect(pick({ de: 'Bezirk', en: 'District' }, 'en')).toBe('District');
  });

  it('pick(text without en, "en") falls back to German', () => {
    expect(pick({ de: 'Planungsraum' }, 'en')).toBe('Planungsraum');
    expect(pick({ de: 'Planungsraum', en: undefined }, 'en')).toBe('Planungsraum');
  });

  it('pick(undefined) returns ""', () => {
    expect(pick(undefined, 'de')).toBe('');
  });
});

describe('isFallback', () => {
  it('isFallback(text, lang) is true only for English pages showing German text', () => {
    expect(isFallback({ de: 'Bezirk' }, 'en')).toBe(true);
    expect(isFallback({ de: 'Bezirk', en: 'District' }, 'en')).toBe(false);
    expect(isFallback({ de: 'Bezirk' }, 'de')).toBe(false);
    expect(isFallback(undefined, 'en')).toBe(false);
  });
});

describe('langPrefix', () => {
  it('langPrefix(lang) is "" for German and "/en" for English', () => {
    expect(langPrefix('de')).toBe('');
    expect(langPrefix('en')).toBe('/en');
  });
});

describe('labelOf', () => {
  const types = [
    { id: 'kita', label: { de: 'Kindertagesstätte', en: 'Day care centre' } },
    { id: 'pflege', label: { de: 'Pflegeheim' } },
  ];
  it('labelOf(list, id, lang) is the entry’s label in lang, German where English is missing', () => {
    expect(labelOf(types, 'kita', 'de')).toBe('Kindertagesstätte');
    expect(labelOf(types, 'kita', 'en')).toBe('Day care centre');
    expect(labelOf(types, 'pflege', 'en')).toBe('Pflegeheim');
  });
  it('falls back to the id for an unknown id or a missing list', () => {
    expect(labelOf(types, 'arzt', 'de')).toBe('arzt');
    expect(labelOf(undefined, 'kita', 'en')).toBe('kita');
  });
});
