import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { de as coreDe } from '../../src/i18n/de.ts';
import { de, en, t } from '../../src/i18n/index.ts';

type Section = { de: Record<string, unknown>; en: Record<string, unknown> };
const sectionDir = fileURLToPath(new URL('../../src/i18n/sections/', import.meta.url));
const sections: Record<string, Section> = {};
for (const file of existsSync(sectionDir) ? readdirSync(sectionDir).filter((f) => f.endsWith('.ts')) : []) {
  sections[file] = (await import(join(sectionDir, file))) as Section;
}

describe('message catalogue', () => {
  it('en has exactly the keys of de (the source language), in both directions', () => {
    const missing = Object.keys(de).filter((k) => !(k in en));
    const extra = Object.keys(en).filter((k) => !(k in de));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('no key is defined twice (core and sections are disjoint), and every section is merged', () => {
    const owner = new Map<string, string>(Object.keys(coreDe).map((k) => [k, 'core']));
    const twice: string[] = [];
    for (const [file, section] of Object.entries(sections)) {
      for (const k of Object.keys(section.de)) {
        if (owner.has(k)) twice.push(`${k} (${owner.get(k)}, ${file})`);
        owner.set(k, file);
        expect(k in de, `${k} of ${file} is merged into the catalogue`).toBe(true);
      }
      expect(Object.keys(section.en).sort(), file).toEqual(Object.keys(section.de).sort());
    }
    expect(twice).toEqual([]);
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

  it('no English text with German letters is a copy of the German one', () => {
    const same = Object.keys(de).filter((k) => {
      const a = de[k as keyof typeof de];
      const b = en[k as keyof typeof en];
      return typeof a === 'string' && a === b && /[äöüß]/i.test(a);
    });
    expect(same).toEqual([]);
  });
});
