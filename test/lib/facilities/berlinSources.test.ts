import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BERLIN_SOURCES, MATCH_PAIRS } from '../../../src/lib/facilities/berlinSources.ts';
import { mapBerlinRecord } from '../../../src/lib/facilities/mapBerlinRecords.ts';
import { checkFacilityVocabulary } from '../../../src/lib/facilities/validateFacility.ts';
import { FacilitySourceRefSchema, FacilityVocabularySchema } from '../../../src/schemas/facility.ts';

describe('BERLIN_SOURCES', () => {
  it('points at the raw files copied into data/berlin, each with its id field', () => {
    for (const s of BERLIN_SOURCES) {
      expect(existsSync(s.file), s.file).toBe(true);
      const first = (
        JSON.parse(readFileSync(s.file, 'utf8')) as { features: { properties: Record<string, unknown> }[] }
      ).features[0]!;
      expect(first.properties[s.idField], `${s.file}: ${s.idField}`).toBeDefined();
    }
  });

  it('has valid source references, unique prefixes per source id, and marks the unconfirmed licence', () => {
    for (const s of BERLIN_SOURCES) {
      expect(FacilitySourceRefSchema.safeParse({ ...s.ref, recordId: '1' }).success).toBe(true);
      if (s.ref.source.startsWith('berlin-geoportal-')) expect(s.ref.licence).toContain('nicht bestätigt');
    }
    const prefixOf = new Map<string, string>();
    for (const s of BERLIN_SOURCES) {
      expect(prefixOf.get(s.idPrefix) ?? s.ref.source).toBe(s.ref.source);
      prefixOf.set(s.idPrefix, s.ref.source);
    }
  });

  it('matches only known sources', () => {
    const kinds = new Set(BERLIN_SOURCES.map((s) => s.kind));
    for (const p of MATCH_PAIRS) expect(kinds.has(p.a) && kinds.has(p.b)).toBe(true);
  });

  it('maps every real record only to types and target groups that facilities.yml knows', () => {
    const vocab = FacilityVocabularySchema.parse(parse(readFileSync('facilities.yml', 'utf8')));
    const unknown = new Set<string>();
    for (const s of BERLIN_SOURCES) {
      const { features } = JSON.parse(readFileSync(s.file, 'utf8')) as {
        features: { properties?: unknown; geometry?: unknown }[];
      };
      for (const f of features) {
        const r = mapBerlinRecord(s, f);
        if (r.ok) for (const m of checkFacilityVocabulary(r.record, vocab)) unknown.add(m.message);
      }
    }
    expect([...unknown]).toEqual([]);
  });
});
