/**
 * The tables and derived values kept between builds (src/pipeline/derivedMemo.ts): read back as written, with
 * undefined fields, NaN and shared objects; only the last key is kept; a damaged file counts as missing.
 * Made-up values in a temporary folder.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDerived, writeDerived, type Derived } from '../../src/pipeline/derivedMemo.ts';
import { ValueStore } from '../../src/lib/indicators/store.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'derived-memo-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const origin = { file: 'data/tabelle.csv', line: 2, column: 'wert' };
const derived = (): Derived => ({
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
