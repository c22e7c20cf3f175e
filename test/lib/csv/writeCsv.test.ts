import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, writeCsv } from '../../../src/lib/csv/writeCsv.ts';

describe('writeCsv()', () => {
  it('writeCsv() neutralises a provider name that is a formula, never a number', () => {
    const csv = writeCsv(
      ['name', 'value', 'phone'],
      [{ name: '=HYPERLINK("http://evil.example","Kita")', value: -3.5, phone: '+49 30 1234567' }],
    );
    const rows = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(rows[1]).toEqual(['\'=HYPERLINK("http://evil.example","Kita")', '-3.5', "'+49 30 1234567"]);
  });

  it('writeCsv() writes BOM, header, comma, decimal point, quotes where needed and CRLF; empty cells for nothing', () => {
    const csv = writeCsv(['a', 'b', 'c', 'd'], [{ a: 'x, y', b: 12.5, c: null, d: true }]);
    expect(csv).toBe('\uFEFFa,b,c,d\r\n"x, y",12.5,,true\r\n');
  });

  it('writeCsv() writes the header even without rows', () => {
    expect(writeCsv(['id', 'name'], [])).toBe('\uFEFFid,name\r\n');
  });

  it('neutraliseCell() prefixes =, +, -, @, tab and carriage return only', () => {
    // A lone character is no formula: the DIN symbols "-" (genau null) and "." (geheim gehalten) stay as they are.
    expect(['-', '.', '='].map(neutraliseCell)).toEqual(['-', '.', '=']);
    expect(['=1', '+1', '-1', '@x', '\tx', '\rx', 'x=1', 'Kita'].map(neutraliseCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@x",
      "'\tx",
      "'\rx",
      'x=1',
      'Kita',
    ]);
  });
});
