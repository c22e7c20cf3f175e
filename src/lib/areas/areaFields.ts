import type { OverlayField } from '../../schemas/atlasConfig.ts';

/**
 * The further properties of an overlay's areas (`overlays[].fields` in atlas.yml): read from the feature's
 * properties by type. Pure; the stage reports what does not parse.
 */

/** A field's value: dates as ISO "YYYY-MM-DD", numbers as numbers, text as written. */
export type AreaFieldValue = string | number;

/** The outcome of reading one value: a value, nothing (property null or empty), or why it cannot be read. */
export type FieldReading = { value: AreaFieldValue } | { empty: true } | { problem: string };

/** True for a real calendar date (no 31.02.). */
function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Reads a date written DD.MM.YYYY (as German portals export it) or YYYY-MM-DD.
 * @example parseAreaDate("25.05.2016") // "2016-05-25"
 */
export function parseAreaDate(text: string): string | undefined {
  const t = text.trim();
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = de
    ? [Number(de[3]), Number(de[2]), Number(de[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [NaN, NaN, NaN];
  if (!isCalendarDate(y, m, d)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads a number stored as a number or as text with a decimal point or comma and no thousands separator.
 * @example parseAreaNumber("51.3") // 51.3
 * @example parseAreaNumber("51,3") // 51.3
 */
export function parseAreaNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  if (!/^-?\d+(?:[.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

/** Reads one property value as the field's type. */
export function readAreaField(value: unknown, field: Pick<OverlayField, 'type'>): FieldReading {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return { empty: true };
  if (field.type === 'date') {
    const iso = typeof value === 'string' ? parseAreaDate(value) : undefined;
    return iso
      ? { value: iso }
      : { problem: `Kein Datum: ${JSON.stringify(value)} (erwartet TT.MM.JJJJ oder JJJJ-MM-TT).` };
  }
  if (field.type === 'number') {
    const n = parseAreaNumber(value);
    return n === undefined
      ? { problem: `Keine Zahl: ${JSON.stringify(value)} (erwartet z. B. 51.3 oder 51,3, ohne Tausendertrennzeichen).` }
      : { value: n };
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return { value: String(value).trim() };
  return { problem: `Kein Text: ${JSON.stringify(value)}.` };
}

/** The field names that no feature has as a property (a typo in atlas.yml rather than a gap in the data). */
export function fieldsMissingEverywhere(
  properties: readonly Record<string, unknown>[],
  fields: readonly string[],
): string[] {
  return fields.filter((f) => !properties.some((p) => Object.hasOwn(p, f)));
}
