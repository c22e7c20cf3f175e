import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../src/lib/csv/delimiter.ts';

describe('detectDelimiter', () => {
  it('detects ";" on a two-line file where papaparse guesses "," (issue #1042)', () => {
    expect(detectDelimiter('a;b\n1;2\n\n')).toMatchObject({ delimiter: ';', isAmbiguous: false });
  });

  it('ignores delimiters inside quotes in the header', () => {
    const guess = detectDelimiter('"Anteil, in %";"Name, amtlich";id\n1;2;3');
    expect(guess.delimiter).toBe(';');
    expect(guess.counts).toEqual({ ',': 0, ';': 2, '\t': 0 });
  });

  it('detects tab', () => {
    expect(detectDelimiter('id\tname\twert\n').delimiter).toBe('\t');
  });

  it('skips blank and delimiter-only lines before the header and reports the header line', () => {
    expect(detectDelimiter('\n;;;\nid,name,wert\n')).toMatchObject({ delimiter: ',', line: 3 });
  });

  it('flags a tie as ambiguous', () => {
    expect(detectDelimiter('a,b;c\n').isAmbiguous).toBe(true);
  });

  it('falls back to "," for a one-column file', () => {
    expect(detectDelimiter('id\n01\n')).toMatchObject({ delimiter: ',', isAmbiguous: false });
  });
});
