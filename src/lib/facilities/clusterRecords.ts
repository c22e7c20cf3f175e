import type { ImportRecord } from './importRecord.ts';
import { type FacilityMatch, type MatchOptions, matchFacilities } from './matchFacilities.ts';
import { slugify } from './slugifyFacility.ts';

/**
 * Groups records of several sources that describe the same facility. Pairs of sources are matched in the given
 * order; a record joins at most one group, and a group holds at most one record per source kind, so matches never
 * chain two facilities of the same source together. The first record of a group (by source order) is its primary.
 */

/** Two sources to match; `a` is the primary (its fields win). Sources are named by their id. */
export interface MatchPair {
  a: string;
  b: string;
  options?: MatchOptions | undefined;
}

/** A record with the id of its source. */
export interface KindedRecord {
  kind: string;
  record: ImportRecord;
}

export interface MatchReportEntry extends FacilityMatch {
  pair: string;
  aName: string;
  bName: string;
}

/** "Albrechtstraße 20" + "10117" → "albrechtstrasse-20|10117" (for equal-address checks). */
export function addressKey(r: ImportRecord): string | undefined {
  if (r.address === undefined) return undefined;
  return `${slugify(r.address.street.replace(/str\.?(\s|$)/gi, 'straße$1'))}|${r.address.postcode}`;
}

/**
 * Groups in input order of their primaries, the accepted matches, and for the editors' review the pairs left
 * unmatched although they lie within 25 m of each other (same place, different names: a renamed facility, or two
 * facilities in one building; not merged automatically, since a wrong merge would hide a facility).
 */
export function clusterRecords(
  records: KindedRecord[],
  pairs: readonly MatchPair[],
  kindOrder: readonly string[],
): { groups: ImportRecord[][]; matches: MatchReportEntry[]; possibleDuplicates: MatchReportEntry[] } {
  const groupOf = new Map<string, KindedRecord[]>();
  const byKey = new Map(records.map((r) => [r.record.key, r]));
  const matches: MatchReportEntry[] = [];
  const possibleDuplicates: MatchReportEntry[] = [];
  const candidate = (r: KindedRecord) => ({
    key: r.record.key,
    name: r.record.name,
    lat: r.record.location.lat,
    lon: r.record.location.lon,
    addressKey: addressKey(r.record),
  });
  for (const { a: kindA, b: kindB, options } of pairs) {
    const hasKindB = (r: KindedRecord) => (groupOf.get(r.record.key) ?? []).some((m) => m.kind === kindB);
    const a = records.filter((r) => r.kind === kindA && !hasKindB(r));
    const b = records.filter((r) => r.kind === kindB && !groupOf.has(r.record.key));
    for (const m of matchFacilities(a.map(candidate), b.map(candidate), options)) {
      const ra = byKey.get(m.a)!;
      const rb = byKey.get(m.b)!;
      const group = groupOf.get(m.a) ?? [ra];
      group.push(rb);
      groupOf.set(m.a, group);
      groupOf.set(m.b, group);
      matches.push({ ...m, pair: `${kindA} ↔ ${kindB}`, aName: ra.record.name, bName: rb.record.name });
    }
    // Left-overs very close to each other or at the same address: perhaps the same facility under another name.
    const restA = a.filter((r) => !groupOf.has(r.record.key)).map(candidate);
    const restB = b.filter((r) => !groupOf.has(r.record.key)).map(candidate);
    const near = matchFacilities(restA, restB, {
      maxDistanceM: 25,
      minNameSimilarity: 0,
      minNameSimilaritySameAddress: 0,
    });
    for (const m of near) {
      const names = { aName: byKey.get(m.a)!.record.name, bName: byKey.get(m.b)!.record.name };
      possibleDuplicates.push({ ...m, pair: `${kindA} ↔ ${kindB}`, ...names });
    }
  }
  const rank = (k: string) => kindOrder.indexOf(k);
  const seen = new Set<KindedRecord[]>();
  const groups: ImportRecord[][] = [];
  for (const r of records) {
    const g = groupOf.get(r.record.key);
    if (g === undefined) groups.push([r.record]);
    else if (!seen.has(g)) {
      seen.add(g);
      groups.push([...g].sort((x, y) => rank(x.kind) - rank(y.kind)).map((x) => x.record));
    }
  }
  return { groups, matches, possibleDuplicates };
}
