import { describe, expect, it } from 'vitest';
import { buildDataPageTables, buildDataReportLists } from '../../../src/lib/pages/dataNotes.ts';

// Made up: two indicators (one with a unit and 1 decimal, one without either) and their checks.
const INPUT = {
  indicators: [
    {
      id: 'alq',
      label: { de: 'Arbeitslose', en: 'Unemployed' },
      unit: { de: '%' },
      definition: { de: 'Anteil', en: 'Share' },
      source: 'ba',
      decimals: 1,
      years: [2015, 2017],
    },
    { id: 'ew', label: { de: 'Einwohner' }, definition: { de: 'Zahl' }, source: 'fehlt', years: [2019] },
  ],
  sources: [{ id: 'ba', title: { de: 'Bundesagentur', en: 'Federal Agency' } }],
  checks: [
    { indicator: 'alq', year: 2017, compared: 1234, differing: 2, maxAbsDiff: 0.04 },
    { indicator: 'ew', year: 2019, compared: 12, differing: 0, maxAbsDiff: 0 },
  ],
};

describe('buildDataPageTables', () => {
  it('writes the indicator rows with unit, years and source title', () => {
    const v = buildDataPageTables(INPUT, 'de');
    expect(v.indicators).toEqual([
      { id: 'alq', label: 'Arbeitslose (%)', definition: 'Anteil', years: '2015, 2017', source: 'Bundesagentur' },
      { id: 'ew', label: 'Einwohner', definition: 'Zahl', years: '2019', source: '' },
    ]);
  });

  it('formats the largest difference in the indicator’s decimals (2 without) and the counts', () => {
    expect(buildDataPageTables(INPUT, 'de').checks).toEqual([
      { indicator: 'Arbeitslose', year: 2017, compared: '1.234', differing: '2', maxAbsDiff: '0,0' },
      { indicator: 'Einwohner', year: 2019, compared: '12', differing: '0', maxAbsDiff: '0,00' },
    ]);
    const en = buildDataPageTables(INPUT, 'en');
    expect(en.checks[0]).toMatchObject({ indicator: 'Unemployed', compared: '1,234', maxAbsDiff: '0.0' });
    expect(en.indicators[0]?.source).toBe('Federal Agency');
  });
});

describe('buildDataReportLists', () => {
  const report = {
    fixes: [
      { level: 'raum', index: 3, id: '1', name: 'A', newId: '2', newName: 'B', reason: 'doppelt.' },
      { level: 'raum', index: 4, id: '5', name: 'C', reason: 'Name fehlte.' },
    ],
    excluded: [{ file: 'data/a.csv', line: 51, id: '0406', reason: 'keine Daten.' }],
    assumed: [
      { file: 'data/b.csv', id: '0101', status: 'missing', reason: 'Nicht bewertet.', cells: 1200 },
      { file: 'data/b.csv', id: '0102', status: 'zero', reason: 'Leer.', cells: 1 },
    ],
  };
  it('writes each fix, left-out row and assumed row as one line after its file', () => {
    const v = buildDataReportLists(report, 'de');
    expect(v.fixes).toEqual(['raum: Feature 3, id 1 (A) → 2 „B“: doppelt.', 'raum: Feature 4, id 5 (C): Name fehlte.']);
    expect(v.excluded).toEqual([{ file: 'data/a.csv', detail: 'Zeile 51 (id „0406“): keine Daten.' }]);
    expect(v.assumed[0]).toEqual({
      file: 'data/b.csv',
      detail: 'id „0101“: angenommen: keine Angabe (1.200 Werte). Nicht bewertet.',
    });
    expect(v.assumed[1]?.detail).toMatch(/^id „0102“: .+ \(1 Werte\)\. Leer\.$/);
  });
  it('English: status and counts in English', () => {
    const v = buildDataReportLists(report, 'en');
    expect(v.assumed[0]?.detail).toContain('(1,200 ');
    expect(v.assumed[0]?.detail).not.toContain('angenommen');
  });
});
