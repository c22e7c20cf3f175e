/**
 * What decides whether the Lighthouse suite (e2e/lighthouse.test.ts) runs, is skipped or fails, and which pages failed
 * to load: without running Lighthouse (a fake runner, made-up page results).
 */
import { describe, expect, it } from 'vitest';
import {
  lighthouseLoadFailures,
  lighthouseSuitePlan,
  type LighthousePageResult,
  type LighthouseRunner,
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
