/**
 * The directory search page's script (`/einrichtungen/suche/`), bundled by Astro as an external module (CSP
 * `script-src 'self'`). It swaps the "needs JavaScript" notice for the form, restores the search from the url
 * (`?q=…&typ=…`), and keeps the url in step with the form so every search can be shared and bookmarked.
 *
 * The index (`/data/search/facilities.json`), the unit index (`/data/search/units.json`: area words, an entry's
 * units) and the search engine (`searchEngine.ts`, a separate chunk) are loaded only when the user starts a search
 * (types, picks a filter, submits) or opens a url that carries one: never on a plain page load. Results are built with DOM APIs and `textContent` only; no entry text is ever parsed as HTML.
 */
import { fetchJson } from './fetchJson.ts';
import { formatNumber, telText, telUrl, type Lang } from '../lib/format.ts';
import { searchMessages } from '../lib/facilities/searchFinder.ts';
import {
  formatSearchQuery,
  isActiveQuery,
  parseSearchQuery,
  QUERY_KEYS,
  type SearchQuery,
} from '../lib/facilities/searchQuery.ts';
import { placesText, type QueryReading } from '../lib/facilities/searchReading.ts';
import type { SearchEngine } from '../lib/facilities/searchEngine.ts';

/** Entries listed at once; "show more" adds as many again. */
const PAGE_SIZE = 50;
/** Pause after the last keystroke before searching, in ms. */
const TYPING_DELAY = 150;

/** Fetches the index and the unit index and builds the engine (all in parallel with loading the engine's code). */
async function loadEngine(indexUrl: string, unitsUrl: string): Promise<SearchEngine> {
  const [engine, places, record, file, units] = await Promise.all([
    import('../lib/facilities/searchEngine.ts'),
    import('../lib/facilities/searchPlaces.ts'),
    import('../lib/facilities/searchRecord.ts'),
    fetchJson(indexUrl),
    fetchJson(unitsUrl),
  ]);
  const f = file as Parameters<typeof engine.createSearchEngine>[0];
  const u = units as Parameters<typeof places.createPlaceFinder>[0];
  if (f.version !== record.SEARCH_INDEX_VERSION || !Array.isArray(f.name))
    throw new Error(`${indexUrl}: unknown format`);
  if (u.version !== places.PLACE_INDEX_VERSION || !Array.isArray(u.units))
    throw new Error(`${unitsUrl}: unknown format`);
  return engine.createSearchEngine(f, places.createPlaceFinder(u));
}

/** Sets up the search page; does nothing on other pages. */
export function startDirectorySearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search-root]');
  const form = root?.querySelector<HTMLFormElement>('[data-search-form]');
  const status = root?.querySelector<HTMLElement>('[data-search-status]');
  const results = root?.querySelector<HTMLElement>('[data-search-results]');
  const list = root?.querySelector<HTMLElement>('[data-search-list]');
  const more = root?.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!root || !form || !status || !results || !list || !more) return;
  const lang: Lang = root.dataset['lang'] === 'en' ? 'en' : 'de';
  const prefix = root.dataset['prefix'] ?? '';
  const indexUrl = root.dataset['indexUrl'] ?? '';
  const unitsUrl = root.dataset['unitsUrl'] ?? '';
  const m = searchMessages(lang);
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const area = field('gebiet') as HTMLSelectElement | null;
  const subArea = field('teilgebiet') as HTMLSelectElement | null;
  root.querySelector<HTMLElement>('[data-search-fallback]')?.setAttribute('hidden', '');
  form.hidden = false;

  /** Offers only the second-level units inside the chosen top-level unit. */
  const limitSubAreas = () => {
    if (!area || !subArea) return;
    for (const group of subArea.querySelectorAll('optgroup')) {
      const off = area.value !== '' && group.dataset['parent'] !== area.value;
      group.hidden = off;
      group.disabled = off;
    }
    if (
      subArea.selectedOptions[0]?.parentElement instanceof HTMLOptGroupElement &&
      subArea.selectedOptions[0].parentElement.disabled
    )
      subArea.value = '';
  };
  const readForm = (): SearchQuery => {
    const params = new URLSearchParams();
    for (const k of QUERY_KEYS) params.set(k, field(k)?.value ?? '');
    return parseSearchQuery(params);
  };
  const writeForm = (query: SearchQuery) => {
    for (const k of QUERY_KEYS) {
      const el = field(k);
      if (!el) continue;
      el.value = query[k];
      // A value the select does not offer (an old link) leaves it at "all".
      if (el instanceof HTMLSelectElement && el.value !== query[k]) el.value = '';
    }
    limitSubAreas();
  };

  let engine: Promise<SearchEngine> | undefined;
  let ready = false;
  /** Starts loading the index and the engine once (again after a failure). */
  const load = () =>
    (engine ??= loadEngine(indexUrl, unitsUrl).then((e) => {
      ready = true;
      return e;
    }));
  let found: number[] = [];
  let reading: QueryReading | undefined;
  let current: SearchEngine | undefined;
  let shown = 0;
  let run = 0;
  const n = (x: number) => formatNumber(x, 0, lang);
  /** "Gelesen als Art: Pflegeeinrichtung; Gebiet: Neukölln." when type or area words of the query filtered. */
  const readingText = (): string => {
    if (!reading || (reading.types.length === 0 && reading.areas.length === 0)) return '';
    return ` ${m.searchReading({
      types: reading.types.map((t) => t.label[lang]).join(', '),
      areas: reading.areas.map((places) => placesText(places, lang)).join('; '),
    })}`;
  };
  const say = () => {
    status.textContent =
      found.length === 0
        ? m.searchNone
        : m.searchFound({
            n: n(found.length),
            one: found.length === 1,
            shown: shown < found.length ? n(shown) : undefined,
          }) + readingText();
  };
  const item = (position: number): HTMLLIElement => {
    const e = (current as SearchEngine).entry(position);
    const labels = new Map((current as SearchEngine).types.map((t) => [t.id, t.label[lang]]));
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = `${prefix}/einrichtungen/${encodeURIComponent(e.id)}/`;
    link.textContent = e.name;
    const line = document.createElement('span');
    line.className = 'addr';
    line.append(`${e.types.map((t) => labels.get(t) ?? t).join(', ')} · ${e.address}`);
    if (e.phone) {
      const tel = document.createElement('a');
      tel.href = telUrl(e.phone);
      tel.textContent = telText(e.phone);
      line.append(' · ', tel);
    }
    li.append(link, line);
    return li;
  };
  const showMore = () => {
    const next = found.slice(shown, shown + PAGE_SIZE);
    list.append(...next.map(item));
    shown += next.length;
    more.hidden = shown >= found.length;
    say();
    return next.length;
  };

  /** Runs the form's search; `history` says whether the url gets a new entry, is replaced, or stays. */
  const search = async (history: 'push' | 'replace' | 'none') => {
    const query = readForm();
    const url = `${location.pathname}${formatSearchQuery(query)}`;
    if (history === 'push' && url !== `${location.pathname}${location.search}`) window.history.pushState(null, '', url);
    if (history === 'replace') window.history.replaceState(null, '', url);
    const mine = ++run;
    if (!isActiveQuery(query)) {
      results.hidden = true;
      list.replaceChildren();
      status.textContent = m.searchPrompt;
      return;
    }
    if (!ready) status.textContent = m.searchLoading;
    let e: SearchEngine;
    try {
      e = await load();
    } catch {
      engine = undefined;
      if (mine === run) status.textContent = m.searchFailed;
      return;
    }
    if (mine !== run) return;
    current = e;
    ({ found, reading } = e.search(query));
    shown = 0;
    list.replaceChildren();
    results.hidden = found.length === 0;
    showMore();
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (event) => {
    if (event.target instanceof HTMLSelectElement) return;
    // The first keystroke starts the download; the search itself waits until typing pauses.
    void load().catch(() => undefined);
    clearTimeout(typing);
    typing = setTimeout(() => void search('replace'), TYPING_DELAY);
  });
  form.addEventListener('change', (event) => {
    if (!(event.target instanceof HTMLSelectElement)) return;
    if (event.target === area) limitSubAreas();
    clearTimeout(typing);
    void search('replace');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void search('push');
  });
  more.addEventListener('click', () => {
    const first = shown;
    if (showMore() > 0) list.children[first]?.querySelector('a')?.focus();
  });
  window.addEventListener('popstate', () => {
    writeForm(parseSearchQuery(new URLSearchParams(location.search)));
    void search('none');
  });

  const initial = parseSearchQuery(new URLSearchParams(location.search));
  writeForm(initial);
  // The filters start folded on phones (the results stay near the search field), open on wide screens and whenever
  // the url sets one.
  const filters = root.querySelector<HTMLDetailsElement>('details[data-search-filters]');
  if (
    filters &&
    (QUERY_KEYS.some((k) => k !== 'q' && initial[k] !== '') || window.matchMedia('(min-width: 40rem)').matches)
  )
    filters.open = true;
  if (isActiveQuery(initial)) void search('none');
}
