import { describe, expect, it } from 'vitest';
import { detectDbfEncoding, encodingFromCpg, isShapefile, readShapefile } from '../../../src/lib/geo/readShapefile.ts';
import { ProblemLog } from '../../../src/lib/problems.ts';
import { latin1, writeShapefile } from '../../helpers/shapefile.ts';

/** Two made-up squares in UTM metres. */
const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, 5819000],
      [x + 100, 5819000],
      [x + 100, 5819100],
      [x, 5819100],
      [x, 5819000],
    ],
  ],
});
const features = [
  { geometry: square(391000), properties: { NR: '01', NAME: 'Neukölln-Süd' } },
  { geometry: square(391200), properties: { NR: '02', NAME: 'Straße' } },
];

describe('readShapefile', () => {
  it('detects a Latin-1 .dbf without .cpg and reads umlauts right', async () => {
    const files = writeShapefile(features, latin1);
    expect(isShapefile(files.shp)).toBe(true);
    expect(detectDbfEncoding(files.dbf)).toBe('windows-1252');
    const log = new ProblemLog();
    const r = await readShapefile({ file: 'a.shp', shp: files.shp, dbf: files.dbf }, { idField: 'NR' }, log);
    expect(log.problems).toEqual([]);
    expect(r?.encoding).toBe('windows-1252');
    expect(r?.json.features.map((f) => (f as { properties: Record<string, unknown> }).properties)).toEqual([
      { NR: '01', NAME: 'Neukölln-Süd' },
      { NR: '02', NAME: 'Straße' },
    ]);
  });

  it('a UTF-8 .dbf is detected as UTF-8; a .cpg wins over detection', async () => {
    const utf8 = writeShapefile(features, (s) => new TextEncoder().encode(s));
    expect(detectDbfEncoding(utf8.dbf)).toBe('utf-8');
    const log = new ProblemLog();
    const r = await readShapefile(
      { file: 'a.shp', shp: utf8.shp, dbf: utf8.dbf, cpg: 'UTF-8\n' },
      { idField: 'NR' },
      log,
    );
    expect(r?.encodingFrom).toBe('.cpg');
    expect((r?.json.features[0] as { properties: { NAME: string } }).properties.NAME).toBe('Neukölln-Süd');
  });

  it.each([
    ['UTF-8', 'utf-8'],
    ['65001', 'utf-8'],
    ['1252', 'windows-1252'],
    ['ANSI 1252', 'windows-1252'],
    ['ISO-8859-1', 'iso-8859-1'],
    ['88591', 'iso-8859-1'],
    ['ISO 8859-15', 'iso-8859-15'],
    ['KOI8-R', undefined],
  ])('.cpg %j → %j', (cpg, expected) => {
    expect(encodingFromCpg(cpg)).toBe(expected);
  });

  it('a missing .dbf, an unknown .cpg and a file that is no shapefile are errors naming the file', async () => {
    const files = writeShapefile(features, latin1);
    const log = new ProblemLog();
    expect(await readShapefile({ file: 'g/a.shp', shp: files.shp }, { idField: 'NR' }, log)).toBeUndefined();
    expect(
      await readShapefile({ file: 'g/a.shp', shp: files.shp, dbf: files.dbf, cpg: 'KOI8-R' }, { idField: 'NR' }, log),
    ).toBeUndefined();
    expect(
      await readShapefile({ file: 'g/a.shp', shp: new Uint8Array(200), dbf: files.dbf }, { idField: 'NR' }, log),
    ).toBeUndefined();
    expect(log.errors.map((e) => e.file)).toEqual(['g/a.dbf', 'g/a.cpg', 'g/a.shp']);
  });
});
