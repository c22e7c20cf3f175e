/**
 * Phone numbers as published in Berlin's registers come in many shapes: "030/1234567", "(030) 123 45 67",
 * "+49 30 …", "0 30-…", "123 45 67" (local, no area code), "030 123456-70" (extension), and several numbers in
 * one field ("030 1234567 oder 0151 23456789", "030/1234567 / 0173-1234567"). This module turns them into the
 * display form of the schema: "+49 30 1234567".
 */

export interface PhoneOptions {
  /**
   * Area code (without 0) assumed for numbers written without one. Default "30" (Berlin).
   * Empty string: such numbers are refused.
   */
  defaultAreaCode?: string;
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

/** One number → "+49 30 1234567", or undefined if it is not a plausible number. */
function formatNumber(candidate: string, areaCode: string): string | undefined {
  const trimmed = candidate.trim().replace(/^\(/, '');
  if (/[A-Za-z]/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length === 0) return undefined;
  let national: string;
  if (trimmed.startsWith('+') || digits.startsWith('00')) {
    const intl = trimmed.startsWith('+') ? digits : digits.slice(2);
    if (!intl.startsWith('49')) return formatForeign(trimmed, intl);
    national = intl.slice(2).replace(/^0/, '');
  } else if (digits.startsWith('0')) {
    national = digits.slice(1);
  } else {
    if (areaCode === '' || digits.length < 5) return undefined;
    national = areaCode + digits;
  }
  if (national.length < 7 || national.length > 13) return undefined;
  if (/^0+$/.test(national.slice(national.startsWith('30') ? 2 : 3))) return undefined; // "030 0000000"
  return `+49 ${splitNational(national)}`;
}

/**
 * A number with another country code keeps the digit groups it was written in ("+43 1 5321234"); without groups
 * the country code cannot be told from the rest, and the number is refused.
 */
function formatForeign(written: string, digits: string): string | undefined {
  if (digits.length < 7 || digits.length > 15) return undefined;
  const groups = written
    .replace(/^[+0]+/, '')
    .split(/[^\d]+/)
    .filter(Boolean);
  return groups.length >= 2 ? `+${groups.join(' ')}` : undefined;
}

/** Area code and subscriber number, for the area codes we can split without a table: Berlin and mobile. */
function splitNational(national: string): string {
  if (national.startsWith('30')) return `30 ${national.slice(2)}`;
  if (/^1[5-7]/.test(national)) return `${national.slice(0, 3)} ${national.slice(3)}`;
  return national;
}
