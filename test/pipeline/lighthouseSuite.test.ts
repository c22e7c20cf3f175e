/**
 * What decides whether the Lighthouse suite (e2e/lighthouse.test.ts) runs, is skipped or fails, which pages failed
 * to load, and how a failed Lighthouse run is tried again: without running Lighthouse or Chromium (a fake runner and
 * launcher, made-up page results).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LIGHTHOUSE_CATEGORIES,
  lighthouseLoadFailures,
  lighthouseSuitePlan,
  runLighthouseAudit,
  type LighthousePageResult,
  type LighthouseRunner,
  type RunningChrome,
} from '../../src/pipeline/lighthouse.ts';

const runner: LighthouseRunner = async () => undefined;

/** A made-up page result; `scores` all 100 unless given. */
function page(path: string, extra: Partial<LighthousePageResult> = {}): LighthousePageResult {
  return {
    label: 'Startseite',
    path,
    url: `http://127.0.0.1:4321${path}`,
    scores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
    performanceRuns: [100],
    benchmarkIndex: [1500],
    metrics: {},
    findings: [],
    warnings: [],
    ...extra,
  };
}

describe('lighthouseSuitePlan', () => {
  it('runs with the loaded Lighthouse', async () => {
    expect(await lighthouseSuitePlan({}, async () => runner)).toEqual({ run: runner });
  });

  it('fails, never skips, when Lighthouse cannot be loaded, with the error and its cause', async () => {
    const load = async (): Promise<LighthouseRunner> => {
      throw new Error('the npm package "lighthouse" is missing', { cause: new Error("Cannot find package 'x'") });
    };
    expect(await lighthouseSuitePlan({}, load)).toEqual({
      fail: `Lighthouse could not be loaded: the npm package "lighthouse" is missing (Cannot find package 'x')`,
    });
  });

  it('skips only on SOZIALATLAS_SKIP_LIGHTHOUSE=1, without loading Lighthouse', async () => {
    let loaded = false;
    const load = async () => {
      loaded = true;
      return runner;
    };
    expect(await lighthouseSuitePlan({ SOZIALATLAS_SKIP_LIGHTHOUSE: '1' }, load)).toEqual({
      skip: 'SOZIALATLAS_SKIP_LIGHTHOUSE=1',
    });
    expect(loaded).toBe(false);
    expect(await lighthouseSuitePlan({ SOZIALATLAS_SKIP_LIGHTHOUSE: '0' }, load)).toEqual({ run: runner });
  });
});

describe('lighthouseLoadFailures', () => {
  it('is empty when every page loaded', () => {
    expect(lighthouseLoadFailures({ pages: [page('/'), page('/en/')] })).toEqual([]);
  });

  it('names the URL and the error of a page that did not load', () => {
    const failed = page('/daten/', {
      scores: { performance: null, accessibility: null, 'best-practices': null, seo: null },
      error: 'ERRORED_DOCUMENT_REQUEST: Lighthouse was unable to reliably load the page (Status code: 404)',
    });
    expect(lighthouseLoadFailures({ pages: [page('/'), failed] })).toEqual([
      'http://127.0.0.1:4321/daten/: ERRORED_DOCUMENT_REQUEST: Lighthouse was unable to reliably load the page (Status code: 404)',
    ]);
  });

  it('counts a page without any score as not loaded; one missing category is a score matter, not a load failure', () => {
    const none = page('/a/', { scores: { performance: null, accessibility: null, 'best-practices': null, seo: null } });
    const one = page('/b/', { scores: { performance: null, accessibility: 100, 'best-practices': 100, seo: 100 } });
    expect(lighthouseLoadFailures({ pages: [none, one] })).toEqual([
      'http://127.0.0.1:4321/a/: no score in any category',
    ]);
  });

  it('fails an audit that stopped, and an empty or missing report', () => {
    expect(
      lighthouseLoadFailures(undefined, { dist: 'dist', error: new Error('ENOENT: dist/data/atlas.json') }),
    ).toEqual(['dist/: ENOENT: dist/data/atlas.json']);
    expect(lighthouseLoadFailures({ pages: [] })).toEqual(['no page audited']);
    expect(lighthouseLoadFailures(undefined)).toEqual(['no Lighthouse report']);
  });
});

describe('runLighthouseAudit', () => {
  type Lhr = NonNullable<Awaited<ReturnType<LighthouseRunner>>>['lhr'];
  /** A made-up Lighthouse result with the same score in every category. */
  const lhr = (score: number): Lhr => ({
    lighthouseVersion: '0.0.0',
    userAgent: 'fake',
    fetchTime: '2026-12-07T00:00:00.000Z',
    finalDisplayedUrl: '',
    runWarnings: [],
    categories: Object.fromEntries(LIGHTHOUSE_CATEGORIES.map((c) => [c, { id: c, title: c, score, auditRefs: [] }])),
    audits: {},
  });
  const NO_NAVSTART = { code: 'NO_NAVSTART', message: 'Something went wrong with recording the trace.' };

  /** A fake launcher: each "Chromium" has its own port and records whether it was closed. */
  function chromes() {
    const started: (RunningChrome & { closed: boolean })[] = [];
    const launch = async (): Promise<RunningChrome> => {
      const chrome = {
        port: 9000 + started.length,
        version: 'Fake/1',
        closed: false,
        close: async () => {
          chrome.closed = true;
        },
      };
      started.push(chrome);
      return chrome;
    };
    return { started, launch };
  }

  async function audit(runner: LighthouseRunner, launch: () => Promise<RunningChrome>, paths: string[]) {
    const dist = await mkdtemp(path.join(tmpdir(), 'sozialatlas-lh-'));
    try {
      return await runLighthouseAudit({
        dist,
        pages: paths.map((p) => ({ label: p, path: p })),
        runs: 1,
        lighthouse: runner,
        launch,
        chromePath: '/fake/chromium',
      });
    } finally {
      await rm(dist, { recursive: true, force: true });
    }
  }

  it('tries a failed run again in a newly started Chromium, and scores the page from the attempt that worked', async () => {
    const { started, launch } = chromes();
    const ports: unknown[] = [];
    const runner: LighthouseRunner = async (_url, flags) => {
      ports.push(flags['port']);
      return ports.length < 3 ? { lhr: { ...lhr(1), runtimeError: NO_NAVSTART } } : { lhr: lhr(0.97) };
    };
    const report = await audit(runner, launch, ['/']);
    expect(ports).toEqual([9000, 9001, 9002]);
    expect(started.map((c) => c.closed)).toEqual([true, true, true]);
    expect(report.pages[0]?.error).toBeUndefined();
    expect(report.pages[0]?.scores.accessibility).toBe(97);
    expect(report.pages[0]?.warnings).toEqual([
      'run 1, attempt 1: NO_NAVSTART: Something went wrong with recording the trace.',
      'run 1, attempt 2: NO_NAVSTART: Something went wrong with recording the trace.',
    ]);
  });

  it('fails a page whose three attempts failed, naming the error, and audits the next page', async () => {
    const { started, launch } = chromes();
    const runner: LighthouseRunner = async (url) =>
      url.endsWith('/kaputt/') ? { lhr: { ...lhr(1), runtimeError: NO_NAVSTART } } : { lhr: lhr(1) };
    const report = await audit(runner, launch, ['/kaputt/', '/']);
    expect(report.pages.map((p) => p.error)).toEqual([
      'NO_NAVSTART: Something went wrong with recording the trace.',
      undefined,
    ]);
    expect(report.pages[0]?.warnings).toHaveLength(3);
    expect(report.pages[1]?.scores.seo).toBe(100);
    expect(started).toHaveLength(3);
    expect(lighthouseLoadFailures(report)).toHaveLength(1);
  });
});
