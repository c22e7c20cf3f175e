/**
 * The public folder is hard-linked into the built site instead of copied (src/pipeline/site.ts): every file arrives
 * as a link of the same file, and a file that is also a page stops the build, naming it, with nothing linked.
 * Made-up files in temporary folders.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtlasError } from '../../src/lib/problems.ts';
import { linkPublicFiles } from '../../src/pipeline/site.ts';

let work = '';
let pub = '';
let out = '';

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'link-public-'));
  pub = join(work, 'public');
  out = join(work, 'out');
  await mkdir(join(pub, 'data', 'units'), { recursive: true });
  await writeFile(join(pub, 'favicon.svg'), '<svg/>');
  await writeFile(join(pub, 'data', 'units', '01.csv'), 'id;wert\n01;3\n');
  await mkdir(join(out, 'bezirk', '01'), { recursive: true });
  await writeFile(join(out, 'bezirk', '01', 'index.html'), '<p>Seite</p>');
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('linkPublicFiles', () => {
  it('links every file of the public folder into the output, as the same file', async () => {
    await linkPublicFiles(pub, out);
    for (const f of ['favicon.svg', 'data/units/01.csv']) {
      expect(await readFile(join(out, f), 'utf8')).toBe(await readFile(join(pub, f), 'utf8'));
      expect((await stat(join(out, f))).ino).toBe((await stat(join(pub, f))).ino);
    }
    expect(await readFile(join(out, 'bezirk', '01', 'index.html'), 'utf8')).toBe('<p>Seite</p>');
  });

  it('a public file at the address of a page is an error naming it; nothing is linked, the page stays', async () => {
    await mkdir(join(pub, 'bezirk', '01'), { recursive: true });
    await writeFile(join(pub, 'bezirk', '01', 'index.html'), '<p>Datei</p>');
    const error = await linkPublicFiles(pub, out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtlasError);
    expect(String((error as Error).message)).toContain('bezirk/01/index.html');
    expect(String((error as Error).message)).toContain('public/');
    await expect(stat(join(out, 'favicon.svg'))).rejects.toThrow();
    expect(await readFile(join(out, 'bezirk', '01', 'index.html'), 'utf8')).toBe('<p>Seite</p>');
  });
});
