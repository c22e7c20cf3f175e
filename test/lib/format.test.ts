import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatDate,
  formatNumber,
  intlFormat,
  localeOf,
  roundTo,
  telText,
  telUrl,
} from '../../src/lib/format.ts';

describe('localeOf', () => {
  it('localeOf(lang) maps de to de-DE and en to en-GB', () => {
    expect(localeOf('de')).toBe('de-DE');
    expect(localeOf('en')).toBe('en-GB');
  });
});

describe('formatNumber', () => {
  it('formatNumber(value, decimals, "de") uses a decimal comma and a thousands point', () => {
    expect(formatNumber(1234.56, 1, 'de')).toBe('1.234,6');
    expect(formatNumber(1234567, 0, 'de')).toBe('1.234.567');
    expect(formatNumber(17.7, 1, 'de')).toBe('17,7');
  });

  it('formatNumber(value, decimals, "en") uses a decimal point and a thousands comma', () => {
    expect(formatNumber(1234.56, 1, 'en')).toBe('1,234.6');
    expect(formatNumber(17.7, 1, 'en')).toBe('17.7');
  });

  it('formatNumber(value, decimals, lang) pads to exactly `decimals` places', () => {
    expect(formatNumber(5, 2, 'de')).toBe('5,00');
    expect(formatNumber(0.125, 0, 'en')).toBe('0');
  });

  it('formatNumber(undefined | NaN | Infinity) returns a dash, never "0"', () => {
    expect(formatNumber(undefined, 1, 'de')).toBe('–');
    expect(formatNumber(NaN, 1, 'de')).toBe('–');
    expect(formatNumber(Infinity, 1, 'en')).toBe('–');
  });

  it('formatNumber(tiny negative) drops the sign of a value rounded to zero', () => {
    expect(formatNumber(-0.04, 1, 'de')).toBe('0,0');
    expect(formatNumber(-0.4, 0, 'en')).toBe('0');
    expect(formatNumber(-0.06, 1, 'de')).toBe('-0,1');
  });

  it('formatNumber rounds half away from zero the shortest decimal of a number, as Intl does', () => {
    // 1.005 is stored as 1.00499999999999989…: toFixed(2) gives "1.00", Intl "1.01".
    expect(formatNumber(1.005, 2, 'de')).toBe('1,01');
    expect(formatNumber(999.95, 1, 'de')).toBe('1.000,0');
    expect(formatNumber(9999.5, 0, 'en')).toBe('10,000');
    expect(formatNumber(-2.5, 0, 'de')).toBe('-3');
    expect(formatNumber(-1234.5, 0, 'en')).toBe('-1,235');
    expect(formatNumber(1e21, 0, 'de')).toBe('1.000.000.000.000.000.000.000');
  });

  it('formatNumber equals Intl.NumberFormat (intlFormat) on a million numbers of every kind', () => {
    // A seeded generator (mulberry32), so a failure can be run again.
    let seed = 20261207;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const values = [0, -0, 0.5, -0.5, 1.5, 2.5, 0.045, 1.45, 8.345, -0.0005, 0.0005, 1e15, 123456789.125, 2 ** 53];
    for (let i = 0; i < 40_000; i++) {
      values.push((random() - 0.3) * 10 ** Math.floor(random() * 20 - 8)); // any size and sign
      values.push(Math.round(random() * 1e6) / 1000 + 0.0005); // halves at the fourth decimal
      values.push(Math.round((random() - 0.5) * 1e5) / 100); // shares with two decimals
      values.push(Math.round(random() * 1e4) * 0.005); // multiples of a half at the third decimal
      values.push(Math.round((random() - 0.5) * 1e7) / 1e4 + 0.00005); // halves at the fifth decimal
    }
    const differing: string[] = [];
    for (const v of values)
      for (const decimals of [0, 1, 2, 3, 4, 6, 8])
        for (const lang of ['de', 'en'] as const) {
          const fast = formatNumber(v, decimals, lang);
          const intl = intlFormat(v, decimals, lang);
          if (fast !== intl) differing.push(`${v} (${decimals}, ${lang}): ${fast} ≠ ${intl}`);
        }
    expect(values.length * 14).toBeGreaterThan(2_000_000);
    expect(differing.slice(0, 10)).toEqual([]);
  });
});

describe('formatChange', () => {
  it('formatChange(delta) writes a plus sign, a true minus sign (U+2212) or ±', () => {
    expect(formatChange(1.24, 1, 'de')).toBe('+1,2');
    expect(formatChange(-0.4, 1, 'de')).toBe('\u22120,4');
    expect(formatChange(-1234, 0, 'en')).toBe('\u22121,234');
  });

  it('formatChange(delta rounding to zero) writes ±0 whatever the sign', () => {
    expect(formatChange(0, 1, 'de')).toBe('±0,0');
    expect(formatChange(0.04, 1, 'de')).toBe('±0,0');
    expect(formatChange(-0.04, 1, 'en')).toBe('±0.0');
  });

  it('formatChange(undefined | NaN) returns a dash', () => {
    expect(formatChange(undefined, 1, 'de')).toBe('–');
    expect(formatChange(NaN, 1, 'de')).toBe('–');
  });
});

describe('formatDate', () => {
  it('formatDate(iso, "de") writes DD.MM.YYYY', () => {
    expect(formatDate('2020-12-31', 'de')).toBe('31.12.2020');
    expect(formatDate('2021-01-05', 'de')).toBe('05.01.2021');
  });

  it('formatDate(iso, "en") writes the day and the month name', () => {
    expect(formatDate('2020-12-31', 'en')).toBe('31 December 2020');
    expect(formatDate('2021-01-05', 'en')).toBe('5 January 2021');
  });

  it('formatDate(not a date) returns the input unchanged', () => {
    expect(formatDate('Ende 2020', 'de')).toBe('Ende 2020');
  });
});

describe('roundTo', () => {
  it('roundTo(value, decimals) rounds half away from zero', () => {
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(17.74, 1)).toBe(17.7);
  });

  it('roundTo(decimal half that binary floating point stores just below) still rounds up, as a table would', () => {
    // 2.345 * 100 = 234.49999999999997 and 1.005 * 100 = 100.49999999999999 in binary.
    expect(roundTo(2.345, 2)).toBe(2.35);
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(8.575, 2)).toBe(8.58);
  });

  it('roundTo gives what rounding the 15-digit decimal gives, for halves, near-halves and other values', () => {
    const reference = (value: number, decimals: number) =>
      (Math.sign(value) * Math.round(Number((Math.abs(value) * 10 ** decimals).toPrecision(15)))) / 10 ** decimals;
    const values = [0, 1.005, 2.345, 8.575, 0.285, 1.45, 123456.785, 0.0049999999, 1e9 + 0.5, 4503599627370495.5];
    // Made-up values: a fixed pseudo-random sequence (an LCG), with halves of 0 to 3 decimals among them.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const d = i % 4;
      const x = (next() - 0.5) * 10 ** (i % 9);
      values.push(x, -x, (Math.round(x * 10 ** d) + 0.5) / 10 ** d);
    }
    for (const v of values)
      for (const d of [0, 1, 2, 3]) expect(roundTo(v, d), `roundTo(${v}, ${d})`).toBe(reference(v, d));
  });

  it('roundTo agrees with formatNumber on halves', () => {
    for (const x of [1.005, 2.345, 8.575, 0.285, 1.45]) {
      expect(formatNumber(roundTo(x, 2), 2, 'en')).toBe(formatNumber(x, 2, 'en'));
    }
  });
});

describe('telText', () => {
  it('keeps a phone number on one line: no-break spaces and non-breaking hyphens, digits unchanged', () => {
    expect(telText('+49 30 123-45')).toBe('+49\u00a030\u00a0123\u201145');
    expect(telUrl('+49 30 123-45')).toBe('tel:+493012345');
  });
});
