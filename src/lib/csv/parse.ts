import Papa from 'papaparse';
import { detectDelimiter, type Delimiter } from './delimiter.ts';

/** One data row with the 1-based line it starts on (header = line 1 in a file without leading blanks). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A problem found while splitting the file into rows. */
export interface CsvParseError {
  /** 1-based line the affected row starts on. */
  line: number;
  /** Plain German. */
  message: string;
  /** What to do, where there is something specific to say. */
  hint?: string;
}

/** Result of {@link parseCsv}. */
export interface CsvParseResult {
  /** Header cells, trimmed. Duplicates are kept as they are (resolve them with `name#2`). */
  header: string[];
  /** 1-based line of the header (1 unless blank lines precede it). */
  headerLine: number;
  /** Data rows with as many cells as the header; cells are raw strings, untrimmed. */
  rows: CsvRow[];
  /** The delimiter used (given, or detected from the header line). */
  delimiter: string;
  errors: CsvParseError[];
}

/** True for rows that carry nothing: empty lines and lines of only delimiters such as `;;;`. */
function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * Splits CSV text into a header and data rows with papaparse (`header: false`,
 * `dynamicTyping: false`: every cell stays a string, so ids like "0101" keep their zeros).
 *
 * - `delimiter: 'auto'` counts `,` `;` and tab outside quotes in the header line (see
 *   `detectDelimiter`); a tie is reported as an error (parsing goes on with one of the tied candidates).
 * - A leading BOM is removed (in case the text did not come through `decodeText`).
 * - Blank rows (empty, whitespace only, or `;;;`) are skipped, also before the header.
 * - Every row carries the line it starts on, counted in the file (LF, CRLF or CR), so a quoted
 *   value with a line break makes the next row's line number jump accordingly.
 * - Rows whose cell count differs from the header's are reported and left out of `rows`
 *   (their cells cannot be assigned to columns); papaparse's quote errors are reported too.
 *
 * @param text decoded file content
 * @param options.delimiter `auto` or the delimiter to use
 */
export function parseCsv(text: string, options: { delimiter: 'auto' | Delimiter }): CsvParseResult {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const errors: CsvParseError[] = [];
  let delimiter: Delimiter;
  if (options.delimiter === 'auto') {
    const guess = detectDelimiter(input);
    delimiter = guess.delimiter;
    if (guess.isAmbiguous) {
      errors.push({
        line: guess.line,
        message:
          'Das Trennzeichen ist nicht eindeutig: die Kopfzeile enthält gleich viele Kommas, Semikolons oder Tabs.',
        hint: 'In der Konfiguration format.delimiter angeben (",", ";" oder "\\t").',
      });
    }
  } else {
    delimiter = options.delimiter;
  }

  let header: string[] | undefined;
  let headerLine = 1;
  const rows: CsvRow[] = [];
  // Line counting walks the text once; papaparse reports where each row ends (meta.cursor).
  let rowStart = 0;
  let scanned = 0;
  let line = 1;

  Papa.parse<string[]>(input, {
    delimiter,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false, // done here, so that the cursor of every row is seen
    step: (result) => {
      for (; scanned < rowStart; scanned++) {
        const ch = input[scanned];
        if (ch === '\n' || (ch === '\r' && input[scanned + 1] !== '\n')) line++;
      }
      const rowLine = line;
      rowStart = result.meta.cursor;
      const cells = result.data;
      for (const e of result.errors) errors.push({ line: rowLine, ...translatePapaError(e) });
      // A row with broken quotes is reported above; its cells are not trustworthy.
      if (result.errors.length > 0 || isBlankRow(cells)) return;
      if (header === undefined) {
        header = cells.map((c) => c.trim());
        headerLine = rowLine;
        return;
      }
      if (cells.length !== header.length) {
        errors.push({
          line: rowLine,
          message: `Die Zeile hat ${cells.length} Felder, die Kopfzeile hat ${header.length}.`,
          hint: `Trennzeichen ist "${delimiter === '\t' ? '\\t' : delimiter}". Werte, die das Trennzeichen enthalten, in Anführungszeichen setzen; fehlende oder überzählige Trennzeichen in dieser Zeile prüfen.`,
        });
        return;
      }
      rows.push({ line: rowLine, cells });
    },
  });

  return { header: header ?? [], headerLine, rows, delimiter, errors };
}

/** German message and hint for papaparse's error codes (MissingQuotes, InvalidQuotes…). */
function translatePapaError(e: Papa.ParseError): { message: string; hint: string } {
  if (e.code === 'MissingQuotes') {
    return {
      message: 'Ein Anführungszeichen wird nicht geschlossen; der Rest der Datei wird als ein Wert gelesen.',
      hint: 'Das schließende " ergänzen. Ein " innerhalb eines Wertes wird als "" geschrieben.',
    };
  }
  if (e.code === 'InvalidQuotes') {
    return {
      message: 'Nach einem schließenden Anführungszeichen folgt weiterer Text.',
      hint: 'Ein " innerhalb eines Wertes wird als "" geschrieben, der ganze Wert steht in Anführungszeichen.',
    };
  }
  return { message: `CSV-Fehler: ${e.message}`, hint: 'Die Zeile in einem Texteditor prüfen.' };
}
