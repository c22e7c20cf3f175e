import { describe, expect, it } from 'vitest';
import { IndicatorSchema, TableSchema, type Indicator, type Table } from '../../../src/schemas/atlasConfig.ts';
import { ProblemLog } from '../../../src/lib/problems.ts';
import { readIndicatorTable, referenceDate, type ReadTableResult } from '../../../src/lib/indicators/readTable.ts';
import { decodeText } from '../../../src/lib/csv/decode.ts';
import { readFixtureBytes, readFixtureText } from '../csv/fixture.ts';

type IndicatorInput = Partial<Indicator> & { id: string };

/** A catalogue of made-up indicators with the fields the schema requires. */
function catalogue(...list: IndicatorInput[]): Map<string, Indicator> {
  const base = {
    label: { de: 'x' },
    definition: { de: 'x' },
    source: 'test',
    polarity: 'neutral',
    decimals: 1,
    type: 'value',
  };
  return new Map(list.map((i) => [i.id, IndicatorSchema.parse({ ...base, ...i })]));
}

function table(input: Record<string, unknown>): Table {
  return TableSchema.parse({ level: 'bezirk', source: 'test', year: 2019, ...input });
}

function read(
  file: string,
  t: Table,
  indicators: Map<string, Indicator>,
  unitIds?: Set<string>,
): { result: ReadTableResult; log: ProblemLog } {
  const log = new ProblemLog();
  const text = readFixtureText(file);
  const result = readIndicatorTable(
    unitIds ? { text, table: t, file, indicators, unitIds } : { text, table: t, file, indicators },
    log,
  );
  return { result, log };
}

const WERT = catalogue({ id: 'wert' });
const SIMPLE = table({ file: 'x.csv', columns: { wert: 'wert' }, nameColumn: 'name' });

describe('readIndicatorTable: real Berlin MSS 2019 lines (copied into fixtures)', () => {
  const indicators = catalogue(
    { id: 'einwohner', type: 'count', decimals: 0 },
    { id: 'arbeitslose', unit: { de: '%' } },
    { id: 'status', type: 'class', classes: [1, 2, 3, 4].map((value) => ({ value, label: { de: String(value) } })) },
    {
      id: 'dynamik',
      type: 'class',
      classes: [
        { value: 1, code: '+', label: { de: 'positiv' } },
        { value: 2, code: '+/-', label: { de: 'stabil' } },
        { value: 3, code: '-', label: { de: 'negativ' } },
      ],
    },
    { id: 'alleinerziehende' },
  );

  it('reads planning areas with "inhabitants#1", keeps the ids and reads "-" as missing', () => {
    const t = table({
      file: 'mss-2019-planning-areas-head.csv',
      level: 'planungsraum',
      nameColumn: 'name',
      columns: {
        einwohner: 'inhabitants#1',
        arbeitslose: 's1_percentage_unemployed',
        status: 'status_index',
        dynamik: 'dynamic_index',
        alleinerziehende: 'k02_single_parent_households',
      },
      markers: { '-': 'missing' },
    });
    const { result, log } = read(
      'mss-2019-planning-areas-head.csv',
      t,
      indicators,
      new Set(['01011101', '01011103', '01011104', '01011105', '01011201']),
    );
    expect(log.problems).toEqual([]);
    expect(result.rows).toBe(5);
    expect(result.cells).toHaveLength(25);
    const first = result.cells.filter((c) => c.unit === '01011101');
    expect(first.map((c) => [c.indicator, c.status, c.value, c.raw])).toEqual([
      ['einwohner', 'value', 3384, '3384.0'],
      ['arbeitslose', 'value', 2.7978, '2.7978'],
      ['status', 'value', 2, '2.0'],
      ['dynamik', 'value', 2, '+/-'],
      ['alleinerziehende', 'missing', undefined, '-'],
    ]);
    expect(first[0]?.origin).toEqual({ file: 'mss-2019-planning-areas-head.csv', line: 2, column: 'inhabitants#1' });
    expect(result.cells.every((c) => c.year === 2019)).toBe(true);
    expect(result.names.get('01011105')).toBe('Nördlicher Landwehrkanal');
  });

  it('refuses plain "inhabitants" there, with the "#1"/"#2" hint', () => {
    const t = table({ file: 'f', columns: { einwohner: 'inhabitants' } });
    const { result, log } = read('mss-2019-planning-areas-head.csv', t, indicators);
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatchObject({ line: 1, field: 'inhabitants' });
    expect(log.errors[0]?.hint).toContain('inhabitants#1');
    expect(result.cells).toEqual([]);
  });

  it('excludes the junk row "Nummer" of the districts file and returns it with its reason', () => {
    const t = table({
      file: 'f',
      nameColumn: 'name#1',
      columns: { arbeitslose: 's1_percentage_unemployed' },
      markers: { '-': 'missing' },
      exclude: [{ column: 'id', equals: 'Nummer', reason: 'Zeile mit Standardabweichungen, keine Gebietseinheit' }],
    });
    const { result, log } = read('mss-2019-districts-head.csv', t, indicators, new Set(['01', '02', '03']));
    expect(log.problems).toEqual([]);
    expect(result.excluded).toEqual([
      { line: 2, id: 'Nummer', reason: 'Zeile mit Standardabweichungen, keine Gebietseinheit' },
    ]);
    expect(result.rows).toBe(3);
    expect(result.cells.map((c) => [c.unit, c.value])).toEqual([
      ['01', 4.95572],
      ['02', 4.54906],
      ['03', 2.6944],
    ]);
    expect([...result.names]).toEqual([
      ['01', 'Mitte'],
      ['02', 'Friedrichshain-Kreuzberg'],
      ['03', 'Pankow'],
    ]);
  });

  it('without the exclude rule, the "Nummer" row is an error, never a silent drop', () => {
    const t = table({ file: 'f', nameColumn: 'name#1', columns: { arbeitslose: 's1_percentage_unemployed' } });
    const { log } = read('mss-2019-districts-head.csv', t, indicators, new Set(['01', '02', '03']));
    const lines = log.errors.map((e) => [e.line, e.field]);
    expect(lines).toContainEqual([2, 'id']);
    expect(lines).toContainEqual([2, 's1_percentage_unemployed']); // "SD: 1,09 %"
  });
});

describe('readIndicatorTable: formats and layouts', () => {
  it('reads a BOM + semicolon + decimal-comma file, thousands ".", ids with leading zeros', () => {
    const t = table({
      file: 'f',
      idColumn: 'id',
      columns: { arbeitslose: 'arbeitslose', quote: 'quote' },
      format: { decimal: ',', thousands: '.' },
      markers: { '-': 'missing' },
    });
    const { result, log } = read(
      'semicolon-decimal-comma-bom.csv',
      t,
      catalogue({ id: 'arbeitslose', type: 'count' }, { id: 'quote' }),
    );
    expect(log.problems).toEqual([]);
    expect(result.cells.map((c) => [c.unit, c.indicator, c.status, c.value])).toEqual([
      ['0101', 'arbeitslose', 'value', 1234],
      ['0101', 'quote', 'value', 12.5],
      ['0102', 'arbeitslose', 'value', 87],
      ['0102', 'quote', 'missing', undefined],
      ['0103', 'arbeitslose', 'suppressed', undefined],
      ['0103', 'quote', 'value', 3.25],
    ]);
  });

  it('reads a declared windows-1252 file after decoding', () => {
    const decoded = decodeText(readFixtureBytes('windows-1252.csv'), 'windows-1252');
    if (!('text' in decoded)) throw new Error(decoded.error);
    const log = new ProblemLog();
    const t = table({
      file: 'f',
      nameColumn: 'name',
      columns: { wert: 'wert' },
      format: { decimal: ',', encoding: 'windows-1252' },
    });
    const result = readIndicatorTable(
      { text: decoded.text, table: t, file: 'windows-1252.csv', indicators: WERT },
      log,
    );
    expect(log.problems).toEqual([]);
    expect(result.names.get('02')).toBe('Straße am Fluß');
    expect(result.cells.map((c) => c.value)).toEqual([12.5, 3]);
  });

  it('takes the year per row from yearColumn ("2020.0" accepted, "zwanzig" an error)', () => {
    const t = table({ file: 'f', year: undefined, yearColumn: 'jahr', columns: { wert: 'wert' } });
    const { result, log } = read('years.csv', t, WERT);
    expect(result.cells.map((c) => [c.year, c.value])).toEqual([
      [2019, 1],
      [2020, 2],
    ]);
    expect(log.errors.map((e) => [e.line, e.field])).toEqual([[4, 'jahr']]);
  });

  it('gives each cell its Stichtag: the table date, or the dateRule applied to the row year', () => {
    const dated = table({ file: 'f', columns: { wert: 'wert' }, date: '2018-12-31' });
    expect(read('years.csv', dated, WERT).result.cells.every((c) => c.date === '2018-12-31')).toBe(true);
    const ruled = table({
      file: 'f',
      year: undefined,
      yearColumn: 'jahr',
      columns: { wert: 'wert' },
      dateRule: { day: 31, month: 12, yearOffset: -1 },
    });
    expect(read('years.csv', ruled, WERT).result.cells.map((c) => [c.year, c.date])).toEqual([
      [2019, '2018-12-31'],
      [2020, '2019-12-31'],
    ]);
    const undated = table({ file: 'f', columns: { wert: 'wert' } });
    expect(read('years.csv', undated, WERT).result.cells.every((c) => c.date === undefined)).toBe(true);
  });

  it('referenceDate(table, year) pads month and day and applies the offset', () => {
    expect(referenceDate({ dateRule: { day: 1, month: 7, yearOffset: 0 } }, 2021)).toBe('2021-07-01');
    expect(referenceDate({ date: '2020-06-30', dateRule: undefined }, 2021)).toBe('2020-06-30');
    expect(referenceDate({}, 2021)).toBeUndefined();
  });

  it('reads the long layout, ignores listed codes and reports unknown codes with line and value', () => {
    const t = table({
      file: 'f',
      layout: 'long',
      idColumn: 'gebiet',
      year: undefined,
      yearColumn: 'jahr',
      long: {
        indicatorColumn: 'merkmal',
        valueColumn: 'wert',
        codes: { ALO: 'arbeitslose', EW: 'einwohner' },
        ignoreCodes: ['SUM'],
      },
      format: { decimal: ',' },
      markers: { '-': 'missing' },
    });
    const { result, log } = read(
      'long-layout.csv',
      t,
      catalogue({ id: 'arbeitslose' }, { id: 'einwohner', type: 'count' }),
      new Set(['01', '02']),
    );
    expect(
      result.cells.map((c) => [c.unit, c.indicator, c.year, c.status, c.value, c.origin.line, c.origin.column]),
    ).toEqual([
      ['01', 'arbeitslose', 2019, 'value', 5.1, 2, 'wert'],
      ['01', 'arbeitslose', 2020, 'value', 4.8, 3, 'wert'],
      ['02', 'arbeitslose', 2019, 'missing', undefined, 4, 'wert'],
      ['02', 'einwohner', 2019, 'value', 1200, 5, 'wert'],
    ]);
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatchObject({ line: 6, field: 'merkmal' });
    expect(log.errors[0]?.message).toContain('"XYZ"');
    expect(log.errors[0]?.message).toContain('Zeile 6');
  });

  it('reports an indicator of columns that is not in the catalogue', () => {
    const t = table({ file: 'f', columns: { wert: 'wert', fehlt: 'name' } });
    const { result, log } = read('duplicate-row.csv', t, WERT);
    expect(log.errors.map((e) => e.field)).toContain('columns.fehlt');
    expect(result.cells.every((c) => c.indicator === 'wert')).toBe(true);
  });

  it('collapses whitespace in names', () => {
    const log = new ProblemLog();
    const result = readIndicatorTable(
      { text: 'id,name,wert\n01,"  Alt-  Hohen\nschönhausen ",1\n', table: SIMPLE, file: 'f', indicators: WERT },
      log,
    );
    expect(result.names.get('01')).toBe('Alt- Hohen schönhausen');
  });
});

describe('readIndicatorTable: one fixture per class of bad input', () => {
  it('bad number: "12,5,3" and "7,5" in a decimal-point file, with line, field, raw value and hint', () => {
    const { result, log } = read('bad-number.csv', SIMPLE, WERT);
    expect(log.errors.map((e) => [e.file, e.line, e.field])).toEqual([
      ['bad-number.csv', 3, 'wert'],
      ['bad-number.csv', 4, 'wert'],
    ]);
    expect(log.errors[0]?.message).toContain('"12,5,3"');
    // A cell with digits is a value: the hint is about the format and never suggests marking it missing.
    expect(log.errors[0]?.hint).not.toContain('markers');
    expect(log.errors[0]?.hint).toContain('nicht als fehlend markieren');
    expect(log.errors[1]?.hint).toContain('format.decimal');
    expect(result.cells.map((c) => c.unit)).toEqual(['01']);
  });

  it('unknown marker: "k.A." is an error, "-" too unless declared', () => {
    const { log } = read('unknown-marker.csv', SIMPLE, WERT);
    expect(log.errors.map((e) => [e.line, e.message.includes('"k.A."') || e.message.includes('"-"')])).toEqual([
      [3, true],
      [4, true],
    ]);
    const declared = read(
      'unknown-marker.csv',
      table({ file: 'f', columns: { wert: 'wert' }, markers: { '-': 'missing' } }),
      WERT,
    );
    expect(declared.log.errors.map((e) => e.line)).toEqual([3]);
  });

  it('missing column: one error on line 1 naming the column, with similar header names', () => {
    const t = table({ file: 'f', columns: { arbeitslose: 'arbeitslose', einwohner: 'einwohner' } });
    const { result, log } = read('missing-column.csv', t, catalogue({ id: 'arbeitslose' }, { id: 'einwohner' }));
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatchObject({ file: 'missing-column.csv', line: 1, field: 'arbeitslose' });
    expect(log.errors[0]?.hint).toContain('"arbeitslos"');
    // the other column is still read, so further problems would show in the same run
    expect(result.cells.map((c) => c.value)).toEqual([1000, 800]);
  });

  it('duplicate header: referenced without "#n" is an error, "#2" works', () => {
    const t = table({ file: 'f', columns: { einwohner: 'einwohner' } });
    expect(read('duplicate-header.csv', t, catalogue({ id: 'einwohner' })).log.errors[0]?.hint).toContain(
      'einwohner#1',
    );
    const ok = read(
      'duplicate-header.csv',
      table({ file: 'f', columns: { einwohner: 'einwohner#2' } }),
      catalogue({ id: 'einwohner' }),
    );
    expect(ok.log.problems).toEqual([]);
    expect(ok.result.cells[0]?.origin.column).toBe('einwohner#2');
  });

  it('duplicate row: error naming both lines; the first value is kept', () => {
    const { result, log } = read('duplicate-row.csv', SIMPLE, WERT);
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatchObject({ line: 4, field: 'id' });
    expect(log.errors[0]?.message).toContain('Zeilen 2 und 4');
    expect(result.cells.filter((c) => c.unit === '01').map((c) => c.value)).toEqual([12]);
  });

  it('unknown id: error naming line and id; no cells for it', () => {
    const { result, log } = read('unknown-id.csv', SIMPLE, WERT, new Set(['01', '02']));
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatchObject({ line: 3, field: 'id' });
    expect(log.errors[0]?.message).toContain('"99"');
    expect(log.errors[0]?.hint).toBeTruthy();
    expect(result.cells.map((c) => c.unit)).toEqual(['01']);
    expect(result.names.has('99')).toBe(false);
  });

  it('lost leading zero: "1011102" is reported as probably "01011102"', () => {
    const { log } = read('lost-leading-zero.csv', SIMPLE, WERT, new Set(['01011101', '01011102']));
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatchObject({ line: 3, field: 'id' });
    expect(log.errors[0]?.message).toContain('"01011102"');
    expect(log.errors[0]?.hint).toContain('als Text');
  });

  it('ragged rows: each reported with its line, the good rows still read', () => {
    const { result, log } = read('ragged-row.csv', SIMPLE, WERT);
    expect(log.errors.map((e) => e.line)).toEqual([3, 4]);
    expect(result.cells.map((c) => c.unit)).toEqual(['01', '04']);
    expect(result.rows).toBe(2);
  });

  it('undeclared windows-1252: decodeText refuses it before reading', () => {
    expect(decodeText(readFixtureBytes('windows-1252.csv'), 'utf-8')).toMatchObject({ line: 2 });
  });

  it('quoted newline: the row after it carries its real line number', () => {
    const t = table({ file: 'f', columns: { wert: 'wert' } });
    const { result, log } = read('quoted-newline.csv', t, WERT);
    expect(log.problems).toEqual([]);
    expect(result.cells.map((c) => [c.unit, c.origin.line])).toEqual([
      ['01', 2],
      ['02', 4],
      ['03', 5],
    ]);
  });

  it('reports all problems of a file in one run', () => {
    const log = new ProblemLog();
    const text = 'id,name,wert\n1,A,y\n2,B\n3,C,1,5\n01,D,"1,5"\n';
    readIndicatorTable({ text, table: SIMPLE, file: 'f', indicators: WERT, unitIds: new Set(['01', '02']) }, log);
    expect(log.errors.map((e) => e.line)).toEqual([3, 4, 2, 2, 5]);
  });
});
