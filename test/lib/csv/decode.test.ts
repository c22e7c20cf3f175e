import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/lib/csv/decode.ts';
import { readFixtureBytes } from './fixture.ts';

describe('decodeText', () => {
  it('strips a UTF-8 BOM so the first header is "id"', () => {
    const result = decodeText(readFixtureBytes('semicolon-decimal-comma-bom.csv'), 'utf-8');
    expect(result).toHaveProperty('text');
    if (!('text' in result)) return;
    expect(result.text.startsWith('id;name')).toBe(true);
    expect(result.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('decodes a declared windows-1252 file ("Südstadt", "Straße am Fluß")', () => {
    const result = decodeText(readFixtureBytes('windows-1252.csv'), 'windows-1252');
    expect(result).toEqual({ text: 'id;name;wert\n01;Südstadt;12,5\n02;Straße am Fluß;3\n' });
  });

  it('decodes the euro sign at 0x80 in windows-1252', () => {
    expect(decodeText(new Uint8Array([0x80, 0x20, 0x35]), 'windows-1252')).toEqual({ text: '€ 5' });
  });

  it('rejects an undeclared windows-1252 file, naming the first bad line and the hint', () => {
    const result = decodeText(readFixtureBytes('windows-1252.csv'), 'utf-8');
    expect(result).toMatchObject({
      line: 2,
      hint: 'Datei ist vermutlich Windows-1252: format.encoding: windows-1252 angeben',
    });
    expect('error' in result && result.error).toContain('01;Südstadt;12,5');
  });

  it('counts lines across CRLF when locating the bad line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a\r\nb\r\nc'), 0xfc, 0x0d, 0x0a]);
    expect(decodeText(bytes, 'utf-8')).toMatchObject({ line: 3 });
  });

  it('refuses a UTF-8 file with umlauts that is declared windows-1252 (wrong encoding)', () => {
    const result = decodeText(readFixtureBytes('utf8-umlauts.csv'), 'windows-1252');
    expect(result).toHaveProperty('error');
    expect(result).toHaveProperty('hint', 'format.encoding: windows-1252 entfernen (Standard ist utf-8).');
  });

  it('refuses a file with UTF-8 BOM declared windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x64]), 'windows-1252')).toHaveProperty('error');
  });

  it('accepts pure ASCII under either encoding', () => {
    const bytes = new TextEncoder().encode('id,wert\n01,3\n');
    expect(decodeText(bytes, 'utf-8')).toEqual({ text: 'id,wert\n01,3\n' });
    expect(decodeText(bytes, 'windows-1252')).toEqual({ text: 'id,wert\n01,3\n' });
  });
});
