/**
 * Locale-aware formatting for de-DE (default) and en-GB. Pure; Intl only.
 * German numbers use a decimal comma and a narrow thousands point: 12.345,6.
 */
export type Lang = 'de' | 'en';

const LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

/** BCP-47 locale for a language. */
export function localeOf(lang: Lang): string {
  return LOCALE[lang];
}

/**
 * Formats a number with a fixed number of decimals: formatNumber(1234.56, 1, 'de') → "1.234,6".
 * Returns "–" for undefined or NaN (callers show a status text beside it).
 *
 * The result is Intl.NumberFormat's (de-DE, en-GB): it rounds half away from zero the shortest decimal that reads
 * back as the number (1.005 → "1,01", where `toFixed` gives "1.00"). A build formats millions of numbers (every value
 * of every ranked table and map), so the usual case is done with integer arithmetic ({@link fastFormat}); numbers
 * near a half, very large or with many decimals go to Intl. A test compares both on millions of numbers.
 */
export function formatNumber(value: number | undefined, decimals: number, lang: Lang): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return fastFormat(value, decimals, lang) ?? intlFormat(value, decimals, lang);
}

/** {@link formatNumber} by Intl.NumberFormat alone; exported for the test that compares it with the fast path. */
export function intlFormat(value: number, decimals: number, lang: Lang): string {
  const key = `${lang}|${decimals}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(key, f);
  }
  // Avoid "-0,0" for tiny negative values rounded to zero.
  const out = f.format(value);
  return /^-0([.,]0+)?$/.test(out) ? out.slice(1) : out;
}

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  de: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};
const POWERS = [1, 10, 100, 1000, 1e4, 1e5, 1e6];

/**
 * {@link formatNumber} without Intl where that is safe, else undefined: the number times 10^decimals below 10^9 and
 * its fraction at least 10^-6 away from a half. There, rounding the scaled double gives the integer Intl's rounding of
 * the shortest decimal gives (both differ from the scaled value by far less than 10^-6). Signs and separators as
 * Intl writes them for de-DE and en-GB: "-" (U+002D), groups of three from four digits on.
 */
function fastFormat(value: number, decimals: number, lang: Lang): string | undefined {
  const power = POWERS[decimals];
  if (power === undefined) return undefined;
  const scaled = (value < 0 ? -value : value) * power;
  if (!(scaled < 1e9)) return undefined;
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  if (fraction > 0.499999 && fraction < 0.500001) return undefined;
  const rounded = fraction >= 0.5 ? floor + 1 : floor;
  let digits = String(rounded);
  if (digits.length <= decimals) digits = '0'.repeat(decimals + 1 - digits.length) + digits;
  const sep = SEPARATORS[lang];
  const whole = digits.slice(0, digits.length - decimals);
  let grouped = whole.slice(0, whole.length % 3 || 3);
  for (let i = grouped.length; i < whole.length; i += 3) grouped += sep.group + whole.slice(i, i + 3);
  const body = decimals === 0 ? grouped : grouped + sep.decimal + digits.slice(digits.length - decimals);
  // Like Intl after dropping the sign of a value rounded to zero ("-0,0" → "0,0").
  return value < 0 && rounded !== 0 ? `-${body}` : body;
}

/** Formats a signed change: "+1,2" / "−0,4" (true minus sign) / "±0,0". */
export function formatChange(delta: number | undefined, decimals: number, lang: Lang): string {
  if (delta === undefined || !Number.isFinite(delta)) return '–';
  const abs = formatNumber(Math.abs(delta), decimals, lang);
  if (/^0([.,]0+)?$/.test(abs)) return `±${abs}`;
  return `${delta > 0 ? '+' : '−'}${abs}`;
}

const languageNames = new Map<Lang, Intl.DisplayNames>();

/** The name of a language (ISO 639-1 code) in `lang`: languageName("tr", "de") → "Türkisch"; the code if unknown. */
export function languageName(code: string, lang: Lang): string {
  let names = languageNames.get(lang);
  if (!names)
    languageNames.set(lang, (names = new Intl.DisplayNames(LOCALE[lang], { type: 'language', fallback: 'code' })));
  return names.of(code) ?? code;
}

/**
 * A phone number as shown on a page: it must not break across lines (html-validate `tel-non-breaking`), so spaces
 * become no-break spaces and hyphens non-breaking hyphens (U+2011); the `tel:` link ({@link telUrl}) keeps digits only.
 */
export function telText(phone: string): string {
  return phone.replace(/ /g, '\u00a0').replace(/-/g, '\u2011');
}

/** A phone number in display form as a `tel:` url: "+49 30 1234567" → "tel:+49301234567". */
export function telUrl(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
/** Formatted dates by language and ISO date: a build formats the same few Stichtage millions of times. */
const formattedDates = new Map<string, string>();

/** Formats an ISO date "2020-12-31" as "31.12.2020" (de) or "31 December 2020" (en). */
export function formatDate(iso: string, lang: Lang): string {
  const key = `${lang}|${iso}`;
  const known = formattedDates.get(key);
  if (known !== undefined) return known;
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], {
      day: lang === 'de' ? '2-digit' : 'numeric',
      month: lang === 'de' ? '2-digit' : 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(lang, f);
  }
  const out = f.format(d);
  if (formattedDates.size < 100_000) formattedDates.set(key, out);
  return out;
}

/** Rounds half away from zero to `decimals`, the way published tables round. roundTo(2.345, 2) → 2.35. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const raw = Math.abs(value) * f;
  // 1.005 * 100 is 100.49999999999999 in binary; 15 significant digits give back the decimal 100.5
  // (Number.EPSILON is far below the spacing of doubles near 100 and does not help). That correction moves `raw` by
  // less than raw * 5e-15, so it can only change the result near a half: elsewhere `raw` rounds the same (and
  // the string round trip, most of the cost on an indicator page's thousands of values, is skipped).
  const nearHalf = Math.abs(raw - Math.floor(raw) - 0.5) <= raw * 1e-14 || !Number.isFinite(raw);
  const scaled = nearHalf ? Number(raw.toPrecision(15)) : raw;
  return (Math.sign(value) * Math.round(scaled)) / f;
}
