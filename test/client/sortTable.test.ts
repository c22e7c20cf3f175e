import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sortTable, startSortableTables } from '../../src/client/sortTable.ts';

/** A ranked table as RankTable.astro writes it: rank, name, value; "Ost" has no number. */
function page() {
  const { document } = parseHTML(`<!doctype html><html lang="de"><body>
    <div data-sort-scope>
      <table data-sortable data-sorted-ascending="Sortiert nach {column}, aufsteigend." data-sorted-descending="Sortiert nach {column}, absteigend.">
        <thead><tr>
          <th data-sort-key="rank" data-sort-type="number" aria-sort="ascending">Rang</th>
          <th data-sort-key="name" data-sort-type="text">Name</th>
          <th data-sort-key="value" data-sort-type="number">Wert</th>
        </tr></thead>
        <tbody>
          <tr><td data-sort="1">1</td><th>Zentrum</th><td data-sort="20.5">20,5</td></tr>
          <tr><td data-sort="2">2</td><th>Äußere Stadt</th><td data-sort="12">12,0</td></tr>
          <tr><td data-sort="2">2</td><th>Bahnhof</th><td data-sort="12">12,0</td></tr>
          <tr><td data-sort="">–</td><th>Ost</th><td data-sort="">geheim gehalten</td></tr>
        </tbody>
      </table>
      <p data-sort-status></p>
    </div></body></html>`);
  const table = document.querySelector('table') as unknown as HTMLTableElement;
  const names = () => Array.from(table.querySelectorAll('tbody th')).map((t) => t.textContent);
  return { document, table, names };
}

describe('sortTable', () => {
  it('sortTable(text) sorts names in German order, both ways', () => {
    const { table, names } = page();
    sortTable(table, { index: 1, type: 'text' }, 'ascending');
    expect(names()).toEqual(['Äußere Stadt', 'Bahnhof', 'Ost', 'Zentrum']);
    sortTable(table, { index: 1, type: 'text' }, 'descending');
    expect(names()).toEqual(['Zentrum', 'Ost', 'Bahnhof', 'Äußere Stadt']);
  });

  it('sortTable(number) keeps rows without a number last in either direction, ties in their order', () => {
    const { table, names } = page();
    sortTable(table, { index: 2, type: 'number' }, 'ascending');
    expect(names()).toEqual(['Äußere Stadt', 'Bahnhof', 'Zentrum', 'Ost']);
    sortTable(table, { index: 2, type: 'number' }, 'descending');
    expect(names()).toEqual(['Zentrum', 'Äußere Stadt', 'Bahnhof', 'Ost']);
  });
});

describe('startSortableTables', () => {
  it('startSortableTables() puts a button in each sortable head; pressing it sorts, sets aria-sort and says so', () => {
    const { document, table, names } = page();
    startSortableTables(document as unknown as Document);
    const buttons = Array.from(table.querySelectorAll('thead th button'));
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Rang', 'Name', 'Wert']);
    const [rank, name, value] = Array.from(table.querySelectorAll('thead th'));
    (buttons[1] as unknown as HTMLButtonElement).click();
    expect(names()).toEqual(['Äußere Stadt', 'Bahnhof', 'Ost', 'Zentrum']);
    expect([rank?.getAttribute('aria-sort'), name?.getAttribute('aria-sort')]).toEqual([null, 'ascending']);
    expect(document.querySelector('[data-sort-status]')?.textContent).toBe('Sortiert nach Name, aufsteigend.');
    (buttons[1] as unknown as HTMLButtonElement).click();
    expect(name?.getAttribute('aria-sort')).toBe('descending');
    // Values start from the highest; rows without a number stay last.
    (buttons[2] as unknown as HTMLButtonElement).click();
    expect(value?.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Zentrum', 'Äußere Stadt', 'Bahnhof', 'Ost']);
    // The rank is already ascending (server order): pressing it reverses.
    (buttons[0] as unknown as HTMLButtonElement).click();
    expect(rank?.getAttribute('aria-sort')).toBe('ascending');
    (buttons[0] as unknown as HTMLButtonElement).click();
    expect(rank?.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Äußere Stadt', 'Bahnhof', 'Zentrum', 'Ost']);
  });
});
