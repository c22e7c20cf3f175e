/**
 * Gate check `storage` (RELIABILITY.md §5.3): a first visit leaves no cookie, web storage, IndexedDB, Cache Storage
 * or service worker.
 *
 * In-page code is written as plain JavaScript strings, not TypeScript functions: a transpiler (tsx/esbuild with
 * keepNames) may wrap nested functions in a `__name()` helper that does not exist in the page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { GateCheck } from './audit.ts';

/** What a visit left in the browser; every list must be empty after a first visit (RELIABILITY.md §5.3). */
export interface StorageFindings {
  cookies: string[];
  localStorage: string[];
  sessionStorage: string[];
  indexedDB: string[];
  cacheStorage: string[];
  serviceWorkers: string[];
}

const READ_STORAGE = `(async () => {
  const out = { localStorage: [], sessionStorage: [], indexedDB: [], cacheStorage: [], serviceWorkers: [] };
  const attempt = async (key, read) => { try { out[key] = await read(); } catch (e) { out[key] = ['(unreadable: ' + e + ')']; } };
  await attempt('localStorage', () => Object.keys(localStorage));
  await attempt('sessionStorage', () => Object.keys(sessionStorage));
  await attempt('indexedDB', async () => (await indexedDB.databases()).map((d) => d.name + ' v' + d.version));
  await attempt('cacheStorage', () => (window.caches ? caches.keys() : []));
  await attempt('serviceWorkers', async () => navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope) : []);
  return out;
})()`;

/** Reads cookies, web storage keys, IndexedDB names, Cache Storage keys and service worker scopes now. */
export async function readStorage(page: Page, context: BrowserContext): Promise<StorageFindings> {
  const inPage = await page.evaluate<Omit<StorageFindings, 'cookies'>>(READ_STORAGE);
  const cookies = (await context.cookies()).map((c) => `${c.name} (${c.domain}${c.path})`);
  return { cookies, ...inPage };
}

/** Storage findings as readable lines, e.g. `cookie besuch (127.0.0.1/)`, `localStorage zuletztBesucht`. */
export function formatStorage(storage: StorageFindings): string[] {
  const lines: string[] = [];
  for (const [kind, entries] of Object.entries(storage) as [keyof StorageFindings, string[]][]) {
    const label = kind === 'cookies' ? 'cookie' : kind === 'serviceWorkers' ? 'service worker' : kind;
    for (const entry of entries) lines.push(`${label} ${entry}`);
  }
  return lines;
}

export const storageCheck: GateCheck = {
  id: 'storage',
  sentence: 'sets no cookie and writes no web storage, IndexedDB, Cache Storage or service worker on a first visit',
  problems: (a) => formatStorage(a.storage),
};
