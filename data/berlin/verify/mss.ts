/**
 * Verifies the Berlin demo data before the atlas config (atlas.yml) relies on it:
 * MSS (Monitoring Soziale Stadtentwicklung) 2013–2019 at three LOR levels, the population
 * tables t1/t2 (31 December 2015–2020) and the old-scheme LOR geometry.
 *
 * Run: `npx tsx data/berlin/verify/mss.ts` (from the repository root).
 * Prints, per edition and level, the header with column positions and every check; exits 1
 * if a check that atlas.yml depends on fails. Findings are written up in data/NOTES.md.
 *
 * Self-contained on purpose (fs + papaparse only): it checks the raw files, not the pipeline.
 *
 * Independent of the core on purpose. Its statistics (mean, standard deviation, correlation) and its planar geometry
 * (point in polygon, centroid, interior point) overlap with what the atlas itself computes: the MSS-style composite
 * index (z-scores over the units of a level, src/lib/indicators/compositeIndex*.ts) and src/lib/geo. They are
 * written out here again, not imported, so that a bug in the core cannot confirm itself: this script recomputes what
 * MSS published (the standard deviations in the "Nummer" row, the z block, the aggregates) from the raw files with
 * its own code. Do not merge the two; if they disagree, one of them is wrong and that is the finding.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DATA = path.join(ROOT, 'data/berlin');

const EDITIONS = [2013, 2015, 2017, 2019] as const;
type Edition = (typeof EDITIONS)[number];
const LEVELS = ['planning-areas', 'district-regions', 'districts'] as const;
type LevelName = (typeof LEVELS)[number];
const ID_LENGTH: Record<LevelName, number> = { 'planning-areas': 8, 'district-regions': 6, districts: 2 };
const POP_YEARS = [2015, 2016, 2017, 2018, 2019, 2020] as const;

/**
 * Files atlas.yml deliberately does not use, with the reason (see data/NOTES.md). Checks on them are reported
 * as notes, not failures.
 */
const NOT_USED: Record<string, string> = {
  '2017/district-regions':
    's1/s3/s4/d1/d3/d4 are a copy of mss-2019-district-regions.csv (s2 missing) and do not match the 2017 planning areas',
};

/**
 * Rows atlas.yml excludes (besides the "Nummer" rows): units that MSS did not rate but that the file fills with 0.0.
 * Key: level; value: ids.
 */
const EXCLUDED_ROWS: Partial<Record<LevelName, string[]>> = { 'district-regions': ['040617'] };

/** Reference date (31 Dec) of each MSS edition: established below for 2017/2019 by comparing with the population tables. */
const MSS_REFERENCE_YEAR: Record<Edition, number> = { 2013: 2012, 2015: 2014, 2017: 2016, 2019: 2018 };

const S_COLUMNS = [
  's1_percentage_unemployed',
  's2_percentage_long_term_unemployed',
  's3_percentage_transfer_payments_recipients',
  's4_percentage_transfer_payments_recipients_below_15_years',
] as const;
const D_COLUMNS = [
  'd1_percentage_unemployed',
  'd2_percentage_long_term_unemployed',
  'd3_percentage_transfer_payments_recipients',
  'd4_percentage_transfer_payments_recipients_below_15_years',
] as const;
const STATUS_LABELS: Record<string, string> = { '1': 'hoch', '2': 'mittel', '3': 'niedrig', '4': 'sehr niedrig' };
const DYNAMIC_LABELS: Record<string, string> = { '+': 'positiv', '+/-': 'stabil', '-': 'negativ' };

/**
 * Independent cross-check for MSS 2013 planning areas: values (s1–s4, d1–d4) and EW2012 as published in the
 * FIS-Broker extract `re_IndexInd_MSS2013.csv` (stored copy of sebastian-meier/BerlinRefinedAssets,
 * tools/fisbroker/moabit/), rounded to two decimals there.
 */
const FISBROKER_MSS2013: Record<string, { ew2012: number; values: number[] }> = {
  '01022101': { ew2012: 3142, values: [12.63, 3.94, 23.11, 74.01, -2.34, 0.12, 1.05, 8.29] },
  '01022102': { ew2012: 5849, values: [13.56, 4.56, 26.31, 63.11, -2.45, -0.26, 0.32, 0.62] },
  '01022104': { ew2012: 17089, values: [10.09, 3.54, 19.71, 50.28, -2.69, -0.32, 0.27, -2.59] },
  '01022105': { ew2012: 4887, values: [11.48, 3.49, 25.58, 67.79, -2.71, -1.03, -2.37, -4.48] },
  '01022106': { ew2012: 10959, values: [7.13, 2.23, 11.84, 24.6, -1.01, 0.07, -0.11, -2.65] },
  '01022201': { ew2012: 10000, values: [10.29, 3.09, 19.76, 54.25, -2.45, -0.53, -0.82, -2.67] },
  '01022203': { ew2012: 6751, values: [12.61, 4.45, 26.17, 56.63, -2.9, 0.01, -1.18, -11.08] },
  '01022204': { ew2012: 5677, values: [7.95, 2.68, 11.87, 25.57, -1.5, -0.04, -0.21, -2.7] },
  '01022206': { ew2012: 3016, values: [8.34, 2.66, 12.5, 30.83, 0.2, 0.53, -0.75, -0.96] },
  '01022207': { ew2012: 5366, values: [6.52, 1.91, 9.63, 27.35, -0.02, 0.13, 0.7, 2.09] },
  '01044101': { ew2012: 19210, values: [11.9, 3.88, 21.24, 56.99, -1.99, -0.23, 0.96, 1.55] },
  '01044202': { ew2012: 15894, values: [10.95, 3.51, 22.26, 62.8, -2.63, -0.56, -0.33, -1.92] },
  '04010102': { ew2012: 753, values: [5.42, 2.71, 5.18, 36.96, 0.27, 1.18, -1.9, -17.81] },
  '04010103': { ew2012: 7489, values: [12.65, 5.33, 24.08, 58.16, -1.8, -0.72, 1.06, -2.34] },
  '04030518': { ew2012: 9110, values: [8.67, 3.6, 14.26, 35.91, -1.67, -0.6, -0.16, -5.66] },
  '04030519': { ew2012: 5406, values: [8.76, 3.68, 15.3, 44.71, -1.24, -0.88, -0.6, -3.1] },
  '04030620': { ew2012: 8386, values: [7.45, 2.75, 12.66, 33.13, -1.24, -0.63, -1.3, -4.37] },
  '04030621': { ew2012: 2949, values: [8.92, 3.32, 16.62, 43.77, -1.97, -1.68, -0.46, -3.66] },
};

// ---------------------------------------------------------------- output and check bookkeeping

let failures = 0;
let warnings = 0;
function ok(msg: string): void {
  console.log(`  ok    ${msg}`);
}
function fail(msg: string): void {
  failures++;
  console.log(`  FAIL  ${msg}`);
}
function warn(msg: string): void {
  warnings++;
  console.log(`  note  ${msg}`);
}
function check(cond: boolean, msg: string): void {
  if (cond) ok(msg);
  else fail(msg);
}
const fmt = (n: number, d = 3): string => (Number.isFinite(n) ? n.toFixed(d) : String(n));

// ---------------------------------------------------------------- CSV

interface Csv {
  file: string;
  header: string[];
  rows: string[][];
}

function readCsv(rel: string): Csv {
  const text = fs.readFileSync(path.join(DATA, rel), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', dynamicTyping: false });
  if (parsed.errors.length) throw new Error(`${rel}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error(`${rel}: empty`);
  return { file: rel, header, rows };
}

/** Index of the n-th (1-based) column with that name, -1 if absent. */
function col(csv: Csv, name: string, n = 1): number {
  let seen = 0;
  for (let i = 0; i < csv.header.length; i++) {
    if (csv.header[i] === name && ++seen === n) return i;
  }
  return -1;
}

function cell(row: string[], i: number): string {
  return i >= 0 ? (row[i] ?? '') : '';
}

function num(s: string): number {
  const t = s.trim();
  return /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : NaN;
}

function headerWithPositions(csv: Csv): string {
  const counts = new Map<string, number>();
  return csv.header
    .map((h, i) => {
      const c = (counts.get(h) ?? 0) + 1;
      counts.set(h, c);
      return `${i}:${h}${c > 1 ? `#${c}` : ''}`;
    })
    .join(' ');
}

function duplicateHeaders(csv: Csv): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const h of csv.header) (seen.has(h) ? dup : seen).add(h);
  return [...dup];
}

function mssFile(edition: Edition, level: LevelName): string {
  return `mss/mss-${edition}-${level}.csv`;
}

/** Data rows without the junk row (`id` = "Nummer") of the districts files. */
function dataRows(csv: Csv): string[][] {
  const idI = col(csv, 'id');
  return csv.rows.filter((r) => cell(r, idI) !== 'Nummer');
}

function byId(csv: Csv): Map<string, string[]> {
  const idI = col(csv, 'id');
  return new Map(dataRows(csv).map((r) => [cell(r, idI), r]));
}

// ---------------------------------------------------------------- statistics

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
function sd(xs: number[], sample: boolean): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - (sample ? 1 : 0)));
}
function corr(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

// ---------------------------------------------------------------- geometry (planar on lon/lat: fine for point-in-polygon at city scale)

type Ring = number[][];
type Poly = Ring[];
interface Feature {
  id: string;
  name: string;
  polys: Poly[];
}

function readGeo(rel: string): Feature[] {
  const g = JSON.parse(fs.readFileSync(path.join(DATA, rel), 'utf8')) as {
    features: { properties: { id: string; name: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  return g.features.map((f) => ({
    id: f.properties.id,
    name: f.properties.name,
    polys:
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates as Poly]
        : f.geometry.type === 'MultiPolygon'
          ? (f.geometry.coordinates as Poly[])
          : [],
  }));
}

function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi = 0, yi = 0] = r[i] ?? [];
    const [xj = 0, yj = 0] = r[j] ?? [];
    a += xj * yi - xi * yj;
  }
  return a / 2;
}

function inRing(p: [number, number], r: Ring): boolean {
  let inside = false;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi = 0, yi = 0] = r[i] ?? [];
    const [xj = 0, yj = 0] = r[j] ?? [];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function contains(f: Feature, p: [number, number]): boolean {
  return f.polys.some((poly) => {
    const [outer, ...holes] = poly;
    return outer !== undefined && inRing(p, outer) && !holes.some((h) => inRing(p, h));
  });
}

/** Area-weighted centroid of the outer rings. */
function centroid(f: Feature): [number, number] {
  let ax = 0;
  let ay = 0;
  let at = 0;
  for (const poly of f.polys) {
    const r = poly[0];
    if (!r) continue;
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi = 0, yi = 0] = r[i] ?? [];
      const [xj = 0, yj = 0] = r[j] ?? [];
      const k = xj * yi - xi * yj;
      a += k;
      cx += (xi + xj) * k;
      cy += (yi + yj) * k;
    }
    a /= 2;
    ax += cx / 6;
    ay += cy / 6;
    at += a;
  }
  return [ax / at, ay / at];
}

/** A point inside the largest polygon: midpoint of the widest inside-segment of a horizontal line through its centroid. */
function interiorPoint(f: Feature): [number, number] {
  const c = centroid(f);
  if (contains(f, c)) return c;
  const largest = [...f.polys].sort((a, b) => Math.abs(ringArea(b[0] ?? [])) - Math.abs(ringArea(a[0] ?? [])))[0] ?? [];
  const y = centroid({ id: '', name: '', polys: [largest] })[1];
  const xs: number[] = [];
  for (const r of largest) {
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi = 0, yi = 0] = r[i] ?? [];
      const [xj = 0, yj = 0] = r[j] ?? [];
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = c;
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const a = xs[i] ?? 0;
    const b = xs[i + 1] ?? 0;
    if (b - a > width) {
      width = b - a;
      best = [(a + b) / 2, y];
    }
  }
  return best;
}

function whereIs(features: Feature[], p: [number, number]): string[] {
  return features.filter((f) => contains(f, p)).map((f) => f.id);
}

// ================================================================ 1. geometry and the duplicated id 06010102

console.log('\n== Geometry (old LOR scheme)');
const geoDistricts = readGeo('geometry/berlin-lor-districts.geojson');
const geoRegions = readGeo('geometry/berlin-lor-district-regions-until-2020.geojson');
const geoAreas = readGeo('geometry/berlin-lor-planning-areas-until-2020.geojson');
check(geoDistricts.length === 12, `districts: ${geoDistricts.length} features (expected 12)`);
check(geoRegions.length === 138, `district regions: ${geoRegions.length} features (expected 138)`);
check(geoAreas.length === 448, `planning areas: ${geoAreas.length} features (expected 448)`);
for (const [name, fs_] of [
  ['districts', geoDistricts],
  ['district regions', geoRegions],
  ['planning areas', geoAreas],
] as const) {
  const all = [fs_[0]?.polys[0]?.[0]?.[0]].concat(fs_.flatMap((f) => f.polys.flatMap((p) => p.flatMap((r) => r))));
  const lonOk = all.every(
    (pt) => pt !== undefined && (pt[0] ?? 0) > 13 && (pt[0] ?? 0) < 14 && (pt[1] ?? 0) > 52.3 && (pt[1] ?? 0) < 52.7,
  );
  check(
    lonOk,
    `${name}: every coordinate is lon 13–14, lat 52.3–52.7 (WGS84 lon/lat order, despite the urn:ogc:def:crs:EPSG::4326 member)`,
  );
}

const dupIds = [...new Set(geoAreas.map((f) => f.id).filter((id, i, a) => a.indexOf(id) !== i))];
check(
  dupIds.length === 1 && dupIds[0] === '06010102',
  `planning areas: duplicated ids ${JSON.stringify(dupIds)} (expected only 06010102)`,
);
const twins = geoAreas.filter((f) => f.id === '06010102');
const inBezirk04: Feature[] = [];
for (const [i, f] of twins.entries()) {
  const c = centroid(f);
  const p = interiorPoint(f);
  const dist = whereIs(geoDistricts, c);
  const distIp = whereIs(geoDistricts, p);
  const reg = whereIs(geoRegions, p);
  console.log(
    `  06010102 #${i + 1} "${f.name}": centroid ${fmt(c[0], 5)},${fmt(c[1], 5)} in Bezirk ${dist.join(',') || '–'}; interior point in Bezirk ${distIp.join(',') || '–'}, Bezirksregion ${reg.join(',') || '–'}`,
  );
  if (dist.includes('04')) inBezirk04.push(f);
}
check(
  inBezirk04.length === 1,
  `exactly one of the two 06010102 features has its centroid in Bezirk 04 (found ${inBezirk04.length})`,
);
const fixed = inBezirk04[0];
if (fixed) {
  const reg = whereIs(geoRegions, interiorPoint(fixed));
  check(
    reg.length === 1 && reg[0] === '040304',
    `the Charlottenburg twin lies in Bezirksregion 040304 (= first 6 digits of 04030417): ${reg.join(',')}`,
  );
}
const other = twins.find((f) => f !== fixed);
if (other) {
  const reg = whereIs(geoRegions, interiorPoint(other));
  check(
    reg[0] === '060101',
    `the other twin lies in Bezirksregion 060101 (= first 6 digits of 06010102): ${reg.join(',')}`,
  );
}
check(!geoAreas.some((f) => f.id === '04030417'), 'geometry has no feature 04030417 (before the fix)');

// Planning-area ids after the fix, and the parent rules of atlas.yml (idPrefix 6 and 2) against the polygons.
const areaIds = new Set(geoAreas.map((f) => (f === fixed ? '04030417' : f.id)));
check(areaIds.size === 448, `after the fix: ${areaIds.size} distinct planning-area ids`);
const regionIds = new Set(geoRegions.map((f) => f.id));
const districtIds = new Set(geoDistricts.map((f) => f.id));
{
  const bad: string[] = [];
  for (const f of geoAreas) {
    const id = f === fixed ? '04030417' : f.id;
    const reg = whereIs(geoRegions, interiorPoint(f));
    if (!reg.includes(id.slice(0, 6))) bad.push(`${id}→${reg.join('/')}`);
  }
  check(
    bad.length === 0,
    `every planning area's interior point lies in Bezirksregion = first 6 digits of its id${bad.length ? `: ${bad.join(' ')}` : ''}`,
  );
  const badR: string[] = [];
  for (const f of geoRegions) {
    const d = whereIs(geoDistricts, interiorPoint(f));
    if (!d.includes(f.id.slice(0, 2))) badR.push(`${f.id}→${d.join('/')}`);
  }
  check(
    badR.length === 0,
    `every Bezirksregion's interior point lies in Bezirk = first 2 digits of its id${badR.length ? `: ${badR.join(' ')}` : ''}`,
  );
}

// ================================================================ 2. population tables t1/t2 (31 Dec)

console.log('\n== Population t1/t2, 31 December 2015–2020');
const POP_COUNT_COLUMNS = {
  t1: ['inhabitants', 'inhabitants_with_migration_background', 'inhabitants_foreigners'],
  t2: [
    'inhabitants_age_below_6',
    'inhabitants_age_6_15',
    'inhabitants_age_15_18',
    'inhabitants_age_18_27',
    'inhabitants_age_27_45',
    'inhabitants_age_45_55',
    'inhabitants_age_55_65',
    'inhabitants_age_above_65',
    'inhabitants_female',
  ],
} as const;
const popInhabitants = new Map<number, Map<string, number>>(); // year → PLR id → inhabitants
const popShares = new Map<number, Map<string, { mig: number; foreign: number; n: number }>>();
for (const y of POP_YEARS) {
  console.log(`-- ${y}-12-31`);
  const t1 = readCsv(`population/berlin-lor-population-${y}-02-t1-planning-areas.csv`);
  const t2 = readCsv(`population/berlin-lor-population-${y}-02-t2-planning-areas.csv`);
  const d1 = readCsv(`population/berlin-lor-population-${y}-02-t1-districts.csv`);
  const d2 = readCsv(`population/berlin-lor-population-${y}-02-t2-districts.csv`);
  if (y === POP_YEARS[0]) {
    console.log(`  header t1 planning areas: ${headerWithPositions(t1)}`);
    console.log(`  header t2 planning areas: ${headerWithPositions(t2)}`);
    console.log(`  header t1 districts: ${headerWithPositions(d1)}`);
    console.log(`  header t2 districts: ${headerWithPositions(d2)}`);
  }
  for (const [t, csv, dcsv] of [
    ['t1', t1, d1],
    ['t2', t2, d2],
  ] as const) {
    const missing = POP_COUNT_COLUMNS[t].filter((c) => col(csv, c) < 0 || col(dcsv, c) < 0);
    check(
      missing.length === 0,
      `${t}: count columns present in both levels${missing.length ? ` (missing ${missing.join(', ')})` : ''}`,
    );
    check(duplicateHeaders(csv).length === 0, `${t}: no duplicated header`);
    const idI = col(csv, 'id');
    const ids = csv.rows.map((r) => cell(r, idI));
    const notInGeo = ids.filter((i) => !areaIds.has(i));
    check(
      new Set(ids).size === ids.length && notInGeo.length === 0,
      `${t}: ${ids.length} unique ids, all in the (fixed) geometry${notInGeo.length ? `; not in geometry: ${notInGeo.join(',')}` : ''}`,
    );
    const absent = [...areaIds].filter((i) => !ids.includes(i));
    if (absent.length) warn(`${t}: planning areas without a row (→ keine Daten): ${absent.join(', ')}`);
    const nonInt = csv.rows
      .flatMap((r) => POP_COUNT_COLUMNS[t].map((c) => cell(r, col(csv, c))))
      .filter((v) => !/^\d+$/.test(v));
    check(
      nonInt.length === 0,
      `${t}: every count cell is a non-negative integer${nonInt.length ? ` (${nonInt.slice(0, 5).join(', ')})` : ''}`,
    );
    // district check tables: sum of planning areas = published district value
    const dIdI = col(dcsv, 'id');
    const diffs: string[] = [];
    for (const c of POP_COUNT_COLUMNS[t]) {
      const sums = new Map<string, number>();
      for (const r of csv.rows)
        sums.set(cell(r, idI).slice(0, 2), (sums.get(cell(r, idI).slice(0, 2)) ?? 0) + num(cell(r, col(csv, c))));
      for (const r of dcsv.rows) {
        const v = num(cell(r, col(dcsv, c)));
        if (sums.get(cell(r, dIdI)) !== v) diffs.push(`${cell(r, dIdI)} ${c}: ${sums.get(cell(r, dIdI))} vs ${v}`);
      }
    }
    check(
      dcsv.rows.length === 12 && diffs.length === 0,
      `${t}: 12 district rows; sum of planning areas = district table for every count${diffs.length ? `: ${diffs.slice(0, 5).join('; ')}` : ''}`,
    );
  }
  // t1 and t2 agree where they overlap; age groups add up
  const t2ById = byId(t2);
  let mismatch = 0;
  let ageMismatch = 0;
  const ages = POP_COUNT_COLUMNS.t2.filter((c) => c.startsWith('inhabitants_age_'));
  for (const r of t1.rows) {
    const s = t2ById.get(cell(r, col(t1, 'id')));
    if (
      !s ||
      cell(s, col(t2, 'inhabitants')) !== cell(r, col(t1, 'inhabitants')) ||
      cell(s, col(t2, 'inhabitants_foreigners')) !== cell(r, col(t1, 'inhabitants_foreigners'))
    )
      mismatch++;
  }
  for (const r of t2.rows) {
    const sum = ages.reduce((a, c) => a + num(cell(r, col(t2, c))), 0);
    if (sum !== num(cell(r, col(t2, 'inhabitants')))) ageMismatch++;
  }
  check(
    mismatch === 0,
    `t1 and t2 agree on inhabitants and foreigners for every planning area (${mismatch} mismatches)`,
  );
  {
    const v = (r: string[], c: string): number => num(cell(r, col(t1, c)));
    const badMig = t1.rows.filter(
      (r) =>
        v(r, 'inhabitants_with_migration_background') !==
        v(r, 'inhabitants_foreigners') + v(r, 'inhabitants_germans_with_migration_background'),
    ).length;
    const badTot = t1.rows.filter(
      (r) => v(r, 'inhabitants') !== v(r, 'inhabitants_foreigners') + v(r, 'inhabitants_germans'),
    ).length;
    check(
      badMig === 0 && badTot === 0,
      `t1: migration background = foreigners + Germans with migration background (${badMig} rows differ); inhabitants = Germans + foreigners (${badTot} rows differ)`,
    );
  }
  check(ageMismatch === 0, `t2: the eight age groups add up to inhabitants in every row (${ageMismatch} mismatches)`);
  const row04030417 = t1.rows.find((r) => cell(r, col(t1, 'id')) === '04030417');
  check(
    row04030417 !== undefined,
    `t1 lists 04030417 (inhabitants ${row04030417 ? cell(row04030417, col(t1, 'inhabitants')) : '–'})`,
  );
  popInhabitants.set(y, new Map(t1.rows.map((r) => [cell(r, col(t1, 'id')), num(cell(r, col(t1, 'inhabitants')))])));
  popShares.set(
    y,
    new Map(
      t1.rows.map((r) => {
        const n = num(cell(r, col(t1, 'inhabitants')));
        return [
          cell(r, col(t1, 'id')),
          {
            n,
            mig: (100 * num(cell(r, col(t1, 'inhabitants_with_migration_background')))) / n,
            foreign: (100 * num(cell(r, col(t1, 'inhabitants_foreigners')))) / n,
          },
        ];
      }),
    ),
  );
}
// Re-cut in Köpenick between 31.12.2018 and 30.06.2019: 09041403 appears, 09041301 shrinks; the sum stays.
{
  const recut = ['09041301', '09041401', '09041403', '09041501'];
  const sum = (y: number): number => recut.reduce((a, id) => a + (popInhabitants.get(y)?.get(id) ?? 0), 0);
  const line = recut
    .map((id) => `${id}: ${popInhabitants.get(2018)?.get(id) ?? '–'} → ${popInhabitants.get(2019)?.get(id) ?? '–'}`)
    .join('; ');
  check(
    !popInhabitants.get(2018)?.has('09041403') &&
      popInhabitants.get(2019)?.has('09041403') === true &&
      Math.abs(sum(2019) / sum(2018) - 1) < 0.01,
    `re-cut in Köpenick 2018→2019 (${line}; together ${sum(2018)} → ${sum(2019)}): 09041403 is assumed notApplicable before 2019, the others carry a break`,
  );
}
// Name of 04030417: the population tables carry no names; the MSS planning-area tables do.
{
  const names = EDITIONS.map((e) => {
    const csv = readCsv(mssFile(e, 'planning-areas'));
    const r = byId(csv).get('04030417');
    return `${e}: ${r ? cell(r, col(csv, 'name')) : '–'}`;
  });
  check(
    names.every((n) => n.endsWith('Schloßstraße')),
    `MSS planning-area tables name 04030417 "Schloßstraße" (${names.join('; ')})`,
  );
}

// ================================================================ 3. MSS, every edition and level

const geoIdsByLevel: Record<LevelName, Set<string>> = {
  'planning-areas': areaIds,
  'district-regions': regionIds,
  districts: districtIds,
};
const mss = new Map<string, Csv>();
for (const e of EDITIONS) for (const l of LEVELS) mss.set(`${e}/${l}`, readCsv(mssFile(e, l)));
const get = (e: Edition, l: LevelName): Csv => {
  const c = mss.get(`${e}/${l}`);
  if (!c) throw new Error(`${e}/${l}`);
  return c;
};

/** Columns atlas.yml maps from MSS, per edition (s2/d2 only until 2017; status/dynamic only for planning areas). */
function usedColumns(e: Edition, l: LevelName): string[] {
  const s = S_COLUMNS.filter((c) => e !== 2019 || !c.startsWith('s2'));
  const d = D_COLUMNS.filter((c) => e !== 2019 || !c.startsWith('d2'));
  return [...s, ...d, ...(l === 'planning-areas' ? ['status_index', 'dynamic_index'] : [])];
}

for (const e of EDITIONS) {
  for (const l of LEVELS) {
    const csv = get(e, l);
    console.log(`\n== MSS ${e} ${l} (${csv.file})${NOT_USED[`${e}/${l}`] ? ' — NOT USED by atlas.yml' : ''}`);
    console.log(`  header: ${headerWithPositions(csv)}`);
    const widths = new Set(csv.rows.map((r) => r.length));
    check(
      widths.size === 1 && widths.has(csv.header.length),
      `every row has ${csv.header.length} cells like the header (${[...widths].join(',')})`,
    );
    const dups = duplicateHeaders(csv);
    if (dups.length) warn(`duplicated header(s): ${dups.join(', ')} (atlas.yml references neither)`);
    // junk row
    const junk = csv.rows.filter((r) => cell(r, col(csv, 'id')) === 'Nummer');
    if (l === 'districts')
      check(
        junk.length === 1,
        `one junk row with id "Nummer" (${junk.length}): ${junk[0]?.slice(0, 10).join(' | ') ?? ''}`,
      );
    else check(junk.length === 0, 'no "Nummer" row');
    const rows = dataRows(csv);
    // ids
    const idI = col(csv, 'id');
    const ids = rows.map((r) => cell(r, idI));
    const wrongLen = ids.filter((i) => !new RegExp(`^\\d{${ID_LENGTH[l]}}$`).test(i));
    const notInGeo = ids.filter((i) => !geoIdsByLevel[l].has(i));
    check(wrongLen.length === 0 && new Set(ids).size === ids.length, `${ids.length} unique ${ID_LENGTH[l]}-digit ids`);
    check(
      notInGeo.length === 0,
      `every id is a geometry id of this level${notInGeo.length ? ` (not in geometry: ${notInGeo.join(',')})` : ''}`,
    );
    const absent = [...geoIdsByLevel[l]].filter((i) => !ids.includes(i));
    if (absent.length) warn(`${absent.length} geometry units without a row (→ keine Daten): ${absent.join(', ')}`);
    // names (the districts files carry `name` twice: check that both agree)
    if (col(csv, 'name', 2) >= 0) {
      const differ = rows.filter((r) => cell(r, col(csv, 'name')) !== cell(r, col(csv, 'name', 2)));
      if (differ.length === 0) ok('name and name#2 agree in every row');
      else
        warn(
          `name and name#2 differ: ${differ.map((r) => `${cell(r, 0)} "${cell(r, col(csv, 'name'))}" / "${cell(r, col(csv, 'name', 2))}"`).join('; ')} (the geometry name wins; the builder should warn)`,
        );
    }
    if (col(csv, 'name') < 0) warn('no name column (names come from the geometry)');
    if (col(csv, 'inhabitants', 2) >= 0) {
      const differ = rows.filter((r) => cell(r, col(csv, 'inhabitants')) !== cell(r, col(csv, 'inhabitants', 2)));
      check(differ.length === 0, `inhabitants and inhabitants#2 are identical in every row (${differ.length} differ)`);
    }
    // used columns present, numeric, in range
    for (const c of usedColumns(e, l)) {
      const i = col(csv, c);
      if (i < 0) {
        const reason = NOT_USED[`${e}/${l}`];
        if (reason) warn(`column ${c} missing: file not used by atlas.yml (${reason})`);
        else fail(`column ${c} missing`);
        continue;
      }
      const vals = rows.map((r) => cell(r, i));
      if (c === 'status_index') {
        const bad = vals.filter((v) => !['1', '2', '3', '4'].includes(String(num(v))));
        check(bad.length === 0, `${i}:${c} ∈ {1,2,3,4} (${bad.length} outside)`);
        const ci = col(csv, 'status_index_class');
        const badLabel = rows.filter((r) => STATUS_LABELS[String(num(cell(r, i)))] !== cell(r, ci).trim());
        check(
          badLabel.length === 0,
          `status_index matches status_index_class (1 hoch … 4 sehr niedrig) in every row (${badLabel.length} differ)`,
        );
        continue;
      }
      if (c === 'dynamic_index') {
        const codes = new Set(vals);
        check(
          [...codes].every((x) => x in DYNAMIC_LABELS),
          `${i}:${c} codes ${JSON.stringify([...codes])} ⊆ {+, +/-, -}`,
        );
        const ci = col(csv, 'dynamic_index_class');
        const labels = rows.map((r) => cell(r, ci));
        check(
          labels.every((v) => ['positiv', 'stabil', 'negativ'].includes(v)),
          `dynamic_index_class ∈ {positiv, stabil, negativ} without spacing variants`,
        );
        const badLabel = rows.filter((r) => DYNAMIC_LABELS[cell(r, i)] !== cell(r, ci));
        check(
          badLabel.length === 0,
          `dynamic_index (+, +/-, -) matches dynamic_index_class in every row (${badLabel.length} differ)`,
        );
        const dashes = vals.filter((v) => v === '-').length;
        warn(
          `dynamic_index holds "-" = "negativ" in ${dashes} rows, while the table declares "-" as missing: class codes are read before markers (src/lib/csv/classCodes.ts); test/data/berlinConfig.test.ts asserts it`,
        );
        const sdi = col(csv, 'status_dynamic_index');
        const sdc = col(csv, 'status_dynamic_index_class');
        const badSd = rows.filter(
          (r) =>
            cell(r, sdi) !== `${num(cell(r, col(csv, 'status_index')))}${cell(r, i)}` ||
            cell(r, sdc) !== `Status ${cell(r, col(csv, 'status_index_class'))}, Dynamik ${cell(r, ci)}`,
        );
        check(
          badSd.length === 0,
          `status_dynamic_index(_class) = status + dynamic in every row, no spacing variants (${badSd.length} differ)`,
        );
        continue;
      }
      const ns = vals.map(num);
      const nonNum = vals.filter((v) => Number.isNaN(num(v)));
      const isShare = c.startsWith('s');
      const lo = isShare ? 0 : -100;
      const out = ns.filter((v) => v < lo || v > 100);
      check(
        nonNum.length === 0 && out.length === 0,
        `${i}:${c} numeric, within ${lo}–100 ${isShare ? '%' : 'Prozentpunkte'}: min ${fmt(Math.min(...ns), 2)} max ${fmt(Math.max(...ns), 2)} (${nonNum.length} non-numeric ${JSON.stringify([...new Set(nonNum)].slice(0, 3))}, ${out.length} out of range)`,
      );
    }
    // rows whose every s/d value is exactly 0: "not rated" written as 0 (a real area never has 0 % on all four at once)
    {
      const sd_ = [...S_COLUMNS, ...D_COLUMNS].map((c) => col(csv, c)).filter((i) => i >= 0);
      const zeros = rows.filter((r) => sd_.every((i) => num(cell(r, i)) === 0)).map((r) => cell(r, idI));
      const unexpected = zeros.filter((z) => !(EXCLUDED_ROWS[l] ?? []).includes(z));
      const expected = (EXCLUDED_ROWS[l] ?? []).filter((z) => !zeros.includes(z));
      check(
        unexpected.length === 0 && expected.length === 0,
        `rows with 0.0 in every s/d column (not rated, written as 0): ${JSON.stringify(zeros)} = excluded in atlas.yml ${JSON.stringify(EXCLUDED_ROWS[l] ?? [])}`,
      );
    }
    // s2 (long-term unemployed) is a subset of s1 (unemployed), s4 (children) exceeds s3 nearly everywhere
    if (col(csv, S_COLUMNS[1]) >= 0) {
      const bad = rows.filter((r) => num(cell(r, col(csv, S_COLUMNS[1]))) > num(cell(r, col(csv, S_COLUMNS[0]))));
      check(bad.length === 0, `s2 ≤ s1 in every row (long-term unemployed are unemployed): ${bad.length} violations`);
    }
    {
      const share =
        rows.filter((r) => num(cell(r, col(csv, S_COLUMNS[3]))) >= num(cell(r, col(csv, S_COLUMNS[2])))).length /
        rows.length;
      check(
        share > 0.9,
        `s4 ≥ s3 in ${fmt(100 * share, 1)} % of rows (child poverty rate exceeds the overall transfer rate)`,
      );
    }
  }
}

// ---------------------------------------------------------------- 3b. alignment: standard deviations in the junk row, z-values

console.log(
  '\n== Alignment of s/d columns in the districts files: junk row "SD: …" vs. standard deviation over the 12 districts',
);
for (const e of EDITIONS) {
  const dcsv = get(e, 'districts');
  const junk = dcsv.rows.find((r) => cell(r, col(dcsv, 'id')) === 'Nummer');
  const rows = dataRows(dcsv);
  const parts: string[] = [];
  let bad = 0;
  for (const c of [...S_COLUMNS, ...D_COLUMNS]) {
    const di = col(dcsv, c);
    if (di < 0 || !junk) continue;
    const published = Number((cell(junk, di).match(/\d+(,\d+)?/)?.[0] ?? '').replace(',', '.'));
    const computed = sd(
      rows.map((r) => num(cell(r, di))),
      false,
    );
    if (Math.abs(computed - published) > 0.006) bad++;
    parts.push(`${c.slice(0, 2)} "${cell(junk, di)}" ≙ ${fmt(computed, 3)}`);
  }
  check(bad === 0, `${e}: ${parts.join('; ')}`);
}

console.log(
  '\n== z-value block of the planning-area files (expected misaligned): corr(z column, standardised column it names)',
);
for (const e of EDITIONS) {
  const pa = get(e, 'planning-areas');
  const rows = dataRows(pa);
  const parts: string[] = [];
  for (const c of [...S_COLUMNS, ...D_COLUMNS]) {
    const zi = col(pa, `z_${c}`);
    const si = col(pa, c);
    if (zi < 0 || si < 0) continue;
    const pairs = rows
      .map((r) => [num(cell(r, si)), num(cell(r, zi))] as const)
      .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
    const nonNum = rows.length - pairs.length;
    const r =
      pairs.length > 2
        ? corr(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          )
        : NaN;
    parts.push(
      `${c.slice(0, 2)}: r=${fmt(r, 2)}${nonNum ? ` (${nonNum} non-numeric, e.g. "${cell(rows[0] ?? [], zi)}")` : ''}`,
    );
  }
  warn(`${e}: ${parts.join('; ')} → z block not published`);
}

// ---------------------------------------------------------------- 3c. independent values: FIS-Broker extract MSS 2013

console.log('\n== MSS 2013 planning areas vs. FIS-Broker extract re_IndexInd_MSS2013.csv (two decimals)');
{
  const pa = get(2013, 'planning-areas');
  const m = byId(pa);
  const cols = [...S_COLUMNS, ...D_COLUMNS];
  let compared = 0;
  const bad: string[] = [];
  for (const [id, ref] of Object.entries(FISBROKER_MSS2013)) {
    const r = m.get(id);
    if (!r) {
      bad.push(`${id} missing`);
      continue;
    }
    if (num(cell(r, col(pa, 'inhabitants'))) !== ref.ew2012)
      bad.push(`${id} inhabitants ${cell(r, col(pa, 'inhabitants'))} vs EW2012 ${ref.ew2012}`);
    cols.forEach((c, k) => {
      compared++;
      const v = num(cell(r, col(pa, c)));
      if (Math.abs(v - (ref.values[k] ?? NaN)) > 0.006) bad.push(`${id} ${c} ${v} vs ${ref.values[k]}`);
    });
  }
  check(
    bad.length === 0,
    `${Object.keys(FISBROKER_MSS2013).length} planning areas, ${compared} values and EW2012 agree${bad.length ? `: ${bad.join('; ')}` : ''} → MSS 2013 reference date 31.12.2012`,
  );
}

// ---------------------------------------------------------------- 3d. reference dates: MSS inhabitants vs population tables

console.log('\n== MSS inhabitants vs. population t1 (reference date of the edition)');
for (const e of EDITIONS) {
  const pa = get(e, 'planning-areas');
  const rows = dataRows(pa);
  for (const y of POP_YEARS) {
    const pop = popInhabitants.get(y);
    if (!pop || Math.abs(y - MSS_REFERENCE_YEAR[e]) > 1) continue;
    const equal = rows.filter((r) => pop.get(cell(r, col(pa, 'id'))) === num(cell(r, col(pa, 'inhabitants')))).length;
    const line = `MSS ${e} inhabitants = population 31.12.${y} in ${equal} of ${rows.length} planning areas`;
    if (y === MSS_REFERENCE_YEAR[e]) check(equal / rows.length > 0.95, line);
    else console.log(`  info  ${line}`);
  }
  if (!POP_YEARS.some((y) => y === MSS_REFERENCE_YEAR[e]))
    console.log(`  info  MSS ${e}: no population table for 31.12.${MSS_REFERENCE_YEAR[e]} here`);
}

// ---------------------------------------------------------------- 3e. which planning areas MSS leaves out

console.log('\n== Planning areas without MSS values (inhabitants at the reference date where known)');
for (const e of EDITIONS) {
  const ids = new Set(dataRows(get(e, 'planning-areas')).map((r) => cell(r, 0)));
  const pop = popInhabitants.get(MSS_REFERENCE_YEAR[e]);
  const absent = [...areaIds]
    .filter((i) => !ids.has(i))
    .map((i) => `${i}${pop ? `(${pop.get(i) ?? 'keine Zeile'})` : ''}`);
  warn(`MSS ${e}: ${absent.length} without values: ${absent.join(' ')}`);
  if (pop) {
    const minListed = Math.min(...[...ids].map((i) => pop.get(i) ?? Infinity));
    console.log(`  info  smallest listed planning area has ${minListed} inhabitants`);
  }
}

// ---------------------------------------------------------------- 3f. d(E) = s(E) − s(E−2): consistency of the series, per level

console.log('\n== Two-year change: does d(E) equal s(E) − s(E−2)? (share of units within 0.01 points)');
const consistency = new Map<string, number>();
for (const e of EDITIONS.slice(1)) {
  const prev = (e - 2) as Edition;
  for (const l of LEVELS) {
    const cur = get(e, l);
    const old = get(prev, l);
    const om = byId(old);
    const parts: string[] = [];
    for (let k = 0; k < 4; k++) {
      const sc = S_COLUMNS[k] ?? '';
      const dc = D_COLUMNS[k] ?? '';
      if (col(cur, sc) < 0 || col(cur, dc) < 0 || col(old, sc) < 0) continue;
      let n = 0;
      let hit = 0;
      for (const r of dataRows(cur)) {
        const o = om.get(cell(r, col(cur, 'id')));
        if (!o) continue;
        n++;
        const diff = num(cell(r, col(cur, sc))) - num(cell(o, col(old, sc)));
        if (Math.abs(diff - num(cell(r, col(cur, dc)))) < 0.01) hit++;
      }
      const share = n ? hit / n : NaN;
      consistency.set(`${e}/${l}/${k + 1}`, share);
      parts.push(`s${k + 1}: ${fmt(100 * share, 0)} % of ${n}`);
    }
    console.log(`  info  ${e} vs ${prev} ${l}: ${parts.join('; ')}`);
  }
}

// ---------------------------------------------------------------- 3g. published aggregates vs. inhabitant-weighted planning areas

console.log(
  '\n== Bezirksregion / Bezirk files vs. inhabitant-weighted mean of their planning areas (s3 exact up to omitted areas; s1/s2/s4 approximate)',
);
const aggregateFit = new Map<string, number>();
for (const e of EDITIONS) {
  const pa = get(e, 'planning-areas');
  const prow = dataRows(pa);
  for (const [l, len] of [
    ['district-regions', 6],
    ['districts', 2],
  ] as const) {
    const csv = get(e, l);
    const parts: string[] = [];
    for (const c of S_COLUMNS) {
      const ci = col(csv, c);
      const pi = col(pa, c);
      if (ci < 0 || pi < 0) continue;
      const acc = new Map<string, { w: number; s: number }>();
      for (const r of prow) {
        const key = cell(r, 0).slice(0, len);
        const w = num(cell(r, col(pa, 'inhabitants')));
        const a = acc.get(key) ?? { w: 0, s: 0 };
        a.w += w;
        a.s += w * num(cell(r, pi));
        acc.set(key, a);
      }
      const errs = dataRows(csv)
        .map((r) => {
          const a = acc.get(cell(r, col(csv, 'id')));
          return a ? Math.abs(a.s / a.w - num(cell(r, ci))) : NaN;
        })
        .filter(Number.isFinite);
      const med = [...errs].sort((a, b) => a - b)[Math.floor(errs.length / 2)] ?? NaN;
      aggregateFit.set(`${e}/${l}/${c.slice(0, 2)}`, med);
      parts.push(`${c.slice(0, 2)} median |Δ| ${fmt(med, 2)}`);
    }
    console.log(`  info  ${e} ${l}: ${parts.join('; ')}`);
  }
}
for (const e of EDITIONS) {
  for (const l of ['district-regions', 'districts'] as const) {
    const m = aggregateFit.get(`${e}/${l}/s3`) ?? NaN;
    const line = `${e} ${l}: s3 agrees with its planning areas (median |Δ| ${fmt(m, 3)} points)`;
    const reason = NOT_USED[`${e}/${l}`];
    if (reason) {
      if (m < 0.1) fail(`${line}: but atlas.yml leaves this file out (${reason}); re-check`);
      else warn(`${line.replace('agrees', 'does NOT agree')}: not used by atlas.yml (${reason})`);
    } else check(m < 0.1, line);
  }
}
{
  const a = get(2017, 'district-regions');
  const b = get(2019, 'district-regions');
  const cols = [
    's1_percentage_unemployed',
    's3_percentage_transfer_payments_recipients',
    's4_percentage_transfer_payments_recipients_below_15_years',
    'd1_percentage_unemployed',
    'd3_percentage_transfer_payments_recipients',
    'd4_percentage_transfer_payments_recipients_below_15_years',
  ];
  const bm = byId(b);
  const same = dataRows(a).filter((r) =>
    cols.every((c) => cell(r, col(a, c)) === cell(bm.get(cell(r, 0)) ?? [], col(b, c))),
  ).length;
  if (same > 0)
    warn(
      `mss-2017-district-regions.csv: s1/s3/s4/d1/d3/d4 identical to mss-2019-district-regions.csv in ${same} of ${dataRows(a).length} rows; header has no s2 although the 2017 planning-area and district files do`,
    );
}

// ---------------------------------------------------------------- 3h. context indicators k05/k16 vs population (only as evidence of alignment; not published)

console.log(
  '\n== Context indicators: k05 (migration background %) and k16 (foreigners %) vs population t1 at the reference date',
);
for (const e of EDITIONS) {
  const shares = popShares.get(MSS_REFERENCE_YEAR[e]);
  if (!shares) {
    console.log(`  info  MSS ${e}: no population table for 31.12.${MSS_REFERENCE_YEAR[e]}`);
    continue;
  }
  for (const l of LEVELS) {
    const csv = get(e, l);
    const len = ID_LENGTH[l];
    const agg = new Map<string, { n: number; mig: number; foreign: number }>();
    for (const [id, s] of shares) {
      const a = agg.get(id.slice(0, len)) ?? { n: 0, mig: 0, foreign: 0 };
      a.n += s.n;
      a.mig += (s.mig * s.n) / 100;
      a.foreign += (s.foreign * s.n) / 100;
      agg.set(id.slice(0, len), a);
    }
    const parts: string[] = [];
    for (const [k, key] of [
      ['k05_inhabitants_with_migration_background', 'mig'],
      ['k16_foreigners', 'foreign'],
    ] as const) {
      const ki = col(csv, k);
      if (ki < 0) {
        parts.push(`${k.slice(0, 3)}: no such header`);
        continue;
      }
      const errs = dataRows(csv)
        .map((r) => {
          const a = agg.get(cell(r, 0));
          return a ? Math.abs((100 * a[key]) / a.n - num(cell(r, ki))) : NaN;
        })
        .filter(Number.isFinite);
      const med = [...errs].sort((x, y) => x - y)[Math.floor(errs.length / 2)] ?? NaN;
      parts.push(`${k.slice(0, 3)} median |Δ| ${fmt(med, 2)} points`);
    }
    console.log(`  info  MSS ${e} ${l}: ${parts.join('; ')}`);
  }
}

console.log(
  '\n== Planning-area files: is the k block shifted? k06 (change of the foreigners share, percentage points) vs the foreigners share itself',
);
for (const e of EDITIONS) {
  const shares = popShares.get(MSS_REFERENCE_YEAR[e]);
  if (!shares) continue;
  const pa = get(e, 'planning-areas');
  const ki = col(pa, 'k06_change_proportion_of_foreigner');
  const errs = dataRows(pa)
    .map((r) => Math.abs((shares.get(cell(r, 0))?.foreign ?? NaN) - num(cell(r, ki))))
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  warn(
    `MSS ${e}: column ${ki}:k06 equals the foreigners share (median |Δ| ${fmt(errs[Math.floor(errs.length / 2)] ?? NaN, 2)} points): the values from k06 on belong to k16, k06, k17, … → no k column is published`,
  );
}

console.log(`\n${failures} failed check(s), ${warnings} note(s).`);
process.exitCode = failures ? 1 : 0;
