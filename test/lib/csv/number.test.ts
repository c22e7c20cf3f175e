import { describe, expect, it } from 'vitest';
import { classifyRaw, parseLocaleNumber } from '../../../src/lib/csv/number.ts';

const DE = { decimal: ',', thousands: '.' } as const;
const EN = { decimal: '.', thousands: '' } as const;

describe('parseLocaleNumber', () => {
  it.each([
    ['12,5', DE, 12.5],
    ['1.234,5', DE, 1234.5],
    ['1234,5', DE, 1234.5],
    ['-1.234.567', DE, -1234567],
    ['3384.0', EN, 3384],
    ['-0.33873', EN, -0.33873],
    ['1e3', EN, 1000],
    ['114.99999999999999', EN, 114.99999999999999],
    ['  42 ', EN, 42],
    ['\u22123,5', DE, -3.5],
    [',5', DE, 0.5],
    ['1,234.5', { decimal: '.', thousands: ',' }, 1234.5],
    ['1 234,5', { decimal: ',', thousands: ' ' }, 1234.5],
    ['1\u00a0234,5', { decimal: ',', thousands: ' ' }, 1234.5],
  ] as const)('%s → %d', (raw, format, expected) => {
    expect(parseLocaleNumber(raw, format)).toBe(expected);
  });

  it.each([
    ['12,5,3', DE],
    ['12,5', EN],
    ['12.5', DE], // "." is a thousands separator here, and 12.5 is not a valid grouping
    ['1.23,5', DE],
    ['', EN],
    ['   ', EN],
    ['abc', EN],
    ['0x10', EN],
    ['Infinity', EN],
    ['1e400', EN],
    ['5.', EN],
    ['1.234', { decimal: ',', thousands: '' }],
  ] as const)('%j → NaN', (raw, format) => {
    expect(parseLocaleNumber(raw, format)).toBeNaN();
  });
});

describe('classifyRaw', () => {
  it('parses a number to status "value"', () => {
    expect(classifyRaw(' 12,5 ', {}, DE)).toEqual({ status: 'value', value: 12.5 });
  });

  it('merges the given markers over DEFAULT_MARKERS itself', () => {
    expect(classifyRaw('', {}, EN)).toEqual({ status: 'missing' });
    expect(classifyRaw('.', {}, EN)).toEqual({ status: 'suppressed' });
    expect(classifyRaw('x', {}, EN)).toEqual({ status: 'notApplicable' });
    expect(classifyRaw('-', { '-': 'missing' }, EN)).toEqual({ status: 'missing' });
  });

  it('trims before the marker lookup', () => {
    expect(classifyRaw(' - ', { '-': 'missing' }, EN)).toEqual({ status: 'missing' });
  });

  it('gives value 0 for a "zero" marker (DIN 55301 "-")', () => {
    expect(classifyRaw('-', { '-': 'zero' }, EN)).toEqual({ status: 'zero', value: 0 });
  });

  it('lets a table marker override a default one', () => {
    expect(classifyRaw('.', { '.': 'missing' }, EN)).toEqual({ status: 'missing' });
  });

  it('returns an error naming the text for an unknown marker', () => {
    const result = classifyRaw('k.A.', {}, EN);
    expect(result).toHaveProperty('error');
    expect('error' in result && result.error).toContain('"k.A."');
  });

  it('does not take Object.prototype members for markers', () => {
    expect(classifyRaw('constructor', {}, EN)).toHaveProperty('error');
  });
});

describe('parseLocaleNumber: signs and spaces as published tables write them', () => {
  const de = { decimal: ',' as const, thousands: '.' };
  const none = { decimal: ',' as const, thousands: '' };
  it.each([
    ['-  23', -23],
    ['- 1.234,5', -1234.5],
    ['\u221223', -23],
    ['\u2212 23,5', -23.5],
    ['\u2013 7', -7],
    ['+ 4', 4],
    ['1\u00a0234', 1234],
    ['1\u202f234\u202f567,5', 1234567.5],
    ['12\u2009345', 12345],
    ['-\u00a01\u00a0234', -1234],
  ])('%j → %d (thousands "." or none)', (raw, expected) => {
    expect(parseLocaleNumber(raw, de)).toBe(expected);
    expect(parseLocaleNumber(raw.replace(/\./g, ''), none)).toBe(expected);
  });
  it.each(['-', '- ', '1\u00a023', '12\u00a03456', '1 234', '--3'])('%j is no number', (raw) => {
    expect(parseLocaleNumber(raw, none)).toBeNaN();
  });
});
