import { describe, expect, it } from 'vitest';
import {
  formatSearchQuery,
  isActiveQuery,
  matchesFilters,
  parseSearchQuery,
  type SearchQuery,
} from '../../../src/lib/facilities/searchQuery.ts';
import type { SearchRecord } from '../../../src/lib/facilities/searchRecord.ts';

const EMPTY: SearchQuery = { q: '', typ: '', gruppe: '', gebiet: '', teilgebiet: '', sprache: '', rollstuhl: '' };
const rec = (o: {
  types?: string[];
  groups?: string[];
  units?: string[];
  languages?: string[];
  wheelchair?: SearchRecord[9];
}): SearchRecord => [
  'id',
  'Name',
  '',
  'Weg 1, 12345 Musterstadt',
  '',
  o.types ?? ['kita'],
  o.groups ?? [],
  o.units ?? ['N', 'N1'],
  o.languages ?? [],
  o.wheelchair ?? 'unknown',
];

describe('parseSearchQuery(params)', () => {
  it('reads every parameter, trims it and ignores unknown ones', () => {
    const q = parseSearchQuery(
      new URLSearchParams(
        'q=+Kita+Regenb+&typ=kita&gruppe=kinder&gebiet=01&teilgebiet=0101&sprache=tr&rollstuhl=ja&x=1',
      ),
    );
    expect(q).toEqual({
      q: 'Kita Regenb',
      typ: 'kita',
      gruppe: 'kinder',
      gebiet: '01',
      teilgebiet: '0101',
      sprache: 'tr',
      rollstuhl: 'ja',
    });
  });

  it('drops an unknown wheelchair value and cuts a very long text', () => {
    const q = parseSearchQuery(new URLSearchParams({ rollstuhl: 'vielleicht', q: 'a'.repeat(500) }));
    expect(q.rollstuhl).toBe('');
    expect(q.q).toHaveLength(200);
  });
});

describe('formatSearchQuery(query)', () => {
  it('writes only the fields that are set, in a fixed order, and round-trips', () => {
    const q: SearchQuery = { ...EMPTY, gebiet: '01', q: 'Straße & Söhne' };
    const s = formatSearchQuery(q);
    expect(s).toBe('?q=Stra%C3%9Fe+%26+S%C3%B6hne&gebiet=01');
    expect(parseSearchQuery(new URLSearchParams(s))).toEqual(q);
    expect(formatSearchQuery(EMPTY)).toBe('');
  });
});

describe('isActiveQuery(query)', () => {
  it('is true with a text or any filter', () => {
    expect(isActiveQuery(EMPTY)).toBe(false);
    expect(isActiveQuery({ ...EMPTY, sprache: 'ar' })).toBe(true);
  });
});

describe('matchesFilters(record, query)', () => {
  it('checks type, target group, both unit levels and language', () => {
    const r = rec({ types: ['kita', 'familie'], groups: ['kinder'], units: ['N', 'N1'], languages: ['de', 'tr'] });
    expect(matchesFilters(r, EMPTY)).toBe(true);
    expect(
      matchesFilters(r, { ...EMPTY, typ: 'familie', gruppe: 'kinder', gebiet: 'N', teilgebiet: 'N1', sprache: 'tr' }),
    ).toBe(true);
    for (const miss of [
      { typ: 'pflege' },
      { gruppe: 'senioren' },
      { gebiet: 'S' },
      { teilgebiet: 'N2' },
      { sprache: 'ar' },
    ]) {
      expect(matchesFilters(r, { ...EMPTY, ...miss }), JSON.stringify(miss)).toBe(false);
    }
  });

  it('"ja" takes only accessible entries, "teilweise" also partly accessible ones', () => {
    const got = (rollstuhl: SearchQuery['rollstuhl']) =>
      (['yes', 'limited', 'no', 'unknown'] as const).filter((w) =>
        matchesFilters(rec({ wheelchair: w }), { ...EMPTY, rollstuhl }),
      );
    expect(got('ja')).toEqual(['yes']);
    expect(got('teilweise')).toEqual(['yes', 'limited']);
    expect(got('')).toEqual(['yes', 'limited', 'no', 'unknown']);
  });

  it('does not match a unit filter on an entry outside the boundaries', () => {
    expect(matchesFilters(rec({ units: [] }), { ...EMPTY, gebiet: 'N' })).toBe(false);
  });
});
