import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatProblem, ProblemLog } from '../../src/lib/problems.ts';
import {
  formatPath,
  lineOf,
  parseYamlWithFriendlyErrors,
  validateWithFriendlyErrors,
} from '../../src/schemas/friendlyErrors.ts';

const Schema = z.strictObject({
  id: z.string(),
  items: z.array(z.strictObject({ name: z.string(), n: z.number() })),
  kind: z.enum(['a', 'b']).optional(),
});

function parse(text: string) {
  const log = new ProblemLog();
  const value = parseYamlWithFriendlyErrors(text, Schema, 'atlas.yml', log);
  return { value, log, problems: log.problems };
}

describe('parseYamlWithFriendlyErrors', () => {
  it('parseYamlWithFriendlyErrors(valid text) returns the parsed value and logs nothing', () => {
    const { value, problems } = parse('id: x\nitems:\n  - name: a\n    n: 1\n');
    expect(value).toEqual({ id: 'x', items: [{ name: 'a', n: 1 }] });
    expect(problems).toEqual([]);
  });

  it('parseYamlWithFriendlyErrors(YAML syntax error) reports the line and column and returns undefined', () => {
    const { value, problems } = parse('id: x\nitems:\n  - name: a\n   n: 1\n');
    expect(value).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'atlas.yml', line: 4, column: 1 });
    expect(problems[0]?.message).toMatch(/^YAML-Syntaxfehler: /);
    expect(problems[0]?.hint).toContain('Einrückung');
  });

  it('parseYamlWithFriendlyErrors(unclosed flow sequence) reports a syntax error with a line', () => {
    const { problems } = parse('id: [x\nitems: []\n');
    expect(problems[0]?.message).toMatch(/^YAML-Syntaxfehler/);
    expect(problems[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it('parseYamlWithFriendlyErrors(duplicate key) is a syntax error on the line of the second key', () => {
    const { problems } = parse('id: x\nid: y\nitems: []\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 2 });
    expect(problems[0]?.message).toContain('unique');
  });

  it('parseYamlWithFriendlyErrors(wrong type) names the field path and the line of the key', () => {
    const { problems } = parse('id: x\nitems:\n  - name: a\n    n: 1\n  - name: b\n    n: "zwei"\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 6, field: 'items[1].n', message: 'falscher Typ: erwartet number' });
    expect(problems[0]?.hint).toContain('Anführungszeichen');
  });

  it('parseYamlWithFriendlyErrors(missing field) says it is required and points at the enclosing block', () => {
    const { problems } = parse('id: x\nitems:\n  - name: a\n');
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'items[0].n',
        message: 'fehlt (Pflichtfeld, erwartet: number)',
        hint: 'Feld ergänzen; siehe docs/atlas-folder.md.',
      }),
    ]);
  });

  it('parseYamlWithFriendlyErrors(unknown keys) lists them and points at the line of the first unknown key', () => {
    const { problems } = parse('id: x\nitems:\n  - name: a\n    n: 1\n    extra: 3\n    other: 4\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 5, field: 'items[0]', message: 'unbekannte Felder: extra, other' });
    expect(problems[0]?.hint).toContain('Tippfehler');
  });

  it('parseYamlWithFriendlyErrors(value not in an enum) lists the allowed values', () => {
    const { problems } = parse('id: x\nitems: []\nkind: c\n');
    expect(problems[0]).toMatchObject({ line: 3, field: 'kind', message: 'ungültiger Wert; erlaubt: "a", "b"' });
  });

  it('parseYamlWithFriendlyErrors(several problems) reports all of them in one run', () => {
    const { problems } = parse('items:\n  - name: 1\n    n: 1\nkind: c\n');
    expect(problems.map((p) => p.field).sort()).toEqual(['id', 'items[0].name', 'kind']);
    expect(problems.find((p) => p.field === 'items[0].name')?.line).toBe(2);
  });

  it('formatProblem(reported problem) reads file:line: Feld "path": message', () => {
    const { problems } = parse('id: x\nitems: []\nkind: c\n');
    const p = problems[0];
    if (!p) throw new Error('no problem');
    expect(formatProblem(p).split('\n')[0]).toBe('atlas.yml:3: Feld "kind": ungültiger Wert; erlaubt: "a", "b"');
  });
});

describe('validateWithFriendlyErrors', () => {
  it('validateWithFriendlyErrors(valid value) returns the parsed output with defaults', () => {
    const log = new ProblemLog();
    expect(validateWithFriendlyErrors({ n: undefined }, z.object({ n: z.number().default(3) }), 'x.md', log)).toEqual({
      n: 3,
    });
    expect(log.hasErrors).toBe(false);
  });

  it('validateWithFriendlyErrors(value, schema, file, log, lineOf, offset) adds the offset to the line (front matter)', () => {
    const log = new ProblemLog();
    validateWithFriendlyErrors({ n: 'x' }, z.object({ n: z.number() }), 'a.md', log, () => 2, 1);
    expect(log.problems[0]).toMatchObject({ file: 'a.md', line: 3, field: 'n' });
  });

  it('validateWithFriendlyErrors(without lineOf) reports no line', () => {
    const log = new ProblemLog();
    validateWithFriendlyErrors({ n: 'x' }, z.object({ n: z.number() }), 'a.md', log);
    expect(log.problems[0]?.line).toBeUndefined();
  });

  it('validateWithFriendlyErrors(root-level issue) has no field', () => {
    const log = new ProblemLog();
    validateWithFriendlyErrors('text', z.object({}), 'a.yml', log);
    expect(log.problems[0]?.field).toBeUndefined();
  });

  it('validateWithFriendlyErrors(refinement) passes its message through', () => {
    const log = new ProblemLog();
    validateWithFriendlyErrors(
      { a: 1 },
      z.object({ a: z.number() }).refine((o) => o.a > 1, { message: 'a muss größer als 1 sein', path: ['a'] }),
      'a.yml',
      log,
    );
    expect(log.problems[0]).toMatchObject({ field: 'a', message: 'a muss größer als 1 sein' });
  });

  it('validateWithFriendlyErrors(too small) names the minimum', () => {
    const log = new ProblemLog();
    validateWithFriendlyErrors({ list: [] }, z.object({ list: z.array(z.string()).min(1) }), 'a.yml', log);
    expect(log.problems[0]).toMatchObject({ field: 'list', message: 'zu klein/zu kurz (Minimum 1)' });
  });
});

describe('formatPath', () => {
  it('formatPath(path) writes keys with dots and indices in brackets', () => {
    expect(formatPath(['indicators', 3, 'decimals'])).toBe('indicators[3].decimals');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('');
  });
});

describe('lineOf', () => {
  const text = 'id: x\nitems:\n  - name: a\n    n: 1\n';
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });

  it('lineOf(doc, lc, path) is the line of the node at the path', () => {
    expect(lineOf(doc, lc, ['id'])).toBe(1);
    expect(lineOf(doc, lc, ['items', 0, 'n'])).toBe(4);
  });

  it('lineOf(doc, lc, path) gives the line of the key for a block value that starts below it', () => {
    const lc2 = new LineCounter();
    const doc2 = parseDocument('id: x\ncolumns:\n  a: b\n', { lineCounter: lc2 });
    expect(lineOf(doc2, lc2, ['columns'])).toBe(2);
    expect(lineOf(doc2, lc2, ['columns', 'a'])).toBe(3);
  });

  it('lineOf(doc, lc, path to nothing) falls back to the deepest existing node', () => {
    expect(lineOf(doc, lc, ['items', 0, 'missing'])).toBe(3);
    expect(lineOf(doc, lc, ['nope', 'deeper'])).toBe(1);
  });
});
