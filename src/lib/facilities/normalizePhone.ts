import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Phone numbers as published in Berlin's registers come in many shapes: "030/1234567", "(030) 123 45 67",
 * "+49 30 …", "0 30-…", "123 45 67" (local, no area code), "030 123456-70" (extension), and several numbers in
 * one field ("030 1234567 oder 0151 23456789", "030/1234567 / 0173-1234567"). This module cleans the field
 * (comments, "(0)", invisible characters, "Tel.:", several numbers, extension fragments), reads each number with
 * libphonenumber-js, and writes the display form of the schema: "+49 <Vorwahl> <Rufnummer>", for every German area
 * code ("+49 30 1234567", "+49 331 1234567", "+49 2131 123456", mobile "+49 151 23456789"). A number with another
 * country code is written in the library's international form ("+43 1 5321234") when it is valid there, else in
 * the groups it was written in (see `writtenForeign`); the caller decides what to do with it.
 */

export interface PhoneOptions {
  /**
   * Area code (without 0) assumed for numbers written without one. Default "30" (Berlin).
   * Empty string: such numbers are refused.
   */
  defaultAreaCode?: string | undefined;
}

/** Separators between several numbers in one field. */
const MULTI_SEPARATOR = /\s*(?:[,;&]|\boder\b|\bo\.|\bund\b|\bbzw\.?)\s*/i;
/** Invisible formatting characters (bidi marks, zero-width space, BOM) found in copied numbers. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * All phone numbers in a raw field, normalised, in order of appearance, without duplicates.
 * Fragments that are not a complete number (an alternative extension such as "/-24" or "/8") are dropped.
 * @example normalizePhones("030 39081218 oder 0159 06197971") // ["+49 30 39081218", "+49 159 06197971"]
 */
export function normalizePhones(raw: unknown, options: PhoneOptions = {}): string[] {
  if (typeof raw !== 'string' && typeof raw !== 'number') return [];
  const areaCode = options.defaultAreaCode ?? '30';
  const text = String(raw)
    .replace(INVISIBLE, '')
    .replace(/[\u2012-\u2015]/g, '-')
    .replace(/\([^)]*[A-Za-zÄÖÜäöüß][^)]*\)/g, ' ') // "(Leitung/Verwaltung)"
    .replace(/\(0\)/g, '') // "+49 (0)30 …"
    .replace(/\b(?:tel(?:efon)?|fon|phone|mobil|handy)\b\.?:?/gi, ' ');
  const out: string[] = [];
  for (const piece of text.split(MULTI_SEPARATOR)) {
    for (const candidate of splitSlashes(piece)) {
      const n = formatNumber(candidate, areaCode);
      if (n !== undefined && !out.includes(n)) out.push(n);
    }
  }
  return out;
}

/**
 * The first phone number in a raw field, normalised; undefined if there is none.
 * @example normalizePhone("(030) 123 45 67") // "+49 30 1234567"
 */
export function normalizePhone(raw: unknown, options: PhoneOptions = {}): string | undefined {
  return normalizePhones(raw, options)[0];
}

/** "030/1234567" is one number (slash after an area code); "1234567 / 7654321" are two. */
function splitSlashes(piece: string): string[] {
  const segments = piece.split('/');
  const result: string[] = [];
  let current = segments[0] ?? '';
  for (const seg of segments.slice(1)) {
    const digits = current.replace(/\D/g, '');
    const looksLikePrefix = /^\s*(\+|\(?0)/.test(current) && digits.length > 0 && digits.length <= 5;
    if (looksLikePrefix) current += ` ${seg}`;
    else {
      result.push(current);
      current = seg;
    }
  }
  result.push(current);
  return result;
}

/**
 * One number → "+49 30 1234567", or undefined if it is not a valid number. The digits are read by libphonenumber-js
 * (full metadata, which knows every German area code and checks the digits, not only the length); the groups it
 * writes are joined back into our display form "+49 <Vorwahl> <Rufnummer>".
 */
function formatNumber(candidate: string, areaCode: string): string | undefined {
  const trimmed = candidate.trim().replace(/^\(/, '');
  if (/[A-Za-z]/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 0) return undefined;
  let dialled: string;
  if (trimmed.startsWith('+') || digits.startsWith('00')) {
    const intl = trimmed.startsWith('+') ? digits : digits.slice(2);
    // "+49 030 …": a trunk 0 written after the country code.
    dialled = `+${intl.startsWith('490') ? `49${intl.slice(3)}` : intl}`;
  } else if (digits.startsWith('0')) {
    dialled = digits;
  } else {
    if (areaCode === '' || digits.length < 5) return undefined;
    dialled = `0${areaCode}${digits}`;
  }
  const parsed = parsePhoneNumberFromString(dialled, 'DE');
  if (parsed !== undefined && parsed.countryCallingCode !== '49') {
    return parsed.isValid() ? parsed.formatInternational() : writtenForeign(trimmed, dialled);
  }
  if (parsed === undefined || !parsed.isValid()) return writtenForeign(trimmed, dialled);
  const national = String(parsed.nationalNumber);
  // The numbering plan allows 14 digits and very short numbers ("030 1234") that in a register are far more likely
  // cut off than real; we keep the earlier bounds: 7 to 13 digits after the 0 (E.164: 15 with the "49").
  if (national.length < 7 || national.length > 13) return undefined;
  const [, written = ''] = parsed.formatInternational().split(' ');
  const area = MOBILE.test(national) ? national.slice(0, 3) : written;
  const subscriber = national.slice(area.length);
  if (!national.startsWith(area) || /^0*$/.test(subscriber)) return undefined; // "030 0000000"
  return `+49 ${area} ${subscriber}`;
}

/**
 * A number with another country code that is valid nowhere (often a typo in the country code: "+40 30 …" for
 * "+49 30 …") keeps the digit groups it was written in, so the caller can report it as foreign; without groups the
 * country code cannot be told from the rest, and the number is refused. German numbers that are not valid are
 * refused.
 */
function writtenForeign(written: string, dialled: string): string | undefined {
  if (!dialled.startsWith('+') || dialled.startsWith('+49')) return undefined;
  const digits = dialled.length - 1;
  if (digits < 7 || digits > 15) return undefined;
  const groups = written
    .replace(/^[+0]+/, '')
    .split(/[^\d]+/)
    .filter(Boolean);
  return groups.length >= 2 ? `+${groups.join(' ')}` : undefined;
}

/**
 * Mobile numbers (015x, 016x, 017x) keep the three-digit prefix they are written with in Germany ("0151 23456789");
 * libphonenumber-js groups the 015x blocks by four digits ("+49 1512 3456789").
 */
const MOBILE = /^1[5-7]/;
