/**
 * Errors that stay few, on the real demo atlas: a wrong `crs` in atlas.yml, or a boundary file that is not one,
 * fails the check with one error (or a handful of lines), not one error per table row or facility. The demo folder
 * is linked into a temporary atlas folder beside a changed atlas.yml.
 */
import { mkdtemp, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblemLog } from '../../src/lib/problems.ts';
import { runPipeline } from '../../src/pipeline/build.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const made: string[] = [];
afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true });
});

/** A copy of the demo atlas folder: links to data/, content/ and facilities.yml, and atlas.yml as `edit` makes it. */
async function demoWith(edit: (yml: string) => string, extra: Record<string, Uint8Array> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'demo-broken-'));
  made.push(dir);
  for (const f of ['data', 'content', 'facilities.yml']) await symlink(join(ROOT, f), join(dir, f));
  for (const [path, bytes] of Object.entries(extra)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  await writeFile(join(dir, 'atlas.yml'), edit(await readFile(join(ROOT, 'atlas.yml'), 'utf8')));
  return dir;
}

async function check(atlasDir: string) {
  const r = await runPipeline({ atlasDir, cacheDir: join(atlasDir, '.atlas'), validateOnly: true, log: () => {} });
  return { log: r.log, text: formatProblemLog(r.log) };
}

describe('the demo atlas with one broken boundary input', () => {
  it('a wrong crs fails with one error naming file, level field and likely cause', async () => {
    const dir = await demoWith((yml) => yml.replace('crs: EPSG:4326', 'crs: EPSG:25833'));
    const { log, text } = await check(dir);
    expect(log.errors, text).toHaveLength(1);
    const [e] = log.errors;
    expect(e?.file).toBe('data/berlin/geometry/berlin-lor-districts.geojson');
    expect(e?.field).toBe('crs');
    expect(e?.message).toContain('12 Features: Die Koordinaten sehen nach Länge/Breite aus');
    expect(e?.hint).toContain('crs: EPSG:4326 angeben');
    // What depends on the level says so in one line each (grouped), instead of thousands of errors.
    expect(text).toContain('Nicht geprüft:');
    expect(text.split('\n').length, text).toBeLessThan(20);
    expect(text.split('\n').at(-1)).toMatch(/^1 Fehler \(1 Art\), /);
  }, 300_000);

  it('a boundary file that is binary yields a handful of lines, and no error per table row', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const dir = await demoWith(
      (yml) => yml.replace('data/berlin/geometry/berlin-lor-planning-areas-until-2020.geojson', 'geo/kaputt.geojson'),
      { 'geo/kaputt.geojson': garbage },
    );
    const { log, text } = await check(dir);
    expect(
      log.errors.map((e) => [e.file, e.message]),
      text,
    ).toEqual([['geo/kaputt.geojson', 'Die Datei ist keine Textdatei (sie enthält Binärdaten) und kein Shapefile.']]);
    expect(text).not.toContain('\u0000');
    expect(text).toMatch(
      /Nicht geprüft: [\d.]+ Tabellenzeilen in \d+ Dateien .*, weil die Grenzen der Ebene planungsraum/,
    );
    // The demo's own five warnings (district names spelt differently in the MSS tables) are printed as always.
    const lines = text.split('\n').filter((l) => !/Reinicke|Charlottenburg - |Angezeigt wird der Name/.test(l));
    expect(lines.length, text).toBeLessThan(8);
  }, 300_000);
});
