/**
 * Which units a facility lies in, at every level: point in polygon on the finest level whose polygons contain the
 * point, then up the parent links. Going up by parents (rather than one lookup per level) keeps the chain consistent:
 * a facility on a border between two Bezirke never ends up in a Planungsraum of one and the Bezirk of the other.
 */

/** Point lookups and parent links of an atlas's units. */
export interface UnitLookup {
  /** Level ids from the top (coarsest) to the finest. */
  levels: readonly string[];
  /** Id of the unit of `level` containing the point, or undefined. */
  find(level: string, lon: number, lat: number): string | undefined;
  /** Parent unit id, undefined on the top level. */
  parentOf(unitId: string): string | undefined;
}

/**
 * Unit ids from the top level down to the finest level that contains the point. Shorter than `levels` when the
 * finer levels do not cover the point (a gap in their boundaries); undefined when no level contains it.
 * @example locateFacility(13.40, 52.52, berlin) // ["01", "011001", "01100101"] (Bezirk, Bezirksregion, Planungsraum)
 */
export function locateFacility(lon: number, lat: number, lookup: UnitLookup): string[] | undefined {
  for (let depth = lookup.levels.length - 1; depth >= 0; depth--) {
    const found = lookup.find(lookup.levels[depth] as string, lon, lat);
    if (found === undefined) continue;
    const chain = [found];
    for (let p = lookup.parentOf(found); p !== undefined && chain.length <= depth; p = lookup.parentOf(p))
      chain.unshift(p);
    return chain;
  }
  return undefined;
}
