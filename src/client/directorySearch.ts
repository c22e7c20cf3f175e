/**
 * The directory search page's script (`/einrichtungen/suche/`), bundled by Astro as an external module (CSP
 * `script-src 'self'`). It swaps the "needs JavaScript" notice for the form, restores the search from the url
 * (`?q=…&typ=…`), and keeps the url in step with the form so every search can be shared and bookmarked.
 *
 * The index (`/data/search/facilities.json`) and the search engine (MiniSearch, a separate chunk) are loaded only
 * when the user starts a search (types, picks a filter, submits) or opens a url that carries one: never on a plain
 * page load. Results are built with DOM APIs and `textContent` only; no entry text is ever parsed as HTML.
 */
import { formatNumber, telUrl, type Lang } from '../lib/format.ts';
import { foundText, searchText } from '../lib/facilities/searchStrings.ts';
import {
  formatSearchQuery,
  isActiveQuery,
  parseSearchQuery,
  QUERY_KEYS,
  type SearchQuery,
} from '../lib/facilities/searchQuery.ts';
import type { SearchIndexFile, SearchRecord } from '../lib/facilities/searchRecord.ts';
import type { SearchEngine } from '../lib/facilities/searchEngine.ts';

/** Entries listed at once; "show more" adds as many again. */
const PAGE_SIZE = 50;
/** Pause after the last keystroke before searching, in ms. */
const TYPING_DELAY = 150;

/** Fetches the index and builds the engine (both in parallel with loading the engine's code). */
async function loadEngine(indexUrl: string): Promise<SearchEngine> {
  const [engine, response] = await Promise.all([import('../lib/facilities/searchEngine.ts'), fetch(indexUrl)]);
  if (!response.ok) throw new Error(`${indexUrl}: HTTP ${response.status}`);
  const file = (await response.json()) as SearchIndexFile;
  if (file.version !== 1 || !Array.isArray(file.records)) throw new Error(`${indexUrl}: unknown format`);
  return engine.createSearchEngine(file);
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
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const area = field('gebiet') as HTMLSelectElement | null;
  const subArea = field('teilgebiet') as HTMLSelectElement | null;
  const typeLabels = new Map(
    [...((field('typ') as HTMLSelectElement | null)?.options ?? [])].map((o) => [
      o.value,
      o.dataset['label'] ?? o.text,
    ]),
  );

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
    (engine ??= loadEngine(indexUrl).then((e) => {
      ready = true;
      return e;
    }));
  let found: SearchRecord[] = [];
  let shown = 0;
  let run = 0;
  const n = (x: number) => formatNumber(x, 0, lang);
  const say = () => {
    status.textContent = foundText(
      lang,
      n(found.length),
      found.length === 1,
      shown < found.length ? n(shown) : undefined,
    );
    if (found.length === 0) status.textContent = searchText(lang, 'none');
  };
  const item = (r: SearchRecord): HTMLLIElement => {
    const [id, name, , address, phone, types] = r;
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = `${prefix}/einrichtungen/${encodeURIComponent(id)}/`;
    link.textContent = name;
    const line = document.createElement('span');
    line.className = 'addr';
    line.append(`${types.map((t) => typeLabels.get(t) ?? t).join(', ')} · ${address}`);
    if (phone) {
      const tel = document.createElement('a');
      tel.href = telUrl(phone);
      tel.textContent = phone;
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
      status.textContent = searchText(lang, 'prompt');
      return;
    }
    if (!ready) status.textContent = searchText(lang, 'loading');
    let e: SearchEngine;
    try {
      e = await load();
    } catch {
      engine = undefined;
      if (mine === run) status.textContent = searchText(lang, 'failed');
      return;
    }
    if (mine !== run) return;
    found = e.search(query);
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
