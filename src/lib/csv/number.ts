import { DEFAULT_MARKERS, type CellStatus } from '../../schemas/atlasConfig.ts';

/** Number format of a table (`format.decimal` / `format.thousands` in atlas.yml). */
export interface NumberFormat {
  decimal: '.' | ',';
  /** '' for none. */
  thousands: string;
}

/** Result of {@link classifyRaw}: a status (with value for `value`/`zero`), or why the text is neither number nor marker. */
export type Classified = { status: CellStatus; value?: number } | { error: string };

/** Escapes a character for use inside a RegExp. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// German publications also write the minus sign as U+2212 (or a dash), and sometimes set it apart ("-  23");
// spreadsheets and typesetting group thousands with U+00A0 (no-break space), U+202F or U+2009 (thin spaces).
const SIGN = /^([-+\u2212\u2013])\s*/;
const SPACE_VARIANTS = /[\u00a0\u202f\u2009]/g;
/** Digits grouped in threes by a no-break or thin space: unambiguous whatever `thousands` is configured. */
const SPACE_GROUPED = /^\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?=$|[.,eE])/;

/**
 * Parses a number written in the table's format. Strict on purpose: anything that is not
 * clearly one number gives NaN, so a misconfigured decimal separator surfaces as an error
 * instead of a silently wrong value.
 *
 * Accepted: optional sign (`-`, `+`, `−` U+2212, `–`), also set apart by spaces (`-  23`), digits, optionally
 * grouped in threes by the thousands separator (grouping is optional, but if used it must be regular), or by
 * no-break or thin spaces (U+00A0, U+202F, U+2009: always, they cannot mean anything else), optional decimal
 * part, optional exponent (`1e3`). Surrounding whitespace is ignored.
 * Examples with decimal `,`, thousands `.`: "12,5" → 12.5, "1.234,5" → 1234.5,
 * "12,5,3" → NaN, "12.5" → NaN. With decimal `.`: "3384.0" → 3384, "-0.33873", "114.99999999999999".
 * A thousands separator equal to the decimal separator is ignored (a config error, reported by the caller).
 *
 * @returns the finite number, or NaN for "", non-numbers, and values beyond ±1.8e308
 */
export function parseLocaleNumber(raw: string, format: NumberFormat): number {
  let s = raw.trim();
  let sign = '';
  const m = SIGN.exec(s);
  if (m) {
    sign = m[1] === '+' ? '' : '-';
    s = s.slice(m[0].length);
  }
  const grouped = SPACE_GROUPED.exec(s);
  if (grouped) s = grouped[0].replace(SPACE_VARIANTS, '') + s.slice(grouped[0].length);
  s = sign + s;
  if (s === '' || s === '-') return NaN;
  const dec = escapeRegExp(format.decimal);
  const useThousands = format.thousands !== '' && format.thousands !== format.decimal;
  if (useThousands && format.thousands === ' ') s = s.replace(SPACE_VARIANTS, ' ');
  const grp = useThousands ? escapeRegExp(format.thousands) : '';
  const integer = useThousands ? `(?:\\d{1,3}(?:${grp}\\d{3})+|\\d+)` : '\\d+';
  const pattern = new RegExp(`^[-+]?(?:${integer}(?:${dec}\\d+)?|${dec}\\d+)(?:[eE][-+]?\\d+)?$`);
  if (!pattern.test(s)) return NaN;
  if (useThousands) s = s.split(format.thousands).join('');
  if (format.decimal === ',') s = s.replace(',', '.');
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * Classifies one raw cell text.
 *
 * Markers: `markers` is merged over {@link DEFAULT_MARKERS} **here** (passing an already merged
 * map is harmless), so a table's `markers` only needs its additions, e.g. `{ "-": "missing" }`.
 * The text is trimmed before the marker lookup; markers take precedence over numbers.
 * A number gives status `value`; a marker with status `zero` gives value 0; other statuses
 * carry no value (missing or suppressed is never 0: RELIABILITY 3.3).
 *
 * @returns `{ status, value? }` or `{ error }` (German, naming the text) for text that is neither
 */
export function classifyRaw(
  raw: string,
  markers: Readonly<Record<string, CellStatus>>,
  format: NumberFormat,
): Classified {
  const text = raw.trim();
  // Object.hasOwn: a cell reading "constructor" must not find Object.prototype members.
  const status = Object.hasOwn(markers, text)
    ? markers[text]
    : Object.hasOwn(DEFAULT_MARKERS, text)
      ? DEFAULT_MARKERS[text]
      : undefined;
  if (status !== undefined) return status === 'zero' ? { status, value: 0 } : { status };
  const value = parseLocaleNumber(text, format);
  if (!Number.isNaN(value)) return { status: 'value', value };
  return { error: `"${raw}" ist weder eine Zahl noch ein bekanntes Kennzeichen für fehlende Werte.` };
}
