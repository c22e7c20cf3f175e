/**
 * Sortable tables (the ranked tables of the indicator pages), bundled by Astro as an external module (CSP
 * `script-src 'self'`). Without JavaScript the table is complete, in rank order. With it, each column head marked
 * `data-sort-key` gets a button (keyboard and screen-reader friendly); pressing it sorts the rows by that column,
 * ascending first for text and rank, descending first for values, and again the other way. The sorted column
 * carries `aria-sort`, a polite status line says what happened ("Sortiert nach Name, aufsteigend."), and rows
 * without a number (`data-sort` empty in a numeric column) always stay at the end, in their server order.
 *
 * Markup it expects: `table[data-sortable]` with `data-sorted-ascending` / `data-sorted-descending` texts
 * (`{column}` is replaced), head cells `th[data-sort-key][data-sort-type="number"|"text"]`, body cells with an
 * optional `data-sort` number, and an element `[data-sort-status]` right after the table's container.
 */

export type SortDirection = 'ascending' | 'descending';

/** The rows of a table body (plain DOM calls, no `rows`/`cells` collections, so it also runs on a test DOM). */
function rowsOf(body: Element): Element[] {
  return [...body.children].filter((c) => c.localName === 'tr');
}

interface SortColumn {
  index: number;
  type: 'number' | 'text';
}

/** The sort key of a cell: its `data-sort` number (undefined when empty), or its text. */
function keyOf(cell: Element | undefined, type: SortColumn['type']): number | string | undefined {
  if (!cell) return undefined;
  if (type === 'number') {
    const raw = cell.getAttribute('data-sort');
    if (raw === null || raw === '') return undefined;
    const n = Number(raw);
    return Number.isFinite(n) ? n : undefined;
  }
  return (cell.textContent ?? '').trim();
}

/**
 * Sorts the body rows of `table` by column `column` in `direction` (stable: ties keep their current order); rows
 * without a key stay last in their original order.
 */
export function sortTable(table: HTMLTableElement, column: SortColumn, direction: SortDirection): void {
  const body = table.querySelector('tbody');
  if (!body) return;
  const rows = rowsOf(body).map((row, position) => ({
    row,
    position: Number(row.getAttribute('data-position') ?? position),
    key: keyOf(row.children[column.index], column.type),
  }));
  const sign = direction === 'ascending' ? 1 : -1;
  const collator = new Intl.Collator(table.ownerDocument.documentElement.lang || 'de', { numeric: true });
  rows.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key === undefined && b.key === undefined) return a.position - b.position;
      return a.key === undefined ? 1 : -1;
    }
    const c =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : collator.compare(String(a.key), String(b.key));
    return sign * c || a.position - b.position;
  });
  const fragment = table.ownerDocument.createDocumentFragment();
  for (const r of rows) fragment.append(r.row);
  body.append(fragment);
}

/** Turns every `table[data-sortable]` of the page into a sortable table. */
export function startSortableTables(root: ParentNode = document): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
    const body = table.querySelector('tbody');
    if (!body) continue;
    // The server order (by rank), to keep rows without a number in place and ties stable.
    rowsOf(body).forEach((row, i) => row.setAttribute('data-position', String(i)));
    const status = table.closest('[data-sort-scope]')?.querySelector<HTMLElement>('[data-sort-status]');
    const heads = [...table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]')];
    for (const th of heads) {
      const type = th.dataset.sortType === 'number' ? 'number' : 'text';
      const button = table.ownerDocument.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.append(...th.childNodes);
      const arrow = table.ownerDocument.createElement('span');
      arrow.className = 'sort-arrow';
      arrow.setAttribute('aria-hidden', 'true');
      button.append(arrow);
      th.append(button);
      button.addEventListener('click', () => {
        const current = th.getAttribute('aria-sort');
        // Values and ranks read best from the top of the scale; names from A.
        const first: SortDirection = type === 'number' && th.dataset.sortKey !== 'rank' ? 'descending' : 'ascending';
        const direction: SortDirection =
          current === 'ascending' ? 'descending' : current === 'descending' ? 'ascending' : first;
        sortTable(table, { index: [...(th.parentElement?.children ?? [])].indexOf(th), type }, direction);
        for (const other of heads) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', direction);
        const template = table.dataset[direction === 'ascending' ? 'sortedAscending' : 'sortedDescending'] ?? '';
        if (status) status.textContent = template.replace('{column}', (th.textContent ?? '').trim());
      });
    }
  }
}
