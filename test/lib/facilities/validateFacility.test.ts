import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFacilityVocabulary, readFacilityFile } from '../../../src/lib/facilities/validateFacility.ts';
import { ProblemLog } from '../../../src/lib/problems.ts';
import { FacilityVocabularySchema } from '../../../src/schemas/facility.ts';

const dir = 'test/fixtures/facilities';
const fixture = (name: string) => readFileSync(`${dir}/${name}`, 'utf8');
const vocabulary = FacilityVocabularySchema.parse(parse(fixture('vocabulary.yml')));

describe('readFacilityFile', () => {
  it('accepts a valid provider file', () => {
    const log = new ProblemLog();
    const f = readFacilityFile(fixture('valid.md'), 'content/facilities/valid.md', log, vocabulary);
    expect(log.problems).toEqual([]);
    expect(f).toMatchObject({ id: 'valid', name: 'Kita Testgarten', accessibility: { wheelchair: 'limited' } });
  });

  it('reports every problem of a file at once, with line and field', () => {
    const log = new ProblemLog();
    expect(readFacilityFile(fixture('invalid.md'), 'content/facilities/invalid.md', log, vocabulary)).toBeUndefined();
    const byField = Object.fromEntries(log.problems.map((p) => [p.field, p]));
    expect(Object.keys(byField).sort()).toEqual(['address.postcode', 'lastConfirmed', 'name', 'website']);
    expect(byField['address.postcode']).toMatchObject({
      file: 'content/facilities/invalid.md',
      line: 8,
      severity: 'error',
    });
    expect(byField.website).toMatchObject({ line: 13 });
    expect(byField.lastConfirmed).toMatchObject({ line: 14, message: 'Datum liegt in der Zukunft' });
    expect(byField.name?.message).toContain('fehlt');
  });

  it('refuses executable front matter without running it', () => {
    const log = new ProblemLog();
    expect(readFacilityFile(fixture('js-frontmatter.md'), 'content/facilities/js-frontmatter.md', log)).toBeUndefined();
    expect(log.problems).toMatchObject([{ line: 1, message: expect.stringContaining('---js') }]);
  });

  it('checks that the id equals the file name and the vocabulary', () => {
    const log = new ProblemLog();
    const text = fixture('valid.md').replace('  - "kinder"', '  - "kinder"\n  - "rentner"');
    expect(readFacilityFile(text, 'content/facilities/other.md', log, vocabulary)).toBeUndefined();
    expect(log.problems.map((p) => [p.field, p.line])).toEqual([
      ['id', 2],
      ['targetGroups[1]', 9],
    ]);
  });
});

describe('content/facilities/_template.md.txt', () => {
  it('is a valid facility file against the repository vocabulary', () => {
    const log = new ProblemLog();
    const repoVocabulary = FacilityVocabularySchema.parse(parse(readFileSync('facilities.yml', 'utf8')));
    const text = readFileSync('content/facilities/_template.md.txt', 'utf8');
    expect(readFacilityFile(text, 'content/facilities/kita-beispielgarten.md', log, repoVocabulary)?.name).toBe(
      'Kita Beispielgarten',
    );
    expect(log.problems).toEqual([]);
  });
});

describe('checkFacilityVocabulary', () => {
  it('lists unknown types and target groups', () => {
    expect(checkFacilityVocabulary({ types: ['kita', 'kneipe'], targetGroups: ['kinder'] }, vocabulary)).toEqual([
      { field: 'types[1]', message: 'Typ "kneipe" steht nicht in facilities.yml' },
    ]);
    expect(checkFacilityVocabulary({}, vocabulary)).toEqual([]);
  });
});
