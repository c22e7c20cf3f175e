import { describe, expect, it } from 'vitest';
import { ProblemLog } from '../../src/lib/problems.ts';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendlyErrors.ts';
import { ImportsConfigSchema } from '../../src/schemas/imports.ts';

// A made-up imports.yml with one source; only `areaCode` varies.
const yaml = (areaCode: string) =>
  [
    'retrieved: "2026-11-25"',
    'city: Musterstadt',
    areaCode,
    'sources:',
    '  - id: kitas',
    '    label: Kitas',
    '    file: data/kitas.geojson',
    '    idPrefix: kt',
    '    dataDate: "2026-01-01"',
    '    licence: made up',
    '    attribution: made up',
    '    types: [kita]',
    '    fields: { id: nr, name: name }',
  ].join('\n');

function parse(areaCode: string) {
  const log = new ProblemLog();
  const value = parseYamlWithFriendlyErrors(yaml(areaCode), ImportsConfigSchema, 'imports.yml', log);
  return { value, problems: log.problems };
}

describe('imports.yml areaCode', () => {
  it('is optional and taken as written', () => {
    expect(parse('').problems).toEqual([]);
    expect(parse('').value?.areaCode).toBeUndefined();
    expect(parse('areaCode: "331"').value?.areaCode).toBe('331');
    expect(parse('areaCode: "2131"').value?.areaCode).toBe('2131');
  });

  it.each(['areaCode: "0331"', 'areaCode: "3"', 'areaCode: "331a"', 'areaCode: 331'])(
    'refuses %j with file, line and field',
    (line) => {
      const { value, problems } = parse(line);
      expect(value).toBeUndefined();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'error', file: 'imports.yml', line: 3, field: 'areaCode' });
    },
  );

  it('says what a valid area code looks like', () => {
    expect(parse('areaCode: "0331"').problems[0]?.message).toContain('ohne führende 0');
    expect(parse('areaCode: 331').problems[0]?.hint).toContain('Anführungszeichen');
  });
});
