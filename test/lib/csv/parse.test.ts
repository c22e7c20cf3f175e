import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/csv/parse.ts';
import { readFixtureText } from './fixture.ts';

describe('parseCsv', () => {
  it('reads a BOM + semicolon + CRLF file, skipping the trailing ";;;" line', () => {
    const result = parseCsv(readFixtureText('semicolon-decimal-comma-bom.csv'), { delimiter: 'auto' });
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(';');
    expect(result.header).toEqual(['id', 'name', 'arbeitslose', 'quote']);
    expect(result.rows).toEqual([
      { line: 2, cells: ['0101', 'Nordstadt', '1.234', '12,5'] },
      { line: 3, cells: ['0102', 'Südstadt', '87', '-'] },
      { line: 4, cells: ['0103', 'Weststadt', '.', '3,25'] },
    ]);
  });

  it('keeps ids with leading zeros as strings (no dynamic typing)', () => {
    const result = parseCsv('id,wert\n0101,713752e1\n', { delimiter: ',' });
    expect(result.rows[0]?.cells).toEqual(['0101', '713752e1']);
  });

  it('reads quoted newlines as one value and gives each row the line it starts on', () => {
    const result = parseCsv(readFixtureText('quoted-newline.csv'), { delimiter: 'auto' });
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, cells: ['01', 'Haus 2\nHinterhof', '10'] },
      { line: 4, cells: ['02', 'Markt 1', '20'] },
      { line: 5, cells: ['03', 'Weg "3"\n\nHof', '30'] },
    ]);
  });

  it('keeps line numbers right across skipped empty lines', () => {
    const result = parseCsv('id,wert\n\n01,1\n   \n,\n02,2', { delimiter: 'auto' });
    expect(result.headerLine).toBe(1);
    expect(result.rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it('reports the header line when blank lines precede it', () => {
    const result = parseCsv('\n;;\nid;wert\n01;1\n', { delimiter: 'auto' });
    expect(result).toMatchObject({ header: ['id', 'wert'], headerLine: 3, rows: [{ line: 4, cells: ['01', '1'] }] });
  });

  it('reports rows with a different cell count (line, expected, actual) and leaves them out', () => {
    const result = parseCsv(readFixtureText('ragged-row.csv'), { delimiter: 'auto' });
    expect(result.errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'Die Zeile hat 4 Felder, die Kopfzeile hat 3.'],
      [4, 'Die Zeile hat 2 Felder, die Kopfzeile hat 3.'],
    ]);
    expect(result.rows.map((r) => r.cells[0])).toEqual(['01', '04']);
  });

  it('uses the given delimiter instead of detecting one', () => {
    const result = parseCsv('id;name,zusatz\n01;A,B\n', { delimiter: ';' });
    expect(result.header).toEqual(['id', 'name,zusatz']);
    expect(result.rows[0]?.cells).toEqual(['01', 'A,B']);
  });

  it('reports an ambiguous header as an error on the header line', () => {
    const result = parseCsv('a,b;c\n1,2;3\n', { delimiter: 'auto' });
    expect(result.errors[0]).toMatchObject({ line: 1 });
    expect(result.errors[0]?.hint).toContain('format.delimiter');
  });

  it('reports an unterminated quote with its line', () => {
    const result = parseCsv('id,name\n01,A\n02,"offen\n03,C\n', { delimiter: ',' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.line).toBe(3);
    expect(result.rows.map((r) => r.cells[0])).toEqual(['01']);
  });

  it('trims header names and keeps duplicates', () => {
    expect(parseCsv(' id , a ,a\n1,2,3\n', { delimiter: ',' }).header).toEqual(['id', 'a', 'a']);
  });

  it('returns an empty header for an empty text', () => {
    expect(parseCsv('', { delimiter: 'auto' })).toMatchObject({ header: [], headerLine: 1, rows: [], errors: [] });
  });
});
