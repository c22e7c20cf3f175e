/**
 * Delimiter detection from the header line alone. papaparse's own guess compares field counts
 * across lines and fails on tiny files (a two-line `;` file is "detected" as `,`: mholt/PapaParse
 * issue #1042, RELIABILITY 2.2), so `delimiter: auto` never uses it.
 */

/** Delimiters a table may use. */
export type Delimiter = ',' | ';' | '\t';

/** Result of {@link detectDelimiter}. */
export interface DelimiterGuess {
  delimiter: Delimiter;
  /** 1-based line of the header that was looked at. */
  line: number;
  /** How often each candidate occurs outside quotes in that line. */
  counts: Record<Delimiter, number>;
  /** True if two candidates occur equally often (and more than zero times): the choice is a guess. */
  isAmbiguous: boolean;
}

// Order decides ties only for the returned fallback; a tie is reported as ambiguous anyway.
const CANDIDATES: readonly Delimiter[] = [';', '\t', ','];

/**
 * Counts `,` `;` and tab outside double quotes in the header line, i.e. the first line that
 * holds more than whitespace and delimiters (blank lines and `;;;` lines before it are skipped,
 * as the parser skips them). A quoted header cell may span lines. The most frequent candidate
 * wins; with none present (a one-column file) the result is `,`.
 *
 * @param text decoded file content (BOM already removed)
 */
export function detectDelimiter(text: string): DelimiterGuess {
  let line = 1;
  let i = 0;
  while (i <= text.length) {
    const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
    let inQuotes = false;
    let hasContent = false;
    const startLine = line;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') {
        inQuotes = !inQuotes;
        hasContent = true;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        line++;
        if (!inQuotes) break;
      } else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) {
        counts[ch]++;
      } else if (ch !== undefined && ch.trim() !== '') {
        hasContent = true;
      }
    }
    i++;
    if (hasContent || i > text.length) return pick(counts, startLine);
  }
  return pick({ ',': 0, ';': 0, '\t': 0 }, 1);
}

/** Chooses the most frequent candidate and flags a tie. */
function pick(counts: Record<Delimiter, number>, line: number): DelimiterGuess {
  const max = Math.max(...CANDIDATES.map((d) => counts[d]));
  if (max === 0) return { delimiter: ',', line, counts, isAmbiguous: false };
  const best = CANDIDATES.filter((d) => counts[d] === max);
  return { delimiter: best[0] ?? ',', line, counts, isAmbiguous: best.length > 1 };
}
