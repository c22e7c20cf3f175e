import { describe, expect, it } from 'vitest';
import {
  countVulnerable,
  groupByLevel,
  sortedByName,
  symbolsWithTypes,
  totalFacilities,
  unitsOfLevelByName,
  vulnerabilityGroups,
} from '../../../src/lib/pages/pageGroups.ts';

// Made-up levels, units and facilities.
const LEVELS = [{ id: 'bezirk' }, { id: 'ortsteil' }, { id: 'block' }];
const units = [
  { name: 'Zentrum', level: 'ortsteil' },
  { name: 'Nord', level: 'bezirk' },
  { name: 'Älterwald', level: 'ortsteil' },
  { name: 'Ost', level: 'ortsteil' },
];

describe('groupByLevel', () => {
  it('groups by level in the order of the levels, leaves out empty levels and keeps the order of the items', () => {
    expect(groupByLevel(LEVELS, units)).toEqual([
      { level: { id: 'bezirk' }, items: [units[1]] },
      { level: { id: 'ortsteil' }, items: [units[0], units[2], units[3]] },
    ]);
    expect(groupByLevel(LEVELS, [])).toEqual([]);
  });
});

describe('sortedByName and unitsOfLevelByName', () => {
  it('sort by German collation (Ä with A) without changing the input', () => {
    expect(sortedByName(units).map((u) => u.name)).toEqual(['Älterwald', 'Nord', 'Ost', 'Zentrum']);
    expect(units[0]?.name).toBe('Zentrum');
  });

  it('unitsOfLevelByName() keeps one level, sorted; an unknown level gives none', () => {
    expect(unitsOfLevelByName(units, 'ortsteil').map((u) => u.name)).toEqual(['Älterwald', 'Ost', 'Zentrum']);
    expect(unitsOfLevelByName(units, undefined)).toEqual([]);
  });
});

describe('vulnerabilityGroups and countVulnerable', () => {
  const facilities = [
    { id: 'a', vulnerability: 1, types: ['beratung'] },
    { id: 'b', vulnerability: 3, types: ['kita', 'hort'] },
    { id: 'c', vulnerability: 3, types: ['kita'] },
    { id: 'd', vulnerability: 0, types: ['sport'] },
  ];

  it('groups most vulnerable first, leaves out empty levels, and lists each group’s distinct types', () => {
    expect(vulnerabilityGroups(facilities)).toEqual([
      { v: 3, items: [facilities[1], facilities[2]], types: ['kita', 'hort'] },
      { v: 1, items: [facilities[0]], types: ['beratung'] },
      { v: 0, items: [facilities[3]], types: ['sport'] },
    ]);
  });

  it('counts level 2 and above as vulnerable', () => {
    expect(countVulnerable(facilities)).toBe(2);
    expect(countVulnerable([{ vulnerability: 2 }, { vulnerability: 1 }])).toBe(1);
    expect(countVulnerable([])).toBe(0);
  });
});

describe('totalFacilities', () => {
  it('adds the entries of every area', () => {
    expect(totalFacilities([{ facilities: 3 }, { facilities: 0 }, { facilities: 4 }])).toBe(7);
    expect(totalFacilities([])).toBe(0);
  });
});

describe('symbolsWithTypes', () => {
  it('gives each symbol the types of its level, in the order of the symbols, and leaves out symbols without a type', () => {
    const symbols = [{ v: 3 }, { v: 2 }, { v: 1 }, { v: 0 }];
    const vocab = [
      { id: 'kita', vulnerability: 3 },
      { id: 'pflege', vulnerability: 3 },
      { id: 'beratung', vulnerability: 1 },
      { id: 'sport' },
    ];
    expect(symbolsWithTypes(symbols, ['beratung', 'kita', 'sport', 'pflege', 'unbekannt'], vocab)).toEqual([
      { v: 3, types: ['kita', 'pflege'] },
      { v: 1, types: ['beratung'] },
      { v: 0, types: ['sport', 'unbekannt'] },
    ]);
  });
});
