/**
 * The facility directory on the fictional test atlas "Musterstadt" (test/fixtures/atlas-mini, made-up entries in
 * content/facilities/): placement in the units by point in polygon, checked against an independent computation in
 * metres; stale marking against the data date; the artifacts; bad files (outside the area, .mdx, executable front
 * matter), each reported with file and line while nothing is written; and hostile provider texts
 * (test/fixtures/facilities-payload, made up), built into a whole site whose pages must contain none of them.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import proj4 from 'proj4';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilityIndex, FacilityPageData, FreshnessReport } from '../../src/lib/pages/facilityModel.ts';
import type { UnitPageData } from '../../src/lib/pages/model.ts';
import { formatProblemLog, type Problem } from '../../src/lib/problems.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/build.ts';
import { buildSite, PROJECT_ROOT } from '../../src/pipeline/site.ts';
import { htmlViolations } from '../htmlSafety.ts';

const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const PAYLOAD = resolve(import.meta.dirname, '../fixtures/facilities-payload');
const DIR = 'content/facilities';
const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const WGS84 = '+proj=longlat +datum=WGS84 +no_defs';

let root = '';
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'atlas-mini-facilities-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** A fresh copy of atlas-mini and an empty cache folder beside it. */
async function copyAtlas(): Promise<{ dir: string; cacheDir: string }> {
  const base = join(root, String(++n));
  const dir = join(base, 'atlas');
  await cp(MINI, dir, { recursive: true });
  return { dir, cacheDir: join(base, 'cache') };
}

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

// ------------------------------------------------------------------ an independent placement, in metres

interface Rect {
  id: string;
  box: [number, number, number, number];
}

/** Axis-parallel rectangles of a level in EPSG:25832 metres, read from the fixture files without the pipeline. */
async function rectangles(): Promise<{ bezirke: Rect[]; teile: Rect[] }> {
  const boxOf = (ring: number[][]): [number, number, number, number] => {
    const xs = ring.map((p) => p[0] as number);
    const ys = ring.map((p) => p[1] as number);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };
  const teile = await readJson<{ features: { properties: { id: string }; geometry: { coordinates: number[][][] } }[] }>(
    join(MINI, 'data/geo/stadtteile.geojson'),
  );
  const topo = await readJson<Topology>(join(MINI, 'data/geo/stadtbezirke.topojson'));
  const bezirke = feature(topo, topo.objects.stadtbezirke as never) as unknown as {
    features: { properties: { id: string }; id?: string; geometry: { coordinates: number[][][] } }[];
  };
  return {
    teile: teile.features.map((f) => ({ id: f.properties.id, box: boxOf(f.geometry.coordinates[0] as number[][]) })),
    bezirke: bezirke.features.map((f) => ({
      id: String(f.properties.id ?? f.id),
      box: boxOf(f.geometry.coordinates[0] as number[][]),
    })),
  };
}

function inRect(rects: readonly Rect[], x: number, y: number): string | undefined {
  return rects.find((r) => x > r.box[0] && x < r.box[2] && y > r.box[1] && y < r.box[3])?.id;
}

/** Deterministic pseudo-random numbers (a linear congruential generator), so the test is the same every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
}

/** A minimal valid facility file (made up) at a WGS84 point. */
function facilityFile(id: string, lat: number, lon: number, extra = ''): string {
  return `---\n# Erfunden (Test)\nid: "${id}"\nname: "Testeinrichtung ${id}"\ntypes:\n  - "kita"\naddress:\n  street: "Teststraße 1"\n  postcode: "45999"\n  city: "Musterstadt"\nlocation:\n  lat: ${lat}\n  lon: ${lon}\n${extra}lastConfirmed: "2023-01-01"\n---\n`;
}

// ------------------------------------------------------------------ the fixture as it is

describe('runPipeline on atlas-mini with its facility directory', () => {
  let cacheDir = '';
  let result: PipelineResult;
  const out = (p: string) => join(cacheDir, p);
  beforeAll(async () => {
    cacheDir = join(root, 'fixture-cache');
    result = await runPipeline({ atlasDir: MINI, cacheDir, log: () => {} });
  });

  it('builds every entry without a problem and one page model per entry', async () => {
    expect(result.log.problems, formatProblemLog(result.log)).toEqual([]);
    const files = (await readdir(join(MINI, DIR))).filter((f) => f.endsWith('.md')).sort();
    expect(result.facilityPages).toBe(files.length);
    expect((await readdir(out('build/facilities'))).sort()).toEqual(files.map((f) => f.replace(/\.md$/, '.json')));
  });

  it('places each entry in the Stadtbezirk and Stadtteil that contain it, as computed independently in metres', async () => {
    const { bezirke, teile } = await rectangles();
    const index = (await readJson<{ facilities: FacilityIndex }>(out('build/site.json'))).facilities;
    expect(index.items.length).toBe(5);
    for (const item of index.items) {
      const [x, y] = proj4(WGS84, UTM32, [item.lon, item.lat]) as [number, number];
      expect(item.units, item.id).toEqual([inRect(bezirke, x, y), inRect(teile, x, y)]);
    }
  });

  it('marks an entry stale only when lastConfirmed is more than staleAfterDays before the data date', async () => {
    const index = (await readJson<{ facilities: FacilityIndex }>(out('build/site.json'))).facilities;
    const stale = Object.fromEntries(index.items.map((i) => [i.id, i.stale === true]));
    // staleAfterDays 730, dataDate 2023-12-31: 2021-06-30 is 914 days before, 2021-12-31 exactly 730.
    expect(stale).toEqual({
      'kita-hafenkinder': true,
      'kita-nordpark': false,
      'kita-sonnenblume': false,
      'pflege-suedstadt': false,
      'pflegeheim-am-kanal': false,
    });
    expect(index.referenceDate).toBe('2023-12-31');
    const page = await readJson<FacilityPageData>(out('build/facilities/kita-hafenkinder.json'));
    expect(page).toMatchObject({ stale: true, ageDays: 914 });
    const freshness = await readJson<FreshnessReport>(out('build/freshness.json'));
    expect(freshness).toMatchObject({ total: 5, stale: 1, staleAfterDays: 730 });
    expect(freshness.entries).toEqual([
      expect.objectContaining({ id: 'kita-hafenkinder', file: `${DIR}/kita-hafenkinder.md`, ageDays: 914 }),
    ]);
  });

  it('writes a page model with units, locator map, sources and the ODbL flag', async () => {
    const page = await readJson<FacilityPageData>(out('build/facilities/pflegeheim-am-kanal.json'));
    expect(page.units.map((u) => [u.level, u.id, u.url])).toEqual([
      ['stadtbezirk', '1', '/stadtbezirk/1/'],
      ['stadtteil', '11', '/stadtteil/11/'],
    ]);
    expect(page.odbl).toBe(true);
    expect(page.sources).toEqual([
      expect.objectContaining({ source: 'osm', recordId: '999000111', licence: 'ODbL 1.0' }),
    ]);
    expect(page.locator?.body).toMatch(/<circle /);
    expect(page.html).toBe('<p>In OpenStreetMap als Pflegeheim erfasst (erfunden).</p>');
    const own = await readJson<FacilityPageData>(out('build/facilities/kita-sonnenblume.json'));
    expect(own.odbl).toBe(false);
    expect(own.html).toContain('<a href="https://kita-sonnenblume.example/anmeldung" rel="nofollow ugc">Website</a>');
  });

  it("gives the finest level's unit pages the entries and coarser ones counts with a link to the directory page", async () => {
    const teil = await readJson<UnitPageData>(out('build/units/40.json'));
    expect(teil.facilities).toMatchObject({
      total: 1,
      byType: [
        {
          type: 'kita',
          count: 1,
          items: [{ id: 'kita-hafenkinder', stale: true, address: 'Kaistraße 8, 45999 Musterstadt' }],
        },
      ],
    });
    const bezirk = await readJson<UnitPageData>(out('build/units/3.json'));
    expect(bezirk.facilities).toEqual({
      total: 2,
      byType: [
        { type: 'kita', count: 1 },
        { type: 'pflege', count: 1 },
      ],
      directoryUrl: '/einrichtungen/gebiet/3/',
    });
    const empty = await readJson<UnitPageData>(out('build/units/17.json'));
    expect(empty.facilities).toMatchObject({ total: 0, byType: [] });
  });

  it("publishes the feeds with every record's sources and licences, listed in atlas.json with the directory pages", async () => {
    const atlas = await readJson<{
      downloads: Record<string, string>;
      pages: { type: string; url: string; lang: string }[];
      facilities: { licence: string };
    }>(out('public/data/atlas.json'));
    expect(atlas.downloads).toMatchObject({
      facilitiesGeojson: '/data/facilities.geojson',
      facilitiesCsv: '/data/facilities.csv',
    });
    expect(atlas.facilities.licence).toContain('ODbL');
    for (const lang of ['de', 'en']) {
      const p = lang === 'en' ? '/en' : '';
      expect(atlas.pages).toContainEqual({ type: 'directory', url: `${p}/einrichtungen/`, lang });
      expect(atlas.pages).toContainEqual({ type: 'directory-type', url: `${p}/einrichtungen/typ/kita/`, lang });
      expect(atlas.pages).toContainEqual({ type: 'directory-area', url: `${p}/einrichtungen/gebiet/23/`, lang });
      expect(atlas.pages.filter((x) => x.type === 'facility' && x.lang === lang)).toHaveLength(5);
    }
    const geo = await readJson<{
      licence: string;
      features: {
        id: string;
        geometry: { coordinates: number[] };
        properties: { units: Record<string, string>; sources: unknown[]; odbl: boolean };
      }[];
    }>(out('public/data/facilities.geojson'));
    expect(geo.licence).toContain('Open Database License');
    const kanal = geo.features.find((f) => f.id === 'pflegeheim-am-kanal');
    expect(kanal?.geometry.coordinates).toEqual([7.021462, 51.416678]);
    expect(kanal?.properties).toMatchObject({
      units: { stadtbezirk: '1', stadtteil: '11' },
      odbl: true,
      sources: [expect.objectContaining({ licence: 'ODbL 1.0', attribution: '© OpenStreetMap-Mitwirkende' })],
    });
    const text = (await readFile(out('public/data/facilities.csv'), 'utf8')).replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.id === 'pflegeheim-am-kanal')).toMatchObject({
      unit_stadtbezirk: '1',
      unit_stadtteil: '11',
      sources: 'osm:999000111 (ODbL 1.0; © OpenStreetMap-Mitwirkende)',
      licences: 'ODbL 1.0',
      odbl: 'true',
    });
    expect(rows.find((r) => r.id === 'kita-hafenkinder')).toMatchObject({ stale: 'true', licences: 'CC BY 4.0' });
  });

  it('writes the directory pages: every type, every unit of the top two levels', async () => {
    expect((await readdir(out('build/directory/types'))).sort()).toEqual(['kita.json', 'pflege.json']);
    expect((await readdir(out('build/directory/areas'))).length).toBe(11);
  });
});

// ------------------------------------------------------------------ many entries, placed independently

describe('placement of 60 made-up entries across Musterstadt', () => {
  it('puts each in the units an independent point-in-rectangle test in metres finds', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const { bezirke, teile } = await rectangles();
    const random = lcg(42);
    const expected = new Map<string, (string | undefined)[]>();
    const [ox, oy] = [359420, 5694020];
    // Borders at these offsets; points closer than 25 m are skipped (edges are straight in metres, great-circle
    // arcs on the sphere: they differ by centimetres, not by 25 m).
    const near = (v: number, lines: number[]) => lines.some((l) => Math.abs(v - l) < 25);
    while (expected.size < 60) {
      const x = random() * 6000;
      const y = random() * 5000;
      if (near(x, [0, 2000, 3000, 4000, 6000]) || near(y, [0, 1500, 3000, 5000])) continue;
      const [lon, lat] = proj4(UTM32, WGS84, [ox + x, oy + y]) as [number, number];
      const id = `test-${expected.size}`;
      // Expected from the metres the point was made from, so the 6 decimals written do not matter (about 0.1 m).
      expected.set(id, [inRect(bezirke, ox + x, oy + y), inRect(teile, ox + x, oy + y)]);
      await writeFile(join(dir, DIR, `${id}.md`), facilityFile(id, Number(lat.toFixed(6)), Number(lon.toFixed(6))));
    }
    const r = await runPipeline({ atlasDir: dir, cacheDir, log: () => {} });
    expect(r.log.problems, formatProblemLog(r.log)).toEqual([]);
    const index = (await readJson<{ facilities: FacilityIndex }>(join(cacheDir, 'build/site.json'))).facilities;
    const placed = new Map(index.items.map((i) => [i.id, i.units]));
    for (const [id, units] of expected) expect(placed.get(id), id).toEqual(units);
    // Every Stadtteil got some, so the comparison covers all of them.
    expect(new Set([...expected.values()].map((u) => u[1])).size).toBe(8);
  });
});

// ------------------------------------------------------------------ bad files: reported, nothing written

describe('bad facility files are reported with file and line, and nothing is written', () => {
  async function run(dir: string, cacheDir: string): Promise<PipelineResult> {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(join(cacheDir, 'previous-build.txt'), 'x');
    const r = await runPipeline({ atlasDir: dir, cacheDir, log: () => {} });
    expect(r.log.hasErrors, 'the broken atlas must fail').toBe(true);
    expect(await readdir(cacheDir), 'cache folder must be unchanged').toEqual(['previous-build.txt']);
    return r;
  }
  function expectError(r: PipelineResult, p: Partial<Record<keyof Problem, unknown>>): Problem {
    const found = r.log.errors.find((e) => expect.objectContaining(p).asymmetricMatch(e));
    expect(found, `expected an error like ${JSON.stringify(p)}; got:\n${formatProblemLog(r.log)}`).toBeDefined();
    return found as Problem;
  }
  const lineIn = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('an entry outside the atlas area: the file, the line of location and the coordinates', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const file = join(dir, DIR, 'kita-nordpark.md');
    const text = (await readFile(file, 'utf8'))
      .replace('lat: 51.420559', 'lat: 51.400129')
      .replace('lon: 6.985335', 'lon: 7.108438');
    await writeFile(file, text);
    const r = await run(dir, cacheDir);
    const e = expectError(r, { file: `${DIR}/kita-nordpark.md`, line: lineIn(text, 'location:'), field: 'location' });
    expect(e.message).toContain('lat 51.400129, lon 7.108438');
    expect(e.message).toContain('außerhalb des Atlas-Gebiets');
  });

  it('an entry with lat and lon swapped: the hint says so', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await writeFile(join(dir, DIR, 'vertauscht.md'), facilityFile('vertauscht', 6.985335, 51.420559));
    const r = await run(dir, cacheDir);
    const e = expectError(r, { file: `${DIR}/vertauscht.md`, field: 'location' });
    expect(e.hint).toContain('vertauscht');
  });

  it('an .mdx file: refused by name (MDX runs code), the .md files are still checked', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await writeFile(
      join(dir, DIR, 'kita-mdx.mdx'),
      `${facilityFile('kita-mdx', 51.400014, 6.993427)}\nexport const x = 1;\n\n{x}\n`,
    );
    const r = await run(dir, cacheDir);
    const e = expectError(r, { file: `${DIR}/kita-mdx.mdx` });
    expect(e.message).toContain('MDX');
    expect(r.log.errors).toHaveLength(1);
  });

  it('any other file than *.md and the template, and files in sub-folders, are refused', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await writeFile(join(dir, DIR, 'notizen.txt'), 'x');
    await mkdir(join(dir, DIR, 'alt'));
    await writeFile(join(dir, DIR, 'alt', 'kita-alt.md'), facilityFile('kita-alt', 51.400014, 6.993427));
    await writeFile(join(dir, DIR, '_template.md.txt'), 'Vorlage, wird nicht gelesen');
    const r = await run(dir, cacheDir);
    expectError(r, { file: `${DIR}/notizen.txt` });
    expectError(r, { file: `${DIR}/alt/kita-alt.md`, message: expect.stringContaining('Unterordner') });
    expect(r.log.errors).toHaveLength(2);
  });

  it('executable front matter (---js): the file and line 1, never run', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const marker = join(root, 'front-matter-ran');
    await writeFile(
      join(dir, DIR, 'kita-js.md'),
      `---js\n{ id: require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x') }\n---\n\nText\n`,
    );
    const r = await run(dir, cacheDir);
    expectError(r, { file: `${DIR}/kita-js.md`, line: 1, message: expect.stringContaining('---js') });
    await expect(readFile(marker)).rejects.toThrow();
  });

  it('a file that is not UTF-8: the file and the line of the first bad byte', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const text = facilityFile('kita-latin1', 51.400014, 6.993427).replace('Teststraße 1', 'Teststraße 1');
    await writeFile(join(dir, DIR, 'kita-latin1.md'), Buffer.from(text, 'latin1'));
    const r = await run(dir, cacheDir);
    expectError(r, {
      file: `${DIR}/kita-latin1.md`,
      line: lineIn(text, 'Teststraße'),
      message: expect.stringContaining('UTF-8'),
    });
  });

  it('a reserved id (a directory url): the file and the line of id', async () => {
    const { dir, cacheDir } = await copyAtlas();
    const text = facilityFile('typ', 51.400014, 6.993427);
    await writeFile(join(dir, DIR, 'typ.md'), text);
    const r = await run(dir, cacheDir);
    expectError(r, { file: `${DIR}/typ.md`, line: lineIn(text, 'id:'), field: 'id' });
  });

  it('all of them at once, and a schema error, in one run', async () => {
    const { dir, cacheDir } = await copyAtlas();
    await writeFile(join(dir, DIR, 'draussen.md'), facilityFile('draussen', 51.400129, 7.108438));
    await writeFile(join(dir, DIR, 'kita-mdx.mdx'), facilityFile('kita-mdx', 51.400014, 6.993427));
    await writeFile(join(dir, DIR, 'kita-js.md'), '---js\n{}\n---\n');
    const bad = facilityFile('falsche-plz', 51.400014, 6.993427).replace('postcode: "45999"', 'postcode: "4599"');
    await writeFile(join(dir, DIR, 'falsche-plz.md'), bad);
    const r = await run(dir, cacheDir);
    expectError(r, { file: `${DIR}/draussen.md`, field: 'location' });
    expectError(r, { file: `${DIR}/kita-mdx.mdx` });
    expectError(r, { file: `${DIR}/kita-js.md`, line: 1 });
    expectError(r, { file: `${DIR}/falsche-plz.md`, line: lineIn(bad, 'postcode:'), field: 'address.postcode' });
    expect(r.log.errors).toHaveLength(4);
  });
});

// ------------------------------------------------------------------ hostile provider texts, built into pages

describe('hostile provider texts (test/fixtures/facilities-payload) in the built site', () => {
  let outDir = '';
  let work = '';
  let warnings: Problem[] = [];
  const page = (lang: 'de' | 'en', id: string) =>
    readFile(join(outDir, lang === 'en' ? 'en' : '', 'einrichtungen', id, 'index.html'), 'utf8');

  beforeAll(async () => {
    const { dir, cacheDir } = await copyAtlas();
    for (const f of await readdir(PAYLOAD))
      if (f.endsWith('.md') && f !== 'README.md') await cp(join(PAYLOAD, f), join(dir, DIR, f));
    // Astro's prerender step resolves packages from the output folder upwards: the output must lie in the project.
    await mkdir(join(PROJECT_ROOT, 'test-results'), { recursive: true });
    work = await mkdtemp(join(PROJECT_ROOT, 'test-results', 'facility-payload-'));
    outDir = join(work, 'dist');
    const r = await buildSite({ atlasDir: dir, outDir, cacheDir, log: () => {} });
    warnings = r.pipeline.log.warnings;
  }, 120_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('the build reports what it did not show, with file and line', () => {
    expect(
      warnings.filter((w) => w.file === `${DIR}/payload-html.md` && w.message.startsWith('HTML wird nicht angezeigt'))
        .length,
    ).toBeGreaterThanOrEqual(8);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        file: `${DIR}/payload-links.md`,
        message: expect.stringContaining('"javascript:alert(\'x\')"'),
      }),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({ file: `${DIR}/payload-links.md`, message: 'Bilder werden nicht angezeigt.' }),
    );
  });

  for (const lang of ['de', 'en'] as const) {
    for (const id of ['payload-html', 'payload-links']) {
      it(`/${lang === 'en' ? 'en/' : ''}einrichtungen/${id}/ has no script, embed, style, form, on* attribute or javascript:/vbscript:/data: url`, async () => {
        const built = await page(lang, id);
        // The layout's own parts, the same on every page, are taken out first: the site's bundled module script and
        // the header with the place finder's form (which leads to the list of all areas).
        const scripts = built.match(/<script type="module" src="\/_astro\/[\w.-]+\.js"><\/script>/g) ?? [];
        expect(scripts).toHaveLength(1);
        const header = /<header class="site-header">[\s\S]*?<\/header>/.exec(built)?.[0] ?? '';
        expect(header.match(/<form\b/g)).toHaveLength(1);
        expect(header).toContain(`action="${lang === 'en' ? '/en' : ''}/alle-gebiete/"`);
        const html = built.replace(scripts[0] ?? '', '').replace(header, '');
        // The whole page: only our own elements may appear (the locator SVG is ours; nothing else of this list).
        expect(
          htmlViolations(html, {
            page: true,
            forbiddenTags: /<(script|iframe|object|embed|math|style|form|base|frame|frameset|template)\b/i,
          }),
        ).toEqual([]);
        // The same on the text with attribute values emptied (escaped text in a title or aria-label is no markup).
        const markup = html.replace(/="[^"]*"/g, '=""');
        expect(markup).not.toMatch(/<(script|iframe|object|embed|style|form|math|base|template)\b/i);
        expect(markup).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
        expect(html).not.toMatch(/(href|src|action|data|xlink:href)\s*=\s*["']?\s*(javascript|vbscript|data):/i);
        // The one SVG is the locator map; the description holds none.
        expect(markup.match(/<svg\b/g)).toHaveLength(1);
        const description = /<div class="prose"[^>]*>([\s\S]*?)<\/div><\/section>/.exec(html)?.[1] ?? '';
        expect(htmlViolations(description)).toEqual([]);
        expect(description).not.toMatch(/<img|<a\b(?![^>]*href="https:\/\/pflege\.example\/")/);
      });
    }
  }

  it('safe text around the payloads is kept, and front-matter text is shown escaped', async () => {
    const html = await page('de', 'payload-html');
    expect(html).toContain('Sicherer Text vorab.');
    expect(html).toContain('Sicherer Text danach.');
    expect(html).toContain('<h1>Kita &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; Angriff</h1>');
    const links = await page('de', 'payload-links');
    expect(links).toContain('<a href="https://pflege.example/" rel="nofollow ugc">Website</a>');
  });
});
