import { describe, expect, it } from 'vitest';
import { CITY } from '../../../src/lib/indicators/store.ts';
import type { SeriesBlock, UnitPageData } from '../../../src/lib/pages/model.ts';
import { unitDownloadRows } from '../../../src/lib/pages/unitDownload.ts';
import { IndicatorSchema } from '../../../src/schemas/atlasConfig.ts';

/** A made-up page: one series of a unit under parent "A", with a break before 2019. */
const QUOTE = IndicatorSchema.parse({
  id: 'quote',
  label: { de: 'Quote' },
  unit: { de: '%' },
  definition: { de: 'x' },
  source: 'amt',
  polarity: 'neutral',
  decimals: 1,
  type: 'value',
});
const series = {
  indicator: 'quote',
  comparison: ['A', CITY],
  rows: [
    {
      year: 2017,
      date: '2016-12-31',
      status: 'value',
      value: 12,
      comparison: [{ status: 'value', value: 11, method: 'published' }, undefined],
    },
    {
      year: 2019,
      date: '2018-12-31',
      status: 'value',
      value: 10,
      comparison: [undefined, { status: 'value', value: 9.5, method: 'ratio' }],
      breakBefore: { year: 2019, kind: 'definition', text: { de: 'nur SGB II' } },
    },
    { year: 2021, status: 'missing', comparison: [undefined, undefined] },
  ],
} as unknown as SeriesBlock;
const page = {
  unit: { id: 'a1', name: 'Zoo', level: 'planungsraum', url: '/planungsraum/a1/', areaKm2: 1 },
  comparison: [
    { id: 'A', name: { de: 'A', en: 'A' }, role: 'parent' },
    { id: CITY, name: { de: 'Stadt', en: 'City' }, role: 'city' },
  ],
  series: [series],
} as unknown as UnitPageData;

describe('unitDownloadRows', () => {
  const rows = unitDownloadRows(
    page,
    new Map([['quote', QUOTE]]),
    new Map([['amt', { publisher: 'Amt', licence: 'CC BY 4.0' }]]),
  );

  it('unitDownloadRows(page) gives every row its Stichtag ("" where the table declares none)', () => {
    expect(rows.map((r) => [r.year, r.date])).toEqual([
      [2017, '2016-12-31'],
      [2019, '2018-12-31'],
      [2021, ''],
    ]);
  });

  it('unitDownloadRows(page) names the break before a value, and only there', () => {
    expect(rows.map((r) => [r.break_before, r.break_kind])).toEqual([
      ['', ''],
      ['Definitionsänderung 2019: nur SGB II', 'definition'],
      ['', ''],
    ]);
  });

  it('unitDownloadRows(page) carries the parent and city values of the same year, "" where there is none', () => {
    expect(rows.map((r) => [r.value, r.parent_value, r.city_value])).toEqual([
      [12, 11, ''],
      [10, '', 9.5],
      ['', '', ''],
    ]);
    expect(rows[0]).toMatchObject({ unit_id: 'a1', indicator: 'Quote', unit: '%', source: 'Amt', status: 'value' });
  });
});
