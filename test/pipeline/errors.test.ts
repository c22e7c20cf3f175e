/**
 * Bad input, one class at a time: each test copies the test atlas "Musterstadt" (test/fixtures/atlas-mini) to a
 * temporary folder, breaks ONE thing, runs the whole pipeline and checks that
 * - the problem is reported as an error naming the file, and the line and field where there is one;
 * - nothing is written: the cache folder still holds exactly the artifacts of the previous build (a sentinel
 *   file here) and no staging folder is left behind.
 * The last test breaks three things at once and expects all three in one run.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblemLog, type Problem } from '../../src/lib/problems.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const CONFIG = 'atlas.yml';
const LONG_CSV = 'data/bevoelkerung-arbeitsmarkt.csv';
const WIDE_CSV = 'data/sozialindex-2023.csv';
const CHECK_CSV = 'data/stadtbezirke-einwohner-2023.csv';
const TEILE = 'data/geo/stadtteile.geojson';
const BEZIRKE = 'data/geo/stadtbezirke.topojson';
const SENTINEL = 'previous-build.txt';

let root = '';
let n = 0;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atlas-mini-errors-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** A fresh copy of atlas-mini and a cache folder holding a previous build's sentinel. */
async function copyAtlas(): Promise<{ dir: string; cacheDir: string }> {
  const base = join(root, String(++n));
  const dir = join(base, 'atlas');
  const cacheDir = join(base, 'cache');
  await cp(MINI, dir, { recursive: true });
  await cp(join(MINI, 'README.md'), join(cacheDir, SENTINEL)); // creates cacheDir
  return { dir, cacheDir };
}

/** Files are edited as text; the Windows-1252 table as latin1 (its bytes, one char each). */
function encodingOf(file: string): BufferEncoding {
  return file === WIDE_CSV ? 'latin1' : 'utf8';
}

/** Replaces `from` by `to` in a file of the copy; fails if `from` does not occur exactly once. */
async function replaceIn(dir: string, file: string, from: string, to: string): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, encodingOf(file));
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`"${from}" occurs ${count} times in ${file}`);
  await writeFile(path, text.replace(from, to), encodingOf(file));
}

/** 1-based line of the first line of `file` (in the pristine fixture) that contains `needle`. */
async function lineOf(file: string, needle: string): Promise<number> {
  const text = await readFile(join(MINI, file), encodingOf(file));
  const i = text.split(/\r?\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not in ${file}`);
  return i + 1;
}

interface GeoJson {
  features: { properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }[];
}

async function editGeoJson(dir: string, edit: (g: GeoJson) => void): Promise<void> {
  const path = join(dir, TEILE);
  const g = JSON.parse(await readFile(path, 'utf8')) as GeoJson;
  edit(g);
  await writeFile(path, JSON.stringify(g, null, 1));
}

function featureWithId(g: GeoJson, id: string): GeoJson['features'][number] {
  const f = g.features.find((x) => x.properties.id === id);
  if (!f) throw new Error(`no feature ${id}`);
  return f;
}

/** Runs the pipeline on a broken copy and checks that nothing was written. */
async function run(dir: string, cacheDir: string): Promise<PipelineResult> {
  const r = await runPipeline({ atlasDir: dir, cacheDir, log: () => {} });
  expect(r.log.hasErrors, 'the broken atlas must fail').toBe(true);
  expect(r.pages).toBe(0);
  expect(await readdir(cacheDir), 'cache folder must be unchanged').toEqual([SENTINEL]);
  expect((await readdir(join(cacheDir, '..'))).sort(), 'no staging folder').toEqual(['atlas', 'cache']);
  return r;
}

/** Asserts that `errors` contains one matching `p`, with a readable failure message. */
function expectError(r: PipelineResult, p: Partial<Record<keyof Problem, unknown>>): Problem {
  const found = r.log.errors.find((e) => expect.objectContaining(p).asymmetricMatch(e));
  expect(found, `expected an error like ${JSON.stringify(p)}; got:\n${formatProblemLog(r.log)}`).toBeDefined();
  return found as Problem;
}

describe('the pipeline reports bad input and writes nothing', () => {
  it('the unbroken copy builds (control)', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const r = await runPipeline({ atlasDir: dir, cacheDir, log: () => {} });
    expect(r.log.problems, formatProblemLog(r.log)).toEqual([]);
    expect((await readdir(cacheDir)).sort()).toEqual(['build', 'public']);
  });

  it('YAML syntax error: file and line', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const broken = await lineOf(CONFIG, 'title: { de: Sozialatlas Musterstadt (Test)');
    await replaceIn(dir, CONFIG, 'Social Atlas Musterstadt (test) }', 'Social Atlas Musterstadt (test)');
    const r = await run(dir, cacheDir);
    const e = expectError(r, { file: CONFIG, message: expect.stringContaining('YAML-Syntaxfehler') });
    // An unclosed "{" is noticed where the next line starts.
    expect([broken, broken + 1]).toContain(e.line);
    expect(e.column).toBeTypeOf('number');
  });

  it('unknown config key: file, line and field', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, CONFIG, '      object: stadtbezirke\n', '      object: stadtbezirke\n      idfield: id\n');
    const typo = (await lineOf(CONFIG, '      object: stadtbezirke')) + 1;
    const r = await run(dir, cacheDir);
    const e = expectError(r, {
      file: CONFIG,
      line: typo,
      field: 'levels[0].boundaries',
      message: 'unbekannte Felder: idfield',
    });
    expect(e.hint).toContain('docs/atlas-folder.md');
  });

  it('a level id that is a page of the site (ueber, the about page): file, line and field', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, CONFIG, '  - id: stadtteil\n', '  - id: ueber\n');
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: CONFIG,
      line: await lineOf(CONFIG, '  - id: stadtteil'),
      field: 'levels[1].id',
      message: 'Ebene "ueber" kollidiert mit einer Seite des Atlas.',
    });
  });

  it('unknown top-level key: reported with its name', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, CONFIG, 'simplify: 1\n', 'simplify: 1\nsimplyfy: 1\n');
    const line = (await lineOf(CONFIG, 'simplify: 1')) + 1;
    const r = await run(dir, cacheDir);
    expectError(r, { file: CONFIG, line, message: 'unbekannte Felder: simplyfy' });
  });

  it('unknown key inside an indicator and inside a table: each with its line', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const headline = await lineOf(CONFIG, '    headline: true');
    const nameColumn = await lineOf(CONFIG, '    nameColumn: Stadtteil');
    await replaceIn(dir, CONFIG, '    headline: true\n', '    headLine: true\n');
    await replaceIn(dir, CONFIG, '    nameColumn: Stadtteil\n', '    nameColum: Stadtteil\n');
    const r = await run(dir, cacheDir);
    expectError(r, { file: CONFIG, line: headline, field: 'indicators[3]', message: 'unbekannte Felder: headLine' });
    expectError(r, { file: CONFIG, line: nameColumn, field: 'tables[1]', message: 'unbekannte Felder: nameColum' });
  });

  it('unknown key in facilities.yml is reported with its file', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, 'facilities.yml', 'staleAfterDays: 730', 'staleAfterDay: 730');
    const r = await runPipeline({ atlasDir: dir, cacheDir, log: () => {} });
    expectError(r, { file: 'facilities.yml', message: expect.stringContaining('staleAfterDay') });
  });

  it('an empty synonym in facilities.yml: file, line and field', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const line = await lineOf('facilities.yml', 'synonyms: [Pflegeheim, Seniorenheim]');
    await replaceIn(dir, 'facilities.yml', 'synonyms: [Pflegeheim, Seniorenheim]', "synonyms: [Pflegeheim, ' ']");
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: 'facilities.yml',
      line,
      field: 'types[1].synonyms[1]',
      message: expect.stringContaining('leeres Wort'),
    });
  });

  it('missing required field: file, line of the entry and field', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const entry = await lineOf(CONFIG, '- id: einwohner');
    await replaceIn(
      dir,
      CONFIG,
      '    polarity: neutral\n    decimals: 0\n    type: count\n\n  - id: einwohner_15_65',
      '    polarity: neutral\n    type: count\n\n  - id: einwohner_15_65',
    );
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: CONFIG,
      line: entry,
      field: 'indicators[0].decimals',
      message: 'fehlt (Pflichtfeld, erwartet: number)',
    });
  });

  it('missing required choice (polarity): file, line of the entry and field', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const entry = await lineOf(CONFIG, '- id: einwohner');
    await replaceIn(
      dir,
      CONFIG,
      '    polarity: neutral\n    decimals: 0\n    type: count\n\n  - id: einwohner_15_65',
      '    decimals: 0\n    type: count\n\n  - id: einwohner_15_65',
    );
    const r = await run(dir, cacheDir);
    // zod reports a missing enum as an invalid value; the message lists the allowed values.
    expectError(r, {
      file: CONFIG,
      line: entry,
      field: 'indicators[0].polarity',
      message: expect.stringContaining('"negative", "positive", "neutral"'),
    });
  });

  it('unknown indicator in a table: the config entry names it', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, CONFIG, '      sgb2_quote: SGB-II-Quote', '      sgb2quote: SGB-II-Quote');
    const r = await run(dir, cacheDir);
    const e = expectError(r, {
      file: CONFIG,
      field: 'tables[1].columns.sgb2quote',
      message: 'Unbekanntes Merkmal "sgb2quote".',
    });
    expect(e.line).toBe(await lineOf(CONFIG, 'sgb2_quote: SGB-II-Quote'));
    // The table reader names it too, in the table's file.
    expectError(r, {
      file: WIDE_CSV,
      field: 'columns.sgb2quote',
      message: expect.stringContaining('"sgb2quote" ist nicht im Indikatorkatalog'),
    });
  });

  it('unknown indicator in long.codes: the config entry names the code', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, CONFIG, 'MIETE: miete }', 'MIETE: mieten }');
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: CONFIG,
      line: await lineOf(CONFIG, 'MIETE: miete }'),
      field: 'tables[0].long.codes.MIETE',
      message: 'Unbekanntes Merkmal "mieten".',
    });
  });

  it('unknown indicator code in a long table: file, line and column', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const line = await lineOf(LONG_CSV, '11;Am Kanal;2023;HH;');
    await replaceIn(dir, LONG_CSV, '11;Am Kanal;2023;HH;', '11;Am Kanal;2023;HHX;');
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: LONG_CSV,
      line,
      field: 'Merkmal',
      message: expect.stringContaining('Unbekannter Indikator-Code "HHX"'),
    });
  });

  it('missing file: atlas.yml line and field, and the file itself', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await rm(join(dir, CHECK_CSV));
    const r = await run(dir, cacheDir);
    const e = expectError(r, {
      file: CONFIG,
      field: 'tables[2].file',
      message: `Datei "${CHECK_CSV}" nicht gefunden.`,
    });
    expect(e.line).toBe(await lineOf(CONFIG, `file: ${CHECK_CSV}`));
    expectError(r, { file: CHECK_CSV, message: expect.stringContaining('nicht lesbar') });
  });

  it('bad CRS (metres declared as EPSG:4326): the boundary file, field crs, every feature named', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, CONFIG, '      crs: EPSG:25832', '      crs: EPSG:4326');
    const r = await run(dir, cacheDir);
    const e = expectError(r, {
      file: BEZIRKE,
      field: 'crs',
      message: expect.stringContaining('offenbar Meter, gelesen als EPSG:4326'),
    });
    expect(e.message).toMatch(/^3 Features:/);
    expect(e.location).toContain('Objekt stadtbezirke, Geometrie 0');
    expect(e.hint).toContain('EPSG:25832');
  });

  it('numeric id in a boundary file: file, feature and field', async () => {
    const { dir, cacheDir } = await copyAtlas();
    let index = -1;
    await editGeoJson(dir, (g) => {
      const f = featureWithId(g, '05');
      index = g.features.indexOf(f);
      f.properties.id = 5;
    });
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: TEILE,
      location: `Feature ${index} (Index ab 0 in features)`,
      field: 'id',
      message: expect.stringContaining('als Zahl gespeichert (5)'),
    });
  });

  it('duplicate id in a boundary file: file, both features, field', async () => {
    const { dir, cacheDir } = await copyAtlas();
    let indices: number[] = [];
    await editGeoJson(dir, (g) => {
      const keep = featureWithId(g, '11');
      const dup = featureWithId(g, '12');
      dup.properties.id = '11';
      indices = [g.features.indexOf(keep), g.features.indexOf(dup)];
    });
    const r = await run(dir, cacheDir);
    const e = expectError(r, {
      file: TEILE,
      field: 'id',
      message: expect.stringContaining('Die Id 11 kommt 2-mal vor'),
    });
    expect(e.location).toBe(indices.map((i) => `Feature ${i}`).join(', '));
    expect(e.hint).toContain('fixes');
  });

  it('parent not found (a Stadtteil outside every Stadtbezirk): file, feature, id and name', async () => {
    const { dir, cacheDir } = await copyAtlas();
    let index = -1;
    await editGeoJson(dir, (g) => {
      const f = featureWithId(g, '40');
      index = g.features.indexOf(f);
      f.geometry.coordinates = f.geometry.coordinates.map((ring) =>
        ring.map(([x, y]) => [(x as number) + 20000, y as number]),
      );
    });
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: TEILE,
      location: `Feature ${index} (id 40, Hafen)`,
      field: 'id',
      message: 'Keine übergeordnete Einheit auf Ebene stadtbezirk gefunden über die Lage (Punkt im Gebiet).',
    });
  });

  it('bad number "12,5,3": file, line, column', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const line = await lineOf(LONG_CSV, '05;Nordpark;2023;MIETE;8,10');
    await replaceIn(dir, LONG_CSV, '05;Nordpark;2023;MIETE;8,10', '05;Nordpark;2023;MIETE;12,5,3');
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: LONG_CSV,
      line,
      field: 'Wert',
      message: '"12,5,3" ist weder eine Zahl noch ein bekanntes Kennzeichen für fehlende Werte.',
    });
  });

  it('unknown marker: file, line, column, and the hint shows how to declare it', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const line = await lineOf(WIDE_CSV, '31\tMühlenberg');
    await replaceIn(dir, WIDE_CSV, '31\tMühlenberg\tB\t7,3', '31\tMühlenberg\tB\tk.A.');
    const r = await run(dir, cacheDir);
    const e = expectError(r, {
      file: WIDE_CSV,
      line,
      field: 'SGB-II-Quote',
      message: expect.stringContaining('"k.A." ist weder eine Zahl'),
    });
    expect(e.hint).toContain('"k.A.": missing');
  });

  it('unknown id in a table: file, line, id column', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const line = await lineOf(WIDE_CSV, '31\tMühlenberg');
    await replaceIn(dir, WIDE_CSV, '31\tMühlenberg', '99\tMühlenberg');
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: WIDE_CSV,
      line,
      field: 'Nr',
      message: 'Die Id "99" gibt es in den Gebietsgrenzen dieser Ebene nicht.',
    });
  });

  it('duplicate row: file, line of the repeat, both lines in the message', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const first = await lineOf(LONG_CSV, '11;Am Kanal;2022;EW;12.480');
    await replaceIn(
      dir,
      LONG_CSV,
      '11;Am Kanal;2022;EW;12.480\r\n',
      '11;Am Kanal;2022;EW;12.480\r\n11;Am Kanal;2022;EW;12.480\r\n',
    );
    const r = await run(dir, cacheDir);
    const e = expectError(r, { file: LONG_CSV, line: first + 1, field: 'Stadtteil' });
    expect(e.message).toContain(`Zeilen ${first} und ${first + 1}`);
  });

  it('the same values in two data tables (a table listed twice): both tables named, one error', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const text = await readFile(join(dir, CONFIG), 'utf8');
    const start = text.indexOf('  # Lang, UTF-8 mit BOM');
    const end = text.indexOf('  # Breit, Windows-1252');
    await writeFile(join(dir, CONFIG), text.slice(0, end) + text.slice(start, end) + text.slice(end));
    const r = await run(dir, cacheDir);
    expect(r.log.errors).toHaveLength(1);
    expectError(r, {
      file: LONG_CSV,
      line: 2,
      field: 'Wert',
      message: expect.stringMatching(
        /^tables\[1\]: 64 Werte stehen schon in tables\[0\] \(data\/bevoelkerung-arbeitsmarkt\.csv\)/,
      ),
    });
  });

  it('ragged row: file and line', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const line = await lineOf(LONG_CSV, '23;Altstadt;2022;EW;6.950');
    await replaceIn(dir, LONG_CSV, '23;Altstadt;2022;EW;6.950', '23;Altstadt;2022;EW6.950');
    const r = await run(dir, cacheDir);
    expectError(r, { file: LONG_CSV, line, message: 'Die Zeile hat 4 Felder, die Kopfzeile hat 5.' });
  });

  it('undeclared windows-1252: file, first bad line, what it would read, the setting to add', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, CONFIG, 'format: { decimal: ",", encoding: windows-1252 }', 'format: { decimal: "," }');
    const line = await lineOf(WIDE_CSV, 'Große Heide');
    const r = await run(dir, cacheDir);
    const e = expectError(r, { file: WIDE_CSV, line, field: 'format.encoding' });
    expect(e.message).toContain('Große Heide');
    expect(e.hint).toContain('windows-1252');
  });

  it('missing column: file, header line, the column, similar names', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, WIDE_CSV, '\tSGB-II-Quote\r\n', '\tSGB2-Quote\r\n');
    const r = await run(dir, cacheDir);
    const e = expectError(r, {
      file: WIDE_CSV,
      line: 1,
      field: 'SGB-II-Quote',
      message: 'Die Spalte "SGB-II-Quote" fehlt in der Kopfzeile.',
    });
    expect(e.hint).toContain('"SGB2-Quote"');
  });

  it('three problems in three files are all reported in one run', async () => {
    const { dir, cacheDir } = await copyAtlas();
    let index = -1;
    await editGeoJson(dir, (g) => {
      const f = featureWithId(g, '23');
      index = g.features.indexOf(f);
      f.properties.id = 23;
    });
    const badLine = await lineOf(LONG_CSV, '34;Südstadt;2023;MIETE;6,50');
    await replaceIn(dir, LONG_CSV, '34;Südstadt;2023;MIETE;6,50', '34;Südstadt;2023;MIETE;6,5,0');
    await replaceIn(dir, WIDE_CSV, 'Nr\tStadtteil\tSozialindex', 'Nr\tStadtteil\tSozialIndex');
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: TEILE,
      location: `Feature ${index} (Index ab 0 in features)`,
      field: 'id',
      message: expect.stringContaining('als Zahl gespeichert (23)'),
    });
    expectError(r, { file: LONG_CSV, line: badLine, field: 'Wert', message: expect.stringContaining('"6,5,0"') });
    expectError(r, {
      file: WIDE_CSV,
      line: 1,
      field: 'Sozialindex',
      message: 'Die Spalte "Sozialindex" fehlt in der Kopfzeile.',
    });
    // Every error names its file; follow-up errors (rows of the unit whose id was refused) are allowed.
    for (const e of r.log.errors) expect(e.file).toMatch(/^(atlas\.yml|data\/)/);
  });
});

/** Series breaks and reference dates (issue 10): bad declarations name atlas.yml, the line and the field. */
describe('the pipeline reports bad breaks and reference dates', () => {
  /** A top-level `breaks:` block before `legal:` in the copy's atlas.yml. */
  const topLevelBreak = (body: string) =>
    `breaks:\n  - year: 2023\n    kind: boundary\n    text: { de: Neuzuschnitt (erfunden) }\n${body}legal:\n`;
  /** The line of `needle` in the copy's atlas.yml. */
  const lineIn = async (dir: string, needle: string) =>
    (await readFile(join(dir, CONFIG), 'utf8')).split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('a break in a year the series does not have: its year field and line', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(
      dir,
      CONFIG,
      '      - year: 2023\n        kind: source',
      '      - year: 2021\n        kind: source',
    );
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: CONFIG,
      line: await lineOf(CONFIG, '      - year: 2023'),
      field: 'indicators[4].breaks[0].year',
      message: 'Die Reihe von "miete" hat kein Jahr 2021 (Jahre: 2022, 2023).',
    });
  });

  it('an unknown indicator, source, level and unit in a top-level break: each with its field and line', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(
      dir,
      CONFIG,
      'legal:\n',
      topLevelBreak(
        '    indicators: [einwohner, mieten]\n    sources: [statistik, amt]\n    levels: [stadtteile]\n    units: ["11", "99"]\n',
      ),
    );
    const r = await run(dir, cacheDir);
    expectError(r, { file: CONFIG, field: 'breaks[0].indicators[1]', message: 'Unbekanntes Merkmal "mieten".' });
    expectError(r, { file: CONFIG, field: 'breaks[0].sources[1]', message: 'Unbekannte Quelle "amt".' });
    const level = expectError(r, {
      file: CONFIG,
      field: 'breaks[0].levels[0]',
      message: 'Unbekannte Ebene "stadtteile".',
    });
    expect(level.line).toBe(await lineIn(dir, 'levels: [stadtteile]'));
    const unit = expectError(r, {
      file: CONFIG,
      field: 'breaks[0].units[1]',
      message: '"99" ist kein Gebiet des Atlas.',
    });
    expect(unit.line).toBe(await lineIn(dir, 'units: ["11", "99"]'));
  });

  it('a unit of another level than the break names: reported with its field', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, CONFIG, 'legal:\n', topLevelBreak('    levels: [stadtbezirk]\n    units: ["11"]\n'));
    await replaceIn(dir, CONFIG, '    kind: boundary\n', '    kind: boundary\n    indicators: [sozialindex]\n');
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: CONFIG,
      field: 'breaks[0].units[0]',
      message: '"11" ist ein Gebiet der Ebene stadtteil, der Bruch gilt nur für stadtbezirk.',
    });
    // The Sozialindex has 2023 values, so the year is fine; the top-level break's unit check alone fails.
    expect(r.log.errors.filter((e) => e.field === 'breaks[0].year')).toEqual([]);
  });

  it('a comparableChange naming an unknown indicator: its field and line', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(
      dir,
      CONFIG,
      '    decimals: 2\n    type: value\n',
      '    decimals: 2\n    type: value\n    comparableChange: mietaenderung\n',
    );
    const r = await run(dir, cacheDir);
    const e = expectError(r, {
      file: CONFIG,
      field: 'indicators[4].comparableChange',
      message: 'Unbekanntes Merkmal "mietaenderung".',
    });
    expect(e.line).toBe(await lineIn(dir, 'comparableChange: mietaenderung'));
  });

  it('a reference date that is not a date, a dateRule without its day, date beside yearColumn: each reported', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await replaceIn(dir, CONFIG, 'date: "2023-12-31"', 'date: "2023-02-30"');
    await replaceIn(
      dir,
      CONFIG,
      'dateRule: { day: 31, month: 12 }',
      'dateRule: { day: 31, month: 4 }\n    date: "2023-12-31"',
    );
    const r = await run(dir, cacheDir);
    expectError(r, { file: CONFIG, field: 'tables[1].date', message: expect.stringContaining('kein gültiges Datum') });
    expectError(r, {
      file: CONFIG,
      field: 'tables[0].dateRule.day',
      message: expect.stringContaining('den 31. gibt es im Monat 4 nicht'),
    });
    expectError(r, { file: CONFIG, field: 'tables[0].date', message: expect.stringContaining('dateRule') });
  });
});
