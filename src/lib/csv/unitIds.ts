/**
 * Checks of unit ids read from a table against the ids of the level's boundary file.
 * Ids are strings: "01011101" and "1011101" are different ids, and the second is the typical
 * trace of a spreadsheet that stored the id as a number (README: ids keep leading zeros).
 */

/** Result of a unit id check: ok, or a German error with a hint. */
export type UnitIdCheck = { ok: true } | { ok: false; error: string; hint: string };

/** Strips leading zeros, keeping a lone "0". */
function stripZeros(id: string): string {
  return id.replace(/^0+(?=.)/, '');
}

/**
 * Prepares a checker for one level's ids. The checker recognises an id that lost its leading
 * zeros (or gained some): an unknown id whose zero-stripped form matches exactly one known id
 * gets the hint with that id; otherwise the hint points to the level and the boundary file.
 *
 * @param unitIds the level's unit ids
 * @returns `check(id)`; the id is expected trimmed
 */
export function createUnitIdChecker(unitIds: ReadonlySet<string>): (id: string) => UnitIdCheck {
  const byStripped = new Map<string, string[]>();
  for (const u of unitIds) {
    const key = stripZeros(u);
    const list = byStripped.get(key);
    if (list) list.push(u);
    else byStripped.set(key, [u]);
  }
  return (id) => {
    if (unitIds.has(id)) return { ok: true };
    const candidates = byStripped.get(stripZeros(id)) ?? [];
    if (candidates.length > 0) {
      const meant = candidates.map((c) => `"${c}"`).join(' oder ');
      return {
        ok: false,
        error: `Die Id "${id}" gibt es nicht; gemeint ist vermutlich ${meant} (führende Nullen verloren).`,
        hint: 'Die Datei wurde wohl in einer Tabellenkalkulation gespeichert, die Ids als Zahlen behandelt. Die Id-Spalte als Text formatieren und die Nullen ergänzen.',
      };
    }
    return {
      ok: false,
      error: `Die Id "${id}" gibt es in den Gebietsgrenzen dieser Ebene nicht.`,
      hint: 'Tippfehler prüfen, oder ob die Tabelle zu einer anderen Ebene oder einem anderen Gebietsstand (z. B. LOR vor/ab 2021) gehört; sonst die Zeile mit exclude und Begründung ausschließen.',
    };
  };
}
