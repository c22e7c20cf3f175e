import { describe, expect, it } from 'vitest';
import {
  directoryAreaView,
  directoryIndexView,
  directorySearchView,
  directoryTypeView,
  FRESHNESS_MAX_LISTED,
  freshnessView,
} from '../../../src/lib/pages/directoryView.ts';
import type { DirectoryIndexData, FreshnessReport } from '../../../src/lib/pages/facilityModel.ts';
import type { DirectorySearchData } from '../../../src/lib/pages/directorySearch.ts';

/** Made-up levels, vocabulary, units and counts. */
const CTX = {
  levels: [
    { id: 'bezirk', label: { de: 'Bezirk', en: 'District' }, labelPlural: { de: 'Bezirke', en: 'Districts' } },
    { id: 'region', label: { de: 'Region' }, labelPlural: { de: 'Regionen' }, parent: 'bezirk' },
  ],
  types: [
    { id: 'kita', label: { de: 'Kita', en: 'Day care' } },
    { id: 'pflege', label: { de: 'Pflegeheim' } },
  ],
  targetGroups: [{ id: 'kinder', label: { de: 'Kinder', en: 'Children' } }],
};
const ref = (id: string, name: string, level = 'bezirk') => ({ id, name, level, url: `/${level}/${id}/` });
const INDEX: DirectoryIndexData = {
  total: 1234,
  stale: 5,
  odbl: 0,
  types: [
    { type: 'kita', count: 1000, url: '/einrichtungen/typ/kita/' },
    { type: 'unbekannt', count: 1, url: '/einrichtungen/typ/unbekannt/' },
  ],
  areas: [{ unit: ref('N', 'Nord'), count: 1, url: '/einrichtungen/gebiet/N/' }],
};
const item = { id: 'k1', name: 'Kita Eins', url: '/einrichtungen/k1/', address: 'Weg 1' };

describe('directoryIndexView(index, meta, ctx, city, lang)', () => {
  it('formats the counts and the reference date, and labels the types (the id when unknown)', () => {
    const v = directoryIndexView(INDEX, { staleAfterDays: 730, referenceDate: '2026-02-01' }, CTX, 'Musterstadt', 'de');
    expect(v.lede).toContain('Musterstadt, 1.234 Einträge');
    expect(v.staleDays).toBe('730');
    expect(v.staleText).toContain('(01.02.2026)');
    expect(v.staleText).toContain(': 5 von 1.234.');
    expect(v.types).toEqual([
      { href: '/einrichtungen/typ/kita/', label: 'Kita', count: '1.000' },
      { href: '/einrichtungen/typ/unbekannt/', label: 'unbekannt', count: '1' },
    ]);
    expect(v.areas).toEqual([{ href: '/einrichtungen/gebiet/N/', label: 'Nord', count: '1 Eintrag' }]);
    expect(v.topLevelPlural).toBe('Bezirke');
    expect(v.odbl).toBe(false);
  });

  it('links under /en in English and flags ODbL entries', () => {
    const v = directoryIndexView({ ...INDEX, odbl: 2 }, { referenceDate: '2026-02-01' }, CTX, 'Sampletown', 'en');
    expect(v.types[0]).toEqual({ href: '/en/einrichtungen/typ/kita/', label: 'Day care', count: '1,000' });
    expect(v.staleDays).toBe('0');
    expect(v.odbl).toBe(true);
  });
});

describe('directoryTypeView(type, ctx, lang)', () => {
  const d = {
    type: 'kita',
    count: 3,
    url: '/einrichtungen/typ/kita/',
    listed: true,
    groups: [
      { unit: ref('N', 'Nord'), count: 2, url: '/einrichtungen/gebiet/N/#typ-kita', items: [item] },
      { unit: ref('S', 'Süd'), count: 1, url: '/einrichtungen/gebiet/S/#typ-kita' },
    ],
  };

  it('gives a section per top-level unit and a link to each area page section', () => {
    const v = directoryTypeView(d, CTX, 'de');
    expect(v.label).toBe('Kita');
    expect(v.entries).toBe('3 Einträge');
    expect(v.sections).toEqual([
      { id: 'gebiet-N', label: 'Nord', count: '2', items: [item] },
      { id: 'gebiet-S', label: 'Süd', count: '1', items: [] },
    ]);
    expect(v.links[1]).toEqual({ href: '/einrichtungen/gebiet/S/#typ-kita', label: 'Kita: Süd', count: '1' });
    expect(v.byAreaText).toBe('Die 3 Einträge stehen nach Bezirke getrennt auf deren Verzeichnisseiten:');
  });
});

describe('directoryAreaView(area, ctx, areaIds, lang)', () => {
  const d = {
    unit: ref('N1', 'Nordwest', 'region'),
    ancestors: [ref('N', 'Nord'), ref('X', 'Ohne Seite')],
    url: '/einrichtungen/gebiet/N1/',
    count: 0,
    byType: [{ type: 'pflege', count: 1200, items: [item] }],
    children: [{ unit: ref('N1a', 'Am Bach', 'raum'), count: 1, url: '/raum/N1a/' }],
  };

  it('links ancestors to their directory page where they have one, else to their unit page', () => {
    const v = directoryAreaView(d, CTX, ['N', 'N1'], 'en');
    expect(v.ancestors).toEqual([
      { text: 'Nord', href: '/en/einrichtungen/gebiet/N/' },
      { text: 'Ohne Seite', href: '/en/bezirk/X/' },
    ]);
    expect(v.title).toBe('Facilities in Nordwest');
  });

  it('formats counts, labels the level and falls back to "Teilgebiete" without a level below', () => {
    const v = directoryAreaView(d, CTX, [], 'de');
    expect(v.levelLabel).toBe('Region');
    expect(v.entries).toBe('0 Einträge');
    expect(v.empty).toBe(true);
    expect(v.childrenHeading).toBe('Teilgebiete');
    expect(v.children).toEqual([{ href: '/raum/N1a/', label: 'Am Bach', count: '1' }]);
    expect(v.types).toEqual([{ id: 'typ-pflege', label: 'Pflegeheim', count: '1.200', items: [item] }]);
    const top = directoryAreaView({ ...d, unit: ref('N', 'Nord') }, CTX, [], 'de');
    expect(top.childrenHeading).toBe('Regionen');
  });
});

describe('directorySearchView(search, index, ctx, lang)', () => {
  const s: DirectorySearchData = {
    url: '/einrichtungen/suche/',
    indexUrl: '/i.json',
    unitsUrl: '/u.json',
    total: 3,
    types: [{ id: 'kita', count: 2500 }],
    targetGroups: [{ id: 'kinder', count: 1 }],
    areas: [
      { id: 'N', name: 'Nord', count: 2, children: [{ id: 'N1', name: 'Nordwest', count: 2 }] },
      { id: 'S', name: 'Süd', count: 1, children: [] },
    ],
    languages: [{ id: 'tr', count: 1, label: { de: 'Türkisch', en: 'Turkish' } }],
    wheelchair: { yes: 1, yesOrLimited: 1000 },
  };

  it('offers every choice with its count, and the second level only for units that have sub-units', () => {
    const v = directorySearchView(s, INDEX, CTX, 'en');
    expect(v.types).toEqual([{ value: 'kita', label: 'Day care', count: '2,500' }]);
    expect(v.targetGroups).toEqual([{ value: 'kinder', label: 'Children', count: '1' }]);
    expect(v.areas.map((a) => a.label)).toEqual(['Nord', 'Süd']);
    expect(v.subAreas).toEqual({
      label: 'Region',
      groups: [{ label: 'Nord', parent: 'N', options: [{ value: 'N1', label: 'Nordwest', count: '2' }] }],
    });
    expect(v.languages).toEqual([{ value: 'tr', label: 'Turkish', count: '1' }]);
    expect(v.wheelchair).toEqual({ yes: '1', yesOrLimited: '1,000' });
    expect(v.topLevelLabel).toBe('District');
    expect(v.areaLinks[0]).toEqual({ href: '/en/einrichtungen/gebiet/N/', label: 'Nord', count: '1 entry' });
  });

  it('has no second-level filter without a second level or without sub-units', () => {
    expect(directorySearchView(s, INDEX, { ...CTX, levels: CTX.levels.slice(0, 1) }, 'de').subAreas).toBeUndefined();
    const flat = { ...s, areas: s.areas.map((a) => ({ ...a, children: [] })) };
    expect(directorySearchView(flat, INDEX, CTX, 'de').subAreas).toBeUndefined();
  });
});

describe('freshnessView(report, lang)', () => {
  const entry = (i: number) => ({
    id: `e${i}`,
    name: `Eintrag ${i}`,
    file: `content/facilities/e${i}.md`,
    url: `/einrichtungen/e${i}/`,
    lastConfirmed: '2020-01-02',
    ageDays: 2000,
    sources: [],
  });
  const r: FreshnessReport = {
    referenceDate: '2026-02-01',
    staleAfterDays: 1095,
    total: 1500,
    stale: 2,
    byDate: [
      { date: '2020-01-02', count: 2, stale: true },
      { date: '2025-06-30', count: 1498, stale: false },
    ],
    entries: [{ ...entry(1), confirmedBy: 'Amt' }, entry(2)],
  };

  it('formats the summary, the dates and counts, and marks stale dates', () => {
    const v = freshnessView(r, 'de');
    expect(v.summary).toContain('Stichtag 01.02.2026');
    expect(v.summary).toContain('länger als 1.095 Tage');
    expect(v.summary).toContain(': 2 von 1.500 Einträgen.');
    expect(v.rows).toEqual([
      { iso: '2020-01-02', date: '02.01.2020', count: '2', status: 'nicht bestätigt' },
      { iso: '2025-06-30', date: '30.06.2025', count: '1.498', status: '–' },
    ]);
    expect(v.entries[0]).toEqual({
      href: '/einrichtungen/e1/',
      name: 'Eintrag 1',
      iso: '2020-01-02',
      date: '02.01.2020',
      confirmedBy: ' (Amt)',
      file: 'content/facilities/e1.md',
    });
    expect(v.entries[1]?.confirmedBy).toBeUndefined();
    expect(v.firstListed).toBeUndefined();
  });

  it(`lists at most ${FRESHNESS_MAX_LISTED} stale entries and says so`, () => {
    const many = { ...r, entries: Array.from({ length: FRESHNESS_MAX_LISTED + 1 }, (_, i) => entry(i)) };
    const v = freshnessView(many, 'en');
    expect(v.entries).toHaveLength(FRESHNESS_MAX_LISTED);
    expect(v.entries[0]?.href).toBe('/en/einrichtungen/e0/');
    expect(v.firstListed).toBe(` the first ${FRESHNESS_MAX_LISTED}; all are in facilities.csv (column stale).`);
    const exact = { ...r, entries: many.entries.slice(0, FRESHNESS_MAX_LISTED) };
    expect(freshnessView(exact, 'en').firstListed).toBeUndefined();
  });
});
