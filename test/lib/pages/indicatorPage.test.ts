import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { schemeColors } from '../../../src/lib/charts/choropleth.ts';
import { buildIndicatorPage } from '../../../src/lib/pages/indicatorPage.ts';
import { COUNT, QUOTE, STATUS, context, indicator, storeOf, v } from './indicatorFixture.ts';

const NNBSP = '\u202f';
const pct = (s: string) => `${s}${NNBSP}%`;

function svgRoot(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  if (!root) throw new Error('no svg');
  return root;
}

describe('buildIndicatorPage: ranked table', () => {
  const page = buildIndicatorPage(QUOTE, 'planungsraum', 2019, 'de', context());

  it('buildIndicatorPage() lists every unit: ranked by value (ties share a rank), then the units without a number', () => {
    expect(page.table.rows.map((r) => [r.id, r.rank, r.value])).toEqual([
      ['a1', '1', pct('20,0')],
      ['a2', '2', pct('12,5')],
      ['a3', '2', pct('12,5')],
      ['b2', undefined, 'keine Angabe'],
      ['b1', undefined, 'geheim gehalten'],
      ['b3', undefined, 'nicht sinnvoll'],
    ]);
    expect(page.table.rows.map((r) => r.sort)).toEqual([20, 12.5, 12.5, undefined, undefined, undefined]);
  });

  it('buildIndicatorPage() never writes a number for a unit without one', () => {
    for (const r of page.table.rows.filter((x) => x.rank === undefined)) expect(r.value).not.toMatch(/\d/);
  });

  it('buildIndicatorPage() links each unit and its parent, with the language prefix', () => {
    expect(page.table.rows[0]).toMatchObject({
      name: 'Am Markt',
      href: '/planungsraum/a1/',
      parent: { name: 'Altstadt', href: '/bezirk/A/' },
    });
    const en = buildIndicatorPage(QUOTE, 'planungsraum', 2019, 'en', context());
    expect(en.table.rows[0]).toMatchObject({
      href: '/en/planungsraum/a1/',
      parent: { href: '/en/bezirk/A/' },
      value: pct('20.0'),
    });
    expect(en.table.rows.map((r) => r.value).slice(3)).toEqual(['not available', 'suppressed', 'not applicable']);
  });

  it('buildIndicatorPage() names the rank order with the polarity, and the units without a rank', () => {
    expect(page.table.head).toEqual({ rank: 'Rang', name: 'Planungsraum', parent: 'Bezirk', value: 'Wert (%)' });
    expect(page.table.notes[0]).toMatch(/^Rang 1 = höchster Wert; höhere Werte sind hier ungünstiger\./);
    expect(page.table.notes[1]).toBe('3 Gebiete ohne Zahl stehen am Ende der Liste, ohne Rang.');
    const positive = buildIndicatorPage(
      indicator({ id: 'quote', polarity: 'positive' }),
      'planungsraum',
      2019,
      'de',
      context(),
    );
    expect(positive.table.notes[0]).toMatch(/höhere Werte sind hier günstiger/);
  });

  it('buildIndicatorPage(top level) has no parent column', () => {
    const top = buildIndicatorPage(QUOTE, 'bezirk', 2019, 'de', context());
    expect(top.table.head.parent).toBeUndefined();
    expect(top.table.rows.map((r) => [r.name, r.rank, r.parent])).toEqual([
      ['Bergdorf', '1', undefined],
      ['Altstadt', '2', undefined],
    ]);
  });
});

describe('buildIndicatorPage: map and legend', () => {
  const page = buildIndicatorPage(QUOTE, 'planungsraum', 2019, 'de', context());
  const root = svgRoot(page.map.svg);
  const links = Array.from(root.querySelectorAll('a'));

  it('buildIndicatorPage() makes each unit a link named "Name: value" on the map', () => {
    expect(links.map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')])).toEqual([
      ['/planungsraum/a1/', `Am Markt: ${pct('20,0')}`],
      ['/planungsraum/a3/', `Zeughaus: ${pct('12,5')}`],
      ['/planungsraum/b1/', 'Bahnhof: geheim gehalten'],
      ['/planungsraum/b2/', 'Bergfeld: keine Angabe'],
      ['/planungsraum/b3/', 'Heide: nicht sinnvoll'],
      // The tiny unit (a marker in the fixture's map) comes last, above its neighbours.
      ['/planungsraum/a2/', `Domplatz: ${pct('12,5')}`],
    ]);
    expect(root.getAttribute('aria-label')).toBe('Karte: Quote, Planungsräume 2019');
  });

  it('buildIndicatorPage() hatches each status by its own pattern and fills values from the scheme', () => {
    const fill = (id: string) =>
      links
        .find((a) => a.getAttribute('href') === `/planungsraum/${id}/`)
        ?.querySelector('use')
        ?.getAttribute('fill');
    expect([fill('b1'), fill('b2'), fill('b3')]).toEqual([
      'url(#m-de-suppressed)',
      'url(#m-de-missing)',
      'url(#m-de-notApplicable)',
    ]);
    const bins = page.map.legend.entries.filter((e) => e.key.startsWith('bin-')).length;
    for (const id of ['a1', 'a2', 'a3']) expect(schemeColors('negative', bins)).toContain(fill(id));
    expect(fill('a2')).toBe(fill('a3'));
  });

  it('buildIndicatorPage() draws the parent level borders from the level geometry file', () => {
    expect(root.querySelector('.choropleth-borders use')?.getAttribute('href')).toBe(
      '/data/maps/planungsraum-bbbb.svg#grenzen-bezirk',
    );
    expect(page.map.caption).toBe(
      'Jedes Gebiet ist ein Link zu seiner Seite. Dicke dunkle Linien: Grenzen der Bezirke.',
    );
  });

  it('buildIndicatorPage() lists one legend entry per class and per occurring status, with counts', () => {
    const entries = page.map.legend.entries;
    const statuses = entries.filter((e) => e.key.startsWith('status-'));
    expect(statuses.map((e) => [e.key, e.label, e.count])).toEqual([
      ['status-missing', 'keine Angabe', '1 Gebiet'],
      ['status-suppressed', 'geheim gehalten', '1 Gebiet'],
      ['status-notApplicable', 'nicht sinnvoll', '1 Gebiet'],
    ]);
    expect(entries.find((e) => e.key === 'marker')?.count).toBe('1 Gebiet');
    const bins = entries.filter((e) => e.key.startsWith('bin-'));
    expect(bins.length).toBeGreaterThan(0);
    const counted = bins.reduce((a, e) => a + Number(/^(\d+)/.exec(e.count)?.[1]), 0);
    expect(counted).toBe(3);
    // Bounds in German format; the last bin is closed.
    expect(bins[bins.length - 1]?.label).toMatch(/^\d+,\d bis 20,0$/);
    expect(page.map.legend.notes[0]).toMatch(/Quintile/);
  });

  it('buildIndicatorPage() says in one sentence how many units lie above the city, and how many have no number', () => {
    expect(page.map.summary).toBe(
      `Quote 2019: In 1 der 3 Planungsräume mit Zahl liegt der Wert über dem Wert für Musterstadt (${pct('14,0')}). 3 ohne Zahl (keine Angabe: 1, geheim gehalten: 1, nicht sinnvoll: 1).`,
    );
  });
});

describe('buildIndicatorPage: distribution, facts, navigation', () => {
  const page = buildIndicatorPage(QUOTE, 'planungsraum', 2019, 'de', context());

  it('buildIndicatorPage() describes the spread with the city and the parent values, and draws them', () => {
    expect(page.distribution.text).toBe(
      `Die 3 Planungsräume mit Zahl reichen von ${pct('12,5')} bis ${pct('20,0')}; der Median liegt bei ${pct('12,5')}. Musterstadt insgesamt: ${pct('14,0')}. Die 2 Bezirke liegen zwischen ${pct('15,0')} und ${pct('30,0')}.`,
    );
    const svg = svgRoot(page.distribution.svg);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('.city')).not.toBeNull();
    expect(svg.querySelectorAll('.parents path').length).toBe(2);
    expect(svg.querySelector('.city-label')?.textContent).toBe('Musterstadt 14,0');
  });

  it('buildIndicatorPage(count) compares no count with the city total or the parents', () => {
    const counts = buildIndicatorPage(COUNT, 'planungsraum', 2019, 'de', context());
    expect(counts.map.summary).toBe(
      'Quote 2019: Zahlen für 3 Planungsräume; höchster Wert in Am Markt (100 Personen). 3 ohne Zahl (keine Angabe: 3).',
    );
    expect(counts.map.summary).not.toMatch(/über dem Wert/);
    const svg = svgRoot(counts.distribution.svg);
    expect(svg.querySelector('.city')).toBeNull();
    expect(svg.querySelector('.parents')).toBeNull();
    expect(counts.distribution.text).toMatch(/Anzahlen werden nicht mit der Stadt/);
    // A zero is a number: "0 Personen", ranked.
    expect(counts.table.rows.map((r) => [r.id, r.rank, r.value]).slice(0, 3)).toEqual([
      ['a1', '1', '100 Personen'],
      ['a3', '2', '50 Personen'],
      ['a2', '3', '0 Personen'],
    ]);
  });

  it('buildIndicatorPage() names definition, unit, polarity, reference date and the city value', () => {
    expect(page.about.facts).toEqual([
      { term: 'Definition', detail: 'Eine erfundene Quote.' },
      { term: 'Einheit', detail: '%' },
      { term: 'Richtung', detail: 'Höhere Werte sind ungünstiger (Farben Gelb bis Dunkelrot).' },
      { term: 'Stichtag', detail: '31.12.2018' },
      { term: 'Musterstadt', detail: pct('14,0') },
    ]);
    const y2017 = buildIndicatorPage(QUOTE, 'planungsraum', 2017, 'de', context());
    expect(y2017.about.facts.find((f) => f.term === 'Stichtag')?.detail).toBe(
      'in der Konfiguration nicht angegeben (Datenjahr 2017)',
    );
  });

  it('buildIndicatorPage() links the other years of the level and the other levels (same year, else latest)', () => {
    expect(page.years.links).toEqual([
      { label: '2017', href: '/merkmale/quote/planungsraum/2017/', current: false },
      { label: '2019', href: '/merkmale/quote/planungsraum/2019/', current: true },
    ]);
    expect(page.levels.links).toEqual([
      { label: 'Bezirke', href: '/merkmale/quote/bezirk/2019/', current: false },
      { label: 'Planungsräume', href: '/merkmale/quote/planungsraum/2019/', current: true },
    ]);
    const y2017 = buildIndicatorPage(QUOTE, 'planungsraum', 2017, 'en', context());
    expect(y2017.levels.links[0]).toEqual({
      label: 'Districts (2019)',
      href: '/en/merkmale/quote/bezirk/2019/',
      current: false,
    });
    expect(y2017.isLatest).toBe(false);
    expect(page.isLatest).toBe(true);
    expect([page.path, page.latestPath, y2017.href, y2017.latestHref]).toEqual([
      '/merkmale/quote/planungsraum/2019/',
      '/merkmale/quote/planungsraum/',
      '/en/merkmale/quote/planungsraum/2017/',
      '/en/merkmale/quote/planungsraum/',
    ]);
  });

  it('buildIndicatorPage() names the source with licence and attribution', () => {
    expect(page.source).toMatchObject({
      title: 'Statistik (erfunden)',
      licence: 'CC BY 4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
      attribution: 'Amt (erfunden), CC BY 4.0',
    });
  });

  it('buildIndicatorPage() lists the series breaks that concern the level, with the units they name', () => {
    const ind = indicator({
      id: 'quote',
      breaks: [
        { year: 2019, kind: 'definition', text: { de: 'Neue Abgrenzung der Arbeitslosen' } },
        { year: 2018, kind: 'boundary', text: { de: 'Bezirksreform' }, levels: ['bezirk'] },
      ],
    });
    const ctx = context(storeOf(), {
      breaks: [
        { year: 2016, kind: 'boundary', text: { de: 'Neuer Zuschnitt' }, units: ['a1', 'b2', 'X'] },
        { year: 2015, kind: 'source', text: { de: 'Anderes Merkmal' }, indicators: ['other'] },
      ],
    });
    expect(buildIndicatorPage(ind, 'planungsraum', 2019, 'de', ctx).breaks.items).toEqual([
      'Ab 2016: Neuer Zuschnitt (betrifft 2 Gebiete dieser Ebene)',
      'Ab 2019: Neue Abgrenzung der Arbeitslosen',
    ]);
  });
});

describe('buildIndicatorPage: class indicators', () => {
  const page = buildIndicatorPage(STATUS, 'planungsraum', 2019, 'de', context());

  it('buildIndicatorPage(class) orders by class, highest first, without ranks; no entry counts as missing', () => {
    expect(page.table.head.rank).toBeUndefined();
    expect(page.table.head.value).toBe('Klasse');
    expect(page.table.rows.map((r) => [r.id, r.rank, r.value])).toEqual([
      ['a1', undefined, 'Stufe 3'],
      ['a2', undefined, 'Stufe 1'],
      ['a3', undefined, 'Stufe 1'],
      ['b2', undefined, 'keine Angabe'],
      ['b3', undefined, 'keine Angabe'],
      ['b1', undefined, 'nicht sinnvoll'],
    ]);
  });

  it('buildIndicatorPage(class) has one legend entry per class (also empty ones) and class bars', () => {
    expect(page.map.legend.entries.map((e) => [e.label, e.count])).toEqual([
      ['Stufe 1', '2 Gebiete'],
      ['Stufe 2', '0 Gebiete'],
      ['Stufe 3', '1 Gebiet'],
      ['keine Angabe', '2 Gebiete'],
      ['nicht sinnvoll', '1 Gebiet'],
      ['Kreis: sehr kleines Gebiet, vergrößert markiert', '1 Gebiet'],
    ]);
    expect(page.distribution.text).toBe('Zahl der Planungsräume je Klasse: Stufe 1: 2, Stufe 2: 0, Stufe 3: 1.');
    expect(svgRoot(page.distribution.svg).querySelectorAll('rect').length).toBe(3);
    expect(page.map.summary).toBe(
      'Status 2019: 3 Planungsräume sind einer Klasse zugeordnet. 3 ohne Zahl (keine Angabe: 2, nicht sinnvoll: 1).',
    );
  });
});

describe('buildIndicatorPage: an indicator at one level and one year only', () => {
  it('buildIndicatorPage() works for an indicator with one year on one level', () => {
    const store = storeOf([v('b1', 'neu', 2020, 3), v('b2', 'neu', 2020, 4)]);
    const ind = indicator({ id: 'neu', label: { de: 'Neu' } });
    const page = buildIndicatorPage(ind, 'planungsraum', 2020, 'de', context(store));
    expect(page.years.links.map((l) => l.label)).toEqual(['2020']);
    expect(page.levels.links.map((l) => l.label)).toEqual(['Planungsräume']);
    expect(page.table.rows.filter((r) => r.rank !== undefined).map((r) => r.name)).toEqual(['Bergfeld', 'Bahnhof']);
    // Without a city value: the highest value instead of a comparison.
    expect(page.map.summary).toMatch(/^Neu 2020: Zahlen für 2 Planungsräume; höchster Wert in Bergfeld/);
  });
});
