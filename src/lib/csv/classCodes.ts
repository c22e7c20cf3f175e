import type { CellStatus, Indicator } from '../../schemas/atlasConfig.ts';
import { classifyRaw, type Classified, type NumberFormat } from './number.ts';

/**
 * Normalises a class code for comparison: Unicode NFC and no whitespace at all, because
 * editions of the same publication space codes differently ("+ / -" vs "+/-",
 * "Status mittel , Dynamik negativ" vs "Status mittel, Dynamik negativ").
 */
export function normalizeClassCode(code: string): string {
  return code.normalize('NFC').replace(/\s+/gu, '');
}

/**
 * Builds the reader for the cells of one indicator.
 *
 * For `class` indicators:
 * - Codes (`classes[].code`) are looked up **before** markers, because a code may look like a
 *   marker: Berlin's dynamic index uses "-" for "negativ" while the table declares "-" as missing.
 * - Otherwise the text goes through {@link classifyRaw}; a number must be one of the classes'
 *   values (e.g. "2.0" → 2 for a status index 1–4).
 * - Text that is neither a code, a marker nor a class value is an error listing the allowed codes.
 * Other indicator types use {@link classifyRaw} unchanged.
 *
 * @returns `(raw) => Classified`
 */
export function createCellReader(
  indicator: Indicator,
  markers: Readonly<Record<string, CellStatus>>,
  format: NumberFormat,
): (raw: string) => Classified {
  const classes = indicator.type === 'class' ? (indicator.classes ?? []) : [];
  if (classes.length === 0) return (raw) => classifyRaw(raw, markers, format);

  const byCode = new Map<string, number>();
  for (const c of classes) if (c.code !== undefined) byCode.set(normalizeClassCode(c.code), c.value);
  const values = new Set(classes.map((c) => c.value));
  const allowed =
    byCode.size > 0
      ? classes.flatMap((c) => (c.code === undefined ? [] : [`"${c.code}"`])).join(', ')
      : [...values].join(', ');

  return (raw) => {
    const coded = byCode.get(normalizeClassCode(raw));
    if (coded !== undefined) return { status: 'value', value: coded };
    const result = classifyRaw(raw, markers, format);
    if ('error' in result) {
      return {
        error: `"${raw}" ist kein Code der Klassen von "${indicator.id}" (erlaubt: ${allowed}) und kein Kennzeichen für fehlende Werte.`,
      };
    }
    if (result.status === 'value' && result.value !== undefined && !values.has(result.value)) {
      return { error: `${result.value} ist keine Klasse von "${indicator.id}" (erlaubt: ${allowed}).` };
    }
    return result;
  };
}
