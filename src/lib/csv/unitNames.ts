import { transliterate } from '../facilities/slugifyFacility.ts';

/**
 * Joining table rows to units by name: statistics offices publish wide tables keyed by name, written a little
 * differently from the boundary file ("Alt-Stadt", "ALTSTADT", "Alt- stadt" from a hyphenated line break,
 * "Muehlenberg" for "Mühlenberg"). Names are compared normalised; what normalising cannot bridge ("St. Georg" for
 * "Sankt Georg") is listed as an alias in atlas.yml.
 */

/** Result of a name lookup: the unit id, or a German error with a hint. */
export type NameMatch = { ok: true; id: string } | { ok: false; error: string; hint: string };

/**
 * The comparison form of a name: case folded, ä/ö/ü/ß spelt out (ae, oe, ue, ss), a hyphen followed by a line
 * break or space joined ("Neu- stadt" = "Neustadt"), soft hyphens removed, then only letters and digits kept
 * ("Alt-Stadt" = "Alt Stadt" = "Altstadt").
 * @example normalizeUnitName("Mühlen- berg") // "muehlenberg"
 */
export function normalizeUnitName(name: string): string {
  return transliterate(name.normalize('NFC').replace(/\u00ad/g, ''))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Prepares a lookup from names (as a table writes them) to unit ids of one level. `aliases` maps a name as the
 * table writes it to a unit id or to the boundary name. Two units whose names normalise alike can only be reached
 * by an alias naming the id.
 * @returns `match(name)`; the name is expected trimmed
 */
export function createUnitNameMatcher(
  units: readonly { id: string; name: string }[],
  aliases: Readonly<Record<string, string>> = {},
): (name: string) => NameMatch {
  const byName = new Map<string, string[]>();
  for (const u of units) {
    const key = normalizeUnitName(u.name);
    byName.set(key, [...(byName.get(key) ?? []), u.id]);
  }
  const ids = new Set(units.map((u) => u.id));
  const aliasByName = new Map(Object.entries(aliases).map(([k, v]) => [normalizeUnitName(k), v]));
  const lookup = (name: string): NameMatch => {
    const found = byName.get(normalizeUnitName(name)) ?? [];
    if (found.length === 1) return { ok: true, id: found[0]! };
    if (found.length > 1)
      return {
        ok: false,
        error: `Der Name "${name}" passt zu mehreren Gebieten (${found.map((id) => `"${id}"`).join(', ')}).`,
        hint: `Unter aliases der Tabelle eintragen, welches gemeint ist, z. B. "${name}": "${found[0]}".`,
      };
    return {
      ok: false,
      error: `Kein Gebiet heißt "${name}".`,
      hint: `Schreibweise mit der Grenzdatei vergleichen; abweichende Namen unter aliases der Tabelle eintragen ("${name}": <id oder Name aus der Grenzdatei>), Zeilen ohne Gebiet mit exclude und Begründung ausschließen.`,
    };
  };
  return (name) => {
    const alias = aliasByName.get(normalizeUnitName(name));
    if (alias === undefined) return lookup(name);
    if (ids.has(alias)) return { ok: true, id: alias };
    const viaAlias = lookup(alias);
    if (viaAlias.ok) return viaAlias;
    return {
      ok: false,
      error: `Der Alias für "${name}" verweist auf "${alias}", das weder Id noch Name eines Gebiets dieser Ebene ist.`,
      hint: 'Den Alias in atlas.yml (tables[].aliases) korrigieren.',
    };
  };
}
