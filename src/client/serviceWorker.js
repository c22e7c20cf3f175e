/* Sozialatlas offline worker (README "Offline use"). Registered only after the user clicks "Für offline speichern"
   (src/client/offlineSave.ts); the build (src/pipeline/offline.ts) writes it to /sw.js with its version below.
   Plain JavaScript: it is copied, not bundled. Nothing here sends anything anywhere; it only answers the site's own
   requests from Cache Storage on this device when the network fails. */
const VERSION = '__SOZIALATLAS_OFFLINE_VERSION__';
const LANG = new URL(self.location.href).searchParams.get('lang') === 'en' ? 'en' : 'de';
const PREFIX = 'sozialatlas-';
/** The bundle of the manifest (directory, area lists, search indexes and the radius file, assets). */
const BUNDLE = `${PREFIX}bundle-${LANG}-${VERSION}`;
/** Pages visited after saving (facility pages, unit pages). */
const PAGES = `${PREFIX}pages-${VERSION}`;
const OFFLINE_PAGE = LANG === 'en' ? '/en/offline/' : '/offline/';
/** A navigation waits this long for the network before a stored copy is shown (bad networks). */
const NETWORK_TIMEOUT_MS = 6000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const response = await fetch(`/data/offline/manifest-${LANG}.json`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`manifest: HTTP ${response.status}`);
      const manifest = await response.json();
      const cache = await caches.open(BUNDLE);
      // All or nothing: a failed file fails the installation, and the page says so.
      await cache.addAll(manifest.files.map((url) => new Request(url, { cache: 'no-store' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([BUNDLE, PAGES]);
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && !keep.has(key)) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/sw.js') return;
  if (request.mode === 'navigate') event.respondWith(page(request, url));
  else if (url.pathname.startsWith('/_astro/')) event.respondWith(asset(request));
  else event.respondWith(data(request));
});

/** HTML: network first (stored copy kept fresh), else the stored copy, else the offline page. */
async function page(request, url) {
  const network = fetch(request).then(async (response) => {
    if (response.ok && response.type === 'basic' && !response.redirected)
      await store(request, response.clone()).catch(() => undefined);
    return response;
  });
  try {
    return await withTimeout(network, NETWORK_TIMEOUT_MS, () => caches.match(request, { ignoreSearch: true }));
  } catch {
    const stored = await caches.match(request, { ignoreSearch: true });
    if (stored) return stored;
    const own = url.pathname === '/en' || url.pathname.startsWith('/en/') ? '/en/offline/' : '/offline/';
    const fallback = (await caches.match(own)) ?? (await caches.match(OFFLINE_PAGE));
    return fallback ?? Response.error();
  }
}

/** Hashed assets never change under the same name: the stored copy first. */
async function asset(request) {
  const stored = await caches.match(request);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok) await store(request, response.clone()).catch(() => undefined);
  return response;
}

/** Data files: network first, the stored copy when offline (only files of the bundle are stored). */
async function data(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (await caches.open(BUNDLE).then((c) => c.match(request))))
      await store(request, response.clone()).catch(() => undefined);
    return response;
  } catch (error) {
    const stored = await caches.match(request, { ignoreSearch: true });
    if (stored) return stored;
    throw error;
  }
}

/** Updates the copy in the bundle when the file belongs to it, else keeps it with the visited pages. */
async function store(request, response) {
  const bundle = await caches.open(BUNDLE);
  const target = (await bundle.match(request, { ignoreSearch: true })) ? bundle : await caches.open(PAGES);
  await target.put(request, response);
}

/** The network's answer; after `ms` the stored copy if there is one (the network answer is still stored later). */
function withTimeout(network, ms, stored) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(async () => {
      const copy = await stored();
      if (copy && !settled) {
        settled = true;
        resolve(copy);
      }
    }, ms);
    network.then(
      (r) => {
        clearTimeout(timer);
        if (!settled) {
          settled = true;
          resolve(r);
        }
      },
      (e) => {
        clearTimeout(timer);
        if (!settled) {
          settled = true;
          reject(e);
        }
      },
    );
  });
}
