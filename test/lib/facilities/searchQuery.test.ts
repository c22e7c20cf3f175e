import { describe, expect, it } from 'vitest';
import {
  formatSearchQuery,
  isActiveQuery,
  parseSearchQuery,
  type SearchQuery,
} from '../../../src/lib/facilities/searchQuery.ts';

const EMPTY: SearchQuery = { q: '', typ: '', gruppe: '', gebiet: '', teilgebiet: '', sprache: '', rollstuhl: '' };

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
