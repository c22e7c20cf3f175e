/**
 * Column references from the config (`columns`, `idColumn`, …) resolved against a CSV header.
 * A reference is a header name, or `name#n` for the n-th column of that name: real files repeat
 * names (Berlin's MSS planning-area files have `inhabitants` twice), and a repeated name without
 * `#n` is an error rather than a silent pick of the first.
 */

/** Result of {@link resolveColumn}: the 0-based index, or a German error with a hint. */
export type ColumnResolution = { index: number } | { error: string; hint: string };

/** Lower case, only letters and digits: "S1 Anteil_Arbeitslose" and "s1anteilarbeitslose" compare equal. */
function normalize(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Levenshtein distance, for "did you mean" hints only (header names are short). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * Header names that look like `name` (same letters ignoring case and punctuation, one contains
 * the other, or a small edit distance), best first, at most `max`, without repeats.
 */
export function findSimilarNames(name: string, header: readonly string[], max = 3): string[] {
  const n = normalize(name);
  const scored = [...new Set(header)]
    .map((h) => {
      const hn = normalize(h);
      const d = distance(n, hn);
      const isClose =
        hn !== '' && n !== '' && (hn.includes(n) || n.includes(hn) || d <= Math.max(2, Math.floor(n.length / 4)));
      return { h, d, isClose };
    })
    .filter((x) => x.isClose)
    .sort((a, b) => a.d - b.d);
  return scored.slice(0, max).map((x) => x.h);
}

/**
 * Finds the column a reference names. An exact header match is taken literally first (so a
 * header that itself contains `#` still works); otherwise `name#n` selects the n-th (1-based)
 * column called `name`.
 *
 * @returns `{ index }` (0-based) or `{ error, hint }` for a missing column (hint lists similar
 *   names), a name used more than once without `#n`, or an `#n` beyond the number of columns of that name
 */
export function resolveColumn(header: readonly string[], ref: string): ColumnResolution {
  const positions = (name: string): number[] => header.flatMap((h, i) => (h === name ? [i] : []));
  const exact = positions(ref);
  const only = exact[0];
  if (exact.length === 1 && only !== undefined) return { index: only };
  if (exact.length > 1) {
    return {
      error: `Die Spalte "${ref}" kommt ${exact.length}-mal in der Kopfzeile vor.`,
      hint: `Die gemeinte Spalte mit "${ref}#1" … "${ref}#${exact.length}" angeben (Zählung von links).`,
    };
  }
  const m = /^(.*)#(\d+)$/.exec(ref);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    const name = m[1];
    const nth = Number(m[2]);
    const found = positions(name);
    const index = found[nth - 1];
    if (nth >= 1 && index !== undefined) return { index };
    if (found.length > 0) {
      return {
        error: `Die Spalte "${name}" kommt nur ${found.length}-mal vor, "${ref}" verlangt die ${nth}.`,
        hint: `Eine Nummer von 1 bis ${found.length} angeben.`,
      };
    }
    return missing(header, ref, name);
  }
  return missing(header, ref, ref);
}

/** Error for a column that is not in the header, with similar names as hint. */
function missing(header: readonly string[], ref: string, name: string): ColumnResolution {
  const similar = findSimilarNames(name, header);
  return {
    error: `Die Spalte "${ref}" fehlt in der Kopfzeile.`,
    hint:
      similar.length > 0
        ? `Ähnliche Spalten: ${similar.map((s) => `"${s}"`).join(', ')}. Den Namen in der Konfiguration oder in der Datei korrigieren.`
        : `Vorhandene Spalten: ${header
            .slice(0, 12)
            .map((s) => `"${s}"`)
            .join(', ')}${header.length > 12 ? ' …' : ''}.`,
  };
}
