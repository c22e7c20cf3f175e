/**
 * `npm run import` (as an editor runs it, a child process) brings the demo's OpenStreetMap files into an atlas folder
 * given by ATLAS_DIR: it prints imported and skipped counts, writes into that folder's content/facilities, stores
 * entries without address honestly (they validate), and a rerun changes nothing; a provider's edit survives.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatProblemLog } from '../../src/lib/problems.ts';
import { runPipeline } from '../../src/pipeline/build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let tmp = '';
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function importInto(atlasDir: string) {
  const r = spawnSync('npm', ['run', '--silent', 'import'], {
    cwd: ROOT,
    env: { ...process.env, ATLAS_DIR: atlasDir },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

async function snapshot(folder: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of (await readdir(folder)).sort()) out.set(f, await readFile(join(folder, f), 'utf8'));
  return out;
}

describe('npm run import into an atlas folder', () => {
  it('imports the demo OSM files with counts; a rerun changes nothing; provider edits survive', async () => {
    tmp = await mkdtemp(join(tmpdir(), 'import-'));
    const atlas = join(tmp, 'berlin-osm');
    await mkdir(join(atlas, 'data/osm'), { recursive: true });
    await mkdir(join(atlas, 'content/legal'), { recursive: true });
    for (const f of ['impressum', 'datenschutz', 'barrierefreiheit', 'leichte-sprache'])
      await copyFile(join(ROOT, `templates/new-atlas/content/legal/${f}.md`), join(atlas, `content/legal/${f}.md`));
    await copyFile(
      join(ROOT, 'data/berlin/geometry/berlin-lor-districts.geojson'),
      join(atlas, 'data/bezirke.geojson'),
    );
    await copyFile(
      join(ROOT, 'data/berlin/population/berlin-lor-population-2019-02-t1-districts.csv'),
      join(atlas, 'data/einwohner.csv'),
    );
    await copyFile(join(ROOT, 'facilities.yml'), join(atlas, 'facilities.yml'));
    await writeFile(
      join(atlas, 'atlas.yml'),
      stringify({
        id: 'berlin-osm',
        city: { de: 'Berlin' },
        title: { de: 'Einrichtungen aus OpenStreetMap (Test)' },
        description: { de: 'Test des Imports.' },
        siteUrl: 'https://sozialatlas.example/',
        publisher: 'Test',
        dataDate: '2019-12-31',
        licence: 'CC BY 4.0',
        levels: [
          {
            id: 'bezirk',
            label: { de: 'Bezirk' },
            labelPlural: { de: 'Bezirke' },
            boundaries: { file: 'data/bezirke.geojson' },
          },
        ],
        sources: [{ id: 'ew', title: { de: 'Einwohner' }, publisher: 'AfS', licence: 'CC BY 4.0', attribution: 'AfS' }],
        indicators: [
          {
            id: 'einwohner',
            label: { de: 'Einwohner' },
            definition: { de: 'Einwohner am 31.12.' },
            source: 'ew',
            polarity: 'neutral',
            decimals: 0,
            type: 'count',
            headline: true,
          },
        ],
        tables: [
          {
            file: 'data/einwohner.csv',
            level: 'bezirk',
            source: 'ew',
            year: 2019,
            columns: { einwohner: 'inhabitants' },
          },
        ],
        legal: {
          impressum: 'content/legal/impressum.md',
          datenschutz: 'content/legal/datenschutz.md',
          barrierefreiheit: 'content/legal/barrierefreiheit.md',
          leichteSprache: 'content/legal/leichte-sprache.md',
        },
      }),
    );
    // The demo's OSM sources as configured there, but keeping entries without address (shown honestly).
    const demo = parse(await readFile(join(ROOT, 'imports.yml'), 'utf8')) as {
      retrieved: string;
      city: string;
      sources: { id: string; file: string; requireAddress?: boolean }[];
      match: { a: string; b: string }[];
    };
    const osm = demo.sources.filter((s) => s.id.startsWith('osm-'));
    for (const s of osm) {
      await copyFile(join(ROOT, s.file), join(atlas, 'data/osm', basename(s.file)));
      s.file = `data/osm/${basename(s.file)}`;
      delete s.requireAddress;
    }
    const match = demo.match.filter((m) => m.a.startsWith('osm-') && m.b.startsWith('osm-'));
    await writeFile(
      join(atlas, 'imports.yml'),
      stringify({ retrieved: demo.retrieved, city: demo.city, sources: osm, match }),
    );

    const first = importInto(atlas);
    expect(first.code, first.out).toBe(0);
    const counts = /Übernommen: (\d+); übersprungen: (\d+) \(davon (\d+) außerhalb des Atlas-Gebiets\)/.exec(first.out);
    expect(counts, first.out).not.toBeNull();
    const [imported, skipped] = [Number(counts![1]), Number(counts![2])];
    expect(imported + skipped).toBe(1133 + 102 + 416 + 1448 + 120 + 3);
    expect(first.out).toContain(`Dateien in ${join(atlas, 'content/facilities')}:`);
    const folder = join(atlas, 'content/facilities');
    const files = await snapshot(folder);
    expect(files.size).toBeGreaterThan(3000);
    // Entries without address are stored without one (nothing invented) …
    const withoutAddress = [...files.values()].filter((t) => !/^address:/m.test(t));
    expect(withoutAddress.length).toBeGreaterThan(0);
    expect(withoutAddress.some((t) => /00000/.test(t))).toBe(false);

    // … and the atlas with them validates.
    const check = await runPipeline({
      atlasDir: atlas,
      cacheDir: join(atlas, '.atlas'),
      validateOnly: true,
      log: () => {},
    });
    expect(check.log.errors, formatProblemLog(check.log)).toEqual([]);

    // A rerun changes nothing.
    const second = importInto(atlas);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toMatch(/0 neu oder geändert, \d+ unverändert; Importstand unverändert/);
    expect(await snapshot(folder)).toEqual(files);

    // A provider's edit survives the next import.
    const [name, text] = [...files][0]!;
    await writeFile(join(folder, name), text.replace(/^lastConfirmed: .*$/m, 'phone: "+49 30 9999999"\n$&'));
    const third = importInto(atlas);
    expect(third.code, third.out).toBe(0);
    expect(await readFile(join(folder, name), 'utf8')).toContain('phone: "+49 30 9999999"');
    expect(third.out).toMatch(/Von Trägern bearbeitete Angaben, beibehalten: 1 Dateien/);
  }, 600_000);
});
