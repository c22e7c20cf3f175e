import { describe, expect, it } from 'vitest';
import { foldText, searchWords, splitWords } from '../../../src/lib/facilities/searchText.ts';

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
