import { describe, expect, it } from 'vitest';
import {
  foldText,
  isWithinOneEdit,
  matchWord,
  searchWords,
  splitWords,
  streetWordsOf,
} from '../../../src/lib/facilities/searchText.ts';

describe('foldText(text)', () => {
  it('folds case, umlauts and ß so that strasse finds Straße and muller finds Müller', () => {
    expect(foldText('Müllerstraße')).toBe('mullerstrasse');
    expect(foldText('STRASSE')).toBe(foldText('Straße'));
    expect(foldText('ÄRZTEHAUS Österreich Übergang')).toBe('arztehaus osterreich ubergang');
  });

  it('reads the digraphs ae, oe, ue like the umlauts, on both sides alike', () => {
    expect(foldText('Mueller')).toBe(foldText('Müller'));
    expect(foldText('Goethestraße')).toBe(foldText('Göthestrasse'));
    expect(foldText('Michael')).toBe('michal');
  });

  it('drops other diacritics, also when the text comes decomposed (NFD)', () => {
    expect(foldText('Café Señor Çelik')).toBe('cafe senor celik');
    expect(foldText('Mu\u0308ller')).toBe('muller');
    expect(foldText('Łódź')).toBe('łodz');
  });

  it('keeps letters of other scripts (folded to lower case)', () => {
    expect(foldText('Дом')).toBe('дом');
    expect(foldText('İstanbul')).toBe(foldText('i̇stanbul'));
  });
});

describe('splitWords(text)', () => {
  it('splits at everything but letters and digits', () => {
    expect(splitWords('Karl-Marx-Straße 12a, 10117 Berlin')).toEqual([
      'Karl',
      'Marx',
      'Straße',
      '12a',
      '10117',
      'Berlin',
    ]);
    expect(splitWords("  St. Hedwig's  ")).toEqual(['St', 'Hedwig', 's']);
    expect(splitWords(' – ')).toEqual([]);
  });
});

describe('searchWords(text)', () => {
  it('folds and splits a query', () => {
    expect(searchWords('Kita Regenb')).toEqual(['kita', 'regenb']);
    expect(searchWords('MÜLLER-Straße')).toEqual(['muller', 'strasse']);
    expect(searchWords('   ')).toEqual([]);
  });
});

describe('isWithinOneEdit(a, b)', () => {
  it('allows one changed, inserted or deleted letter, or two neighbours swapped', () => {
    expect(isWithinOneEdit('schoneberg', 'schoneberg')).toBe(true);
    expect(isWithinOneEdit('schonebreg', 'schoneberg')).toBe(true);
    expect(isWithinOneEdit('schoneberg', 'schonebeg')).toBe(true);
    expect(isWithinOneEdit('schnoeberg', 'schoneberg')).toBe(true);
    expect(isWithinOneEdit('schoneberx', 'schoneberg')).toBe(true);
    expect(isWithinOneEdit('xchoneberx', 'schoneberg')).toBe(false);
    expect(isWithinOneEdit('schoneb', 'schoneberg')).toBe(false);
  });

  it('agrees with the optimal string alignment distance on every pair of short words over three letters', () => {
    /** Reference: optimal string alignment distance by dynamic programming. */
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          const row = d[i] as number[];
          const up = d[i - 1] as number[];
          row[j] = Math.min(
            (up[j] as number) + 1,
            (row[j - 1] as number) + 1,
            (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
        }
      return (d[a.length] as number[])[b.length] as number;
    };
    const words = [''];
    for (let n = 0; n < 4; n++)
      for (const w of [...words]) for (const c of 'abc') if (w.length === n) words.push(w + c);
    for (const a of words) for (const b of words) expect(isWithinOneEdit(a, b), `${a}|${b}`).toBe(osa(a, b) <= 1);
  });
});

describe('matchWord(q, w, options)', () => {
  it('tells a whole word from its start and from a typo', () => {
    expect(matchWord('reuterkiez', 'reuterkiez')).toBe('exact');
    expect(matchWord('reuterk', 'reuterkiez')).toBe('prefix');
    expect(matchWord('reuterkeiz', 'reuterkiez')).toBe('fuzzy');
    expect(matchWord('reutrk', 'reuterkiez')).toBeUndefined();
    expect(matchWord('reutrk', 'reuterkiez', { fuzzyPrefix: true })).toBe('fuzzy');
    expect(matchWord('reutezk', 'reuterkiez', { fuzzyPrefix: true })).toBe('fuzzy');
  });

  it('never allows a typo in a short word', () => {
    expect(matchWord('mite', 'mitte', { fuzzyPrefix: true })).toBeUndefined();
    expect(matchWord('anger', 'angel')).toBe('fuzzy');
    expect(matchWord('anger', 'angel', { minFuzzy: 6 })).toBeUndefined();
  });
});

describe('streetWordsOf(q) with matchWord(q, w, { streets })', () => {
  it('finds street compounds by their street word or its start, from three letters on', () => {
    expect(matchWord('strasse', 'reuterstrasse', { streets: streetWordsOf('strasse') })).toBe('exact');
    expect(matchWord('stras', 'reuterstrasse', { streets: streetWordsOf('stras') })).toBe('prefix');
    expect(matchWord('weg', 'amweg', { streets: streetWordsOf('weg') })).toBeUndefined();
    expect(streetWordsOf('st')).toEqual([]);
    expect(streetWordsOf('p')).toEqual([]);
    expect(streetWordsOf('pla')).toEqual(['platz']);
  });
});
