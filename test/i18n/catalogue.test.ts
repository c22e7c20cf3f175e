import { describe, expect, it } from 'vitest';
import { de } from '../../src/i18n/de.ts';
import { en } from '../../src/i18n/en.ts';
import { t } from '../../src/i18n/index.ts';

describe('message catalogue', () => {
  it('en has exactly the keys of de (the source language), in both directions', () => {
    const missing = Object.keys(de).filter((k) => !(k in en));
    const extra = Object.keys(en).filter((k) => !(k in de));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('every message is a non-empty text, or a function in both languages', () => {
    for (const [key, message] of Object.entries(de)) {
      const other: unknown = en[key as keyof typeof en];
      expect(typeof other, key).toBe(typeof message);
      if (typeof message === 'string') {
        expect(message.trim(), key).not.toBe('');
        expect(String(other).trim(), key).not.toBe('');
      }
    }
  });

  it('t(lang, key) returns the text; t(lang, key, params) fills a sentence', () => {
    expect(t('de', 'keyFigures')).toBe('Kennzahlen');
    expect(t('en', 'keyFigures')).toBe('Key figures');
    expect(t('de', 'entriesCount', { n: '1' })).toBe('1 Eintrag');
    expect(t('en', 'entriesCount', { n: '12' })).toBe('12 entries');
  });

  it('no English text is a copy of the German one where the words differ (spot check of plain texts)', () => {
    const same = Object.keys(de).filter((k) => {
      const a = de[k as keyof typeof de];
      const b = en[k as keyof typeof en];
      return typeof a === 'string' && a === b && /[äöüß]/i.test(a);
    });
    expect(same).toEqual([]);
  });
});
