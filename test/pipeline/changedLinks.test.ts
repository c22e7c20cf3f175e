/**
 * The link check of an incremental build (checkChangedLinks) on small made-up sites: it checks only the pages that
 * were rendered again, unless a file disappeared or a page lost an anchor, when it checks all.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkChangedLinks } from '../../src/pipeline/siteLinks.ts';

let root = '';

async function site(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, name);
  for (const [file, html] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), `<!doctype html><html><body>${html}</body></html>`);
  }
  return dir;
}

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

const page = (links: string) => `<main>${links}</main>`;

describe('checkChangedLinks', () => {
  it('checks only the pages rendered again while no file and no anchor is gone', async () => {
    root = await mkdtemp(join(tmpdir(), 'changed-links-'));
    const before = {
      'index.html': page('<a href="/a/">a</a> <a href="/b/#x">b</a>'),
      'a/index.html': page('<a href="/">home</a>'),
      'b/index.html': page('<h2 id="x">x</h2>'),
    };
    const previous = await site('previous', before);
    const next = await site('next', {
      ...before,
      'b/index.html': page('<h2 id="x">x</h2><h2 id="y">y</h2><a href="/fehlt/">kaputt</a>'),
    });
    const r = await checkChangedLinks(previous, next, new Set(['index.html', 'a/index.html']));
    expect(r.all).toBeUndefined();
    expect(r.broken.map((b) => [b.page, b.href])).toEqual([['/b/', '/fehlt/']]);
  });

  it('checks every page when a page rendered again lost an anchor an unchanged page links to', async () => {
    root = await mkdtemp(join(tmpdir(), 'changed-links-'));
    const before = {
      'index.html': page('<a href="/b/#x">b</a>'),
      'b/index.html': page('<h2 id="x">x</h2>'),
    };
    const previous = await site('previous', before);
    const next = await site('next', { ...before, 'b/index.html': page('<h2 id="z">z</h2>') });
    const r = await checkChangedLinks(previous, next, new Set(['index.html']));
    expect(r.all).toContain('Anker #x');
    expect(r.broken.map((b) => [b.page, b.href])).toEqual([['/', '/b/#x']]);
  });

  it('checks every page when a file is gone that an unchanged page links to', async () => {
    root = await mkdtemp(join(tmpdir(), 'changed-links-'));
    const previous = await site('previous', {
      'index.html': page('<a href="/b/">b</a>'),
      'b/index.html': page('b'),
      'c/index.html': page('c'),
    });
    const next = await site('next', { 'index.html': page('<a href="/b/">b</a>'), 'c/index.html': page('c') });
    const r = await checkChangedLinks(previous, next, new Set(['index.html', 'c/index.html']));
    expect(r.all).toContain('1 Dateien entfallen');
    expect(r.broken.map((b) => [b.page, b.href])).toEqual([['/', '/b/']]);
  });
});
