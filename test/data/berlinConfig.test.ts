/**
 * The bundled Berlin demo atlas (atlas.yml at the repository root) against its schema and its files.
 *
 * The cross-reference checks are plain functions returning a list of problems, so that the same
 * functions are also run on deliberately broken copies of the config (the assertions can fail).
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { AtlasConfigSchema, type AtlasConfig, type AtlasConfigInput } from '../../src/schemas/atlasConfig.ts';
import { readIndicatorTable } from '../../src/lib/indicators/readTable.ts';
import { ProblemLog } from '../../src/lib/problems.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONFIG_FILE = path.join(ROOT, 'atlas.yml');

// ---------------------------------------------------------------- helpers

function loadRaw(): unknown {
  const doc = parseDocument(fs.readFileSync(CONFIG_FILE, 'utf8'));
  if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  return doc.toJS();
}

function parseConfig(raw: unknown): AtlasConfig {
  const r = AtlasConfigSchema.safeParse(raw);
  if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  return r.data;
}

const headerCache = new Map<string, string[]>();
/** First line of a CSV file as a list of column names (the files are UTF-8, comma-separated). */
function readHeader(file: string): string[] {
  const cached = headerCache.get(file);
  if (cached) return cached;
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r?\n/) >>> 0);
  const header = Papa.parse<string[]>(firstLine, { delimiter: ',' }).data[0] ?? [];
  headerCache.set(file, header);
  return header;
}

/** Ids in a table's id column (trimmed). */
function rowIds(file: string, idColumn: string): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' }).data;
  return new Set(rows.map((r) => (r[idColumn] ?? '').trim()));
}

const unitCache = new Map<string, Set<string>>();
/** Unit ids of a level from its boundary file, with the level's fixes applied (setId replaces the id). */
function unitIdsOf(config: AtlasConfig, levelId: string): Set<string> | undefined {
  const level = config.levels.find((l) => l.id === levelId);
  if (!level || !fs.existsSync(path.join(ROOT, level.boundaries.file))) return undefined;
  const key = `${level.boundaries.file}|${JSON.stringify(level.fixes)}`;
  const cached = unitCache.get(key);
  if (cached) return cached;
  const geo = JSON.parse(fs.readFileSync(path.join(ROOT, level.boundaries.file), 'utf8')) as {
    features: { properties: Record<string, unknown> }[];
  };
  const ids = new Set(geo.features.map((f) => String(f.properties[level.boundaries.idField])));
  for (const fix of level.fixes) if (fix.setId) ids.add(fix.setId);
  unitCache.set(key, ids);
  return ids;
}

/** Resolves a column reference like the pipeline does: `name`, or `name#n` for the n-th of repeated names. */
function columnProblem(header: readonly string[], ref: string): string | undefined {
  const count = (name: string): number => header.filter((h) => h === name).length;
  if (count(ref) === 1) return undefined;
  if (count(ref) > 1) return `"${ref}" occurs ${count(ref)} times: use "${ref}#1" … "${ref}#${count(ref)}"`;
  const m = /^(.*)#(\d+)$/.exec(ref);
  if (m?.[1] !== undefined && m[2] !== undefined) {
    const n = Number(m[2]);
    if (n >= 1 && n <= count(m[1])) return undefined;
    return `"${ref}": there are ${count(m[1])} columns named "${m[1]}"`;
  }
  return `column "${ref}" not in header`;
}

/** Every cross-reference problem of a parsed config (empty = fine). */
function crossReferenceProblems(config: AtlasConfig): string[] {
  const problems: string[] = [];
  const indicators = new Map(config.indicators.map((i) => [i.id, i]));
  const levels = new Set(config.levels.map((l) => l.id));
  const sources = new Set(config.sources.map((s) => s.id));
  const exists = (file: string): boolean => fs.existsSync(path.join(ROOT, file));

  // ids unique
  for (const [kind, ids] of [
    ['level', config.levels.map((l) => l.id)],
    ['source', config.sources.map((s) => s.id)],
    ['indicator', config.indicators.map((i) => i.id)],
  ] as const) {
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dup.length) problems.push(`duplicate ${kind} ids: ${dup.join(', ')}`);
  }
  // levels: boundary files, parents, fixes
  for (const level of config.levels) {
    if (!exists(level.boundaries.file))
      problems.push(`level ${level.id}: boundary file ${level.boundaries.file} missing`);
    if (level.parent && !levels.has(level.parent.level))
      problems.push(`level ${level.id}: parent level ${level.parent.level} undefined`);
    for (const fix of level.fixes) {
      if (fix.within && !levels.has(fix.within.level))
        problems.push(`level ${level.id}: fix ${fix.id} within unknown level ${fix.within.level}`);
    }
  }
  // indicators: sources, rates, classes
  for (const ind of config.indicators) {
    if (!sources.has(ind.source)) problems.push(`indicator ${ind.id}: source ${ind.source} undefined`);
    if (ind.type === 'rate') {
      for (const [role, ref] of [
        ['numerator', ind.numerator],
        ['denominator', ind.denominator],
      ] as const) {
        if (ref === undefined) continue;
        const target = indicators.get(ref);
        if (!target) problems.push(`rate ${ind.id}: ${role} ${ref} is not a defined indicator`);
        else if (target.type !== 'count')
          problems.push(`rate ${ind.id}: ${role} ${ref} is a ${target.type}, not a count`);
      }
    }
  }
  // tables: files, level, source, columns, indicators
  for (const table of config.tables) {
    const where = `table ${table.file}`;
    if (!levels.has(table.level)) problems.push(`${where}: level ${table.level} undefined`);
    if (!sources.has(table.source)) problems.push(`${where}: source ${table.source} undefined`);
    if (!exists(table.file)) {
      problems.push(`${where}: file missing`);
      continue;
    }
    const header = readHeader(table.file);
    const refs = [
      table.idColumn,
      ...(table.nameColumn === undefined ? [] : [table.nameColumn]),
      ...(table.yearColumn === undefined ? [] : [table.yearColumn]),
      ...Object.values(table.columns),
      ...table.exclude.map((e) => e.column),
      ...(table.long ? [table.long.indicatorColumn, table.long.valueColumn] : []),
    ];
    for (const ref of refs) {
      const p = columnProblem(header, ref);
      if (p) problems.push(`${where}: ${p}`);
    }
    if (table.assume.length) {
      const ids = rowIds(table.file, table.idColumn);
      for (const a of table.assume) {
        if (ids.has(a.id)) problems.push(`${where}: assume ${a.id}, but the file has a row for it`);
        const units = unitIdsOf(config, table.level);
        if (units && !units.has(a.id))
          problems.push(`${where}: assume ${a.id}, which is no unit of level ${table.level}`);
      }
    }
    const used = [...Object.keys(table.columns), ...Object.values(table.long?.codes ?? {})];
    for (const id of used) if (!indicators.has(id)) problems.push(`${where}: indicator ${id} is not defined`);
  }
  // notes and legal pages
  for (const file of [config.notes, ...Object.values(config.legal)]) {
    if (file !== undefined && !exists(file)) problems.push(`file ${file} missing`);
  }
  return problems;
}

/** A deep copy of the raw config with one change, for the negative tests. */
function mutate(raw: unknown, change: (c: AtlasConfigInput) => void): AtlasConfig {
  const copy = structuredClone(raw) as AtlasConfigInput;
  change(copy);
  return parseConfig(copy);
}

// ---------------------------------------------------------------- tests

const raw = loadRaw();
const config = parseConfig(raw);

describe('atlas.yml (Berlin demo)', () => {
  it('validates against AtlasConfigSchema', () => {
    expect(AtlasConfigSchema.safeParse(raw).success).toBe(true);
  });

  it('has no broken cross-references (files, columns, indicators, rates, sources, levels)', () => {
    expect(crossReferenceProblems(config)).toEqual([]);
  });

  it('defines every indicator used in a table and uses every defined indicator', () => {
    const defined = new Set(config.indicators.map((i) => i.id));
    const inTables = new Set(config.tables.filter((t) => t.role === 'data').flatMap((t) => Object.keys(t.columns)));
    expect([...inTables].filter((id) => !defined.has(id))).toEqual([]);
    // a rate needs no column of its own: it is computed from its counts
    const unused = config.indicators.filter(
      (i) =>
        !inTables.has(i.id) &&
        !(i.type === 'rate' && inTables.has(i.numerator ?? '') && inTables.has(i.denominator ?? '')),
    );
    expect(unused.map((i) => i.id)).toEqual([]);
  });

  it('takes every rate from two count indicators', () => {
    const byId = new Map(config.indicators.map((i) => [i.id, i]));
    const rates = config.indicators.filter((i) => i.type === 'rate');
    expect(rates.length).toBeGreaterThan(0);
    for (const r of rates) {
      expect(r.numerator, r.id).toBeDefined();
      expect(byId.get(r.numerator ?? '')?.type, `${r.id}.numerator`).toBe('count');
      expect(byId.get(r.denominator ?? '')?.type, `${r.id}.denominator`).toBe('count');
    }
  });

  it('accounts for every unit of the level in every data table: a row, an excluded row, or an assumed status', () => {
    const gaps: string[] = [];
    for (const t of config.tables.filter((x) => x.role === 'data')) {
      const units = unitIdsOf(config, t.level) ?? new Set<string>();
      const rows = rowIds(t.file, t.idColumn);
      const assumed = new Set(t.assume.map((a) => a.id));
      for (const u of units) if (!rows.has(u) && !assumed.has(u)) gaps.push(`${t.file}: ${u}`);
    }
    expect(gaps).toEqual([]);
  });

  it('has exactly one headline indicator', () => {
    expect(config.indicators.filter((i) => i.headline).map((i) => i.id)).toEqual(['transferbezug_unter_15']);
  });

  it('carries the documented fix for the duplicated planning-area id', () => {
    const pr = config.levels.find((l) => l.id === 'planungsraum');
    expect(pr?.fixes).toEqual([
      expect.objectContaining({
        id: '06010102',
        within: { level: 'bezirk', id: '04' },
        setId: '04030417',
        setName: 'Schloßstraße',
      }),
    ]);
  });

  it('has the legal pages in German and English', () => {
    for (const file of Object.values(config.legal)) {
      expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
      expect(fs.existsSync(path.join(ROOT, file.replace(/\.md$/, '.en.md'))), file).toBe(true);
    }
  });

  it('ties every MSS table to its edition and reference date, with "-" as missing', () => {
    for (const t of config.tables.filter((x) => x.source === 'mss')) {
      expect(t.year, t.file).toBe(Number(/mss-(\d{4})-/.exec(t.file)?.[1]));
      expect(t.date, t.file).toBe(`${(t.year ?? 0) - 1}-12-31`);
      expect(t.markers, t.file).toEqual({ '-': 'missing' });
      if (t.file.endsWith('-districts.csv'))
        expect(
          t.exclude.map((e) => e.equals),
          t.file,
        ).toContain('Nummer');
    }
    expect(config.tables.some((t) => t.file.includes('mss-2017-district-regions'))).toBe(false);
    // MSS 2021 uses the new LOR scheme: only its Bezirk table joins (data/NOTES.md 2.11).
    expect(config.tables.filter((t) => t.file.includes('mss-2021')).map((t) => t.file)).toEqual([
      'data/berlin/mss/mss-2021-districts.csv',
    ]);
  });
});

describe('the cross-reference checks fail on broken configs', () => {
  const first = (c: AtlasConfigInput) => {
    const t = c.tables[0];
    if (!t) throw new Error('no table');
    return t;
  };
  const cases: [string, (c: AtlasConfigInput) => void, RegExp][] = [
    ['missing file', (c) => void (first(c).file = 'data/berlin/mss/mss-1999-planning-areas.csv'), /file missing/],
    [
      'unknown column',
      (c) => void (first(c).columns = { ...first(c).columns, arbeitslosigkeit: 's1_unemployed' }),
      /column "s1_unemployed" not in header/,
    ],
    [
      'ambiguous duplicated column',
      (c) => void (first(c).columns = { ...first(c).columns, einwohner: 'inhabitants' }),
      /"inhabitants" occurs 2 times/,
    ],
    [
      '#n beyond the repeats',
      (c) => void (first(c).columns = { ...first(c).columns, einwohner: 'inhabitants#3' }),
      /there are 2 columns named "inhabitants"/,
    ],
    [
      'undefined indicator in a table',
      (c) => void (first(c).columns = { ...first(c).columns, gibt_es_nicht: 's1_percentage_unemployed' }),
      /indicator gibt_es_nicht is not defined/,
    ],
    [
      'rate over a value indicator',
      (c) => {
        const r = c.indicators.find((i) => i.id === 'anteil_auslaender');
        if (r) r.numerator = 'transferbezug';
      },
      /numerator transferbezug is a value, not a count/,
    ],
    [
      'rate over an undefined indicator',
      (c) => {
        const r = c.indicators.find((i) => i.id === 'anteil_auslaender');
        if (r) r.denominator = 'bevoelkerung';
      },
      /denominator bevoelkerung is not a defined indicator/,
    ],
    ['unknown source', (c) => void (first(c).source = 'statistikamt'), /source statistikamt undefined/],
    [
      'assumed status for a unit that has a row',
      (c) => void (first(c).assume = [{ id: '01011101', status: 'missing', reason: 'Test' }]),
      /assume 01011101, but the file has a row/,
    ],
    [
      'assumed status for an unknown unit',
      (c) => void (first(c).assume = [{ id: '99999999', status: 'missing', reason: 'Test' }]),
      /assume 99999999, which is no unit/,
    ],
    ['missing legal page', (c) => void (c.legal.impressum = 'content/legal/fehlt.md'), /fehlt\.md missing/],
  ];
  for (const [name, change, expected] of cases) {
    it(name, () => {
      const problems = crossReferenceProblems(mutate(raw, change));
      expect(problems.join('\n')).toMatch(expected);
    });
  }

  it('the schema refuses unknown keys', () => {
    const copy = structuredClone(raw) as Record<string, unknown>;
    copy['farbe'] = 'rot';
    expect(AtlasConfigSchema.safeParse(copy).success).toBe(false);
  });
});

describe('the tables read without errors by the pipeline reader', () => {
  /** Unit ids per level from the boundary files, with the config's fixes applied. */
  const unitIds = new Map(config.levels.map((l) => [l.id, unitIdsOf(config, l.id) ?? new Set<string>()]));
  const indicators = new Map(config.indicators.map((i) => [i.id, i]));

  for (const table of config.tables) {
    it(table.file, () => {
      const log = new ProblemLog();
      const text = fs.readFileSync(path.join(ROOT, table.file), 'utf8');
      const ids = unitIds.get(table.level);
      const result = readIndicatorTable(
        { text, table, file: table.file, indicators, ...(ids ? { unitIds: ids } : {}) },
        log,
      );
      expect(log.errors.map((e) => `${e.line ?? ''} ${e.field ?? ''}: ${e.message}`)).toEqual([]);
      expect(result.cells.length).toBeGreaterThan(0);
      // the values used are all present: "-" in these columns only ever means "negativ" (dynamic index)
      expect(
        result.cells.filter((c) => c.status !== 'value').map((c) => `${c.unit} ${c.indicator} "${c.raw}"`),
      ).toEqual([]);
      expect(result.excluded.map((e) => e.id).sort()).toEqual(table.exclude.map((e) => e.equals).sort());
    });
  }

  it('reads the dynamic index code "-" as "negativ", not as missing', () => {
    const table = config.tables.find((t) => t.file.endsWith('mss-2019-planning-areas.csv'));
    if (!table) throw new Error('no MSS 2019 planning-area table');
    const log = new ProblemLog();
    const text = fs.readFileSync(path.join(ROOT, table.file), 'utf8');
    const { cells } = readIndicatorTable({ text, table, file: table.file, indicators }, log);
    const dyn = cells.filter((c) => c.indicator === 'dynamic_index');
    expect(dyn.filter((c) => c.raw === '-').every((c) => c.status === 'value' && c.value === 3)).toBe(true);
    expect(dyn.filter((c) => c.value === 3)).toHaveLength(33); // verified count (data/berlin/verify/mss.ts)
    expect(cells.find((c) => c.unit === '01011101' && c.indicator === 'status_index')?.value).toBe(2);
  });
});
