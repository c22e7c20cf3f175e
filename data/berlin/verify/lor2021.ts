/**
 * Verifies the Berlin demo data of the LOR re-cut of 1 January 2021 before atlas.yml relies on it: the 58
 * Prognoseräume (boundaries, new scheme), the crosswalk old → new Prognoseräume, the population tables t1/t2 on
 * 31 December 2021–2024 (Prognoseräume and Bezirke) and the MSS 2021 district table (columns, the "Nummer" row,
 * standard deviations, changes, aggregation of the planning areas, reference date).
 *
 * Run: `npx tsx data/berlin/verify/lor2021.ts` (from the repository root). Prints every check; exits 1 if a check
 * atlas.yml depends on fails. Findings are written up in data/NOTES.md (sections 1.4, 2.11, 3.5).
 *
 * Self-contained on purpose (fs + papaparse + the atlas's own geometry helpers): it checks the raw files, not the
 * pipeline.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { MultiPolygon, Polygon } from 'geojson';
import { interiorPoint } from '../../../src/lib/geo/measure.ts';
import { createPolygonIndex } from '../../../src/lib/geo/pointIndex.ts';
import { overlapUnits } from '../../../src/lib/areas/unitOverlap.ts';
import { bbox } from '../../../src/lib/geo/measure.ts';
import { simplifyGeometry } from '../../../src/lib/geo/simplify.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DATA = path.join(ROOT, 'data/berlin');
const YEARS = [2021, 2022, 2023, 2024] as const;
const AGES = [
  'inhabitants_age_below_6',
  'inhabitants_age_6_15',
  'inhabitants_age_15_18',
  'inhabitants_age_18_27',
  'inhabitants_age_27_45',
  'inhabitants_age_45_55',
  'inhabitants_age_55_65',
  'inhabitants_age_above_65',
];
const MSS_COLUMNS = [
  's1_percentage_unemployed',
  's3_percentage_transfer_payments_recipients',
  's4_percentage_transfer_payments_recipients_below_15_years',
  'd1_percentage_unemployed',
  'd3_percentage_transfer_payments_recipients',
  'd4_percentage_transfer_payments_recipients_below_15_years',
];

let failures = 0;
const ok = (m: string) => console.log(`  ok    ${m}`);
const note = (m: string) => console.log(`  note  ${m}`);
function check(cond: boolean, m: string): void {
  if (cond) ok(m);
  else {
    failures++;
    console.log(`  FAIL  ${m}`);
  }
}

interface Csv {
  header: string[];
  rows: string[][];
}
function readCsv(rel: string): Csv {
  const text = fs.readFileSync(path.join(DATA, rel), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', dynamicTyping: false });
  if (parsed.errors.length) throw new Error(`${rel}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}
/** Rows as objects (first column of a name wins), without the junk row `Nummer`. */
function records(c: Csv): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const r of c.rows) {
    const rec: Record<string, string> = {};
    c.header.forEach((h, i) => {
      if (!(h in rec)) rec[h] = r[i] ?? '';
    });
    if (rec['id'] !== 'Nummer') out.set(rec['id'] ?? '', rec);
  }
  return out;
}
const int = (s: string | undefined) => (/^\d+$/.test(s ?? '') ? Number(s) : NaN);
const num = (s: string | undefined) => (/^-?\d+(\.\d+)?$/.test((s ?? '').trim()) ? Number(s) : NaN);

interface Geo {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}
function readGeo(rel: string): Geo[] {
  const g = JSON.parse(fs.readFileSync(path.join(DATA, rel), 'utf8')) as {
    features: { properties: { id: string; name: string }; geometry: Polygon | MultiPolygon }[];
  };
  return g.features.map((f) => ({ id: f.properties.id, name: f.properties.name, geometry: f.geometry }));
}

// ================================================================ 1. geometry: Prognoseräume 2021
console.log('\n== Geometry: Prognoseräume from 2021');
const districts = readGeo('geometry/berlin-lor-districts.geojson');
const forecast = readGeo('geometry/berlin-lor-forecast-areas-from-2021.geojson');
const planning = readGeo('geometry/berlin-lor-planning-areas-until-2020.geojson');
check(forecast.length === 58, `${forecast.length} Prognoseräume (expected 58)`);
check(
  forecast.every((f) => /^\d{4}$/.test(f.id)),
  'every id has four digits',
);
check(new Set(forecast.map((f) => f.id)).size === forecast.length, 'ids are unique');
const districtIndex = createPolygonIndex(districts.map((d, index) => ({ ...d, index })));
const misplaced = forecast.filter((f) => {
  const [lon, lat] = interiorPoint(f.geometry);
  return districtIndex.find(lon, lat) !== f.id.slice(0, 2);
});
check(
  misplaced.length === 0,
  `each Prognoseraum lies in the Bezirk of its first two digits (${misplaced.map((f) => f.id).join(', ') || 'all'})`,
);
const coords = forecast.flatMap((f) =>
  (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat(2),
);
check(
  coords.every(([x = 0, y = 0]) => x > 13 && x < 14 && y > 52.3 && y < 52.7),
  'coordinates are lon/lat in Berlin (13–14° E, 52.3–52.7° N) although the file names EPSG::4326',
);

// ================================================================ 2. crosswalk old → new Prognoseräume
console.log('\n== Crosswalk berlin-lor-matches.json');
const matches = JSON.parse(fs.readFileSync(path.join(DATA, 'geometry/berlin-lor-matches.json'), 'utf8')) as Record<
  string,
  string[]
>;
const oldPr = new Set(planning.map((f) => f.id.slice(0, 4)));
const newPr = new Set(forecast.map((f) => f.id));
const byLength = new Map<number, number>();
for (const k of Object.keys(matches)) byLength.set(k.length, (byLength.get(k.length) ?? 0) + 1);
note(
  `entries by id length: ${[...byLength].map(([l, n]) => `${l}: ${n}`).join(', ')} (8 = Planungsräume, 6 = Bezirksregionen, 4 = Prognoseräume)`,
);
note(`old Prognoseräume (first four digits of the old Planungsräume): ${oldPr.size}`);
const four = Object.entries(matches).filter(([k]) => k.length === 4);
const forward = four.filter(([k, v]) => oldPr.has(k) && v.every((x) => newPr.has(x)));
const backward = four.filter(
  ([k, v]) => !forward.some(([f]) => f === k) && newPr.has(k) && v.every((x) => oldPr.has(x)),
);
check(
  forward.length + backward.length === four.length,
  `every 4-digit entry runs old → new (${forward.length}) or new → old (${backward.length})`,
);
const reached = new Set([...forward.map(([k]) => k), ...backward.flatMap(([, v]) => v)]);
const unreached = [...oldPr].filter((p) => !reached.has(p));
note(
  `old Prognoseräume in no old → new entry: ${[...oldPr].filter((p) => !forward.some(([k]) => k === p)).join(', ')}`,
);
note(
  `both directions together reach ${oldPr.size - unreached.length} of ${oldPr.size} old Prognoseräume; in neither: ${unreached.join(', ')} (the atlas links these from the geometry)`,
);
// Geometry: share of each old Planungsraum in the new Prognoseraum the crosswalk names for its old Prognoseraum.
const pairs = new Set([
  ...forward.flatMap(([k, v]) => v.map((x) => `${k}>${x}`)),
  ...backward.flatMap(([k, v]) => v.map((x) => `${x}>${k}`)),
]);
let inside = 0;
let partly = 0;
const outside: string[] = [];
// Boundaries simplified to 5 m, as the atlas does for the links (src/lib/schemes/links.ts): shares to the per cent.
const newUnits = forecast.map((f) => {
  const geometry = simplifyGeometry(f.geometry, 5);
  return { id: f.id, level: 'prognoseraum', geometry, bbox: bbox(geometry) };
});
for (const p of planning) {
  const geometry = simplifyGeometry(p.geometry, 5);
  const candidates = newUnits.filter((n) => n.id.slice(0, 2) === p.id.slice(0, 2));
  const first = overlapUnits({ geometry, bbox: bbox(geometry) }, candidates);
  // Where the library fails on a simplified ring, the published geometry (as the atlas does).
  const again = first.failed.length
    ? overlapUnits(
        { geometry: p.geometry, bbox: bbox(p.geometry) },
        forecast
          .filter((f) => first.failed.includes(f.id))
          .map((f) => ({ id: f.id, level: 'prognoseraum', geometry: f.geometry, bbox: bbox(f.geometry) })),
      )
    : { overlaps: [], failed: [] };
  if (again.failed.length) note(`intersection failed: ${p.id} × ${again.failed.join(', ')}`);
  const overlaps = [...first.overlaps, ...again.overlaps];
  const named = overlaps.filter((o) => pairs.has(`${p.id.slice(0, 4)}>${o.unit}`));
  const share = named.reduce((a, o) => a + o.shareOfArea, 0);
  if (share > 0.99) inside++;
  else if (share > 0) partly++;
  else outside.push(p.id);
}
note(
  `old Planungsräume lying ≥ 99 % in a Prognoseraum the crosswalk names: ${inside} of ${planning.length}; partly: ${partly}; not at all: ${outside.length} ${outside.slice(0, 8).join(' ')}`,
);

// ================================================================ 3. population 31 Dec 2021–2024
for (const y of YEARS) {
  console.log(`\n== Population 31.12.${y} (t1, t2: Prognoseräume and Bezirke)`);
  const t1 = records(readCsv(`population/berlin-lor-population-${y}-02-t1-forecast-areas.csv`));
  const t2 = records(readCsv(`population/berlin-lor-population-${y}-02-t2-forecast-areas.csv`));
  const d1 = records(readCsv(`population/berlin-lor-population-${y}-02-t1-districts.csv`));
  const d2 = records(readCsv(`population/berlin-lor-population-${y}-02-t2-districts.csv`));
  check(
    t1.size === 58 && [...t1.keys()].every((id) => newPr.has(id)),
    `t1: 58 rows, every id a Prognoseraum of the boundary file`,
  );
  check(t2.size === 58 && [...t2.keys()].every((id) => t1.has(id)), 't2: the same 58 ids');
  const counts = (r: Record<string, string>) =>
    Object.entries(r).filter(([k]) => k.startsWith('inhabitants') && !k.endsWith('_percentage'));
  check(
    [...t1.values(), ...t2.values(), ...d1.values(), ...d2.values()].every((r) =>
      counts(r).every(([, v]) => Number.isInteger(int(v))),
    ),
    'every count is a whole number',
  );
  check(
    [...t2.values(), ...d2.values()].every((r) => AGES.reduce((a, c) => a + int(r[c]), 0) === int(r['inhabitants'])),
    'the eight age groups add up to the inhabitants',
  );
  check(
    [...t1].every(
      ([id, r]) =>
        r['inhabitants'] === t2.get(id)?.['inhabitants'] &&
        r['inhabitants_foreigners'] === t2.get(id)?.['inhabitants_foreigners'],
    ),
    't1 and t2 give the same inhabitants and foreigners',
  );
  check(
    [...t1.values()].every(
      (r) =>
        int(r['inhabitants_with_migration_background']) ===
        int(r['inhabitants_foreigners']) + int(r['inhabitants_germans_with_migration_background']),
    ),
    'with migration background = foreigners + Germans with migration background',
  );
  const sumOf = (t: Map<string, Record<string, string>>, d: string, c: string) =>
    [...t].filter(([id]) => id.startsWith(d)).reduce((a, [, r]) => a + int(r[c]), 0);
  const cols1 = ['inhabitants', 'inhabitants_with_migration_background', 'inhabitants_foreigners'];
  const cols2 = [...AGES, 'inhabitants_female'];
  check(
    [...d1].every(([d, r]) => cols1.every((c) => sumOf(t1, d, c) === int(r[c]))) &&
      [...d2].every(([d, r]) => cols2.every((c) => sumOf(t2, d, c) === int(r[c]))),
    `the Prognoseräume add up exactly to each of the 12 Bezirke (${d1.size} rows), every count`,
  );
  const small = [...t1.values(), ...t2.values()].flatMap((r) => counts(r).filter(([, v]) => int(v) > 0 && int(v) < 3));
  note(
    `counts of 1 or 2: ${small.length}; smallest Prognoseraum: ${Math.min(...[...t1.values()].map((r) => int(r['inhabitants'])))} inhabitants`,
  );
  if (y === 2024) note(`Neukölln (08) on 31.12.2024: ${d1.get('08')?.['inhabitants']} inhabitants`);
}

// ================================================================ 4. MSS 2021, Bezirke
console.log('\n== MSS 2021 districts (mss-2021-districts.csv)');
const mssCsv = readCsv('mss/mss-2021-districts.csv');
console.log(`  header: ${mssCsv.header.map((h, i) => `${i}:${h}`).join(' ')}`);
const mss = records(mssCsv);
check(
  mss.size === 12 && [...mss.keys()].every((id) => /^(0[1-9]|1[0-2])$/.test(id)),
  '12 Bezirke 01–12 besides the row "Nummer"',
);
check(
  mssCsv.rows.every((r) => r.length === mssCsv.header.length),
  'every row has as many cells as the header',
);
check(
  mssCsv.header.filter((h) => h === 'name').length === 2,
  'the column "name" appears twice (the first is read, as in 2013–2019)',
);
const junk = mssCsv.rows.find((r) => r[0] === 'Nummer') ?? [];
for (const c of MSS_COLUMNS) {
  const i = mssCsv.header.indexOf(c);
  const xs = [...mss.values()].map((r) => num(r[c]));
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sdPop = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
  const sdSample = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  const published = Number(/SD: ([\d,]+)/.exec(junk[i] ?? '')?.[1]?.replace(',', '.'));
  const fits = Math.abs(sdPop - published) < 0.006 || Math.abs(sdSample - published) < 0.006;
  check(
    xs.every(Number.isFinite) && fits,
    `${c}: 12 numbers; "${junk[i]}" in the row "Nummer" = SD of the 12 values (${sdPop.toFixed(3)} / sample ${sdSample.toFixed(3)})`,
  );
  if (c.startsWith('s'))
    check(
      xs.every((x) => x >= 0 && x <= 100),
      `${c}: shares between 0 and 100 %`,
    );
}
// Changes: d(2021) against s(2021) − s(2019) per Bezirk.
const mss2019 = records(readCsv('mss/mss-2019-districts.csv'));
for (const [s, d] of [
  ['s1_percentage_unemployed', 'd1_percentage_unemployed'],
  ['s3_percentage_transfer_payments_recipients', 'd3_percentage_transfer_payments_recipients'],
  [
    's4_percentage_transfer_payments_recipients_below_15_years',
    'd4_percentage_transfer_payments_recipients_below_15_years',
  ],
] as const) {
  const diffs = [...mss].map(([id, r]) => num(r[d]) - (num(r[s]) - num(mss2019.get(id)?.[s])));
  const equal = diffs.filter((x) => Math.abs(x) < 0.01).length;
  note(`${d} = ${s} 2021 − 2019 in ${equal} of 12 Bezirke (median gap ${median(diffs.map(Math.abs)).toFixed(2)} pp)`);
}
// Aggregation: inhabitant-weighted mean of the 2021 planning areas (new scheme; first two digits = Bezirk).
const plr = records(readCsv('mss/mss-2021-planning-areas.csv'));
for (const c of MSS_COLUMNS.slice(0, 3)) {
  const gaps = [...mss].map(([id, r]) => {
    let w = 0;
    let s = 0;
    for (const [pid, p] of plr) {
      if (!pid.startsWith(id) || !Number.isFinite(num(p[c]))) continue;
      w += num(p['inhabitants']);
      s += num(p['inhabitants']) * num(p[c]);
    }
    return s / w - num(r[c]);
  });
  note(
    `${c}: inhabitant-weighted mean of the rated planning areas − Bezirk value: median ${median(gaps).toFixed(3)} pp, max |gap| ${Math.max(...gaps.map(Math.abs)).toFixed(2)} pp`,
  );
}
// Reference date: the planning areas' inhabitants per Bezirk against the population tables.
const popSum = (file: string) => records(readCsv(file));
const pop2020 = popSum('population/berlin-lor-population-2020-02-t1-districts.csv');
const pop2021 = popSum('population/berlin-lor-population-2021-02-t1-districts.csv');
for (const [label, pop] of [
  ['31.12.2020', pop2020],
  ['31.12.2021', pop2021],
] as const) {
  const gaps = [...pop].map(([d, r]) => {
    let s = 0;
    for (const [pid, p] of plr) if (pid.startsWith(d)) s += num(p['inhabitants']);
    return s / int(r['inhabitants']) - 1;
  });
  note(
    `MSS 2021 planning-area inhabitants per Bezirk vs population ${label}: median gap ${(median(gaps) * 100).toFixed(2)} %`,
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

console.log(`\n${failures} failed check(s).`);
process.exitCode = failures > 0 ? 1 : 0;
