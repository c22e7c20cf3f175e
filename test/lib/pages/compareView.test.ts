import { describe, expect, it } from 'vitest';
import type { CompareData, UnitFile, UnitFileRow } from '../../../src/lib/pages/comparePage.ts';
import { buildCompareView, CITY_STYLE, tickDecimals, UNIT_STYLES } from '../../../src/lib/pages/compareView.ts';

const NNBSP = '\u202f';

// Made-up figures for a made-up city.
const DATA: CompareData = {
  lang: 'de',
  city: 'Musterstadt',
  levels: [
    { id: 'region', label: 'Region', labelPlural: 'Regionen' },
    { id: 'raum', label: 'Raum', labelPlural: 'Räume' },
  ],
  indicators: [
    {
      id: 'quote',
      label: 'Quote',
      unit: { de: '%' },
      decimals: 1,
      type: 'value',
      keyFigure: true,
      breaks: [{ year: 2019, text: 'neu gezählt', levels: ['raum'] }],
    },
    { id: 'ew', label: 'Einwohner', decimals: 0, type: 'count', keyFigure: true, breaks: [] },
    {
      id: 'status',
      label: 'Status',
      decimals: 0,
      type: 'class',
      classes: [
        { value: 1, label: { de: 'hoch' } },
        { value: 2, label: { de: 'niedrig' } },
      ],
      keyFigure: false,
      breaks: [],
    },
  ],
};

function row(
  indicator: string,
  year: number,
  value: number | '',
  status: UnitFileRow['status'] = 'value',
  city: number | '' = '',
): UnitFileRow {
  return { indicator_id: indicator, year, value, status, city_value: city };
}

function file(id: string, name: string, level: string, parent: string | undefined, values: UnitFileRow[]): UnitFile {
  return { unit: { id, name, level, url: `/${level}/${id}/` }, parent, values };
}

const A = file('111', 'Am Park', 'raum', '11', [
  row('quote', 2015, 10, 'value', 8),
  row('quote', 2017, 11, 'value', 8.5),
  row('quote', 2019, 12.25, 'value'),
  row('ew', 2019, 4000, 'value', 100000),
  row('status', 2019, 2),
]);
const B = file('112', 'Kiez', 'raum', '11', [
  row('quote', 2015, 14),
  row('quote', 2017, '', 'suppressed'),
  row('quote', 2019, 13),
  row('ew', 2019, 0, 'zero'),
]);
const C = file('211', 'Au-Süd', 'raum', '21', [row('quote', 2015, '', 'missing'), row('ew', 2019, 3000)]);
const P11 = file('11', 'Schöneberg', 'region', '1', [row('quote', 2017, 12), row('quote', 2019, 12.5)]);

function view(selected: UnitFile[] = [A, B, C], parents: UnitFile[] = [P11]) {
  return buildCompareView({
    data: DATA,
    selected,
    parents: new Map(parents.map((p) => [p.unit.id, p])),
    prefix: '',
  });
}

describe('buildCompareView', () => {
  it('buildCompareView() has the chosen units in order, each loaded parent once, then the city', () => {
    const v = view();
    expect(v.columns.map((c) => [c.key, c.role, c.header])).toEqual([
      ['111', 'unit', 'Am Park (Raum)'],
      ['112', 'unit', 'Kiez (Raum)'],
      ['211', 'unit', 'Au-Süd (Raum)'],
      ['11', 'parent', 'Schöneberg (Region, übergeordnet)'],
      ['*', 'city', 'Musterstadt (ganze Stadt)'],
    ]);
    expect(v.columns[0]?.href).toBe('/raum/111/');
    expect(v.columns[0]?.style).toEqual(UNIT_STYLES[0]);
    expect(v.columns[3]?.style).toMatchObject({ color: UNIT_STYLES[0]?.color, hollow: true, dash: '7 4' });
    expect(v.columns[4]?.style).toEqual(CITY_STYLE);
  });

  it('buildCompareView() gives no parent column to a parent that is chosen itself', () => {
    const v = view([A, P11], [P11]);
    expect(v.columns.map((c) => c.role)).toEqual(['unit', 'unit', 'city']);
  });

  it('buildCompareView() key figures: the latest year with a number, statuses in words, never 0 for missing', () => {
    const v = view();
    expect(v.keyFigures.rows.map((r) => [r.label, r.year, r.cells])).toEqual([
      ['Quote (%)', '2019', [`12,3${NNBSP}%`, `13,0${NNBSP}%`, 'keine Angabe', `12,5${NNBSP}%`, 'keine Angabe']],
      ['Einwohner', '2019', ['4.000', '0', '3.000', 'keine Angabe', '100.000']],
    ]);
  });

  it('buildCompareView() charts a value series with every column, gaps where a status has no number', () => {
    const chart = view().charts.find((c) => c.indicator === 'quote');
    expect(chart?.chart?.years).toEqual([2015, 2017, 2019]);
    expect(chart?.chart?.series.map((s) => [s.key, s.points.map((p) => p.value)])).toEqual([
      ['111', [10, 11, 12.25]],
      ['112', [14, undefined, 13]],
      ['211', [undefined, undefined, undefined]],
      ['11', [undefined, 12, 12.5]],
      ['*', [8, 8.5, undefined]],
    ]);
    expect(chart?.table.rows[1]).toEqual({
      year: '2017',
      cells: [`11,0${NNBSP}%`, 'geheim gehalten', 'keine Angabe', `12,0${NNBSP}%`, `8,5${NNBSP}%`],
    });
  });

  it('buildCompareView() breaks: a declared break of the shown levels splits the lines and is named in the sentence', () => {
    const chart = view().charts.find((c) => c.indicator === 'quote');
    expect(chart?.chart?.breaks).toEqual([2019]);
    expect(chart?.sentence).toContain('Ab 2019 nicht mit den Jahren davor vergleichbar (neu gezählt)');
  });

  it('buildCompareView() sentence: the values of the latest year, and which chosen unit is highest and lowest', () => {
    const chart = view().charts.find((c) => c.indicator === 'quote');
    expect(chart?.sentence).toBe(
      `Quote 2019: Am Park 12,3${NNBSP}%; Kiez 13,0${NNBSP}%; Au-Süd keine Angabe; Schöneberg (Region, übergeordnet) 12,5${NNBSP}%; Musterstadt (ganze Stadt) keine Angabe. ` +
        'Unter den ausgewählten Gebieten hat Kiez den höchsten, Am Park den niedrigsten Wert. ' +
        'Die Grafik zeigt 2015 bis 2019; ein Jahr ohne Wert ist eine Lücke in der Linie. ' +
        'Ab 2019 nicht mit den Jahren davor vergleichbar (neu gezählt); die Linien sind dort unterbrochen.',
    );
  });

  it('buildCompareView() counts and classes get a table and a sentence, no chart', () => {
    const v = view();
    const ew = v.charts.find((c) => c.indicator === 'ew');
    expect(ew?.chart).toBeUndefined();
    expect(ew?.legend).toEqual([]);
    expect(ew?.sentence).toContain('Kiez 0');
    const status = v.charts.find((c) => c.indicator === 'status');
    expect(status?.chart).toBeUndefined();
    expect(status?.table.rows[0]?.cells[0]).toBe('niedrig');
    expect(status?.sentence).not.toContain('höchsten');
  });

  it('buildCompareView() legend: each line in words (line pattern, marker), the parent marked as such', () => {
    const chart = view().charts.find((c) => c.indicator === 'quote');
    expect(chart?.legend.map((l) => l.text)).toEqual([
      'Am Park (Raum): durchgezogen, Kreis',
      'Kiez (Raum): durchgezogen, Quadrat',
      'Au-Süd (Raum): durchgezogen, Dreieck',
      'Schöneberg (Region, übergeordnet): gestrichelt, Kreis, nicht gefüllt',
      'Musterstadt (ganze Stadt): gepunktet, Kreuz',
    ]);
  });

  it('buildCompareView() formats ticks with as many decimals as they need, in the language', () => {
    const chart = view().charts.find((c) => c.indicator === 'quote');
    expect(chart?.chart?.formatTicks([10, 12.5, 15])).toEqual(['10,0', '12,5', '15,0']);
    expect(tickDecimals([5000, 10000])).toBe(0);
    expect(tickDecimals([0.26, 0.28])).toBe(2);
  });

  it("buildCompareView() takes the city's statuses from the files' city list: suppressed stays suppressed", () => {
    const withCity: UnitFile = {
      ...A,
      city: [
        { indicator_id: 'quote', year: 2017, value: 8.5, status: 'value' },
        { indicator_id: 'quote', year: 2019, value: '', status: 'suppressed' },
      ],
    };
    const chart = view([withCity, B]).charts.find((c) => c.indicator === 'quote');
    expect(chart?.table.rows.map((r) => r.cells.at(-1))).toEqual(['keine Angabe', `8,5${NNBSP}%`, 'geheim gehalten']);
    expect(chart?.chart?.series.at(-1)?.points.map((p) => p.value)).toEqual([undefined, 8.5, undefined]);
  });

  it('buildCompareView(en) writes English texts and prefixes the unit pages with /en', () => {
    const v = buildCompareView({
      data: { ...DATA, lang: 'en', city: 'Sample City' },
      selected: [A, B],
      parents: new Map(),
      prefix: '/en',
    });
    expect(v.columns.map((c) => c.header)).toEqual(['Am Park (Raum)', 'Kiez (Raum)', 'Sample City (whole city)']);
    expect(v.columns[0]?.href).toBe('/en/raum/111/');
    expect(v.keyFigures.rows[0]?.cells[0]).toBe(`12.3${NNBSP}%`);
  });
});
