import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../../src/lib/facilities/searchEngine.ts';
import {
  finderView,
  MAX_FACILITY_ROWS,
  MAX_UNIT_ROWS,
  queryLength,
  type FacilityState,
} from '../../../src/lib/facilities/searchFinder.ts';
import { buildPlaceIndex, createPlaceFinder } from '../../../src/lib/facilities/searchPlaces.ts';
import { buildSearchIndex } from '../../../src/lib/facilities/searchRecord.ts';
import { searchWords } from '../../../src/lib/facilities/searchText.ts';

/** Made-up units: Nord > Nordwest > Anger, and twelve small areas "Feld 1" … "Feld 12" in Nord. */
const PLACES = createPlaceFinder(
  buildPlaceIndex(
    [
      { id: 'bezirk', label: { de: 'Bezirk', en: 'District' } },
      { id: 'region', label: { de: 'Region', en: 'Region' } },
      { id: 'raum', label: { de: 'Planungsraum', en: 'Planning area' } },
    ],
    [
      { id: 'N', name: 'Nord', level: 'bezirk' },
      { id: 'N1', name: 'Nordwest', level: 'region', parent: 'N' },
      { id: 'N1a', name: 'Anger', level: 'raum', parent: 'N1' },
      ...Array.from({ length: 12 }, (_, i) => ({ id: `F${i}`, name: `Feld ${i + 1}`, level: 'raum', parent: 'N1' })),
    ],
  ),
);
/** Made-up entries: fifteen Kitas in Anger. */
const ENGINE = createSearchEngine(
  buildSearchIndex(
    Array.from({ length: 15 }, (_, i) => ({
      facility: {
        id: `kita-${i}`,
        name: `Kita Anger ${i + 1}`,
        types: ['kita'],
        targetGroups: [],
        address: { street: `Angerweg ${i + 1}`, postcode: '12345', city: 'Musterstadt' },
        location: { lat: 52, lon: 13 },
        accessibility: { wheelchair: 'unknown' as const },
        sources: [],
        lastConfirmed: '2024-06-01',
      },
      units: ['N', 'N1', 'N1a'],
    })),
    { types: [{ id: 'kita', label: { de: 'Kita', en: 'Day-care centre' } }], targetGroups: [] },
  ),
  PLACES,
);
const LINKS = { directorySearch: '/einrichtungen/suche/', unitsIndex: '/alle-gebiete/' };
const view = (q: string, facilities: FacilityState, lang: 'de' | 'en' = 'de') =>
  finderView({
    lang,
    prefix: lang === 'en' ? '/en' : '',
    q,
    units: PLACES.search(searchWords(q)),
    facilities,
    links: LINKS,
  });
const ready = (q: string): FacilityState => ({
  state: 'ready',
  engine: ENGINE,
  result: ENGINE.search({ q, typ: '', gruppe: '', gebiet: '', teilgebiet: '', sprache: '', rollstuhl: '' }),
});

describe('finderView(input)', () => {
  it('lists units with level and parents, then facilities with type and address, then every result', () => {
    const v = view('Anger', ready('Anger'));
    expect(v.rows[0]).toEqual({
      kind: 'unit',
      href: '/raum/N1a/',
      label: 'Anger',
      detail: 'Planungsraum in Nordwest, Nord',
    });
    expect(v.rows[1]).toEqual({
      kind: 'facility',
      href: '/einrichtungen/kita-0/',
      label: 'Kita Anger 1',
      detail: 'Kita · Angerweg 1, 12345 Musterstadt',
    });
    expect(v.rows.filter((r) => r.kind === 'facility')).toHaveLength(MAX_FACILITY_ROWS);
    expect(v.rows.at(-1)).toEqual({
      kind: 'all',
      href: '/einrichtungen/suche/?q=Anger',
      label: 'Alle 15 Einrichtungen in der Einrichtungssuche',
      detail: '',
    });
    expect(v.allHref).toBe('/einrichtungen/suche/?q=Anger');
    expect(v.status).toBe('1 Gebiet und 15 Einrichtungen gefunden.');
  });

  it('answers from the units while the facilities load, and says so', () => {
    const v = view('Feld', { state: 'pending' });
    expect(v.rows.filter((r) => r.kind === 'unit')).toHaveLength(MAX_UNIT_ROWS);
    expect(v.rows.at(-1)).toEqual({
      kind: 'all',
      href: '/alle-gebiete/',
      label: 'Alle Gebiete von A bis Z',
      detail: '',
    });
    expect(v.status).toBe('12 Gebiete gefunden. Einrichtungen werden noch gesucht.');
  });

  it('shows nothing yet while only facilities can match and they are still searched', () => {
    const v = view('Kita', { state: 'pending' });
    expect(v.rows).toEqual([]);
    expect(v.status).toBe('Einrichtungen werden noch gesucht.');
  });

  it('leads to the list of all areas when nothing is found, in the page language', () => {
    const v = view('Zzz', { state: 'absent' }, 'en');
    expect(v.rows).toEqual([{ kind: 'all', href: '/en/alle-gebiete/', label: 'All areas from A to Z', detail: '' }]);
    expect(v.status).toBe('No results.');
    expect(view('Nord', { state: 'absent' }, 'en').rows[0]?.detail).toBe('District');
  });
});

describe('queryLength(q)', () => {
  it('counts letters and digits only', () => {
    expect(queryLength(' ä-1 ')).toBe(2);
    expect(queryLength('..')).toBe(0);
  });
});
