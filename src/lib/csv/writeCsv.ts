import Papa from 'papaparse';

/**
 * The one CSV writer of the project: every CSV the build or the browser writes goes through {@link writeCsv}, in one
 * dialect ({@link CSV_DIALECT}, stated in `/data/datapackage.json`): UTF-8 with BOM (spreadsheet programs then read
 * umlauts right), comma-separated, decimal point, `"` quotes where needed, CRLF line ends, a header row even without
 * data rows. Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
 * return; OWASP "CSV Injection") get a leading `'`; numbers are never changed (a negative number stays `-3.5`), and a
 * single character is no formula (the DIN 55301 symbol `-` for "genau null" stays `-`).
 */

/** The dialect, as Frictionless Table Dialect properties (plus the BOM, which the dialect cannot say). */
export const CSV_DIALECT = {
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
  /** Numbers are written with a decimal point and no thousands separator. */
  decimalChar: '.',
  /** The file starts with the UTF-8 byte order mark U+FEFF. */
  bom: true,
} as const;

/** A cell: text, number, boolean (`true`/`false`), or nothing (empty cell). */
export type CsvCell = string | number | boolean | null | undefined;

/** Text cells starting with one of these are neutralised (never numbers). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe for spreadsheets: `=HYPERLINK(…)` → `'=HYPERLINK(…)`; other text unchanged. */
export function neutraliseCell(text: string): string {
  return text.length > 1 && FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(v: CsvCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return neutraliseCell(v);
}

/**
 * A whole CSV file: BOM, header `fields`, one line per row (cells in the order of `fields`; a missing key is an empty
 * cell), CRLF after every line.
 */
export function writeCsv(fields: readonly string[], rows: readonly object[]): string {
  const data = rows.map((r) => fields.map((f) => cell((r as Record<string, CsvCell>)[f])));
  const body = Papa.unparse(
    { fields: [...fields], data },
    { delimiter: CSV_DIALECT.delimiter, newline: CSV_DIALECT.lineTerminator, quotes: false, header: true },
  );
  // papaparse ends a header-only file with a line break already; every file ends with exactly one.
  return `\uFEFF${body.replace(/(\r\n)+$/, '')}${CSV_DIALECT.lineTerminator}`;
}

/** The fields of rows in order of first appearance (for rows built as objects). */
export function fieldsOf(rows: readonly Record<string, CsvCell>[], fallback: readonly string[] = []): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of rows)
    for (const k of Object.keys(r))
      if (!seen.has(k)) {
        seen.add(k);
        out.push(k);
      }
  return out.length ? out : [...fallback];
}
