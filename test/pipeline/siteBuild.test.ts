/**
 * Whole-site builds (`npm run build` as a child process, as CI runs it) of copies of the fictional test atlas
 * (test/fixtures/atlas-mini), checking what only a built site shows:
 * - two clean builds of the same input are byte-identical (reproducible builds);
 * - the build's progress lines, and the count of rendered pages it keeps for the next build's estimate;
 * - every facility page links its own file in the web editor, every unit page offers a report link;
 * - `/data/datapackage.json` and its schema files validate against the Data Package v2 profiles (vendored in
 *   test/vendor/datapackage-2.0), and each CSV's header equals its schema's field names;
 * - a published address that disappears without a redirect fails the build; with a redirect it passes and the old
 *   address forwards; a broken internal link or anchor in a legal text fails the build.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/pipeline/listFiles.ts';
import { publishedUrls } from '../../src/lib/urls/registry.ts';
import { buildAtlas, fileHashes } from '../helpers/siteBuild.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const MINI = resolve(ROOT, 'test/fixtures/atlas-mini');
const VENDOR = resolve(ROOT, 'test/vendor/datapackage-2.0');

let work = '';
let atlas = '';

/** Builds `atlasDir` into `<work>/<name>`; resolves with exit code and output. */
const build = (atlasDir: string, name: string) => buildAtlas(atlasDir, work, name);
const hashes = fileHashes;

let first: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  // Astro resolves packages from the output folder upwards: the output must lie inside the project.
  await mkdir(join(ROOT, 'test-results'), { recursive: true });
  work = await mkdtemp(join(ROOT, 'test-results', 'site-build-'));
  atlas = join(await mkdtemp(join(tmpdir(), 'atlas-mini-site-')), 'atlas');
  await cp(MINI, atlas, { recursive: true });
  first = await build(atlas, 'a');
  if (first.code !== 0) throw new Error(`build failed:\n${first.out}`);
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
  if (atlas) await rm(resolve(atlas, '..'), { recursive: true, force: true });
});

describe('reproducible builds', () => {
  it('two clean builds of the same atlas are byte-identical, file by file', async () => {
    const second = await build(atlas, 'b');
    expect(second.code, second.out).toBe(0);
    const a = await hashes(first.dist);
    const b = await hashes(second.dist);
    expect([...b.keys()]).toEqual([...a.keys()]);
    const differing = [...a].filter(([f, h]) => b.get(f) !== h).map(([f]) => f);
    expect(differing).toEqual([]);
    expect(a.size).toBeGreaterThan(100);
  }, 300_000);
});

describe('build progress', () => {
  it('in a log (no terminal) says how far the facility files are, and counts every page Astro rendered', async () => {
    expect(first.out).toContain('Einrichtungen lesen: 5 von 5 Dateien (100 %)');
    // src/middleware.ts counted each rendered page; the next build shows this number as its estimate.
    const counted = JSON.parse(await readFile(join(work, 'a', 'cache-stages', 'html-pages.json'), 'utf8')) as number;
    const html = (await listFiles(first.dist)).filter((f) => f.endsWith('.html'));
    expect(counted).toBe(html.length);
  });
});

describe('from the page to the fix', () => {
  it('every facility page links its own file in the web editor and a report', async () => {
    const pages = (await listFiles(first.dist)).filter((f) => /^(en\/)?einrichtungen\/[^/]+\/index\.html$/.test(f));
    const facilityIds = (await listFiles(join(MINI, 'content/facilities'))).map((f) => f.replace(/\.md$/, ''));
    const checked: string[] = [];
    for (const page of pages) {
      const id = page.replace(/^(en\/)?einrichtungen\//, '').replace(/\/index\.html$/, '');
      if (!facilityIds.includes(id)) continue;
      const html = await readFile(join(first.dist, page), 'utf8');
      expect(html, page).toContain(
        `href="https://git.musterstadt.example/statistik/sozialatlas/_edit/main/atlas/content/facilities/${id}.md" data-edit-link`,
      );
      expect(html, page).toMatch(/href="mailto:sozialatlas@musterstadt\.example\?subject=[^"]+" data-report-link/);
      checked.push(page);
    }
    expect(checked).toHaveLength(facilityIds.length * 2);
  });

  it('every unit page offers a report link naming the page, and its change feed', async () => {
    const atlasJson = JSON.parse(await readFile(join(first.dist, 'data/atlas.json'), 'utf8')) as {
      units: { id: string; url: string; urlEn: string }[];
    };
    expect(atlasJson.units.length).toBe(11);
    for (const u of atlasJson.units) {
      for (const [url, lang] of [
        [u.url, 'de'],
        [u.urlEn, 'en'],
      ] as const) {
        const html = await readFile(join(first.dist, url, 'index.html'), 'utf8');
        const report = /href="(mailto:[^"]+)" data-report-link/.exec(html)?.[1] ?? '';
        expect(decodeURIComponent(report.replaceAll('&amp;', '&')), url).toContain(
          `sozialatlas.musterstadt.example${url}`,
        );
        expect(html, url).toContain(`href="/data/feeds/${lang}/units/${u.id}.xml"`);
        expect(html, url).not.toContain('data-edit-link');
      }
    }
  });
});

describe('crisis lists', () => {
  it('an area page lists its care home with places, operator and the operator’s contact, labelled as such', async () => {
    // Pflegeheim am Kanal (made up): 80 places, no phone or e-mail of its own, an operator phone in providerContact.
    const html = await readFile(join(first.dist, 'gebiete/hochwasser/HQ-01/index.html'), 'utf8');
    const row = /<tr data-facility="pflegeheim-am-kanal">([\s\S]*?)<\/tr>/.exec(html)?.[1] ?? '';
    const text = row.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(' 80 ');
    expect(text).toContain('Beispiel-Pflege e. V. (erfunden)');
    // The number never breaks across lines: no-break spaces (telText).
    expect(row).toContain(
      'data-operator-contact>Kontakt des Trägers: <a href="tel:+492015550100">+49\u00a0201\u00a05550100</a>',
    );
  });

  it('the contact gaps page counts the entries without phone by type', async () => {
    const html = await readFile(join(first.dist, 'einrichtungen/kontaktluecken/index.html'), 'utf8');
    expect(html).toContain('3 von 5 Einträgen haben weder Telefon noch E-Mail; 3 haben kein Telefon.');
  });
});

describe('open data package', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const profile = async (name: string) => JSON.parse(await readFile(join(VENDOR, `${name}.json`), 'utf8')) as object;
  const dist = (p: string) => join(first.dist, 'data', p);

  it('/data/datapackage.json validates against the Data Package v2 profile, its schema files against Table Schema and Table Dialect', async () => {
    const pkg = JSON.parse(await readFile(dist('datapackage.json'), 'utf8')) as {
      resources: { path: string; schema?: string | object; dialect?: object }[];
    };
    const validate = ajv.compile(await profile('datapackage'));
    expect(validate(pkg), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const tableSchema = ajv.compile(await profile('tableschema'));
    const dialect = ajv.compile(await profile('tabledialect'));
    for (const p of new Set(pkg.resources.flatMap((r) => (typeof r.schema === 'string' ? [r.schema] : [])))) {
      expect(
        tableSchema(JSON.parse(await readFile(dist(p), 'utf8'))),
        `${p}: ${JSON.stringify(tableSchema.errors)}`,
      ).toBe(true);
    }
    for (const r of pkg.resources) if (r.dialect) expect(dialect(r.dialect), r.path).toBe(true);
    // An invalid package fails: the validator is not vacuous.
    expect(validate({ ...pkg, resources: [{ path: 'x.csv' }] })).toBe(false);
  });

  it('lists every CSV and GeoJSON download, and each CSV header equals its schema', async () => {
    const pkg = JSON.parse(await readFile(dist('datapackage.json'), 'utf8')) as {
      resources: { path: string; format: string; schema?: string | { fields: { name: string }[] } }[];
    };
    const files = (await listFiles(join(first.dist, 'data'))).filter((f) => /\.(csv|geojson)$/.test(f));
    expect(
      pkg.resources
        .map((r) => r.path)
        .filter((p) => /\.(csv|geojson)$/.test(p))
        .sort(),
    ).toEqual(files);
    for (const r of pkg.resources.filter((x) => x.format === 'csv')) {
      const schema =
        typeof r.schema === 'string'
          ? (JSON.parse(await readFile(dist(r.schema), 'utf8')) as { fields: { name: string }[] })
          : r.schema;
      const text = await readFile(dist(r.path), 'utf8');
      expect(text.startsWith('\uFEFF'), r.path).toBe(true);
      const parsed = Papa.parse<string[]>(text.slice(1), { delimiter: ',', newline: '\r\n' });
      expect(parsed.data[0], r.path).toEqual(schema?.fields.map((f) => f.name));
    }
  });

  it('atlas.json links the package', async () => {
    const atlasJson = JSON.parse(await readFile(dist('atlas.json'), 'utf8')) as { downloads: Record<string, string> };
    expect(atlasJson.downloads['datapackage']).toBe('/data/datapackage.json');
  });
});

describe('links that stay valid', () => {
  it('a unit that disappears without a redirect fails the build; with one, the old address forwards', async () => {
    // The registry of the first build, plus a Stadtteil "99" as an earlier release published it (now gone).
    const urls = publishedUrls(await listFiles(first.dist));
    const registry = [...urls, '/stadtteil/99/', '/en/stadtteil/99/', '/data/units/99.csv'];
    await writeFile(join(atlas, 'published-urls.txt'), `${registry.join('\n')}\n`);
    const failed = await build(atlas, 'c');
    expect(failed.code).toBe(1);
    expect(failed.out).toContain(
      'published-urls.txt: /stadtteil/99/ – im Build nicht mehr vorhanden und ohne Weiterleitung',
    );
    expect(failed.out).toContain('/data/units/99.csv');
    // A redirect (the unit merged into Stadtteil 11) and a successor for the download.
    const yml = await readFile(join(atlas, 'atlas.yml'), 'utf8');
    await writeFile(
      join(atlas, 'atlas.yml'),
      `${yml}\nredirects:\n  - { from: /stadtteil/99/, to: /stadtteil/11/, reason: "mit 11 zusammengelegt (Test)" }\n  - { from: /data/units/99.csv, to: /data/units/11.csv }\n`,
    );
    const passed = await build(atlas, 'd');
    expect(passed.code, passed.out).toBe(0);
    for (const [from, to] of [
      ['stadtteil/99', '/stadtteil/11/'],
      ['en/stadtteil/99', '/en/stadtteil/11/'],
    ] as const) {
      const html = await readFile(join(passed.dist, from, 'index.html'), 'utf8');
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${to}">`);
      expect(html).toContain(`<link rel="canonical" href="https://sozialatlas.musterstadt.example${to}">`);
    }
  }, 300_000);

  it('a broken internal link or anchor in a legal text fails a full build (checked while Astro writes), and nothing is published', async () => {
    const file = join(atlas, 'content/legal/impressum.md');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      `${text.trimEnd()}\n\nSiehe [Angebote](/gibt-es-nicht/) und [Datenschutz](/datenschutz/#nirgends).\n`,
    );
    try {
      const failed = await build(atlas, 'e');
      expect(failed.code).toBe(1);
      expect(failed.out).toMatch(/Links von [\d.]+ Seiten schon geprüft/);
      expect(failed.out).toContain('/impressum/: "/gibt-es-nicht/" – Ziel fehlt: keine Datei gibt-es-nicht/index.html');
      expect(failed.out).toContain('/impressum/: "/datenschutz/#nirgends" – Anker #nirgends fehlt auf /datenschutz/');
      expect(failed.out).toContain(
        'Build fehlerhaft: 2 defekte interne Links oder Anker. Nichts wurde veröffentlicht.',
      );
      expect(existsSync(failed.dist)).toBe(false);
    } finally {
      await writeFile(file, text);
    }
  }, 300_000);
});
