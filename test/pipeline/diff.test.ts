/**
 * `npm run diff` on a temporary git repository made from the fictional test atlas (test/fixtures/atlas-mini): one
 * commit of the fixture as it is, then in the working tree a changed value, a renamed unit, a new facility, a closed
 * contact gap and a changed class. The report must name each; an unknown ref fails with exit code 2.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AtlasDiff } from '../../src/lib/diff/atlasDiff.ts';
import { formatDiffMarkdown } from '../../src/lib/diff/formatDiff.ts';
import { runDiff } from '../../src/pipeline/diff.ts';

const run = promisify(execFile);
const MINI = resolve(import.meta.dirname, '../fixtures/atlas-mini');
const ROOT = resolve(import.meta.dirname, '../..');

let repo = '';
let atlas = '';
let diff: AtlasDiff;

async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(atlas, file);
  const before = await readFile(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`fixture edit found nothing in ${file}`);
  await writeFile(path, after);
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'atlas-diff-'));
  // The atlas in a sub-folder of the repository, as a city might keep it.
  atlas = join(repo, 'atlas');
  await cp(MINI, atlas, { recursive: true });
  const git = (...args: string[]) =>
    run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repo });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'Stand vorher');
  // 1. A changed value: Nordpark's inhabitants 2022, 8.412 → 8.500 (German number format of the fixture).
  await edit('data/bevoelkerung-arbeitsmarkt.csv', '05;Nordpark;2022;EW;8.412', '05;Nordpark;2022;EW;8.500');
  // 2. A renamed unit: Stadtteil 11 "Am Kanal" → "Am Kanalufer".
  await edit('data/geo/stadtteile.geojson', '"name": "Am Kanal"', '"name": "Am Kanalufer"');
  // 3. A new facility (made up), with a phone.
  await writeFile(
    join(atlas, 'content/facilities/kita-neu.md'),
    [
      '---',
      '# Erfundener Eintrag für den Test des Änderungsberichts.',
      'id: "kita-neu"',
      'name: "Kita Neubau"',
      'types: ["kita"]',
      'address: { street: "Neue Straße 1", postcode: "45997", city: "Musterstadt" }',
      'location: { lat: 51.416678, lon: 7.03 }',
      'phone: "+49 201 5550200"',
      'lastConfirmed: "2023-12-01"',
      '---',
      '',
    ].join('\n'),
  );
  // 4. A contact gap closed: the Pflegeheim am Kanal gets an e-mail address.
  await edit(
    'content/facilities/pflegeheim-am-kanal.md',
    'lastConfirmed: "2023-11-30"',
    'email: "info@pflegeheim.example"\nlastConfirmed: "2023-11-30"',
  );
  diff = await runDiff({ atlasDir: atlas, ref: 'HEAD' });
}, 120_000);

afterAll(async () => {
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe('runDiff() against the last commit', () => {
  it('reports the changed value with both figures', () => {
    const all = [...diff.largestChanges];
    expect(all).toContainEqual(
      expect.objectContaining({
        unit: '05',
        indicator: 'einwohner',
        year: 2022,
        before: { status: 'value', value: 8412 },
        after: { status: 'value', value: 8500 },
      }),
    );
    // Derived values move with it (the Stadtbezirk's sum); the Stadtteil's own change is among the largest.
    expect(diff.changedValues).toBeGreaterThanOrEqual(2);
  });

  it('reports the renamed unit', () => {
    expect(diff.units.renamed).toEqual([{ id: '11', level: 'stadtteil', before: 'Am Kanal', after: 'Am Kanalufer' }]);
    expect(diff.units.added).toEqual([]);
    expect(diff.units.removed).toEqual([]);
  });

  it('reports the new facility, the changed one with its field, and the closed contact gap', () => {
    expect(diff.facilities.added).toEqual([{ id: 'kita-neu', name: 'Kita Neubau' }]);
    expect(diff.facilities.changed).toEqual([
      {
        id: 'pflegeheim-am-kanal',
        name: 'Pflegeheim am Kanal',
        fields: [{ field: 'email', before: '–', after: 'info@pflegeheim.example' }],
      },
    ]);
    expect(diff.contactGaps.closed).toEqual([{ id: 'pflegeheim-am-kanal', name: 'Pflegeheim am Kanal' }]);
    expect(diff.contactGaps.opened).toEqual([]);
  });

  it('says all three in the Markdown for the pull request', () => {
    const md = formatDiffMarkdown(diff, 'HEAD');
    expect(md).toContain('### Gebiete umbenannt (1)');
    expect(md).toContain('`11` (stadtteil): Am Kanal → Am Kanalufer');
    expect(md).toMatch(/\| Nordpark \(`05`\) \| Einwohnerinnen und Einwohner \| 2022 \| 8412 \| 8500 \|/);
    expect(md).toContain('### Einrichtungen neu (1)');
    expect(md).toContain('Kita Neubau (`kita-neu`)');
  });
});

describe('npm run diff (the command)', () => {
  it('fails with a clear message and exit code 2 for an unknown ref', async () => {
    const r = await run(process.execPath, ['scripts/diff.ts', 'gibt-es-nicht'], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_DIR: atlas },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unbekannte Git-Referenz „gibt-es-nicht“');
  });

  it('prints the report as JSON with --json', async () => {
    const { stdout } = await run(process.execPath, ['scripts/diff.ts', 'HEAD', '--json'], {
      cwd: ROOT,
      env: { ...process.env, ATLAS_DIR: atlas },
    });
    const json = JSON.parse(stdout) as AtlasDiff;
    expect(json.units.renamed[0]?.after).toBe('Am Kanalufer');
  });
});
