import { describe, expect, it } from 'vitest';
import type { AreaLayerData, AreaLayerMeta, AreaPageData } from '../../../src/lib/areas/areaModel.ts';
import {
  areaFacilityTable,
  areaDataDateView,
  areaFieldText,
  areaIndexRows,
  areaLayerView,
  areaPageView,
  shareText,
  unitAreasView,
} from '../../../src/lib/pages/areaView.ts';

/** Made-up layer, areas, units and facilities. */
const LAYER: AreaLayerMeta = {
  id: 'schutz',
  label: { de: 'Schutzgebiete', en: 'Protected areas' },
  url: '/gebiete/schutz/',
  source: 'amt',
  fields: [
    { field: 'seit', label: { de: 'In Kraft seit', en: 'In force since' }, type: 'date' },
    { field: 'flaeche', label: { de: 'Fläche amtlich' }, type: 'number', unit: { de: 'ha' } },
    { field: 'art', label: { de: 'Art' }, type: 'text' },
  ],
  file: 'data/schutz.geojson',
};
const LEVELS = [
  { id: 'bezirk', label: { de: 'Bezirk' }, labelPlural: { de: 'Bezirke' } },
  { id: 'raum', label: { de: 'Raum', en: 'Space' }, labelPlural: { de: 'Räume', en: 'Spaces' } },
];
const facility = (no: number, vulnerability: number, types: string[]) => ({
  no,
  id: `f${no}`,
  name: `Einrichtung ${no}`,
  url: `/einrichtungen/f${no}/`,
  types,
  vulnerability,
  address: 'Weg 1',
});
const AREA: AreaPageData = {
  layer: LAYER,
  id: 'a1',
  name: 'Auwald',
  url: '/gebiete/schutz/a1/',
  fields: { seit: '2019-03-01', flaeche: 1234.25 },
  hectares: 1234.56,
  facilities: [facility(1, 3, ['pflege']), facility(2, 3, ['kita', 'pflege']), facility(3, 0, ['beratung'])],
  units: [
    { id: 'r1', name: 'Raum Eins', level: 'raum', url: '/raum/r1/', shareOfUnit: 0.5, shareOfArea: 0.075 },
    { id: 'r2', name: 'Raum Zwei', level: 'raum', url: '/raum/r2/', shareOfUnit: 0.02, shareOfArea: 0.925 },
    { id: 'b1', name: 'Bezirk Eins', level: 'bezirk', url: '/bezirk/b1/', shareOfUnit: 0.01, shareOfArea: 1 },
  ],
  downloads: { csv: '/x.csv', geojson: '/x.geojson' },
  facilitiesDate: '2026-01-31',
  odbl: false,
};
const typeLabel = (x: string) => ({ pflege: 'Pflegeheim', kita: 'Kita' })[x] ?? x;

describe('shareText(x, lang)', () => {
  it('shows one decimal below 10 % and none above', () => {
    expect(shareText(0.075, 'de')).toBe('7,5 %');
    expect(shareText(0.425, 'de')).toBe('43 %');
    expect(shareText(0.075, 'en')).toBe('7.5 %');
  });
});

describe('areaFieldText(field, value, lang)', () => {
  it('formats dates, numbers with their own decimals and unit, and keeps text', () => {
    expect(areaFieldText({ type: 'date' }, '2019-03-01', 'de')).toBe('01.03.2019');
    expect(areaFieldText({ type: 'number', unit: { de: 'ha' } }, 1234.25, 'de')).toBe('1.234,25 ha');
    expect(areaFieldText({ type: 'number' }, 7, 'en')).toBe('7');
    expect(areaFieldText({ type: 'text' }, 'Wald', 'de')).toBe('Wald');
    expect(areaFieldText({ type: 'text' }, undefined, 'de')).toBeUndefined();
  });
});

describe('areaPageView(area, ctx, lang)', () => {
  const v = areaPageView(AREA, { levels: LEVELS, typeLabel }, 'de');

  it('counts the facilities and the vulnerable ones, and says which units the area touches', () => {
    expect(v.facilityCount).toBe('3');
    expect(v.vulnerableCount).toBe('2');
    expect(v.hasFacilities).toBe(true);
    expect(v.summary).toBe(
      'Im Gebiet Auwald liegen 3 Einrichtungen des Verzeichnisses, davon 2 besonders schutzbedürftig; es berührt 1 Bezirk, 2 Räume.',
    );
    expect(v.mapLabel).toBe('Karte: Gebiet Auwald mit 3 Einrichtungen als Punkte');
    expect(v.title).toBe('Auwald (Schutzgebiete)');
    expect(v.hectares).toBe('1.234,6');
  });

  it('lists only the fields with a value, formatted', () => {
    expect(v.fields).toEqual([
      { label: 'In Kraft seit', value: '01.03.2019' },
      { label: 'Fläche amtlich', value: '1.234,25 ha' },
    ]);
    expect(v.facilitiesDate).toEqual({ iso: '2026-01-31', text: '31.01.2026' });
  });

  it('groups the facilities most vulnerable first, with their types labelled once', () => {
    expect(v.groups.map((g) => [g.id, g.label, g.count, g.types, g.caption])).toEqual([
      ['stufe-3', 'Höchste Schutzbedürftigkeit', '2', 'Pflegeheim, Kita', 'Höchste Schutzbedürftigkeit: Auwald'],
      ['stufe-0', 'Weitere Einrichtungen', '1', 'beratung', 'Weitere Einrichtungen: Auwald'],
    ]);
  });

  it('tables the units by level from the top, with the shares as percentages', () => {
    expect(v.levels.map((l) => [l.caption, l.count, l.levelLabel])).toEqual([
      ['Bezirke', '1', 'Bezirk'],
      ['Räume', '2', 'Raum'],
    ]);
    expect(v.levels[1]?.units[0]).toEqual({
      name: 'Raum Eins',
      href: '/raum/r1/',
      shareOfArea: '7,5 %',
      shareOfUnit: '50 %',
    });
  });

  it('says when the area is empty and touches no unit, in English under /en', () => {
    const en = areaPageView(
      { ...AREA, facilities: [], units: [], facilitiesDate: undefined },
      { levels: LEVELS, typeLabel },
      'en',
    );
    expect(en.hasFacilities).toBe(false);
    expect(en.groups).toEqual([]);
    expect(en.levels).toEqual([]);
    expect(en.facilitiesDate).toBeUndefined();
    expect(en.summary).toBe(
      '0 facilities of the directory lie in Auwald, 0 of them vulnerable; it touches no area of the atlas.',
    );
    const withUnits = areaPageView(AREA, { levels: LEVELS, typeLabel }, 'en');
    expect(withUnits.levels[1]?.units[0]?.href).toBe('/en/raum/r1/');
    expect(withUnits.fields[0]).toEqual({ label: 'In force since', value: '1 March 2019' });
  });
});

describe('areaLayerView(layer, city, lang)', () => {
  const d: AreaLayerData = {
    layer: LAYER,
    areas: [
      {
        id: 'a1',
        name: 'Auwald',
        url: '/gebiete/schutz/a1/',
        fields: { seit: '2019-03-01' },
        hectares: 12.34,
        facilities: 1200,
        vulnerable: 2,
      },
      { id: 'a2', name: 'Bruch', url: '/gebiete/schutz/a2/', fields: {}, hectares: 3, facilities: 4, vulnerable: 0 },
    ],
    downloads: { csv: '/x.csv', geojson: '/x.geojson' },
    odbl: false,
  };

  it('counts the areas, adds up their entries and formats each row', () => {
    const v = areaLayerView(d, 'Musterstadt', 'de');
    expect(v.count).toBe('2');
    expect(v.summary).toMatch(/^2 Gebiete; zusammen 1\.204 Einträge/);
    expect(v.mapLabel).toBe('Karte: 2 Schutzgebiete in Musterstadt');
    expect(v.dateLabel).toBe('In Kraft seit');
    expect(v.rows).toEqual([
      {
        href: '/gebiete/schutz/a1/',
        name: 'Auwald',
        id: 'a1',
        date: '01.03.2019',
        hectares: '12,3',
        facilities: '1.200',
        vulnerable: '2',
      },
      {
        href: '/gebiete/schutz/a2/',
        name: 'Bruch',
        id: 'a2',
        date: '–',
        hectares: '3,0',
        facilities: '4',
        vulnerable: '0',
      },
    ]);
  });

  it('has no date column when the layer has no date field', () => {
    const v = areaLayerView({ ...d, layer: { ...LAYER, fields: [] } }, 'Musterstadt', 'en');
    expect(v.dateLabel).toBeUndefined();
    expect(v.rows[0]?.href).toBe('/en/gebiete/schutz/a1/');
  });
});

describe('areaIndexRows(index, lang)', () => {
  it('formats the counts of each layer, and is empty without overlays', () => {
    const rows = areaIndexRows(
      { layers: [{ layer: LAYER, areas: 1500, facilities: 3, downloads: { csv: '', geojson: '' } }] },
      'en',
    );
    expect(rows.map((r) => [r.href, r.label, r.description, r.areas, r.facilities])).toEqual([
      ['/en/gebiete/schutz/', 'Protected areas', undefined, '1,500', '3'],
    ]);
    expect(areaIndexRows(undefined, 'de')).toEqual([]);
  });
});

describe('areaDataDateView(layer, lang)', () => {
  it('gives the declared date, else the latest date of a date field with its label, else nothing', () => {
    expect(areaDataDateView({ ...LAYER, dataDate: '2025-12-31' }, 'de')).toEqual({
      declared: { iso: '2025-12-31', text: '31.12.2025' },
    });
    expect(areaDataDateView({ ...LAYER, latestDate: { field: 'seit', date: '2024-05-02' } }, 'en')).toEqual({
      latest: { field: 'In force since', iso: '2024-05-02', text: '2 May 2024' },
    });
    expect(areaDataDateView(LAYER, 'de')).toEqual({});
  });
});

describe('unitAreasView(areas, lang)', () => {
  it('links each area with its layer and the share of the unit it covers', () => {
    const v = unitAreasView(
      [{ url: '/gebiete/schutz/a1/', name: 'Auwald', shareOfUnit: 0.042, layerLabel: LAYER.label }],
      'de',
    );
    expect(v).toEqual([
      { href: '/gebiete/schutz/a1/', name: 'Auwald', layer: 'Schutzgebiete', covers: 'bedeckt 4,2 % dieses Gebiets' },
    ]);
  });
});

describe('areaFacilityTable(items, typeLabel, lang)', () => {
  it('links each facility in the language, joins its type labels and notes an operator contact once', () => {
    const items = [
      { ...facility(1, 3, ['pflege', 'kita']), phone: '+49 30 1234567' },
      { ...facility(2, 3, ['pflege']), operatorContact: { phone: '+49 30 7654321' } },
    ];
    const de = areaFacilityTable(items, typeLabel, 'de');
    expect(de.rows.map((r) => [r.href, r.types, r.c.phone?.href])).toEqual([
      ['/einrichtungen/f1/', 'Pflegeheim, Kita', 'tel:+49301234567'],
      ['/einrichtungen/f2/', 'Pflegeheim', undefined],
    ]);
    expect(de.rows[1]?.c.operator?.phone?.href).toBe('tel:+49307654321');
    expect(de.operatorNote).toBeTruthy();
    const en = areaFacilityTable(items.slice(0, 1), typeLabel, 'en');
    expect(en.rows[0]?.href).toBe('/en/einrichtungen/f1/');
    expect(en.operatorNote).toBeUndefined();
  });

  it('is what areaPageView puts into each vulnerability group', () => {
    const v = areaPageView(AREA, { levels: LEVELS, typeLabel }, 'de');
    expect(v.groups[0]?.table.rows.map((r) => r.f.id)).toEqual(v.groups[0]?.items.map((f) => f.id));
  });
});
