import { describe, expect, it } from 'vitest';
import { normalizePhone, normalizePhones } from '../../../src/lib/facilities/normalizePhone.ts';

// All numbers are made up; the shapes are those found in Berlin's Kita, youth-centre and school registers.
describe('normalizePhone', () => {
  it.each([
    ['030/1234567', '+49 30 1234567'],
    ['030/ 1234567', '+49 30 1234567'],
    ['030 /1234567', '+49 30 1234567'],
    ['(030) 123 45 67', '+49 30 1234567'],
    ['(030)123 45 67', '+49 30 1234567'],
    ['+49 30 1234567', '+49 30 1234567'],
    ['+49 30 12345 6700', '+49 30 123456700'],
    ['+493012345678', '+49 30 12345678'],
    ['(+4930) 12345678', '+49 30 12345678'],
    ['+49 (0)30 1234567', '+49 30 1234567'],
    ['0049 30 1234567', '+49 30 1234567'],
    ['0 30-1234567', '+49 30 1234567'],
    ['030-123 45 67', '+49 30 1234567'],
    ['030 - 123 45 67', '+49 30 1234567'],
    ['030 – 123 45 67', '+49 30 1234567'],
    ['030.1234567', '+49 30 1234567'],
    ['030 123456-70', '+49 30 12345670'],
    ['12 34 56 7-0', '+49 30 12345670'],
    ['123 45 67', '+49 30 1234567'],
    ['1234567', '+49 30 1234567'],
    ['\u202D030 12345678\u202C', '+49 30 12345678'],
    [' 030-1234567 ', '+49 30 1234567'],
    ['Tel.: 030 1234567', '+49 30 1234567'],
    ['0176 12 34 56 78', '+49 176 12345678'],
    ['+49 1761234567', '+49 176 1234567'],
    // Every German area code is split where it ends (libphonenumber-js), whatever groups the number was written in.
    ['0331 1234567', '+49 331 1234567'], // Potsdam
    ['(0331) 123 45 67', '+49 331 1234567'],
    ['0221 123456', '+49 221 123456'], // Köln
    ['0221/12 34 56', '+49 221 123456'],
    ['02131 123456', '+49 2131 123456'], // Neuss
    ['+49 2131 12345', '+49 2131 12345'],
    ['089 1234567', '+49 89 1234567'], // München
    ['0049 (0)89 12345678', '+49 89 12345678'],
    ['033203 12345', '+49 33203 12345'], // Kleinmachnow: five-digit area code
    ['03 31 12 34 56 7', '+49 331 1234567'],
    ['0151 23456789', '+49 151 23456789'],
    ['01573 1234567', '+49 157 31234567'],
    ['0180 5 123456', '+49 180 5123456'], // service number: the library's further groups are joined
    ['0800 1234567', '+49 800 1234567'],
    ['+49 030 1234567', '+49 30 1234567'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'tba',
    '030',
    '0176',
    '123',
    '1234',
    '+49 30',
    '+49 30 ',
    '000000000000000000',
    '030 0000000',
    {},
    // Not valid in the German numbering plan (libphonenumber-js, full metadata) or outside our bounds:
    '0331 12', // too short for the area code
    '030 1234', // allowed by the plan, but in a register a cut-off number: fewer than 7 digits after the 0
    '030 123456789012', // more than 13 digits after the 0 (E.164)
    '0151 123', // mobile number too short
    '0176 1234567890123',
    '0191 1234567', // 0191 is not assigned
    '0999 1234567',
    '+49 151 2345678', // 0151 numbers have eight digits after the prefix
  ])('refuses %j', (raw) => {
    expect(normalizePhone(raw)).toBeUndefined();
  });

  it('reads numbers given as numbers', () => {
    expect(normalizePhone(1234567)).toBe('+49 30 1234567');
  });

  it('can be told not to assume Berlin', () => {
    expect(normalizePhone('1234567', { defaultAreaCode: '' })).toBeUndefined();
    expect(normalizePhone('1234567', { defaultAreaCode: '40' })).toBe('+49 40 1234567');
    expect(normalizePhone('123 45 67', { defaultAreaCode: '331' })).toBe('+49 331 1234567');
    expect(normalizePhone('12345', { defaultAreaCode: '2131' })).toBe('+49 2131 12345');
    // Written with an area code, the default does not apply.
    expect(normalizePhone('030 1234567', { defaultAreaCode: '331' })).toBe('+49 30 1234567');
  });
});

describe('normalizePhones (several numbers in one field)', () => {
  it.each([
    ['030 1234567 oder 0151 23456789', ['+49 30 1234567', '+49 151 23456789']],
    ['030 123 45 67 o. 030 76 54 32 1', ['+49 30 1234567', '+49 30 7654321']],
    ['030 1234567; 0157 123 456 78', ['+49 30 1234567', '+49 157 12345678']],
    ['030-1234567 & 0159-12345678', ['+49 30 1234567', '+49 159 12345678']],
    ['030/1234567 und 017612345678', ['+49 30 1234567', '+49 176 12345678']],
    ['1234567, 7654321', ['+49 30 1234567', '+49 30 7654321']],
    ['030-12345678   /    01573-123 45 67', ['+49 30 12345678', '+49 157 31234567']],
    ['030 - 12345678 / 0151 - 12345678', ['+49 30 12345678', '+49 151 12345678']],
    ['123456789 / 12345678', ['+49 30 123456789', '+49 30 12345678']],
    ['123 45 67/765 43 21', ['+49 30 1234567', '+49 30 7654321']],
    // An alternative last digit or extension after a slash is no complete number and is dropped.
    ['755 12 307/8', ['+49 30 75512307']],
    ['030/902912345/-24', ['+49 30 902912345']],
    ['030 - 912345-50/ -52 (Leitung/Verwaltung)', ['+49 30 91234550']],
    ['030 1234567 / 030 1234567', ['+49 30 1234567']],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePhones(raw)).toEqual(expected);
  });

  it('writes foreign numbers in international form, grouped by the library whatever groups they were written in', () => {
    expect(normalizePhones('+43 1 5321234')).toEqual(['+43 1 5321234']);
    expect(normalizePhones('+4315321234')).toEqual(['+43 1 5321234']);
    expect(normalizePhones('0033 1 23456789')).toEqual(['+33 1 23 45 67 89']);
    expect(normalizePhones('030 1234567 oder +44 20 7946 0958')).toEqual(['+49 30 1234567', '+44 20 7946 0958']);
  });

  it('keeps the written groups of a foreign number valid nowhere (a typo in the country code?), refuses it ungrouped', () => {
    expect(normalizePhones('+40 30 1234567')).toEqual(['+40 30 1234567']);
    expect(normalizePhones('+40301234567')).toEqual([]);
    expect(normalizePhones('+1 23 456')).toEqual([]); // fewer than 7 digits
  });
});
