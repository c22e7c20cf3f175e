/**
 * Offline use (issue 3, point 7; RELIABILITY.md §5.3, §6.3): after the user clicks "Für offline speichern" on a
 * directory page, the service worker stores the offline bundle; with the network cut, an area list, a facility page
 * visited before and a facility page never visited still show their content (the last one joined from the saved
 * search index and the files beside it, marked as the saved state). A first visit without the click registers no worker and creates no cache.
 * "Offline-Daten löschen" removes worker and caches.
 *
 * Expected names come from the served site's own files (the public feed /data/facilities.geojson, the unit index and
 * the offline manifest), so the test holds for any atlas with a directory; run it against a build of
 * test/fixtures/atlas-mini.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { OfflineManifest } from '../src/lib/offline/bundle.ts';
import type { PlaceIndexFile } from '../src/lib/facilities/searchPlaces.ts';
import {
  formatAxeFinding,
  formatStorage,
  launchBrowser,
  newPageContext,
  openPage,
  runAxe,
  screenshot,
  VIEWPORTS,
} from './harness/index.ts';

const baseUrl = inject('sozialatlasBaseUrl');
const getJson = async <T>(path: string): Promise<T> => {
  const r = await fetch(`${baseUrl}${path}`);
  if (!r.ok) throw new Error(`GET ${path} answered ${r.status}`);
  return (await r.json()) as T;
};
/** The properties of an entry of the public feed that this test reads. */
interface FeedEntry {
  id: string;
  name: string;
  address?: { street: string } | null;
  phone?: string | null;
  lastConfirmed: string;
}
const feed = await getJson<{ features: { properties: FeedEntry }[] }>('/data/facilities.geojson');
const atlasDataDate = (await getJson<{ atlas: { dataDate: string } }>('/data/atlas.json')).atlas.dataDate;
const manifest = await getJson<OfflineManifest>('/data/offline/manifest-de.json');
const places = await getJson<PlaceIndexFile>('/data/search/units.json');
const [visited, neverVisited] = feed.features
  .map((f) => f.properties)
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const areaUrl = manifest.files.find((f) => /^\/einrichtungen\/gebiet\/[^/]+\/$/.test(f));
const areaId = areaUrl?.split('/')[3] ?? '';
const areaName = places.units.find((u) => u[0] === areaId)?.[1] ?? '';

const READ_CACHES = `(async () => {
  const out = {};
  for (const key of await caches.keys()) out[key] = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
  return out;
})()`;
const WORKER_STATE = `navigator.serviceWorker.getRegistration('/').then((r) => r && r.active ? r.active.state : 'none')`;

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const h1 = (page: Page) => page.locator('h1').innerText();

describe('offline use', () => {
  it('fixture atlas has a directory with at least two entries and an area list in the bundle', () => {
    expect(visited && neverVisited && areaUrl && areaName).toBeTruthy();
  });

  it('first visit without the click: the save box is offered, but no worker, no cache, no storage', async () => {
    const context = await newPageContext(browser!, VIEWPORTS.phone);
    try {
      const opened = await openPage(context, `${baseUrl}/einrichtungen/`, VIEWPORTS.phone);
      // The box becomes visible only after its script read the manifest: the script has run.
      await opened.page.locator('[data-offline-save] button[data-action="save"]').waitFor({ state: 'visible' });
      expect(await opened.page.locator('[data-offline-save] button[data-action="save"]').innerText()).toMatch(
        /^Für offline speichern \(ca\. [\d,]+ (kB|MB)\)$/,
      );
      expect(formatStorage(await opened.storage())).toEqual([]);
      expect(opened.record.consoleErrors).toEqual([]);
      expect(await opened.cspViolations()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  describe('after "Für offline speichern", with the network cut', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await newPageContext(browser!, VIEWPORTS.phone);
      page = (await openPage(context, `${baseUrl}/einrichtungen/`, VIEWPORTS.phone)).page;
      const save = page.locator('[data-offline-save] button[data-action="save"]');
      await save.waitFor({ state: 'visible' });
      await save.click();
      await page
        .locator('[data-offline-save] [data-status]')
        .filter({ hasText: 'Auf diesem Gerät gespeichert' })
        .waitFor({ timeout: 60_000 });
      await screenshot(page, 'offline-saved');
      // Visited after saving (online): the worker keeps a copy.
      await page.goto(`${baseUrl}/einrichtungen/${visited!.id}/`);
      expect(await h1(page)).toBe(visited!.name);
      await context.setOffline(true);
    });
    afterAll(async () => {
      await context?.close();
    });

    it('the worker is active and the whole bundle is in Cache Storage', async () => {
      expect(await page.evaluate<string>(WORKER_STATE)).toBe('activated');
      const caches = await page.evaluate<Record<string, string[]>>(READ_CACHES);
      const bundle = Object.entries(caches).find(([k]) => k.startsWith('sozialatlas-bundle-de-'));
      expect(bundle?.[1].slice().sort()).toEqual(manifest.files.slice().sort());
      expect(Object.values(caches).flat()).toContain(`/einrichtungen/${visited!.id}/`);
    });

    it('an area list opens offline', async () => {
      await page.goto(`${baseUrl}${areaUrl}`);
      expect(await h1(page)).toContain(areaName);
      expect(await page.locator('.facility-list li').count()).toBeGreaterThan(0);
    });

    it('the directory search and the place finder answer from the saved indexes', async () => {
      await page.goto(`${baseUrl}/einrichtungen/suche/?q=${encodeURIComponent(visited!.name)}`);
      await page.locator('[data-search-status]', { hasText: /gefunden/ }).waitFor();
      expect(await page.locator('[data-search-list] li > a').allTextContents()).toContain(visited!.name);
      await page.locator('#finder-kopf-q').click();
      await page.keyboard.type(areaName);
      await page.locator('#finder-kopf-liste [role="option"]', { hasText: areaName }).first().waitFor();
      await page.locator('#finder-kopf-liste[data-facilities="ready"]').waitFor({ state: 'attached' });
    });

    it('a facility page visited before opens offline, with its last confirmation', async () => {
      await page.goto(`${baseUrl}/einrichtungen/${visited!.id}/`);
      expect(await h1(page)).toBe(visited!.name);
      expect(await page.locator(`#quellen ~ p time[datetime="${visited!.lastConfirmed}"]`).count()).toBe(1);
      // The footer names the statistics' date; the offline state names the facility data's date (its latest
      // confirmation or retrieval), which is never older than this entry's confirmation.
      expect(await page.locator('footer time').getAttribute('datetime')).toBe(atlasDataDate);
      expect(manifest.dataDate >= visited!.lastConfirmed).toBe(true);
    });

    it('a facility page never visited shows the saved entry, marked as the saved state, and passes axe', async () => {
      await page.goto(`${baseUrl}/einrichtungen/${neverVisited!.id}/`);
      await page.locator('.offline-state time').waitFor();
      expect(await h1(page)).toBe(neverVisited!.name);
      expect(await page.locator('.offline-state').innerText()).toContain('gespeicherten Stand vom');
      expect(await page.locator('.offline-state time').getAttribute('datetime')).toBe(manifest.dataDate);
      expect(await page.locator('main').innerText()).toContain(
        neverVisited!.address?.street ?? 'Adresse nicht erfasst',
      );
      expect(await page.locator('main time[datetime="' + neverVisited!.lastConfirmed + '"]').count()).toBe(1);
      // Shown with no-break spaces (a number never breaks across lines), the same digits.
      if (neverVisited!.phone)
        expect((await page.locator('main a[href^="tel:"]').innerText()).replace(/\u00a0/g, ' ')).toBe(
          neverVisited!.phone,
        );
      await screenshot(page, 'offline-facility-fallback');
      expect((await runAxe(page)).map(formatAxeFinding)).toEqual([]);
    });

    it('a page that was not saved says so instead of a browser error', async () => {
      await page.goto(`${baseUrl}/daten/`);
      expect(await page.locator('main .offline-state').innerText()).toContain('nicht offline gespeichert');
    });

    it('"Offline-Daten löschen" removes the worker and every cache', async () => {
      await context.setOffline(false);
      await page.goto(`${baseUrl}/einrichtungen/`);
      const remove = page.locator('[data-offline-save] button[data-action="delete"]');
      await remove.waitFor({ state: 'visible' });
      await remove.click();
      await page.locator('[data-offline-save] [data-status]').filter({ hasText: 'Offline-Daten gelöscht' }).waitFor();
      expect(await page.evaluate<Record<string, string[]>>(READ_CACHES)).toEqual({});
      expect(await page.evaluate<number>('navigator.serviceWorker.getRegistrations().then((r) => r.length)')).toBe(0);
    });
  });
});
