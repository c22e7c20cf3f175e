import { transliterate } from './slugifyFacility.ts';
import { haversineMeters } from '../geo/distance.ts';

/**
 * Finds the same facility in two sources (e.g. the city's Kita register and OpenStreetMap): pairs that lie within
 * `maxDistanceM` of each other and whose names are similar, or whose normalised addresses are equal.
 * One-to-one: each record takes part in at most one match, best score first.
 */

export interface MatchCandidate {
  /** Unique key of the record within its list, e.g. "osm:268915249". */
  key: string;
  name: string;
  lat: number;
  lon: number;
  /** Normalised "street number|postcode", if known; equal keys strengthen a match. */
  addressKey?: string | undefined;
}

export interface FacilityMatch {
  a: string;
  b: string;
  /** Great-circle distance in metres. */
  distanceM: number;
  /** 0…1, see `nameSimilarity`. */
  nameSimilarity: number;
  sameAddress: boolean;
  /** 0…1; higher is a more certain match. */
  score: number;
}

export interface MatchOptions {
  /** Default 75 m. */
  maxDistanceM?: number;
  /** Minimum name similarity for pairs without equal addresses. Default 0.5. */
  minNameSimilarity?: number;
  /** Minimum name similarity for pairs with equal addresses. Default 0.2. */
  minNameSimilaritySameAddress?: number;
}

/** Words that say what a facility is, not which one; left out when names are compared. */
const GENERIC = new Set(
  (
    'kita kitas kindertagesstaette kindertagesstatte kindergarten kiga kinderladen kila kinderkrippe krippe kinder ' +
    'kinderhaus hort schuelerladen integrationskita tagesstaette montessori waldorf ekt ekg kg ev evangelische ' +
    'evangelischen evangelischer evangelisches kath katholische katholischen kirchengem kirchengemeinde gemeinde ' +
    'st sankt verein e v gmbh ggmbh gug mbh ug der die das dem den des und am an im in zum zur fuer von vom bei ' +
    'the'
  ).split(' '),
);

/** Name tokens for comparison: transliterated, lower case, without punctuation; `specific` without generic words. */
export function nameTokens(name: string): { all: string[]; specific: string[] } {
  const all = transliterate(name)
    .toLowerCase()
    .replace(/str\b\.?/g, 'strasse')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return { all, specific: all.filter((t) => !GENERIC.has(t)) };
}

function trigrams(s: string): Set<string> {
  const padded = `  ${s} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/**
 * Similarity of two names, 0…1: the larger of token Jaccard and trigram Dice of the normalised names.
 * @example nameSimilarity("Kita Regenbogen", "Kindergarten Regenbogen") // 1
 */
export function nameSimilarity(a: string, b: string): number {
  const na = nameTokens(a);
  const nb = nameTokens(b);
  // Generic words count only when one name has nothing else ("Montessori-Kinderhaus").
  const generic = na.specific.length === 0 || nb.specific.length === 0;
  const ta = generic ? na.all : na.specific;
  const tb = generic ? nb.all : nb.specific;
  if (ta.length === 0 || tb.length === 0) return 0;
  const sa = new Set(ta);
  const sb = new Set(tb);
  const inter = [...sa].filter((t) => sb.has(t)).length;
  const jaccard = inter / (sa.size + sb.size - inter);
  const ga = trigrams(ta.join(' '));
  const gb = trigrams(tb.join(' '));
  const common = [...ga].filter((g) => gb.has(g)).length;
  const dice = (2 * common) / (ga.size + gb.size);
  return Math.max(jaccard, dice);
}

/** One-to-one matches between `a` and `b`, sorted by key of `a`. */
export function matchFacilities(a: MatchCandidate[], b: MatchCandidate[], options: MatchOptions = {}): FacilityMatch[] {
  const maxD = options.maxDistanceM ?? 75;
  const minSim = options.minNameSimilarity ?? 0.5;
  const minSimAddr = options.minNameSimilaritySameAddress ?? 0.2;
  const dLat = maxD / 111_000;
  const sortedB = [...b].sort((x, y) => x.lat - y.lat);
  const pairs: FacilityMatch[] = [];
  for (const x of a) {
    const dLon = dLat / Math.max(0.01, Math.cos((x.lat * Math.PI) / 180));
    for (let i = lowerBound(sortedB, x.lat - dLat); i < sortedB.length; i++) {
      const y = sortedB[i]!;
      if (y.lat > x.lat + dLat) break;
      if (Math.abs(y.lon - x.lon) > dLon) continue;
      const distanceM = haversineMeters([x.lon, x.lat], [y.lon, y.lat]);
      if (distanceM > maxD) continue;
      const sim = nameSimilarity(x.name, y.name);
      const sameAddress = x.addressKey !== undefined && x.addressKey !== '' && x.addressKey === y.addressKey;
      if (sim < (sameAddress ? minSimAddr : minSim)) continue;
      const score = 0.65 * sim + 0.25 * (1 - distanceM / maxD) + (sameAddress ? 0.1 : 0);
      pairs.push({ a: x.key, b: y.key, distanceM, nameSimilarity: sim, sameAddress, score });
    }
  }
  pairs.sort((p, q) => q.score - p.score || p.distanceM - q.distanceM || cmp(p.a, q.a) || cmp(p.b, q.b));
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  const result: FacilityMatch[] = [];
  for (const p of pairs) {
    if (usedA.has(p.a) || usedB.has(p.b)) continue;
    usedA.add(p.a);
    usedB.add(p.b);
    result.push(p);
  }
  return result.sort((p, q) => cmp(p.a, q.a));
}

function cmp(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function lowerBound(sorted: MatchCandidate[], lat: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.lat < lat) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
