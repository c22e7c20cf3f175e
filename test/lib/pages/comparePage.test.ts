import { describe, expect, it } from 'vitest';
import {
  buildComparePage,
  choiceName,
  choiceText,
  compareTemplate,
  compareUrl,
  comparePages,
  exampleSelection,
  filterChoices,
  parseSelection,
  type CompareChoice,
  type CompareData,
  type CompareSiteInput,
  unitFileCity,
} from '../../../src/lib/pages/comparePage.ts';
import { IndicatorSchema } from '../../../src/schemas/atlasConfig.ts';

// A made-up atlas: two Bezirke, three regions, four areas.
const SITE: CompareSiteInput = {
  city: { de: 'Musterstadt', en: 'Sample City' },
  levels: [
    { id: 'bezirk', label: { de: 'Bezirk', en: 'District' }, labelPlural: { de: 'Bezirke', en: 'Districts' } },
    { id: 'region', label: { de: 'Region' }, labelPlural: { de: 'Regionen' } },
    { id: 'raum', label: { de: 'Raum', en: 'Area' }, labelPlural: { de: 'Räume', en: 'Areas' } },
  ],
  units: [
    { id: '1', name: 'Nord', level: 'bezirk', url: '/bezirk/1/' },
    { id: '2', name: 'Süd', level: 'bezirk', url: '/bezirk/2/' },
    { id: '11', name: 'Schöneberg', level: 'region', parent: '1', url: '/region/11/' },
    { id: '21', name: 'Au', level: 'region', parent: '2', url: '/region/21/' },
    { id: '111', name: 'Zeppelinweg', level: 'raum', parent: '11', url: '/raum/111/' },
    { id: '112', name: 'Am Park', level: 'raum', parent: '11', url: '/raum/112/' },
    { id: '211', name: 'Kiez', level: 'raum', parent: '21', url: '/raum/211/' },
  ],
  indicators: [
    {
      ...IndicatorSchema.parse({
        id: 'quote',
        label: { de: 'Quote', en: 'Rate' },
        unit: { de: '%' },
        definition: { de: 'x' },
        source: 's',
        polarity: 'negative',
        decimals: 1,
        type: 'value',
        breaks: [{ year: 2019, kind: 'definition', text: { de: 'neu gezählt', en: 'counted anew' } }],
      }),
      years: [2017, 2019],
    },
    {
      ...IndicatorSchema.parse({
        id: 'leer',
        label: { de: 'Ohne Jahre' },
        definition: { de: 'x' },
        source: 's',
        polarity: 'neutral',
        decimals: 0,
        type: 'count',
      }),
      years: [],
    },
  ],
};

describe('compare urls', () => {
  it('compareUrl(ids, lang) writes the ids comma-separated in ?gebiete=, English under /en/', () => {
    expect(compareUrl(['08010301', '080103'])).toBe('/vergleich/?gebiete=08010301,080103');
    expect(compareUrl(['a'], 'en')).toBe('/en/vergleich/?gebiete=a');
    expect(compareUrl([], 'de')).toBe('/vergleich/');
  });

  it('compareTemplate() names the url with the placeholder {ids} in both languages', () => {
    expect(compareTemplate()).toEqual({
      url: '/vergleich/?gebiete={ids}',
      urlEn: '/en/vergleich/?gebiete={ids}',
      maxUnits: 4,
    });
  });

  it('parseSelection(search) keeps known ids in order, once, at most four, and reports the rest', () => {
    const known = new Set(['a', 'b', 'c', 'd', 'e']);
    expect(parseSelection('?gebiete=b,a,x,b,c,d,e', known)).toEqual({
      ids: ['b', 'a', 'c', 'd'],
      unknown: ['x'],
      dropped: ['e'],
    });
    expect(parseSelection('?gebiete=a&gebiete=c', known).ids).toEqual(['a', 'c']);
    expect(parseSelection('?gebiete=a%2Cc', known).ids).toEqual(['a', 'c']);
    expect(parseSelection('', known)).toEqual({ ids: [], unknown: [], dropped: [] });
  });

  it('exampleSelection(site) takes two siblings of the finest level and their parent', () => {
    expect(exampleSelection(SITE)).toEqual(['111', '112', '11']);
  });

  it('comparePages(site) lists the example first, then the bare page, in both languages', () => {
    expect(comparePages(SITE)).toEqual([
      { type: 'compare', url: '/vergleich/?gebiete=111,112,11', lang: 'de' },
      { type: 'compare', url: '/vergleich/', lang: 'de' },
      { type: 'compare', url: '/en/vergleich/?gebiete=111,112,11', lang: 'en' },
      { type: 'compare', url: '/en/vergleich/', lang: 'en' },
    ]);
  });
});

describe('buildComparePage', () => {
  it('buildComparePage(site, de) groups the picker by level, names sorted, with the parent in the option text', () => {
    const m = buildComparePage(SITE, 'de');
    expect(m.picker.groups.map((g) => [g.label, g.options.map((o) => o.text)])).toEqual([
      ['Bezirke', ['Nord', 'Süd']],
      ['Regionen', ['Au (Süd)', 'Schöneberg (Nord)']],
      ['Räume', ['Am Park (Schöneberg)', 'Kiez (Au)', 'Zeppelinweg (Schöneberg)']],
    ]);
    expect(m.picker.levels.map((l) => l.value)).toEqual(['', 'bezirk', 'region', 'raum']);
  });

  it('buildComparePage() says what the page needs without script and links what works without it', () => {
    const m = buildComparePage(SITE, 'en');
    expect(m.needsScript).toMatch(/JavaScript/);
    expect(m.noScriptLinks.map((l) => l.href)).toEqual(['/en/alle-gebiete/', '/data/values.csv', '/en/daten/']);
  });

  it('buildComparePage() hands the script the indicators with data, texts in the language, breaks included', () => {
    const data = JSON.parse(buildComparePage(SITE, 'en').data) as CompareData;
    expect(data.city).toBe('Sample City');
    expect(data.levels[1]).toEqual({ id: 'region', label: 'Region', labelPlural: 'Regionen' });
    expect(data.indicators.map((i) => i.id)).toEqual(['quote']);
    expect(data.indicators[0]).toMatchObject({
      label: 'Rate',
      unit: { de: '%' },
      decimals: 1,
      type: 'value',
      keyFigure: true,
      breaks: [{ year: 2019, text: 'counted anew' }],
    });
  });
});

describe('choiceText / choiceName', () => {
  it('choiceName(choiceText(name, parent), parent) gives the name back, also with brackets in the name', () => {
    expect(choiceText('Reuterkiez', 'Reuterstraße')).toBe('Reuterkiez (Reuterstraße)');
    expect(choiceName('Reuterkiez (Reuterstraße)', 'Reuterstraße')).toBe('Reuterkiez');
    expect(choiceName(choiceText('Mitte (Ost)', 'Nord'), 'Nord')).toBe('Mitte (Ost)');
    expect(choiceName('Nord', undefined)).toBe('Nord');
  });
});

describe('filterChoices', () => {
  const choices: CompareChoice[] = buildComparePage(SITE, 'de').picker.groups.flatMap((g) =>
    g.options.map((o) => ({ id: o.id, text: o.text, name: o.text, level: g.level, parent: o.parent })),
  );

  it('filterChoices(query) folds case, umlauts and ß: "schoneberg" finds Schöneberg and its areas', () => {
    const found = filterChoices(choices, { level: '', query: 'schoneberg', exclude: new Set() });
    expect(found.map((c) => c.id)).toEqual(['11', '112', '111']);
  });

  it('filterChoices(level, exclude) narrows to a level and leaves out the chosen units', () => {
    const found = filterChoices(choices, { level: 'raum', query: '', exclude: new Set(['112']) });
    expect(found.map((c) => c.id)).toEqual(['211', '111']);
  });

  it('filterChoices(words) needs every word', () => {
    expect(filterChoices(choices, { level: '', query: 'park schon', exclude: new Set() }).map((c) => c.id)).toEqual([
      '112',
    ]);
    expect(filterChoices(choices, { level: '', query: 'xyz', exclude: new Set() })).toEqual([]);
  });
});

describe('unitFileCity', () => {
  it("unitFileCity(series) lists the city's value and status for each year of the unit's series that has one", () => {
    expect(
      unitFileCity([
        {
          indicator: 'quote',
          rows: [
            { year: 2022, cityStatus: 'value', city: 5.5 },
            { year: 2023, cityStatus: 'suppressed' },
            { year: 2024 },
          ],
        },
      ]),
    ).toEqual([
      { indicator_id: 'quote', year: 2022, value: 5.5, status: 'value' },
      { indicator_id: 'quote', year: 2023, value: '', status: 'suppressed' },
    ]);
  });
});
