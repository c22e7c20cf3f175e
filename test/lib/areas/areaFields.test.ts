import { describe, expect, it } from 'vitest';
import {
  fieldsMissingEverywhere,
  parseAreaDate,
  parseAreaNumber,
  readAreaField,
} from '../../../src/lib/areas/areaFields.ts';

describe('area fields', () => {
  it('parseAreaDate() reads DD.MM.YYYY and ISO dates, refuses impossible ones', () => {
    expect(parseAreaDate('25.05.2016')).toBe('2016-05-25');
    expect(parseAreaDate('1.7.2019')).toBe('2019-07-01');
    expect(parseAreaDate('2019-07-01')).toBe('2019-07-01');
    expect(parseAreaDate('31.02.2020')).toBeUndefined();
    expect(parseAreaDate('2020/01/01')).toBeUndefined();
  });

  it('parseAreaNumber() reads numbers and text with a decimal point or comma', () => {
    expect(parseAreaNumber('51.3')).toBe(51.3);
    expect(parseAreaNumber('51,3')).toBe(51.3);
    expect(parseAreaNumber(12)).toBe(12);
    expect(parseAreaNumber('1.234,5')).toBeUndefined();
    expect(parseAreaNumber('ca. 5')).toBeUndefined();
  });

  it('readAreaField() gives a value, nothing for null or empty, or a problem naming the value', () => {
    expect(readAreaField('25.05.2016', { type: 'date' })).toEqual({ value: '2016-05-25' });
    expect(readAreaField(null, { type: 'date' })).toEqual({ empty: true });
    expect(readAreaField(' ', { type: 'text' })).toEqual({ empty: true });
    expect(readAreaField('Mitte', { type: 'text' })).toEqual({ value: 'Mitte' });
    const bad = readAreaField('bald', { type: 'date' });
    expect('problem' in bad && bad.problem).toContain('"bald"');
    expect('problem' in readAreaField('viel', { type: 'number' })).toBe(true);
  });

  it('fieldsMissingEverywhere() lists only fields no feature has (null values count as present)', () => {
    const props = [{ a: 1, b: null }, { a: 2 }];
    expect(fieldsMissingEverywhere(props, ['a', 'b', 'c'])).toEqual(['c']);
  });
});
