import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkOptions } from '../../src/lib/links.ts';
import { listFiles } from '../../src/pipeline/listFiles.ts';
import {
  checkSiteLinks,
  LinkDigests,
  readSiteUrl,
  startLinkStream,
  type LinkStream,
} from '../../src/pipeline/siteLinks.ts';

// The made-up fixture site of test/lib/links.test.ts (33 pages, six deliberate broken links), in a copy.
const fixture = path.resolve(import.meta.dirname, '../fixtures/site');
let dir: string;
let pages: string[];
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'link-stream-'));
  await cp(fixture, dir, { recursive: true });
  files = await listFiles(dir);
  pages = files.filter((f) => f.endsWith('.html'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stream whose pages were read before (by the test): it only settles. */
const settledBy = (options: LinkOptions, settle: LinkStream['settle']): LinkStream => ({
  options,
  add: () => undefined,
  settled: 0,
  settle,
  close: async () => undefined,
});

describe('a link check begun while the site is written (startLinkStream, checkSiteLinks with stream)', () => {
  it('gives the report of the check after the build, in this thread and in a link thread', async () => {
    const plain = await checkSiteLinks(dir);
    expect(plain.broken.length).toBe(6);
    for (const thread of [false, true]) {
      const stream = startLinkStream(dir, { siteUrl: await readSiteUrl(dir) }, { thread });
      for (const page of pages) stream.add(page);
      try {
        expect(await checkSiteLinks(dir, { stream })).toEqual(plain);
        // All but the two pages with missing files were checked from what was read while they were handed over.
        expect(stream.settled).toBe(pages.length - 2);
      } finally {
        await stream.close();
      }
    }
  });

  it('settles the pages it can and leaves those with a missing target to the check of the page itself', async () => {
    const digests = new LinkDigests(dir, { siteUrl: await readSiteUrl(dir) });
    await digests.add(pages);
    const { checked } = digests.settle(files);
    // The two pages with missing files; the page with missing anchors and a javascript: url settles.
    expect(pages.filter((p) => !checked.includes(p)).sort()).toEqual([
      'defekte/fehlende-datei/index.html',
      'defekte/kaputte-links/index.html',
    ]);
  });

  it('checks again a page written after it was read, and the pages never handed over', async () => {
    const options = { siteUrl: await readSiteUrl(dir) };
    const digests = new LinkDigests(dir, options);
    const changed = 'bezirke/mitte/index.html';
    await digests.add(pages.filter((p, i) => i % 2 === 0 || p === changed));
    const text = await readFile(path.join(dir, changed), 'utf8');
    try {
      await writeFile(path.join(dir, changed), text.replace('</body>', '<a href="/neu-und-kaputt/">x</a></body>'));
      const stream = settledBy(options, async (f) => digests.settle(f));
      const report = await checkSiteLinks(dir, { stream });
      expect(report.broken.map((b) => `${b.page} ${b.href}`)).toContain('/bezirke/mitte/ /neu-und-kaputt/');
      expect(report).toEqual(await checkSiteLinks(dir));
    } finally {
      await writeFile(path.join(dir, changed), text);
    }
  });

  it('answers fragments on other pages from the anchors kept, or leaves them to the check that reads the target', async () => {
    const options = { siteUrl: await readSiteUrl(dir) };
    const target = 'bezirke/mitte/index.html';
    // A made-up page that asks the target for an anchor it has and one it lacks.
    const asker = 'fragmente/index.html';
    await mkdir(path.join(dir, 'fragmente'));
    await writeFile(
      path.join(dir, asker),
      '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>F</title></head><body><a href="/bezirke/mitte/#kennzahlen">da</a><a href="/bezirke/mitte/#gibt-es-nicht">fehlt</a></body></html>',
    );
    try {
      const all = [...files, asker];
      const rest = pages.filter((p) => p !== target);
      const plain = await checkSiteLinks(dir);
      expect(plain.broken.map((b) => b.href)).toContain('/bezirke/mitte/#gibt-es-nicht');
      for (const [order, settledHere] of [
        [[asker, target, ...rest], true],
        [[target, asker, ...rest], false],
      ] as const) {
        const digests = new LinkDigests(dir, options);
        await digests.add(order);
        const { result } = digests.settle(all);
        const owed = result.pending.filter((p) => p.page === '/fragmente/').map((p) => p.fragment);
        const broken = result.broken.map((b) => b.href);
        // Asked for before the target was read: answered here; after: left to the check that reads the target.
        expect(owed.sort()).toEqual(settledHere ? [] : ['gibt-es-nicht', 'kennzahlen']);
        expect(broken.includes('/bezirke/mitte/#gibt-es-nicht')).toBe(settledHere);
        const stream = settledBy(options, async (f) => {
          const d = new LinkDigests(dir, options);
          await d.add(order);
          return d.settle(f);
        });
        expect(await checkSiteLinks(dir, { stream })).toEqual(plain);
      }
    } finally {
      await rm(path.join(dir, 'fragmente'), { recursive: true });
    }
  });
});
