/**
 * The place finder in every page's header (and on the home page): a combobox after the ARIA Authoring Practices'
 * "list autocomplete" pattern and GOV.UK's accessible-autocomplete. DOM focus stays on the input; the options are
 * links (`<a role="option">`, so a click or a middle click opens them like any link) that only
 * `aria-activedescendant` moves through; Down and Up move (wrapping), Enter opens the chosen one, Escape closes the
 * list and a second Escape clears the field, Tab closes it. A separate polite status region says how many results
 * there are (debounced, never the list); two regions take turns so the same sentence is read again.
 *
 * Loading: the unit index (a few KB; its search code is part of this script) and the facility search's code are
 * fetched when the field gets focus, and the units answer every keystroke at once; the facility index is fetched with
 * the first keystroke (only where the atlas has a directory) and its results are added when it arrives. Without JavaScript the form leads to the list of all
 * areas (its action). Nothing is stored; every request goes to the site itself.
 */
import { fetchJson } from './fetchJson.ts';
import type { Lang } from '../lib/format.ts';
import type { SearchEngine } from '../lib/facilities/searchEngine.ts';
import {
  finderView,
  MIN_QUERY_LENGTH,
  queryLength,
  searchMessages,
  type FacilityState,
  type FinderRow,
  type FinderView,
} from '../lib/facilities/searchFinder.ts';
import { createPlaceFinder, PLACE_INDEX_VERSION, type PlaceFinder } from '../lib/facilities/searchPlaces.ts';
import { searchWords } from '../lib/facilities/searchText.ts';

/** Pause after the last change before the status region speaks, in ms (accessible-autocomplete waits longer). */
const STATUS_DELAY = 500;
/**
 * Pause after a keystroke before searching, once the facility index is there (until then the unit index answers each
 * keystroke at once): a fast typist's keys are not each searched over thousands of entries.
 */
const SEARCH_DELAY = 60;

/** The code and data shared by every finder of the page (the home page has two), each loaded once. */
const loads: { places?: Promise<PlaceFinder> | undefined; engine?: Promise<SearchEngine> | undefined } = {};

function loadPlaces(url: string): Promise<PlaceFinder> {
  loads.places ??= fetchJson<Parameters<typeof createPlaceFinder>[0]>(url).then((f) => {
    if (f.version !== PLACE_INDEX_VERSION || !Array.isArray(f.units)) throw new Error(`${url}: unknown format`);
    return createPlaceFinder(f);
  });
  loads.places.catch(() => (loads.places = undefined));
  return loads.places;
}

/** The facility search's code (a chunk of its own, fetched when the field gets focus, before its data is needed). */
const loadEngineCode = () =>
  Promise.all([import('../lib/facilities/searchEngine.ts'), import('../lib/facilities/searchRecord.ts')]);

function loadEngine(url: string, unitsUrl: string): Promise<SearchEngine> {
  loads.engine ??= Promise.all([loadEngineCode(), fetchJson(url), loadPlaces(unitsUrl)]).then(
    ([[m, record], file, places]) => {
      const f = file as Parameters<typeof m.createSearchEngine>[0];
      if (f.version !== record.SEARCH_INDEX_VERSION || !Array.isArray(f.name))
        throw new Error(`${url}: unknown format`);
      return m.createSearchEngine(f, places);
    },
  );
  loads.engine.catch(() => (loads.engine = undefined));
  return loads.engine;
}

/** Sets up one finder (a `form[data-finder]`). */
function setUp(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const list = form.querySelector<HTMLElement>('[data-finder-list]');
  const regions = [...form.querySelectorAll<HTMLElement>('[data-finder-status]')];
  if (!input || !list || regions.length < 2) return;
  const lang: Lang = form.dataset['lang'] === 'en' ? 'en' : 'de';
  const prefix = form.dataset['prefix'] ?? '';
  const unitsUrl = form.dataset['unitsUrl'] ?? '';
  const facilitiesUrl = form.dataset['facilitiesUrl'] ?? '';
  const links = {
    directorySearch: form.dataset['directoryUrl'] ?? '/einrichtungen/suche/',
    unitsIndex: form.dataset['unitsIndexUrl'] ?? '/alle-gebiete/',
  };
  const m = searchMessages(lang);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  // The hint speaks of suggestions, which exist only with the script.
  if (input.dataset['hint']) input.setAttribute('aria-describedby', input.dataset['hint']);

  let places: PlaceFinder | undefined;
  let engine: SearchEngine | undefined;
  let facilitiesFailed = false;
  let view: FinderView | undefined;
  let active = -1;
  /** The reader closed the list (Escape, Tab, leaving the field): results arriving later must not open it again. */
  let dismissed = false;
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  let turn = 0;

  const say = (text: string) => {
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => {
      // Two regions take turns: the new text goes into one and the other is emptied, so a repeated text is read.
      turn = 1 - turn;
      regions[turn]!.textContent = text;
      regions[1 - turn]!.textContent = '';
    }, STATUS_DELAY);
  };
  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  const isOpen = () => !list.hidden;
  const setActive = (index: number) => {
    const all = options();
    active = all.length === 0 ? -1 : index;
    all.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    const option = all[active];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = () => {
    if (options().length === 0) return;
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };

  const option = (row: FinderRow, i: number, count: number): HTMLAnchorElement => {
    const a = document.createElement('a');
    a.id = `${list.id}-${i}`;
    a.href = row.href;
    a.tabIndex = -1;
    a.className = `finder-option finder-${row.kind}`;
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    a.setAttribute('aria-posinset', String(i + 1));
    a.setAttribute('aria-setsize', String(count));
    const label = document.createElement('span');
    label.className = 'finder-label';
    label.textContent = row.label;
    a.append(label);
    if (row.detail) {
      const sep = document.createElement('span');
      sep.className = 'visually-hidden';
      sep.textContent = ', ';
      const detail = document.createElement('span');
      detail.className = 'finder-detail';
      detail.textContent = row.detail;
      a.append(sep, detail);
    }
    return a;
  };

  /** Answers the current text with what is loaded so far. */
  const update = () => {
    const q = input.value;
    if (queryLength(q) < MIN_QUERY_LENGTH) {
      view = undefined;
      list.replaceChildren();
      close();
      say(q.trim() === '' ? '' : m.finderTooShort);
      return;
    }
    if (!places) {
      say(m.finderLoading);
      return;
    }
    const words = searchWords(q);
    const facilities: FacilityState = !facilitiesUrl
      ? { state: 'absent' }
      : engine
        ? { state: 'ready', engine, result: engine.search({ ...EMPTY, q }) }
        : facilitiesFailed
          ? { state: 'failed' }
          : { state: 'pending' };
    const keep = active >= 0 && view?.rows[active]?.kind === 'unit' ? view.rows[active]?.href : undefined;
    view = finderView({ lang, prefix, q, units: places.search(words), facilities, links });
    const rows = view.rows;
    list.replaceChildren(...rows.map((row, i) => option(row, i, rows.length)));
    // Which query the list answers and whether it holds the facilities (`pending` while their index loads): for
    // tests and timing.
    list.dataset['query'] = q;
    list.dataset['facilities'] = facilities.state;
    // A unit chosen before the facilities arrived stays chosen (units come first, so it keeps its place).
    setActive(keep ? rows.findIndex((r) => r.href === keep) : -1);
    if (document.activeElement === input && !dismissed) open();
    say(view.status);
  };

  let starting = false;
  const start = () => {
    if (starting) return;
    starting = true;
    void loadPlaces(unitsUrl)
      .then((p) => {
        places = p;
        update();
      })
      .catch(() => {
        starting = false;
        say(m.finderFailed);
      });
  };
  let facilitiesLoading = false;
  const startFacilities = () => {
    if (!facilitiesUrl || engine || facilitiesLoading) return;
    facilitiesLoading = true;
    void loadEngine(facilitiesUrl, unitsUrl)
      .then((e) => {
        engine = e;
        facilitiesFailed = false;
      })
      .catch(() => (facilitiesFailed = true))
      .finally(() => {
        facilitiesLoading = false;
        if (queryLength(input.value) >= MIN_QUERY_LENGTH) update();
      });
  };

  input.addEventListener(
    'focus',
    () => {
      start();
      if (facilitiesUrl) void loadEngineCode().catch(() => undefined);
    },
    { once: true },
  );
  let pending: ReturnType<typeof setTimeout> | undefined;
  /** Runs a search that waits for typing to pause now (before Enter acts on the list). */
  const flush = () => {
    if (pending === undefined) return;
    clearTimeout(pending);
    pending = undefined;
    update();
  };
  input.addEventListener('input', () => {
    start();
    startFacilities();
    active = -1;
    dismissed = false;
    clearTimeout(pending);
    pending = undefined;
    if (engine) pending = setTimeout(flush, SEARCH_DELAY);
    else update();
  });
  input.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      if (event.key === 'ArrowDown' && event.altKey) open();
      return;
    }
    if (['ArrowDown', 'ArrowUp', 'Enter'].includes(event.key)) flush();
    const count = options().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        dismissed = false;
        if (!isOpen()) open();
        if (count > 0) setActive(active + 1 >= count ? 0 : active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        dismissed = false;
        if (!isOpen()) open();
        if (count > 0) setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter': {
        const chosen = isOpen() ? options()[active] : undefined;
        if (chosen) {
          event.preventDefault();
          close();
          window.location.assign(chosen.href);
        }
        break;
      }
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          dismissed = true;
          close();
        } else if (input.value !== '') {
          event.preventDefault();
          input.value = '';
          update();
        }
        break;
      case 'Tab':
        dismissed = true;
        close();
        break;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        setActive(-1);
        break;
      default:
    }
  });
  // A press on an option must not take the focus from the field (which would close the list before the click).
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', () => close());
  form.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !form.contains(next)) {
      dismissed = true;
      close();
    }
  });
  input.addEventListener('click', () => {
    dismissed = false;
    if (view && view.rows.length > 0) open();
  });
  form.addEventListener('submit', (event) => {
    flush();
    // Without a chosen suggestion, the form leads to every result: the directory search when facilities were found,
    // else the list of all areas (the form's action, which is also where it leads without JavaScript).
    if (view && queryLength(input.value) >= MIN_QUERY_LENGTH) {
      event.preventDefault();
      window.location.assign(view.allHref);
    }
  });
}

const EMPTY = { typ: '', gruppe: '', gebiet: '', teilgebiet: '', sprache: '', rollstuhl: '' } as const;

/** Sets up every place finder of the page. */
export function startPlaceFinders(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-finder]')) setUp(form);
}
