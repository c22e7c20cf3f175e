/**
 * Browser script of the "Für offline speichern" box (src/components/OfflineSave.astro). On load it only reads: the
 * bundle's manifest (for the size on the button) and whether a worker is registered. Storage starts with the click:
 * registering /sw.js, whose installation stores the bundle in Cache Storage. "Offline-Daten löschen" unregisters the
 * worker and deletes the caches. No cookie, no local storage, nothing sent anywhere.
 */
import { formatDate, type Lang } from '../lib/format.ts';
import { approximateSize, manifestUrl, type OfflineManifest } from '../lib/offline/bundle.ts';

/** Every cache this site creates starts with this (see src/client/serviceWorker.js). */
export const CACHE_PREFIX = 'sozialatlas-';

/** "… {size} …" with the value filled in. */
function fill(template: string | undefined, values: Record<string, string>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/** Resolves when the registration's new worker is activated (its installation stored the whole bundle). */
function activated(reg: ServiceWorkerRegistration): Promise<void> {
  const worker = reg.installing ?? reg.waiting;
  if (!worker) return reg.active ? Promise.resolve() : Promise.reject(new Error('no worker'));
  return new Promise((resolve, reject) => {
    const check = () => {
      if (worker.state === 'activated') resolve();
      else if (worker.state === 'redundant') reject(new Error('installation failed'));
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

async function readManifest(lang: Lang): Promise<OfflineManifest | undefined> {
  try {
    const r = await fetch(manifestUrl(lang));
    return r.ok ? ((await r.json()) as OfflineManifest) : undefined;
  } catch {
    return undefined;
  }
}

async function setUp(box: HTMLElement): Promise<void> {
  const lang: Lang = box.dataset['lang'] === 'en' ? 'en' : 'de';
  const save = box.querySelector<HTMLButtonElement>('[data-action="save"]');
  const remove = box.querySelector<HTMLButtonElement>('[data-action="delete"]');
  const status = box.querySelector<HTMLElement>('[data-status]');
  if (!save || !remove || !status) return;
  const text = box.dataset;
  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    status.textContent = text['textUnsupported'] ?? '';
    save.hidden = true;
    box.hidden = false;
    return;
  }
  const manifest = await readManifest(lang);
  if (!manifest) return;
  const date = formatDate(manifest.dataDate, lang);
  const download = approximateSize(manifest.transferBytes, lang);
  save.textContent = fill(text['textSaveSize'], { size: download });
  const sizes = box.querySelector<HTMLElement>('[data-sizes]');
  if (sizes) sizes.textContent = fill(text['textSizes'], { download, storage: approximateSize(manifest.bytes, lang) });
  box.hidden = false;
  save.disabled = false;
  if ((await navigator.serviceWorker.getRegistration('/'))?.active) {
    remove.hidden = false;
    status.textContent = fill(text['textSaved'], { date });
  }
  save.addEventListener('click', () => {
    void (async () => {
      save.disabled = true;
      status.textContent = text['textSaving'] ?? '';
      try {
        const reg = await navigator.serviceWorker.register(`/sw.js?lang=${lang}`, { scope: '/' });
        await activated(reg);
        remove.hidden = false;
        status.textContent = fill(text['textSaved'], { date });
      } catch (error) {
        status.textContent = fill(text['textFailed'], {
          reason: error instanceof Error ? error.message : String(error),
        });
      } finally {
        save.disabled = false;
      }
    })();
  });
  remove.addEventListener('click', () => {
    void (async () => {
      for (const reg of await navigator.serviceWorker.getRegistrations()) await reg.unregister();
      for (const key of await caches.keys()) if (key.startsWith(CACHE_PREFIX)) await caches.delete(key);
      remove.hidden = true;
      save.focus();
      status.textContent = text['textDeleted'] ?? '';
    })();
  });
}

for (const box of document.querySelectorAll<HTMLElement>('[data-offline-save]')) void setUp(box);
