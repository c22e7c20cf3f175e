import { describe, expect, it } from 'vitest';
import { ProblemLog } from '../../../src/lib/problems.ts';
import { crosswalkIds, readCrosswalk } from '../../../src/lib/schemes/crosswalk.ts';
import { CrosswalkSchema } from '../../../src/schemas/atlasConfig.ts';

const OLD = crosswalkIds({ level: 'planungsraum', idPrefix: 4 }, ['01011101', '01011102', '01022201', '04061757']);
const NEW = new Set(['0110', '0120', '0460']);

function read(text: string, extra: Record<string, unknown> = {}) {
  const log = new ProblemLog();
  const crosswalk = CrosswalkSchema.parse({
    file: 'x.json',
    format: 'json-object',
    from: { level: 'planungsraum', idPrefix: 4 },
    to: { level: 'prognoseraum' },
    source: 's',
    ...extra,
  });
  return { r: readCrosswalk({ text, crosswalk, file: 'x.json', fromIds: OLD, toIds: NEW }, log), log };
}

describe('readCrosswalk()', () => {
  it('crosswalkIds() gives the first idPrefix characters of the level’s ids (old Prognoseräume of Planungsräume)', () => {
    expect([...OLD].sort()).toEqual(['0101', '0102', '0406']);
  });

  it('reads old → new entries of a JSON object into pairs, with the line of each entry', () => {
    const { r, log } = read('{\n "0101": ["0110"],\n "0102": ["0120", "0110"]\n}');
    expect(log.problems).toEqual([]);
    expect(r.pairs).toEqual([
      { from: '0101', to: '0110', line: 2 },
      { from: '0102', to: '0120', line: 3 },
      { from: '0102', to: '0110', line: 3 },
    ]);
    expect(r.entries).toBe(2);
  });

  it('with bothDirections reads an entry new → old the other way round, and counts it', () => {
    const { r, log } = read('{"0101": ["0110"], "0460": ["0406"]}', { bothDirections: true });
    expect(log.problems).toEqual([]);
    expect(r.pairs.map((p) => `${p.from}>${p.to}`)).toEqual(['0101>0110', '0406>0460']);
    expect(r.reversed).toBe(1);
  });

  it('skips entries by the length of their id, counted per rule with its reason', () => {
    const { r, log } = read('{"0101": ["0110"], "01011101": ["01100101"], "010111": ["011001"]}', {
      skip: [
        { idLength: 8, reason: 'Planungsräume ohne Grenzen' },
        { idLength: 6, reason: 'Bezirksregionen ohne Grenzen' },
      ],
    });
    expect(log.problems).toEqual([]);
    expect(r.skipped.map((s) => s.entries)).toEqual([1, 1]);
    expect(r.pairs).toHaveLength(1);
  });

  it('reports an entry naming an unknown unit with file, line and field (the id), never dropping it silently', () => {
    const { r, log } = read('{\n "0101": ["0110"],\n "0999": ["0110"],\n "0102": ["0120", "0777"]\n}');
    expect(log.errors).toHaveLength(2);
    expect(log.errors[0]).toMatchObject({ file: 'x.json', line: 3, field: '0999' });
    expect(log.errors[0]?.message).toContain('Unbekanntes Gebiet "0999"');
    expect(log.errors[1]).toMatchObject({ file: 'x.json', line: 4, field: '0102[1]' });
    expect(log.errors[1]?.message).toContain('"0777"');
    expect(r.pairs).toHaveLength(1);
  });

  it('reports a duplicated key (JSON keeps only the last) and a value that is not a list of ids', () => {
    const { log } = read('{\n "0101": ["0110"],\n "0101": ["0120"],\n "0102": [120]\n}');
    expect(log.errors.map((e) => [e.line, e.field])).toEqual([
      [4, '0102'],
      [2, '0101'],
    ]);
  });

  it('reads a CSV crosswalk by its columns and reports an unknown id with its line and column', () => {
    const log = new ProblemLog();
    const crosswalk = CrosswalkSchema.parse({
      file: 'z.csv',
      format: 'csv',
      columns: { from: 'alt', to: 'neu' },
      from: { level: 'ortsteil' },
      to: { level: 'gebiet' },
      source: 's',
    });
    const r = readCrosswalk(
      {
        text: 'alt;neu\n11;1n1\n19;1n1\n12;9n9\n',
        crosswalk,
        file: 'z.csv',
        fromIds: new Set(['11', '12']),
        toIds: new Set(['1n1']),
      },
      log,
    );
    expect(r.pairs).toEqual([{ from: '11', to: '1n1', line: 2 }]);
    expect(log.errors.map((e) => [e.file, e.line, e.field])).toEqual([
      ['z.csv', 3, 'alt'],
      ['z.csv', 4, 'neu'],
    ]);
  });
});
