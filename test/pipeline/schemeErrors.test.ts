/**
 * Bad input of the small-number protection, the boundary schemes and the crosswalk: each test copies the made-up
 * atlas "Kleinstadt" (test/fixtures/atlas-small) to a temporary folder, breaks one thing and checks that the whole
 * pipeline reports it as an error naming file, line and field, with a hint, and writes nothing.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblemLog, type Problem } from '../../src/lib/problems.ts';
import { runPipeline } from '../../src/pipeline/build.ts';

const SMALL = resolve(import.meta.dirname, '../fixtures/atlas-small');
let root = '';
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atlas-small-errors-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Copies the fixture, replaces `from` by `to` (exactly once) in `file`, runs the pipeline; returns its errors. */
async function broken(file: string, from: string, to: string): Promise<Problem[]> {
  const base = join(root, String(++n));
  const dir = join(base, 'atlas');
  await cp(SMALL, dir, { recursive: true });
  const text = await readFile(join(dir, file), 'utf8');
  expect(text.split(from).length - 1, `"${from}" once in ${file}`).toBe(1);
  await writeFile(join(dir, file), text.replace(from, to));
  const r = await runPipeline({ atlasDir: dir, cacheDir: join(base, 'cache'), log: () => {} });
  expect(r.log.hasErrors, formatProblemLog(r.log)).toBe(true);
  // Nothing half-built is published.
  expect(await readdir(base)).toEqual(['atlas']);
  return r.log.errors;
}

/** 1-based line of `needle` in the pristine fixture file. */
async function lineOf(file: string, needle: string): Promise<number> {
  const lines = (await readFile(join(SMALL, file), 'utf8')).split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in ${file}`);
  return i + 1;
}

describe('bad input: small-number thresholds', () => {
  it.each([
    ['2.5', 'ganze Zahl erwartet'],
    ['0', 'Minimum 1'],
    ['"3"', 'Zahlen ohne Anführungszeichen'],
  ])('smallNumbers.minCount: %s is an error with file, line and field', async (bad, words) => {
    const errors = await broken('atlas.yml', '  minCount: 3\n', `  minCount: ${bad}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      file: 'atlas.yml',
      line: await lineOf('atlas.yml', '  minCount: 3'),
      field: 'smallNumbers.minCount',
    });
    expect(`${errors[0]?.message} ${errors[0]?.hint ?? ''}`).toContain(words);
  });

  it('an indicator’s minCount that is not a positive integer names the indicator', async () => {
    const errors = await broken(
      'atlas.yml',
      '    parts: [kinder, erwachsene]\n',
      '    parts: [kinder, erwachsene]\n    minCount: -2\n',
    );
    expect(errors[0]).toMatchObject({ file: 'atlas.yml', field: 'indicators[0].minCount' });
    expect(errors[0]?.line).toBe((await lineOf('atlas.yml', 'parts: [kinder, erwachsene]')) + 1);
  });

  it('minDenominator on a count is an error (it applies to rates only)', async () => {
    const errors = await broken(
      'atlas.yml',
      '    parts: [kinder, erwachsene]\n',
      '    parts: [kinder, erwachsene]\n    minDenominator: 50\n',
    );
    expect(errors[0]).toMatchObject({ file: 'atlas.yml', field: 'indicators[0].minDenominator' });
    expect(errors[0]?.message).toContain('nur für type: rate');
  });

  it('parts naming an unknown indicator is an error with its index', async () => {
    const errors = await broken('atlas.yml', 'parts: [kinder, erwachsene]', 'parts: [kinder, erwachsne]');
    expect(errors[0]).toMatchObject({
      file: 'atlas.yml',
      field: 'indicators[0].parts[1]',
      line: await lineOf('atlas.yml', 'parts: [kinder, erwachsene]'),
    });
  });
});

describe('bad input: crosswalk', () => {
  it('a crosswalk row naming an unknown unit fails with file, line and field', async () => {
    const errors = await broken('data/zuordnung.csv', '13;1n2', '13;9n9');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'data/zuordnung.csv', line: 4, field: 'neu' });
    expect(errors[0]?.message).toContain('Unbekanntes Gebiet "9n9"');
    expect(errors[0]?.hint).toContain('Ebene gebiet');
  });

  it('an unknown unit on the older side names the column of the older id', async () => {
    const errors = await broken('data/zuordnung.csv', '11;1n1', '17;1n1');
    expect(errors[0]).toMatchObject({ file: 'data/zuordnung.csv', line: 2, field: 'alt' });
  });

  it('a missing column is an error naming columns.from and the header line', async () => {
    const errors = await broken('data/zuordnung.csv', 'alt;neu', 'alt_id;neu');
    expect(errors[0]).toMatchObject({ file: 'data/zuordnung.csv', line: 1, field: 'columns.from' });
  });

  it('a crosswalk side naming an unknown level, or a level without a scheme, names the field', async () => {
    const errors = await broken('atlas.yml', 'from: { level: ortsteil }', 'from: { level: bezirk }');
    expect(errors[0]).toMatchObject({
      file: 'atlas.yml',
      field: 'crosswalks[0].from.level',
      line: await lineOf('atlas.yml', 'from: { level: ortsteil }'),
    });
  });
});

describe('bad input: schemes and levels', () => {
  it('a level naming an unknown scheme', async () => {
    const errors = await broken('atlas.yml', '    scheme: neu\n', '    scheme: neuu\n');
    expect(errors[0]).toMatchObject({
      file: 'atlas.yml',
      field: 'levels[2].scheme',
      line: await lineOf('atlas.yml', '    scheme: neu'),
    });
    expect(errors[0]?.hint).toContain('alt, neu');
  });

  it('a level beside another below a shared parent without its own scheme', async () => {
    const errors = await broken('atlas.yml', '    scheme: neu\n', '');
    expect(errors.map((e) => e.field)).toContain('levels[2].parent.level');
    expect(errors.find((e) => e.field === 'levels[2].parent.level')?.hint).toContain('scheme angeben');
  });

  it('a scheme that starts before the one listed before it', async () => {
    const errors = await broken('atlas.yml', 'validFrom: "2021-01-01"', 'validFrom: "2019-01-01"');
    expect(errors[0]).toMatchObject({
      file: 'atlas.yml',
      field: 'schemes[1].validFrom',
      line: await lineOf('atlas.yml', 'validFrom: "2021-01-01"'),
    });
  });

  it('a scheme date that is not a date', async () => {
    const errors = await broken('atlas.yml', 'validUntil: "2020-12-31"', 'validUntil: "2020-13-31"');
    expect(errors[0]).toMatchObject({ file: 'atlas.yml', field: 'schemes[0].validUntil' });
  });
});
