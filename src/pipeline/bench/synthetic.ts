import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomLcg } from 'd3';
import { parse, stringify } from 'yaml';
import type { AtlasConfigInput } from '../../schemas/atlasConfig.ts';
import { serializeFacility } from '../../lib/facilities/serializeFacility.ts';
import { reprojectPosition } from '../../lib/geo/crs.ts';

export interface SyntheticOptions {
  /** Folder to (re)create. */
  dir: string;
  /** Approximate number of units over all three levels. */
  units: number;
  /** Years of data per indicator. */
  years: number;
  /** The demo atlas folder whose indicator catalogue, sources and legal texts are reused. */
  demoDir: string;
  /** Number of indicators (cycled from the demo catalogue, ids suffixed); default: the demo's. */
  indicators?: number | undefined;
  /** Made-up directory entries spread over the finest units, with the demo's vocabulary; default none. */
  facilities?: number | undefined;
  seed?: number;
}

/** Mid-level units per top unit, and bottom units per mid unit (a 3 × 4 and a 3 × 6 block). */
const MID = { cols: 3, rows: 4 };
const LOW = { cols: 3, rows: 6 };
const CELL = 250; // metres, bottom unit edge

/**
 * Writes a synthetic atlas folder for benchmarks: three levels of nested rectangles in EPSG:25833
 * (so reprojection runs as for real data), the demo's indicator catalogue, wide CSV tables with
 * seeded random values for every year, the demo's legal texts and, with `facilities`, made-up directory entries
 * (one Markdown file each, at random points of the finest units). Made-up figures, for speed tests only.
 * @returns the real number of units written
 */
export async function writeSyntheticAtlas(
  o: SyntheticOptions,
): Promise<{ units: number; indicators: number; facilities: number }> {
  const perTop = 1 + MID.cols * MID.rows * (1 + LOW.cols * LOW.rows);
  const tops = Math.max(1, Math.round(o.units / perTop));
  const topCols = Math.ceil(Math.sqrt(tops));
  const rnd = randomLcg(o.seed ?? 42);
  const demo = parse(await readFile(join(o.demoDir, 'atlas.yml'), 'utf8')) as AtlasConfigInput;
  const baseIndicators = demo.indicators;
  const nInd = o.indicators ?? baseIndicators.length;
  const indicators = Array.from({ length: nInd }, (_, i) => {
    const b = baseIndicators[i % baseIndicators.length] as AtlasConfigInput['indicators'][number];
    const round = Math.floor(i / baseIndicators.length);
    const suffix = round === 0 ? '' : `_${round}`;
    return {
      ...b,
      id: `${b.id}${suffix}`,
      headline: i === 0,
      numerator: b.numerator ? `${b.numerator}${suffix}` : undefined,
      denominator: b.denominator ? `${b.denominator}${suffix}` : undefined,
      // The demo's breaks name its years and units, which this atlas does not have.
      breaks: [],
      comparableChange: undefined,
      parts: b.parts?.map((p) => `${p}${suffix}`),
    };
  });
  // Rates need their counts in the same round; drop rates whose counts were cut off by nInd (and partitions whose
  // parts were).
  const ids = new Set(indicators.map((i) => i.id));
  const usable = indicators
    .filter((i) => !i.numerator || (ids.has(i.numerator) && ids.has(i.denominator ?? '')))
    .map((i) => (i.parts?.every((p) => ids.has(p)) === false ? { ...i, parts: undefined } : i));

  await rm(o.dir, { recursive: true, force: true });
  await mkdir(join(o.dir, 'data', 'geo'), { recursive: true });
  await mkdir(join(o.dir, 'data', 'tables'), { recursive: true });
  await cp(join(o.demoDir, 'content', 'legal'), join(o.dir, 'content', 'legal'), { recursive: true });

  const x0 = 370000;
  const y0 = 5800000;
  const rect = (x: number, y: number, w: number, h: number) => [
    [
      [x, y],
      [x, y + h],
      [x + w, y + h],
      [x + w, y],
      [x, y],
    ],
  ];
  const feats: Record<'top' | 'mid' | 'low', { id: string; name: string; coords: number[][][] }[]> = {
    top: [],
    mid: [],
    low: [],
  };
  const midW = LOW.cols * CELL;
  const midH = LOW.rows * CELL;
  const topW = MID.cols * midW;
  const topH = MID.rows * midH;
  for (let t = 0; t < tops; t++) {
    const tx = x0 + (t % topCols) * topW;
    const ty = y0 + Math.floor(t / topCols) * topH;
    const tid = String(t + 1).padStart(3, '0');
    feats.top.push({ id: tid, name: `Bezirk ${t + 1}`, coords: rect(tx, ty, topW, topH) });
    for (let m = 0; m < MID.cols * MID.rows; m++) {
      const mx = tx + (m % MID.cols) * midW;
      const my = ty + Math.floor(m / MID.cols) * midH;
      const mid = `${tid}${String(m + 1).padStart(2, '0')}`;
      feats.mid.push({ id: mid, name: `Region ${t + 1}.${m + 1}`, coords: rect(mx, my, midW, midH) });
      for (let l = 0; l < LOW.cols * LOW.rows; l++) {
        const lx = mx + (l % LOW.cols) * CELL;
        const ly = my + Math.floor(l / LOW.cols) * CELL;
        feats.low.push({
          id: `${mid}${String(l + 1).padStart(2, '0')}`,
          name: `Quartier ${t + 1}.${m + 1}.${l + 1}`,
          coords: rect(lx, ly, CELL, CELL),
        });
      }
    }
  }
  for (const [lvl, list] of Object.entries(feats)) {
    const fc = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25833' } },
      features: list.map((f) => ({
        type: 'Feature',
        properties: { id: f.id, name: f.name },
        geometry: { type: 'Polygon', coordinates: f.coords },
      })),
    };
    await writeFile(join(o.dir, 'data', 'geo', `${lvl}.geojson`), JSON.stringify(fc));
  }

  const firstYear = 2024 - o.years + 1;
  const tables: AtlasConfigInput['tables'] = [];
  const counts = usable.filter((i) => i.type === 'count');
  const published = usable.filter(
    (i) => i.type === 'value' || i.type === 'class' || (i.type === 'rate' && !i.numerator),
  );
  for (let y = firstYear; y <= 2024; y++) {
    // Counts on the finest level only (the pipeline sums them up), published values on every level.
    const lowRows = feats.low.map((f) => {
      const pop = 500 + Math.floor(rnd() * 5000);
      const row: Record<string, string | number> = { id: f.id, name: f.name };
      for (const c of counts)
        row[c.id] = c.id.startsWith('einwohner') && c.id !== 'einwohner' ? Math.floor(pop * rnd() * 0.5) : pop;
      for (const p of published) row[p.id] = value(p, rnd);
      return row;
    });
    await writeFile(join(o.dir, 'data', 'tables', `low-${y}.csv`), toCsv(lowRows));
    tables.push({
      file: `data/tables/low-${y}.csv`,
      level: 'low',
      source: usable[0]?.source ?? 'synthetic',
      year: y,
      date: `${y}-12-31`,
      columns: Object.fromEntries([...counts, ...published].map((i) => [i.id, i.id])),
    });
    for (const lvl of ['top', 'mid'] as const) {
      if (published.length === 0) continue;
      const rows = feats[lvl].map((f) => ({
        id: f.id,
        name: f.name,
        ...Object.fromEntries(published.map((p) => [p.id, value(p, rnd)])),
      }));
      await writeFile(join(o.dir, 'data', 'tables', `${lvl}-${y}.csv`), toCsv(rows));
      tables.push({
        file: `data/tables/${lvl}-${y}.csv`,
        level: lvl,
        source: usable[0]?.source ?? 'synthetic',
        year: y,
        date: `${y}-12-31`,
        columns: Object.fromEntries(published.map((i) => [i.id, i.id])),
      });
    }
  }
  const config: AtlasConfigInput = {
    ...demo,
    id: 'synthetisch',
    city: { de: 'Synthetika', en: 'Synthetika' },
    title: {
      de: `Synthetischer Atlas (${feats.top.length + feats.mid.length + feats.low.length} Gebiete)`,
      en: 'Synthetic atlas',
    },
    notes: undefined,
    // One boundary scheme: the demo's schemes, crosswalks and breaks name its own levels and files.
    schemes: [],
    crosswalks: [],
    breaks: [],
    levels: [
      {
        id: 'top',
        label: { de: 'Bezirk' },
        labelPlural: { de: 'Bezirke' },
        boundaries: { file: 'data/geo/top.geojson' },
      },
      {
        id: 'mid',
        label: { de: 'Region' },
        labelPlural: { de: 'Regionen' },
        boundaries: { file: 'data/geo/mid.geojson' },
        parent: { level: 'top', idPrefix: 3 },
      },
      {
        id: 'low',
        label: { de: 'Quartier' },
        labelPlural: { de: 'Quartiere' },
        boundaries: { file: 'data/geo/low.geojson' },
        parent: { level: 'mid', idPrefix: 5 },
      },
    ],
    indicators: usable,
    tables,
  };
  // The demo's area overlays are files of the demo atlas (with Berlin's coordinates): not part of this atlas.
  delete (config as Record<string, unknown>)['overlays'];
  // The demo's composite indices name demo indicators the synthetic catalogue renames.
  delete (config as Record<string, unknown>)['indices'];
  delete (config as Record<string, unknown>)['breaks'];
  await writeFile(join(o.dir, 'atlas.yml'), `# Synthetic benchmark atlas: made-up figures.\n${stringify(config)}`);
  const facilities = o.facilities ? await writeSyntheticFacilities(o.dir, o.demoDir, feats.low, o.facilities, rnd) : 0;
  return { units: feats.top.length + feats.mid.length + feats.low.length, indicators: usable.length, facilities };
}

/** Writes `n` made-up facility files at random points of random finest units, and the demo's vocabulary. */
async function writeSyntheticFacilities(
  dir: string,
  demoDir: string,
  low: readonly { id: string; coords: number[][][] }[],
  n: number,
  rnd: () => number,
): Promise<number> {
  await cp(join(demoDir, 'facilities.yml'), join(dir, 'facilities.yml'));
  const vocabulary = parse(await readFile(join(demoDir, 'facilities.yml'), 'utf8')) as { types: { id: string }[] };
  const types = vocabulary.types.map((t) => t.id);
  const folder = join(dir, 'content', 'facilities');
  await mkdir(folder, { recursive: true });
  let pending: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const unit = low[Math.floor(rnd() * low.length)] as { id: string; coords: number[][][] };
    const [x, y] = unit.coords[0]?.[0] ?? [0, 0];
    // Inside the cell with a margin, so no point lies on a border.
    const [lon, lat] = reprojectPosition(
      [(x ?? 0) + 10 + rnd() * (CELL - 20), (y ?? 0) + 10 + rnd() * (CELL - 20)],
      'EPSG:25833',
    );
    const id = `einrichtung-${String(i + 1).padStart(6, '0')}`;
    const front = {
      id,
      name: `Einrichtung ${i + 1}`,
      types: [types[i % types.length]],
      address: { street: `Teststraße ${i + 1}`, postcode: '10115', city: 'Synthetika' },
      location: { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 },
      phone: `+49 30 ${1000000 + i}`,
      accessibility: { wheelchair: 'unknown' },
      lastConfirmed: '2024-01-01',
    };
    pending.push(
      writeFile(join(folder, `${id}.md`), serializeFacility(front, `Erfundener Eintrag ${i + 1} für den Benchmark.`)),
    );
    if (pending.length >= 256) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  return n;
}

function value(
  ind: { type?: string; classes?: { value: number; code?: string | undefined }[] | undefined },
  rnd: () => number,
): number | string {
  if (ind.type === 'class') {
    const cls = ind.classes ?? [{ value: 1 }];
    const c = cls[Math.floor(rnd() * cls.length)] as { value: number; code?: string | undefined };
    return c.code ?? c.value;
  }
  return Math.round(rnd() * 40 * 1000) / 1000;
}

function toCsv(rows: Record<string, string | number>[]): string {
  const header = Object.keys(rows[0] ?? {});
  return `${header.join(',')}\n${rows.map((r) => header.map((h) => String(r[h] ?? '')).join(',')).join('\n')}\n`;
}
