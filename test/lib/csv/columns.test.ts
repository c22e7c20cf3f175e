import { describe, expect, it } from 'vitest';
import { findSimilarNames, resolveColumn } from '../../../src/lib/csv/columns.ts';

const HEADER = ['id', 'name', 'inhabitants', 's1_percentage_unemployed', 'inhabitants'];

describe('resolveColumn', () => {
  it('finds a unique name', () => {
    expect(resolveColumn(HEADER, 'name')).toEqual({ index: 1 });
  });

  it('selects the n-th column of a repeated name with "#n"', () => {
    expect(resolveColumn(HEADER, 'inhabitants#1')).toEqual({ index: 2 });
    expect(resolveColumn(HEADER, 'inhabitants#2')).toEqual({ index: 4 });
  });

  it('refuses a repeated name without "#n" and suggests "#1"/"#2"', () => {
    const r = resolveColumn(HEADER, 'inhabitants');
    expect(r).toHaveProperty('error');
    expect('hint' in r && r.hint).toContain('"inhabitants#1" … "inhabitants#2"');
  });

  it('refuses "#n" beyond the number of columns of that name', () => {
    expect(resolveColumn(HEADER, 'inhabitants#3')).toHaveProperty('error');
    expect(resolveColumn(HEADER, 'inhabitants#0')).toHaveProperty('error');
  });

  it('takes a header containing "#" literally', () => {
    expect(resolveColumn(['id', 'wert#2'], 'wert#2')).toEqual({ index: 1 });
  });

  it('lists similar names for a missing column', () => {
    const r = resolveColumn(HEADER, 's1_percentage_unemploye');
    expect('hint' in r && r.hint).toContain('"s1_percentage_unemployed"');
  });
});

describe('findSimilarNames', () => {
  it('matches ignoring case and punctuation, best first', () => {
    expect(findSimilarNames('Arbeitslose', ['id', 'arbeitslos', 'ARBEITS_LOSE', 'name'])).toEqual([
      'ARBEITS_LOSE',
      'arbeitslos',
    ]);
  });

  it('returns nothing for unrelated names', () => {
    expect(findSimilarNames('quote', ['id', 'name', 'einwohner'])).toEqual([]);
  });
});
