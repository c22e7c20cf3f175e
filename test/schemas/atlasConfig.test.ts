import { describe, expect, it } from 'vitest';
import { ProblemLog } from '../../src/lib/problems.ts';
import {
  AtlasConfigSchema,
  IndicatorSchema,
  TableSchema,
  type AtlasConfigInput,
} from '../../src/schemas/atlasConfig.ts';
import { parseYamlWithFriendlyErrors } from '../../src/schemas/friendlyErrors.ts';

/** The smallest valid config: one level, one source, one indicator, one table. */
function minimal(): AtlasConfigInput {
  return {
    id: 'teststadt',
    city: { de: 'Teststadt' },
    title: { de: 'Sozialatlas Teststadt' },
    description: { de: 'Ein Test.' },
    siteUrl: 'https://atlas.example/',
    publisher: 'Stadt Teststadt',
    dataDate: '2020-12-31',
    licence: 'CC BY 4.0',
    levels: [
      {
        id: 'bezirk',
        label: { de: 'Bezirk' },
        labelPlural: { de: 'Bezirke' },
        boundaries: { file: 'geo/bezirke.geojson' },
      },
    ],
    sources: [{ id: 'amt', title: { de: 'Amt' }, publisher: 'Amt', licence: 'CC BY 4.0', attribution: '© Amt' }],
    indicators: [
      {
        id: 'ew',
        label: { de: 'Einwohner' },
        definition: { de: 'x' },
        source: 'amt',
        polarity: 'neutral',
        decimals: 0,
        type: 'count',
      },
    ],
    tables: [{ file: 'daten/ew.csv', level: 'bezirk', source: 'amt', year: 2020, columns: { ew: 'einwohner' } }],
    legal: {
      impressum: 'legal/impressum.md',
      datenschutz: 'legal/datenschutz.md',
      barrierefreiheit: 'legal/bf.md',
      leichteSprache: 'legal/ls.md',
    },
  };
}

/** The issues of a config as "path: message" lines. */
function issues(config: unknown): string[] {
  const r = AtlasConfigSchema.safeParse(config);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** The paths of the failing fields of a config, e.g. `indicators.1.decimals`. */
function paths(config: unknown): string[] {
  return issues(config).map((line) => line.slice(0, line.indexOf(': ')));
}

function withIndicator(extra: Record<string, unknown>): AtlasConfigInput {
  const c = minimal();
  c.indicators = [
    ...c.indicators,
    {
      id: 'quote',
      label: { de: 'Quote' },
      definition: { de: 'x' },
      source: 'amt',
      polarity: 'negative',
      decimals: 1,
      type: 'rate',
      ...extra,
    } as never,
  ];
  return c;
}

function withTable(table: Record<string, unknown>): AtlasConfigInput {
  return { ...minimal(), tables: [{ file: 'x.csv', level: 'bezirk', source: 'amt', year: 2020, ...table } as never] };
}

describe('AtlasConfigSchema: a valid config', () => {
  it('AtlasConfigSchema.parse(minimal config) succeeds and fills in the defaults', () => {
    const c = AtlasConfigSchema.parse(minimal());
    expect(c.simplify).toBe(0.15);
    expect(c.overlays).toEqual([]);
    expect(c.levels[0]?.boundaries).toMatchObject({ idField: 'id', nameField: 'name' });
    expect(c.levels[0]?.fixes).toEqual([]);
    expect(c.indicators[0]).toMatchObject({ factor: 100, headline: false, keyFigure: true });
    expect(c.tables[0]).toMatchObject({
      layout: 'wide',
      idColumn: 'id',
      role: 'data',
      markers: {},
      exclude: [],
      assume: [],
      format: { delimiter: 'auto', decimal: '.', thousands: '', encoding: 'utf-8' },
    });
  });
});

describe('IndicatorSchema rules', () => {
  it('IndicatorSchema(rate with numerator and denominator, or with neither for a published rate) is valid', () => {
    expect(issues(withIndicator({ numerator: 'alo', denominator: 'ew' }))).toEqual([]);
    expect(issues(withIndicator({}))).toEqual([]);
  });

  it('IndicatorSchema(rate without denominator) is refused at its numerator', () => {
    expect(issues(withIndicator({ numerator: 'alo' }))).toEqual([
      'indicators.1.numerator: numerator und denominator nur gemeinsam angeben',
    ]);
  });

  it('IndicatorSchema(rate without numerator) is refused as well', () => {
    expect(issues(withIndicator({ denominator: 'ew' }))).toEqual([
      'indicators.1.numerator: numerator und denominator nur gemeinsam angeben',
    ]);
  });

  it('IndicatorSchema(numerator/denominator on a type other than rate) is refused', () => {
    expect(issues(withIndicator({ type: 'value', numerator: 'alo', denominator: 'ew' }))).toEqual([
      'indicators.1.numerator: numerator/denominator nur für type: rate',
    ]);
  });

  it('IndicatorSchema(class without classes, or with an empty list) is refused', () => {
    expect(issues(withIndicator({ type: 'class' }))).toEqual([
      'indicators.1.classes: type: class braucht eine Liste classes',
    ]);
    expect(issues(withIndicator({ type: 'class', classes: [] }))).toEqual([
      'indicators.1.classes: type: class braucht eine Liste classes',
    ]);
    expect(issues(withIndicator({ type: 'class', classes: [{ value: 1, label: { de: 'hoch' } }] }))).toEqual([]);
  });

  it('IndicatorSchema(decimals) must be a whole number from 0 to 6', () => {
    expect(paths(withIndicator({ decimals: 7 }))).toEqual(['indicators.1.decimals']);
    expect(paths(withIndicator({ decimals: 1.5 }))).toEqual(['indicators.1.decimals']);
    expect(paths(withIndicator({ decimals: -1 }))).toEqual(['indicators.1.decimals']);
  });

  it('IndicatorSchema(id) is a slug: lower case, digits, - and _', () => {
    expect(issues(withIndicator({ id: 'Quote' }))[0]).toMatch(/^indicators\.1\.id: nur Kleinbuchstaben/);
    expect(paths(withIndicator({ id: '-quote' }))).toEqual(['indicators.1.id']);
    expect(issues(withIndicator({ id: 'quote_2019-a' }))).toEqual([]);
  });

  it('IndicatorSchema(polarity, type) must be one of the listed values', () => {
    expect(paths(withIndicator({ polarity: 'bad' }))).toEqual(['indicators.1.polarity']);
    expect(paths(withIndicator({ type: 'percent' }))).toEqual(['indicators.1.type']);
  });
});

describe('TableSchema rules', () => {
  it('TableSchema(wide table without columns) is refused', () => {
    expect(issues(withTable({}))).toEqual(['tables.0.columns: layout: wide braucht mindestens eine Spalte in columns']);
  });

  it('TableSchema(long table without the long block) is refused', () => {
    expect(issues(withTable({ layout: 'long' }))).toEqual(['tables.0.long: layout: long braucht den Block long']);
  });

  it('TableSchema(long table with its long block) needs no columns', () => {
    const long = { indicatorColumn: 'merkmal', valueColumn: 'wert', codes: { EW: 'ew' } };
    expect(issues(withTable({ layout: 'long', long }))).toEqual([]);
    expect(
      TableSchema.parse({ file: 'x.csv', level: 'bezirk', source: 'amt', year: 2020, layout: 'long', long }).long
        ?.ignoreCodes,
    ).toEqual([]);
  });

  it('TableSchema(no year and no yearColumn) is refused', () => {
    const c = minimal();
    c.tables = [{ file: 'x.csv', level: 'bezirk', source: 'amt', columns: { ew: 'einwohner' } }];
    expect(issues(c)).toEqual(['tables.0.year: year oder yearColumn angeben']);
    c.tables = [{ file: 'x.csv', level: 'bezirk', source: 'amt', yearColumn: 'jahr', columns: { ew: 'einwohner' } }];
    expect(issues(c)).toEqual([]);
  });

  it('TableSchema(date | dateRule) takes a date for one year and a rule for a yearColumn, never both or swapped', () => {
    const c = minimal();
    const base = { file: 'x.csv', level: 'bezirk', source: 'amt', columns: { ew: 'einwohner' } };
    c.tables = [{ ...base, year: 2019, date: '2018-12-31' }];
    expect(issues(c)).toEqual([]);
    c.tables = [{ ...base, yearColumn: 'jahr', dateRule: { day: 31, month: 12, yearOffset: -1 } }];
    expect(issues(c)).toEqual([]);
    c.tables = [{ ...base, yearColumn: 'jahr', date: '2018-12-31' }];
    expect(issues(c)).toEqual([
      'tables.0.date: date gilt nur für Tabellen mit einem Jahr (year); bei yearColumn den Stichtag mit dateRule angeben',
    ]);
    c.tables = [{ ...base, year: 2019, dateRule: { day: 31, month: 12 } }];
    expect(issues(c)).toEqual([
      'tables.0.dateRule: dateRule gilt nur für Tabellen mit yearColumn; bei einem Jahr den Stichtag mit date angeben',
    ]);
    c.tables = [{ ...base, yearColumn: 'jahr', dateRule: { day: 29, month: 2 } }];
    expect(issues(c)).toEqual(['tables.0.dateRule.day: den 29. gibt es im Monat 2 nicht in jedem Jahr']);
    c.tables = [{ ...base, year: 2019, date: '2019-31-12' }];
    expect(paths(c)).toEqual(['tables.0.date']);
  });

  it('TableSchema(markers) map to known cell statuses only', () => {
    expect(issues(withTable({ columns: { ew: 'e' }, markers: { '-': 'missing' } }))).toEqual([]);
    expect(paths(withTable({ columns: { ew: 'e' }, markers: { '-': 'null' } }))).toEqual(['tables.0.markers.-']);
  });
});

describe('strict keys: a typo is an error, never silently dropped', () => {
  const typos: [string, (c: AtlasConfigInput) => void, string][] = [
    ['top level', (c) => Object.assign(c, { titel: { de: 'x' } }), ''],
    ['level', (c) => Object.assign(c.levels[0] as object, { lable: { de: 'x' } }), 'levels.0'],
    [
      'boundaries',
      (c) => Object.assign((c.levels[0] as { boundaries: object }).boundaries, { idfield: 'x' }),
      'levels.0.boundaries',
    ],
    ['source', (c) => Object.assign(c.sources[0] as object, { licenceURL: 'https://x.example/' }), 'sources.0'],
    ['legal', (c) => Object.assign(c.legal, { imprint: 'x.md' }), 'legal'],
    ['indicator', (c) => Object.assign(c.indicators[0] as object, { keyfigure: false }), 'indicators.0'],
    ['table', (c) => Object.assign(c.tables[0] as object, { nameColum: 'name' }), 'tables.0'],
    [
      'table format',
      (c) => Object.assign(c.tables[0] as object, { format: { delimiter: ';', decimals: ',' } }),
      'tables.0.format',
    ],
  ];
  for (const [where, mutate, path] of typos) {
    it(`AtlasConfigSchema(unknown key in ${where}) is refused with the key named`, () => {
      const c = minimal();
      mutate(c);
      const r = AtlasConfigSchema.safeParse(c);
      expect(r.success).toBe(false);
      const issue = r.success ? undefined : r.error.issues.find((i) => i.code === 'unrecognized_keys');
      expect(issue?.path.join('.')).toBe(path);
    });
  }

  it('AtlasConfigSchema(unknown key in a long block) is refused', () => {
    const long = { indicatorColumn: 'merkmal', valueColumn: 'wert', codes: { EW: 'ew' }, ignorecodes: ['X'] };
    expect(issues(withTable({ layout: 'long', long }))).toEqual(['tables.0.long: Unrecognized key: "ignorecodes"']);
  });

  it('IndicatorSchema(unknown key) is refused on its own too', () => {
    const r = IndicatorSchema.safeParse({
      id: 'ew',
      label: { de: 'x' },
      definition: { de: 'x' },
      source: 'amt',
      polarity: 'neutral',
      decimals: 0,
      type: 'count',
      headlin: true,
    });
    expect(r.success).toBe(false);
  });
});

describe('common field rules', () => {
  it('AtlasConfigSchema(siteUrl) must be http(s): javascript: and data: are refused', () => {
    for (const siteUrl of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.example/', 'atlas.example']) {
      expect(issues({ ...minimal(), siteUrl })).toEqual(['siteUrl: keine gültige http(s)-Adresse']);
    }
  });

  it('AtlasConfigSchema(dataDate) must be a real calendar date in YYYY-MM-DD', () => {
    expect(issues({ ...minimal(), dataDate: '31.12.2020' })).toContain('dataDate: Datum im Format JJJJ-MM-TT erwartet');
    expect(issues({ ...minimal(), dataDate: '2020-13-01' })).toEqual(['dataDate: kein gültiges Datum']);
    expect(issues({ ...minimal(), dataDate: '2020-02-30' })).toEqual(['dataDate: kein gültiges Datum']);
    expect(issues({ ...minimal(), dataDate: '2021-02-29' })).toEqual(['dataDate: kein gültiges Datum']);
    expect(issues({ ...minimal(), dataDate: '2020-02-29' })).toEqual([]);
  });

  it('LevelSchema(boundaries.crs) takes any EPSG code, proj string or WKT; other text is refused', () => {
    const c = minimal();
    for (const crs of ['EPSG:31468', 'EPSG:2056', '+proj=utm +zone=32 +ellps=GRS80', 'PROJCS["x",GEOGCS["y"]]']) {
      Object.assign((c.levels[0] as { boundaries: object }).boundaries, { crs });
      expect(issues(c), crs).toEqual([]);
    }
    Object.assign((c.levels[0] as { boundaries: object }).boundaries, { crs: 'UTM 32' });
    expect(paths(c)).toEqual(['levels.0.boundaries.crs']);
  });

  it('LocalizedTextSchema(text) needs German; English is optional and not empty', () => {
    expect(paths({ ...minimal(), city: { en: 'Test City' } })).toEqual(['city.de']);
    expect(paths({ ...minimal(), city: { de: 'Teststadt', en: '' } })).toEqual(['city.en']);
  });

  it('AtlasConfigSchema(empty indicator list) is refused', () => {
    expect(issues({ ...minimal(), indicators: [] })[0]).toMatch(/^indicators: /);
  });
});

describe('AtlasConfigSchema through parseYamlWithFriendlyErrors', () => {
  it('parseYamlWithFriendlyErrors(atlas.yml with an indicator typo) reports file, line of the key and field path', () => {
    const yaml = [
      'id: teststadt',
      'city: { de: Teststadt }',
      'title: { de: Sozialatlas }',
      'description: { de: Test }',
      'siteUrl: https://atlas.example/',
      'publisher: Stadt',
      'dataDate: "2020-12-31"',
      'licence: CC BY 4.0',
      'levels:',
      '  - id: bezirk',
      '    label: { de: Bezirk }',
      '    labelPlural: { de: Bezirke }',
      '    boundaries: { file: geo/bezirke.geojson }',
      'sources:',
      '  - { id: amt, title: { de: Amt }, publisher: Amt, licence: CC BY 4.0, attribution: Amt }',
      'indicators:',
      '  - id: ew',
      '    label: { de: Einwohner }',
      '    definition: { de: x }',
      '    source: amt',
      '    polarity: neutral',
      '    decimals: 0',
      '    type: count',
      '    keyfigure: false',
      'tables:',
      '  - { file: x.csv, level: bezirk, source: amt, year: 2020, columns: { ew: einwohner } }',
      'legal: { impressum: a.md, datenschutz: b.md, barrierefreiheit: c.md, leichteSprache: d.md }',
    ].join('\n');
    const log = new ProblemLog();
    expect(parseYamlWithFriendlyErrors(yaml, AtlasConfigSchema, 'atlas.yml', log)).toBeUndefined();
    expect(log.problems).toEqual([
      expect.objectContaining({
        file: 'atlas.yml',
        line: 24,
        field: 'indicators[0]',
        message: 'unbekannte Felder: keyfigure',
      }),
    ]);
  });

  it('parseYamlWithFriendlyErrors(atlas.yml with a rate without denominator) reports the numerator line', () => {
    const yaml = [
      'indicators:',
      '  - id: quote',
      '    label: { de: Quote }',
      '    definition: { de: x }',
      '    source: amt',
      '    polarity: negative',
      '    decimals: 1',
      '    type: rate',
      '    numerator: alo',
    ].join('\n');
    const log = new ProblemLog();
    parseYamlWithFriendlyErrors(yaml, AtlasConfigSchema.pick({ indicators: true }), 'atlas.yml', log);
    expect(log.problems).toEqual([
      expect.objectContaining({
        line: 9,
        field: 'indicators[0].numerator',
        message: 'numerator und denominator nur gemeinsam angeben',
      }),
    ]);
  });
});
