import { describe, expect, it } from 'vitest';
import { buildDataPageTables } from '../../../src/lib/pages/dataNotes.ts';

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
