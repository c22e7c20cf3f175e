/**
 * The compare page in the browser (`/vergleich/?gebiete=…`), bundled by Astro as an external module (CSP
 * `script-src 'self'`). Reads the selection from the url, lets the reader add units (level, name filter, list) and
 * remove them, keeps the selection in the url (so the address can be sent), loads each chosen unit's
 * `/data/units/<id>.json` and its parent's, and renders the view of `buildCompareView` with DOM calls (textContent
 * and setAttribute, never innerHTML with data); charts are drawn at the width they are shown and redrawn when it
 * changes.
 */
import { renderLegendSample, renderLineChart } from '../lib/charts/lineChart.ts';
import { svgToDom } from '../lib/charts/svgNode.ts';
import { formatNumber } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import {
  choiceName,
  COMPARE_PATH,
  compareUrl,
  filterChoices,
  MAX_COMPARE,
  parseSelection,
  type CompareChoice,
  type CompareData,
  type UnitFile,
} from '../lib/pages/comparePage.ts';
import { buildCompareView, type CompareChart, type CompareView } from '../lib/pages/compareView.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The unit files, each loaded once per page view (a parent shared by two units is fetched once). */
const files = new Map<string, Promise<UnitFile | undefined>>();
function loadUnit(id: string): Promise<UnitFile | undefined> {
  let f = files.get(id);
  if (!f) {
    f = fetch(`/data/units/${encodeURIComponent(id)}.json`)
      .then((r) => (r.ok ? (r.json() as Promise<UnitFile>) : undefined))
      .catch(() => undefined);
    files.set(id, f);
  }
  return f;
}

function start(root: HTMLElement): void {
  const data = JSON.parse(root.dataset['compareMeta'] ?? '{}') as CompareData;
  const lang = data.lang;
  const prefix = root.dataset['prefix'] ?? '';
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel) as T;
  const form = q<HTMLFormElement>('[data-compare-form]');
  const levelSelect = q<HTMLSelectElement>('[data-compare-level]');
  const filter = q<HTMLInputElement>('[data-compare-filter]');
  const unitSelect = q<HTMLSelectElement>('[data-compare-unit]');
  const addButton = q<HTMLButtonElement>('[data-compare-add]');
  const choicesText = q<HTMLElement>('[data-compare-choices]');
  const status = q<HTMLElement>('[data-compare-status]');
  const chosenList = q<HTMLUListElement>('[data-compare-chosen]');
  const share = q<HTMLElement>('[data-compare-share]');
  const shareLink = q<HTMLAnchorElement>('[data-compare-share-link]');
  const keySection = q<HTMLElement>('[data-compare-key]');
  const keyTable = q<HTMLElement>('[data-compare-key-table]');
  const seriesSection = q<HTMLElement>('[data-compare-series]');
  const chartsBox = q<HTMLElement>('[data-compare-charts]');

  // The option list the page ships is the unit list: read once, then the select shows a filtered copy. Levels come
  // in config order, so a parent is read before its sub-units (its name is known when theirs is taken apart).
  const choices: CompareChoice[] = [];
  const byId = new Map<string, CompareChoice>();
  for (const g of unitSelect.querySelectorAll('optgroup'))
    for (const o of g.querySelectorAll('option')) {
      const text = o.textContent?.trim() ?? o.value;
      const parent = o.dataset['parent'];
      const c = {
        id: o.value,
        text,
        name: choiceName(text, parent ? byId.get(parent)?.name : undefined),
        level: g.dataset['level'] ?? '',
        parent,
      };
      choices.push(c);
      byId.set(c.id, c);
    }
  const levelLabel = new Map(data.levels.map((l) => [l.id, l]));
  const groupLabel = new Map([...unitSelect.querySelectorAll('optgroup')].map((g) => [g.dataset['level'], g.label]));

  const initial = parseSelection(location.search, new Set(byId.keys()));
  let selected = initial.ids;
  const notes: string[] = [];
  if (initial.unknown.length > 0) notes.push(t(lang, 'compareUnknownIds', { ids: initial.unknown.join(', ') }));
  if (initial.dropped.length > 0) notes.push(t(lang, 'compareTooMany', { ids: initial.dropped.join(', ') }));

  const fillChoices = () => {
    const keep = unitSelect.value;
    const shown = filterChoices(choices, { level: levelSelect.value, query: filter.value, exclude: new Set(selected) });
    const groups = new Map<string, HTMLOptGroupElement>();
    unitSelect.replaceChildren();
    for (const c of shown) {
      let g = groups.get(c.level);
      if (!g) {
        g = el('optgroup');
        g.label = groupLabel.get(c.level) ?? c.level;
        groups.set(c.level, g);
        unitSelect.append(g);
      }
      const o = el('option', undefined, c.text);
      o.value = c.id;
      g.append(o);
    }
    if (shown.some((c) => c.id === keep)) unitSelect.value = keep;
    const full = selected.length >= MAX_COMPARE;
    unitSelect.disabled = shown.length === 0;
    addButton.disabled = shown.length === 0 || full;
    choicesText.textContent = full
      ? t(lang, 'compareFull')
      : shown.length === 0
        ? t(lang, 'compareNoMatch')
        : t(lang, 'compareChoices', { n: formatNumber(shown.length, 0, lang) });
  };

  const selectionText = () =>
    selected.length === 0
      ? t(lang, 'compareNoneSelected')
      : [
          t(lang, 'compareSelectedCount', { n: formatNumber(selected.length, 0, lang) }),
          selected.length === 1 ? t(lang, 'compareOneMore') : '',
        ]
          .filter(Boolean)
          .join(' ');

  const renderChosen = () => {
    chosenList.replaceChildren(
      ...selected.map((id, k) => {
        const c = byId.get(id) as CompareChoice;
        const li = el('li');
        const link = el('a', undefined, c.name);
        link.href = `${prefix}/${c.level}/${encodeURIComponent(c.id)}/`;
        const parent = c.parent ? byId.get(c.parent) : undefined;
        const level = levelLabel.get(c.level)?.label ?? c.level;
        const where = el('span', 'small', parent ? t(lang, 'compareUnitIn', { level, parent: parent.name }) : level);
        const remove = el('button', 'compare-remove', t(lang, 'compareRemove', { name: c.name }));
        remove.type = 'button';
        remove.dataset['index'] = String(k);
        li.append(link, ' ', where, ' ', remove);
        return li;
      }),
    );
    const url = compareUrl(selected, lang);
    share.hidden = selected.length === 0;
    shareLink.href = url;
    shareLink.textContent = new URL(url, location.href).href;
    // The language switch keeps the selection.
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[hreflang]')) {
      const target = new URL(a.href, location.href);
      if (target.pathname.endsWith(COMPARE_PATH)) a.href = compareUrl(selected, a.hreflang === 'en' ? 'en' : 'de');
    }
  };

  let run = 0;
  let view: CompareView | undefined;
  const render = async (announce?: string) => {
    const mine = ++run;
    const url = compareUrl(selected, lang);
    if (`${location.pathname}${location.search}` !== url) history.replaceState(null, '', url);
    renderChosen();
    fillChoices();
    const lead = [announce, ...notes.splice(0), selectionText()].filter(Boolean).join(' ');
    if (selected.length === 0) {
      status.textContent = lead;
      keySection.hidden = true;
      seriesSection.hidden = true;
      view = undefined;
      return;
    }
    status.textContent = `${lead} ${t(lang, 'compareLoading')}`;
    const loaded = await Promise.all(selected.map(loadUnit));
    const parentIds = [...new Set(loaded.flatMap((f) => (f?.parent ? [f.parent] : [])))];
    const parents = await Promise.all(parentIds.map(loadUnit));
    if (mine !== run) return;
    const failed = selected.filter((_, k) => loaded[k] === undefined).map((id) => byId.get(id)?.name ?? id);
    const ok = loaded.filter((f): f is UnitFile => f !== undefined);
    const parentFiles = new Map(parents.flatMap((f) => (f ? [[f.unit.id, f] as const] : [])));
    view = buildCompareView({ data, selected: ok, parents: parentFiles, prefix });
    status.textContent = [lead, failed.length > 0 ? t(lang, 'compareLoadFailed', { names: failed.join(', ') }) : '']
      .filter(Boolean)
      .join(' ');
    renderKeyTable(view);
    renderCharts(view);
  };

  const renderKeyTable = (v: CompareView) => {
    keySection.hidden = v.keyFigures.rows.length === 0;
    const wrap = el('div', 'table-scroll');
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-labelledby', 'cmp-key-h');
    wrap.append(
      dataTable(
        v.keyFigures.caption,
        [t(lang, 'indicator'), t(lang, 'year'), ...v.columns.map((c) => c.header)],
        v.keyFigures.rows.map((r) => [r.label, r.year, ...r.cells]),
      ),
    );
    keyTable.replaceChildren(wrap);
  };

  /** Chart slots and their inputs, redrawn when the width changes. */
  let slots: { slot: HTMLElement; chart: NonNullable<CompareChart['chart']> }[] = [];
  const drawCharts = () => {
    for (const { slot, chart } of slots) {
      const width = Math.floor(slot.clientWidth);
      if (width === 0 || Number(slot.dataset['width']) === width) continue;
      slot.dataset['width'] = String(width);
      const svg = renderLineChart({
        ...chart,
        width,
        height: width < 480 ? 240 : 280,
        breakLabel: t(lang, 'compareBreak'),
      });
      slot.replaceChildren(svgToDom(svg, document));
    }
  };

  const renderCharts = (v: CompareView) => {
    seriesSection.hidden = v.charts.length === 0;
    slots = [];
    chartsBox.replaceChildren(
      ...v.charts.map((c) => {
        const section = el('section', 'compare-chart');
        section.id = c.anchor;
        section.setAttribute('aria-labelledby', `${c.anchor}-h`);
        const h3 = el('h3', undefined, c.heading);
        h3.id = `${c.anchor}-h`;
        section.append(h3, el('p', 'summary', c.sentence));
        if (c.chart) {
          const figure = el('figure', 'chart compare-figure');
          const slot = el('div', 'compare-slot');
          const caption = el('figcaption', 'small');
          const key = el('ul', 'compare-legend');
          key.setAttribute('aria-label', t(lang, 'compareLegendHeading'));
          for (const l of c.legend) {
            const li = el('li');
            li.append(svgToDom(renderLegendSample(l.style), document), ' ', l.text);
            key.append(li);
          }
          caption.append(key);
          figure.append(slot, caption);
          section.append(figure);
          slots.push({ slot, chart: c.chart });
        }
        const details = el('details');
        details.append(el('summary', undefined, t(lang, 'compareValuesAsTable')));
        const table = dataTable(
          c.table.caption,
          [t(lang, 'year'), ...v.columns.map((col) => col.header)],
          c.table.rows.map((r) => [r.year, ...r.cells]),
        );
        const wrap = el('div', 'table-scroll');
        wrap.append(table);
        details.append(wrap);
        section.append(details);
        return section;
      }),
    );
    drawCharts();
  };

  let frame = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(drawCharts);
  }).observe(chartsBox);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = unitSelect.value;
    if (!id || selected.includes(id) || selected.length >= MAX_COMPARE) return;
    selected = [...selected, id];
    void render(t(lang, 'compareAdded', { name: byId.get(id)?.name ?? id }));
  });
  levelSelect.addEventListener('change', fillChoices);
  filter.addEventListener('input', fillChoices);
  chosenList.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.compare-remove');
    if (!button) return;
    const k = Number(button.dataset['index']);
    const id = selected[k];
    if (id === undefined) return;
    selected = selected.filter((_, n) => n !== k);
    void render(t(lang, 'compareRemoved', { name: byId.get(id)?.name ?? id })).then(() => {
      // Focus goes to the next remove button, else to the list of choices.
      const next = chosenList.querySelectorAll<HTMLButtonElement>('button.compare-remove')[k] ?? null;
      const last = chosenList.querySelectorAll<HTMLButtonElement>('button.compare-remove');
      (next ?? last[last.length - 1] ?? unitSelect).focus();
    });
  });

  void render();
}

/**
 * A table of the view: `heads` name the columns, each row's first text is its row header and every other cell is
 * labelled with its column's name (`data-label`, shown on phones where a `.cards` table becomes one card per row).
 */
function dataTable(caption: string, heads: readonly string[], rows: readonly (readonly string[])[]): HTMLTableElement {
  const table = el('table', 'cards compare-table');
  table.append(el('caption', undefined, caption));
  const head = el('tr');
  heads.forEach((text, k) => {
    const cell = el('th', k === 0 ? undefined : 'num', text);
    cell.scope = 'col';
    head.append(cell);
  });
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const [first = '', ...cells] of rows) {
    const tr = el('tr');
    const rowHead = el('th', undefined, first);
    rowHead.scope = 'row';
    tr.append(rowHead);
    cells.forEach((text, k) => {
      const cell = el('td', 'num', text);
      cell.dataset['label'] = heads[k + 1] ?? '';
      tr.append(cell);
    });
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return table;
}

const root = document.querySelector<HTMLElement>('[data-compare]');
if (root) start(root);
