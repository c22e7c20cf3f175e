/**
 * `npm run new-atlas` writes a folder that `npm run build` turns into a site (run as an editor would, as child
 * processes); a production build of it fails while the templates' placeholders and the example siteUrl remain.
 * Output and cache land in the atlas folder (dist/, .atlas/), not in the program folder.
 */
import { spawnSync } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { atlasIdFrom } from '../../src/lib/scaffold.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let tmp = '';
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function npm(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('npm', ['run', '--silent', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

describe('npm run new-atlas + npm run build', () => {
  it('atlasIdFrom makes a slug of the folder name', () => {
    expect(atlasIdFrom('Mühlheim an der Ruhr')).toBe('muehlheim-an-der-ruhr');
    expect(atlasIdFrom('---')).toBe('meine-stadt');
  });

  it('scaffolds, builds into the atlas folder, and refuses a production build with placeholders', async () => {
    tmp = await mkdtemp(join(tmpdir(), 'new-atlas-'));
    const folder = join(tmp, 'Neue Stadt');
    const made = npm(['new-atlas', '--', folder, '--city', 'Neustadt am See']);
    expect(made.code, made.out).toBe(0);
    expect(await readFile(join(folder, 'atlas.yml'), 'utf8')).toContain('id: "neue-stadt"');
    // A second run does not overwrite.
    expect(npm(['new-atlas', '--', folder]).code).toBe(1);

    const built = npm(['build'], { ATLAS_DIR: folder });
    expect(built.code, built.out).toBe(0);
    expect(built.out).toContain('Vor einer Veröffentlichung auszufüllen');
    const impressum = await readFile(join(folder, 'dist/impressum/index.html'), 'utf8');
    // The address lines of the template stay lines (<br>), and nothing of Berlin leaks in.
    expect(impressum).toMatch(/\[Name der Stelle eintragen\]<br>\s*\[Organisationseinheit eintragen\]<br>/);
    const home = await readFile(join(folder, 'dist/index.html'), 'utf8');
    expect(home).toContain('Sozialatlas Neustadt am See');
    expect(home).not.toMatch(/Berlin/);
    await access(join(folder, '.atlas/build/site.json'));

    const production = npm(['build', '--', '--production'], { ATLAS_DIR: folder, OUT_DIR: join(tmp, 'prod') });
    expect(production.code).toBe(1);
    expect(production.out).toContain('atlas.yml: Feld "siteUrl": siteUrl ist noch die Beispieladresse');
    expect(production.out).toMatch(/content\/legal\/impressum\.md:5: \d+ Platzhalter sind noch nicht ausgefüllt/);
    await expect(access(join(tmp, 'prod'))).rejects.toThrow();

    // Filled in, the production build passes (the same through the environment variable).
    for (const f of [
      'atlas.yml',
      ...['impressum', 'datenschutz', 'barrierefreiheit', 'leichte-sprache'].map((n) => `content/legal/${n}.md`),
    ]) {
      const text = await readFile(join(folder, f), 'utf8');
      await writeFile(
        join(folder, f),
        text
          .replace(/\[[^\]\n]*eintragen[^\]\n]*\]/g, 'Stadt Neustadt am See')
          .replace('sozialatlas.example', 'sozialatlas.neustadt.de'),
      );
    }
    const ok = npm(['build'], { ATLAS_DIR: folder, OUT_DIR: join(tmp, 'prod'), SOZIALATLAS_PRODUCTION: '1' });
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toContain('Produktions-Build');
  }, 600_000);
});
