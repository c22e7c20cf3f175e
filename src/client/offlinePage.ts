/**
 * Browser script of the offline page (src/components/OfflinePage.astro). The worker answers every page it has not
 * stored with this page, so `location.pathname` is the address that was asked for: for a facility page it shows
 * that entry from the saved search index and the files beside it, clearly marked as the saved state; for any other
 * page it says the page was not saved. Built with DOM methods and textContent only (no HTML strings).
 */
import { fetchJson } from './fetchJson.ts';
import type { Lang } from '../lib/format.ts';
import { FACILITY_POINTS_PATH, type FacilityPointsExtra } from '../lib/facilities/facilityPoints.ts';
import { PLACE_INDEX_URL, type PlaceIndexFile } from '../lib/facilities/searchPlaces.ts';
import { SEARCH_INDEX_URL, type SearchIndexFile } from '../lib/facilities/searchRecord.ts';
import { joinCompactFacilities, type CompactFacilities } from '../lib/offline/compactFacilities.ts';
import { facilityIdFromPath, offlineView, type OfflineFacilityView } from '../lib/offline/offlineEntry.ts';

const slot = (root: ParentNode, name: string) => root.querySelector<HTMLElement>(`[data-slot="${name}"]`);

/** Puts "… {date} …" into `el`, the date as a <time> element. */
function sentenceWithDate(el: HTMLElement, template: string, date: { iso: string; text: string }): void {
  const [before = '', after = ''] = template.split('{date}');
  const time = document.createElement('time');
  time.dateTime = date.iso;
  time.textContent = date.text;
  el.replaceChildren(before, time, after);
}

function renderFacility(root: HTMLElement, view: OfflineFacilityView): void {
  const template = document.querySelector<HTMLTemplateElement>('template[data-template="facility"]');
  const content = slot(root, 'content');
  if (!template || !content) return;
  const part = template.content.cloneNode(true) as DocumentFragment;
  const state = slot(part, 'savedState');
  if (state) sentenceWithDate(state, root.dataset['textSavedState'] ?? '{date}', view.savedState);
  slot(part, 'types')?.replaceChildren(view.types);
  slot(part, 'address')?.replaceChildren(view.address[0] ?? '', document.createElement('br'), view.address[1] ?? '');
  for (const key of ['phone', 'email'] as const) {
    const link = view[key];
    const a = slot(part, key);
    if (link && a instanceof HTMLAnchorElement) {
      a.href = link.href;
      a.textContent = link.text;
    } else for (const el of part.querySelectorAll(`[data-if="${key}"]`)) el.remove();
  }
  const units = slot(part, 'units');
  for (const u of view.units) {
    const dt = document.createElement('dt');
    dt.textContent = u.level;
    const dd = document.createElement('dd');
    const a = document.createElement('a');
    a.href = u.href;
    a.textContent = u.name;
    dd.append(a);
    units?.append(dt, dd);
  }
  const confirmed = slot(part, 'lastConfirmed');
  if (confirmed instanceof HTMLTimeElement) {
    confirmed.dateTime = view.lastConfirmed.iso;
    confirmed.textContent = view.lastConfirmed.text;
  }
  if (!view.stale) for (const el of part.querySelectorAll('[data-if="stale"]')) el.remove();
  slot(root, 'title')?.replaceChildren(view.name);
  slot(root, 'intro')?.remove();
  document.title = `${view.name} – ${document.title}`;
  content.replaceChildren(part);
}

/**
 * Every entry, joined from the three files the offline copy holds (compactFacilities.ts);
 * undefined if one is missing.
 */
async function readFacilities(): Promise<CompactFacilities | undefined> {
  try {
    const [index, extra, places] = await Promise.all([
      fetchJson<SearchIndexFile>(SEARCH_INDEX_URL),
      fetchJson<FacilityPointsExtra>(FACILITY_POINTS_PATH),
      fetchJson<PlaceIndexFile>(PLACE_INDEX_URL),
    ]);
    return joinCompactFacilities(index, extra, places);
  } catch {
    return undefined;
  }
}

async function show(root: HTMLElement): Promise<void> {
  const lang: Lang = root.dataset['lang'] === 'en' ? 'en' : 'de';
  const path = location.pathname;
  const data = facilityIdFromPath(path) === undefined ? undefined : await readFacilities();
  const view = offlineView(path, data, lang);
  if (view.kind === 'facility') renderFacility(root, view);
  else if (view.kind === 'unknown-facility') notice(root, root.dataset['textUnknown']);
  else if (view.kind === 'not-saved') notice(root, root.dataset['textNotSaved']);
}

/** A one-paragraph notice in the content slot. */
function notice(root: HTMLElement, text: string | undefined): void {
  const p = document.createElement('p');
  p.className = 'offline-state';
  p.textContent = text ?? '';
  slot(root, 'content')?.replaceChildren(p);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-offline-page]')) void show(root);
