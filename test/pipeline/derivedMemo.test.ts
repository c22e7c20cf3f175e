/**
 * Boundaries, tables and derived values kept between builds (src/pipeline/derivedMemo.ts): read back as written,
 * with undefined fields, NaN and shared objects, and the boundaries' point lookups made again; only the last key is
 * kept; a damaged file counts as missing.
 * Made-up values in a temporary folder.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import {
  packBoundaries,
  readDerived,
  unpackBoundaries,
  writeDerived,
  type Derived,
} from '../../src/pipeline/derivedMemo.ts';
import type { BoundariesResult } from '../../src/pipeline/stages/boundaries.ts';
import type { BoundaryFeature } from '../../src/lib/geo/readBoundaries.ts';
import { createPolygonIndex } from '../../src/lib/geo/pointIndex.ts';
import type { Unit } from '../../src/lib/types.ts';
import { ValueStore } from '../../src/lib/indicators/store.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'derived-memo-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const origin = { file: 'data/tabelle.csv', line: 2, column: 'wert' };
/** Two made-up square units of one level. */
const square = (x: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 51],
      [x, 51.01],
      [x + 0.01, 51.01],
      [x + 0.01, 51],
      [x, 51],
    ],
  ],
});
const boundaries = (): BoundariesResult => {
  const features = [
    { id: '01', name: 'Nord', geometry: square(7), properties: {} },
    { id: '02', name: 'Süd', geometry: square(7.01), properties: {} },
  ] as unknown as BoundaryFeature[];
  return {
    units: features.map((f) => ({ id: f.id, name: f.name, level: 'teil', parent: undefined })) as Unit[],
    features: new Map([['teil', features]]),
    indexes: new Map([['teil', createPolygonIndex(features)]]),
    fixes: [],
    failed: new Map(),
    rejected: new Map([['teil', new Set(['99'])]]),
    mergedInto: new Map(),
  };
};

const derived = (): Derived => ({
  boundaries: packBoundaries(boundaries()),
  boundaryProblems: [],
  boundarySkips: [{ file: 'atlas.yml', message: 'Eine übersprungene Prüfung (erfunden).' }],
  problems: [{ severity: 'warning', file: 'data/tabelle.csv', line: 3, message: 'Name weicht ab (erfunden).' }],
  skipped: [],
  report: { excluded: [], assumed: [], rows: [{ file: 'data/tabelle.csv', rows: 2, cells: 2, role: 'data' }] },
  values: [
    { unit: '01', indicator: 'quote', year: 2023, status: 'value', value: 12.5, method: 'published', origin },
    { unit: '02', indicator: 'quote', year: 2023, status: 'suppressed', value: undefined, method: 'published', origin },
    { unit: '03', indicator: 'quote', year: 2023, status: 'value', value: Number.NaN, method: 'ratio' },
  ],
  checks: [],
  protection: { minCount: 1, secondary: 0, numerator: 0, minDenominator: 0 },
});

describe('derivedMemo', () => {
  it('reads back what it wrote: undefined fields, NaN and shared objects as they were', async () => {
    await writeDerived(dir, 'k1', derived());
    const back = await readDerived(dir, 'k1');
    expect(back).toEqual(derived());
    expect(back?.values[1]).toHaveProperty('value', undefined);
    expect(Number.isNaN(back?.values[2]?.value)).toBe(true);
    expect(back?.values[0]?.origin).toBe(back?.values[1]?.origin);
    // A store made from the values holds them in the same order, addressable as before.
    const store = ValueStore.from(back?.values ?? []);
    expect([...store.values()].map((v) => v.unit)).toEqual(['01', '02', '03']);
    expect(store.get('quote', '01', 2023)?.value).toBe(12.5);
  });

  it('packs the values, each text once, and keeps values packing refuses as they are', async () => {
    await writeDerived(dir, 'k1', derived());
    const file = await readFile(join(dir, 'derived', 'k1.v8'));
    // "quote" appears in three values but is written once.
    expect(file.toString('latin1').split('quote').length - 1).toBe(1);
    const odd = derived();
    Object.assign(odd.values[2] ?? {}, { extra: [1, 2] });
    await writeDerived(dir, 'k2', odd);
    expect((await readDerived(dir, 'k2'))?.values).toEqual(odd.values);
  });

  it('keeps the boundaries as read and makes their point lookups again', async () => {
    await writeDerived(dir, 'k1', derived());
    const back = unpackBoundaries((await readDerived(dir, 'k1'))?.boundaries ?? new Uint8Array());
    const { indexes, ...rest } = boundaries();
    expect({ ...back, indexes: undefined }).toEqual({ ...rest, indexes: undefined });
    expect(back.rejected.get('teil')).toEqual(new Set(['99']));
    expect(back.indexes.get('teil')?.find(7.005, 51.005)).toBe('01');
    expect(back.indexes.get('teil')?.find(7.015, 51.005)).toBe('02');
    expect(back.indexes.get('teil')?.find(7.5, 51.005)).toBe(indexes.get('teil')?.find(7.5, 51.005));
  });

  it('keeps only the last key; another key and a damaged file read as missing', async () => {
    await writeDerived(dir, 'k1', derived());
    await writeDerived(dir, 'k2', derived());
    expect(await readdir(join(dir, 'derived'))).toEqual(['k2.v8']);
    expect(await readDerived(dir, 'k1')).toBeUndefined();
    await writeFile(join(dir, 'derived', 'k2.v8'), 'kein V8');
    expect(await readDerived(dir, 'k2')).toBeUndefined();
    expect(await readDerived(join(dir, 'fehlt'), 'k2')).toBeUndefined();
  });
});
