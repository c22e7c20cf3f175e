import { z } from 'zod';
import { HttpUrlSchema, IsoDateSchema, LocalizedTextSchema, SlugSchema, UnitIdSchema } from './common.ts';

/**
 * The atlas configuration (`atlas.yml` in an atlas folder): the city, its spatial levels,
 * sources, indicator catalogue and the tables that carry the figures.
 * Documented for editors in docs/atlas-folder.md; keep both in step.
 */

/** A coordinate reference system as EPSG code. Supported: 4326 (WGS84 lon/lat), 25832, 25833 (ETRS89/UTM), 3857, 31466–31469 (Gauß-Krüger). @example "EPSG:25833" */
export const CrsSchema = z.enum([
  'EPSG:4326',
  'EPSG:25832',
  'EPSG:25833',
  'EPSG:3857',
  'EPSG:31466',
  'EPSG:31467',
  'EPSG:31468',
  'EPSG:31469',
]);
export type Crs = z.infer<typeof CrsSchema>;

/** Where to find one level's boundaries. */
export const BoundarySourceSchema = z.strictObject({
  /** GeoJSON (.geojson/.json) or TopoJSON (.topojson/.json with "type":"Topology") file, relative to the atlas folder. @example "data/geo/bezirke.geojson" */
  file: z.string().min(1),
  /** For TopoJSON: the object holding this level's polygons. Default: the only object. @example "bezirke" */
  object: z.string().optional(),
  /** Coordinate system of the file. Default: the file's `crs` member, else EPSG:4326. @example "EPSG:25832" */
  crs: CrsSchema.optional(),
  /** Feature property with the unit id. @example "id" */
  idField: z.string().default('id'),
  /** Feature property with the unit name. @example "name" */
  nameField: z.string().default('name'),
});

/** An explicit, documented correction of a boundary file (e.g. a duplicated id). */
export const BoundaryFixSchema = z.strictObject({
  /** The feature(s) with this id… @example "06010102" */
  id: UnitIdSchema,
  /** …whose interior point lies in this unit of a parent level (disambiguates duplicates). @example { level: "bezirk", id: "04" } */
  within: z.strictObject({ level: SlugSchema, id: UnitIdSchema }).optional(),
  /** New id for the matched feature. @example "04030417" */
  setId: UnitIdSchema.optional(),
  /** New name for the matched feature. */
  setName: z.string().optional(),
  /** Why, shown in the data notes. */
  reason: z.string().min(1),
});

/** How a unit's parent is found. */
export const ParentRuleSchema = z.strictObject({
  /** The parent level's id. @example "bezirk" */
  level: SlugSchema,
  /** Parent id = the first N characters of the unit id (Berlin LOR: 2 for Bezirk, 6 for Bezirksregion). */
  idPrefix: z.number().int().positive().optional(),
  /** Parent id is in this feature property. */
  field: z.string().optional(),
  /** Default if neither is given: the parent polygon that contains the unit's interior point. */
});

/**
 * A boundary scheme ("Gebietsstand"): one cut of the city into units, valid from a date (e.g. Berlin's LOR until 2020
 * and the LOR re-cut of 1 January 2021). Levels name their scheme; a level without one (e.g. Berlin's Bezirke) is the
 * same in every scheme. Unit pages show the scheme and link a unit to its successors or predecessors in the others.
 */
export const SchemeSchema = z.strictObject({
  /** Used by `levels[].scheme`. @example "lor-2021" */
  id: SlugSchema,
  /** Shown on pages and maps. @example { de: "Gebietsstand 2021", en: "boundaries as of 2021" } */
  label: LocalizedTextSchema,
  /** First day the scheme applies (may be omitted for the oldest scheme of the atlas). @example "2021-01-01" */
  validFrom: IsoDateSchema.optional(),
  /** Last day it applied, for a superseded scheme. @example "2020-12-31" */
  validUntil: IsoDateSchema.optional(),
  /** A sentence on the scheme (what changed, where its boundaries come from). @example { de: "Neugliederung der LOR zum 1.1.2021" } */
  note: LocalizedTextSchema.optional(),
});
export type Scheme = z.infer<typeof SchemeSchema>;

export const LevelSchema = z.strictObject({
  /** Level id, used in urls. @example "bezirk" */
  id: SlugSchema,
  /** Singular name. @example { de: "Bezirk", en: "District" } */
  label: LocalizedTextSchema,
  /** Plural name. @example { de: "Bezirke", en: "Districts" } */
  labelPlural: LocalizedTextSchema,
  boundaries: BoundarySourceSchema,
  /** Omit for the top level. */
  parent: ParentRuleSchema.optional(),
  fixes: z.array(BoundaryFixSchema).default([]),
  /**
   * The boundary scheme (an id from `schemes`) this level belongs to. Omit for a level that is the same in every
   * scheme. A level of a second scheme hangs below a level shared by both (its `parent`). @example "lor-2021"
   */
  scheme: SlugSchema.optional(),
});
export type Level = z.infer<typeof LevelSchema>;

export const SourceSchema = z.strictObject({
  /** @example "mss" */
  id: SlugSchema,
  /** @example { de: "Monitoring Soziale Stadtentwicklung" } */
  title: LocalizedTextSchema,
  /** @example "Senatsverwaltung für Stadtentwicklung Berlin" */
  publisher: z.string().min(1),
  url: HttpUrlSchema.optional(),
  /** @example "CC BY 4.0" */
  licence: z.string().min(1),
  licenceUrl: HttpUrlSchema.optional(),
  /** The attribution text the licence asks for, shown on every page that uses the source. */
  attribution: z.string().min(1),
  /** Date the data was taken from the publisher. */
  accessed: IsoDateSchema.optional(),
  /** Note such as "Lizenz nicht bestätigt". */
  note: LocalizedTextSchema.optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * Indicator types:
 * - `count`: persons, households… Summed to parent levels.
 * - `rate`: numerator/denominator × factor. Computed from counts wherever both counts exist (so parent levels are
 *   sum of numerators over sum of denominators); published values are used where counts are missing.
 * - `value`: a published measure that cannot be aggregated (an index, a published percentage without counts).
 *   Shown only where the publisher gives it.
 * - `class`: a published category coded as a number, with labels (e.g. MSS status index 1–4).
 */
/**
 * A break in a series: from `year` on, values are not comparable with earlier ones (RELIABILITY: never present a
 * difference across a break as change). On an indicator it applies to that indicator; at the top level of the config
 * to the indicators, levels and units it names (all when omitted), e.g. a boundary change of one unit or a re-cut of
 * a whole level.
 */
export const SeriesBreakSchema = z.strictObject({
  /** The first year after the break (the first value that is not comparable with the ones before). @example 2019 */
  year: z.number().int().min(1900).max(2200),
  /** `definition`: what is counted changed; `method`: how it is computed; `boundary`: the area changed; `source`: another publisher or register. */
  kind: z.enum(['definition', 'method', 'boundary', 'source']),
  /** Short text shown at the break in charts, tables and notes. @example { de: "MSS 2019: nur noch Arbeitslose nach SGB II" } */
  text: LocalizedTextSchema,
  /** Only these units (e.g. a Planungsraum whose boundary changed). Default: all. @example ["09041301"] */
  units: z.array(UnitIdSchema).optional(),
  /** Only units of these levels. Default: all. @example ["planungsraum", "bezirksregion"] */
  levels: z.array(SlugSchema).optional(),
  /** Top-level breaks only: these indicators. Default: all. */
  indicators: z.array(SlugSchema).optional(),
});
export type SeriesBreak = z.infer<typeof SeriesBreakSchema>;

/** A whole number ≥ 1 (thresholds of the small-number protection). @example 3 */
export const PositiveIntSchema = z.number().int().min(1);

export const IndicatorTypeSchema = z.enum(['count', 'rate', 'value', 'class']);

export const IndicatorSchema = z
  .strictObject({
    /** @example "arbeitslose" */
    id: SlugSchema,
    label: LocalizedTextSchema,
    /** Short label for tables and legends. */
    shortLabel: LocalizedTextSchema.optional(),
    /** Display unit. @example "%" */
    unit: LocalizedTextSchema.optional(),
    definition: LocalizedTextSchema,
    /** Topic for grouping on pages. @example "Bevölkerung" */
    topic: LocalizedTextSchema.optional(),
    /** A source id from `sources`. */
    source: SlugSchema,
    /** `negative`: higher is worse; `positive`: higher is better; `neutral`. */
    polarity: z.enum(['negative', 'positive', 'neutral']),
    /** Decimals shown. @example 1 */
    decimals: z.number().int().min(0).max(6),
    type: IndicatorTypeSchema,
    /** For `rate`: the count indicator ids. */
    numerator: SlugSchema.optional(),
    denominator: SlugSchema.optional(),
    /** For `rate`: factor, 100 for percent. */
    factor: z.number().positive().default(100),
    /** For `class`: labels of the codes. */
    classes: z
      .array(z.strictObject({ value: z.number(), code: z.string().optional(), label: LocalizedTextSchema }))
      .optional(),
    /** Show on the home page map (the first headline indicator is used). */
    headline: z.boolean().default(false),
    /** Show in the key-figures table of unit pages. */
    keyFigure: z.boolean().default(true),
    /** Breaks in this indicator's series (see SeriesBreakSchema; `indicators` is not allowed here). */
    breaks: z.array(SeriesBreakSchema.omit({ indicators: true })).default([]),
    /**
     * An indicator holding the source's own comparable change of this one (e.g. MSS D1 for S1), used for the key
     * figure's change instead of a plain difference, which may span a break. @example "arbeitslosigkeit-veraenderung"
     */
    comparableChange: SlugSchema.optional(),
    /**
     * Small-number protection, `count` only: counts from 1 up to below this number are suppressed (primary
     * suppression), with secondary suppression so they cannot be recovered by subtraction. Default:
     * `smallNumbers.minCount`. @example 5
     */
    minCount: PositiveIntSchema.optional(),
    /**
     * `rate` only: below this denominator the rate is not shown and not ranked ("zu wenige … für eine aussagekräftige
     * Quote"). Default: `smallNumbers.minDenominator`. @example 100
     */
    minDenominator: PositiveIntSchema.optional(),
    /**
     * `count` only: counts that add up to this one exactly (a partition, e.g. the age groups of the inhabitants), so
     * secondary suppression also protects a suppressed part against subtraction from this total.
     * @example ["einwohner_unter_18", "einwohner_18_64", "einwohner_65_plus"]
     */
    parts: z.array(SlugSchema).min(2).optional(),
  })
  .superRefine((ind, ctx) => {
    if (ind.type === 'rate' && (ind.numerator === undefined) !== (ind.denominator === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['numerator'], message: 'numerator und denominator nur gemeinsam angeben' });
    }
    if (ind.type !== 'rate' && (ind.numerator !== undefined || ind.denominator !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['numerator'], message: 'numerator/denominator nur für type: rate' });
    }
    if (ind.type === 'class' && !ind.classes?.length) {
      ctx.addIssue({ code: 'custom', path: ['classes'], message: 'type: class braucht eine Liste classes' });
    }
    if (ind.type !== 'count' && ind.minCount !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['minCount'], message: 'minCount nur für type: count' });
    }
    if (ind.type !== 'count' && ind.parts !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['parts'], message: 'parts nur für type: count' });
    }
    if ((ind.type !== 'rate' || ind.denominator === undefined) && ind.minDenominator !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['minDenominator'],
        message: 'minDenominator nur für type: rate mit numerator und denominator',
      });
    }
  });
export type Indicator = z.infer<typeof IndicatorSchema>;

/** Cell status of a table value: see RELIABILITY 3.3 / DIN 55301. */
export const CellStatusSchema = z.enum(['value', 'zero', 'missing', 'suppressed', 'notApplicable']);
export type CellStatus = z.infer<typeof CellStatusSchema>;

export const TableFormatSchema = z.strictObject({
  /** `auto` detects `,` `;` or tab from the header line. */
  delimiter: z.enum(['auto', ',', ';', '\t']).default('auto'),
  /** Decimal separator. */
  decimal: z.enum(['.', ',']).default('.'),
  /** Thousands separator, if the file has one (removed before parsing). */
  thousands: z.enum(['', '.', ',', ' ', "'"]).default(''),
  encoding: z.enum(['utf-8', 'windows-1252']).default('utf-8'),
});

/** Default markers, following DIN 55301 where it is unambiguous. */
export const DEFAULT_MARKERS: Record<string, CellStatus> = {
  '': 'missing',
  '.': 'suppressed',
  x: 'notApplicable',
  '…': 'missing',
  '...': 'missing',
  '/': 'suppressed',
};

export const TableSchema = z
  .strictObject({
    /** CSV file relative to the atlas folder. */
    file: z.string().min(1),
    /** Level id of the rows. */
    level: SlugSchema,
    source: SlugSchema,
    /** `wide`: one row per unit, one column per indicator. `long`: one row per unit, indicator and year. */
    layout: z.enum(['wide', 'long']).default('wide'),
    /** For wide tables: the data year of all values (or give `yearColumn`). */
    year: z.number().int().min(1900).max(2200).optional(),
    yearColumn: z.string().optional(),
    /** Reference date of the data, e.g. 31 December of the year. */
    date: IsoDateSchema.optional(),
    idColumn: z.string().default('id'),
    nameColumn: z.string().optional(),
    /** Wide: indicator id → column name (`name` or `name#2` for the second column of that name). */
    columns: z.record(SlugSchema, z.string()).default({}),
    /** Long: column names, and code → indicator id (codes not listed are an error unless in `ignoreCodes`). */
    long: z
      .strictObject({
        indicatorColumn: z.string(),
        valueColumn: z.string(),
        codes: z.record(z.string(), SlugSchema),
        ignoreCodes: z.array(z.string()).default([]),
      })
      .optional(),
    format: TableFormatSchema.default({ delimiter: 'auto', decimal: '.', thousands: '', encoding: 'utf-8' }),
    /** Marker → status; merged over DEFAULT_MARKERS. Berlin uses "-" for missing: `{ "-": missing }`. */
    markers: z.record(z.string(), CellStatusSchema).default({}),
    /** Rows to leave out, each with a reason for the data notes. */
    exclude: z.array(z.strictObject({ column: z.string(), equals: z.string(), reason: z.string().min(1) })).default([]),
    /**
     * Units that have no row in this table, with the status to assume for all its columns and why
     * (e.g. an area without inhabitants before it was built up). Shown in the data report.
     */
    assume: z
      .array(z.strictObject({ id: UnitIdSchema, status: CellStatusSchema, reason: z.string().min(1) }))
      .default([]),
    /** `data`: feeds the atlas. `check`: published figures compared with the computed ones, differences reported. */
    role: z.enum(['data', 'check']).default('data'),
  })
  .superRefine((t, ctx) => {
    if (t.layout === 'long' && !t.long)
      ctx.addIssue({ code: 'custom', path: ['long'], message: 'layout: long braucht den Block long' });
    if (t.year === undefined && t.yearColumn === undefined)
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'year oder yearColumn angeben' });
    if (t.layout === 'wide' && Object.keys(t.columns).length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: 'layout: wide braucht mindestens eine Spalte in columns',
      });
  });
export type Table = z.infer<typeof TableSchema>;

/** One side of a crosswalk: the units its ids name. */
export const CrosswalkSideSchema = z.strictObject({
  /** A level id from `levels`. @example "planungsraum" */
  level: SlugSchema,
  /**
   * The ids in the file are the first N characters of this level's unit ids (a coarser unit the atlas has no boundaries
   * for, e.g. Berlin's old Prognoseräume: the first four digits of an old Planungsraum). @example 4
   */
  idPrefix: PositiveIntSchema.optional(),
});

/**
 * A crosswalk between two boundary schemes: which units of one scheme became which units of the other. Unit pages name
 * successors and predecessors from it; where it does not reach a unit, from the overlap of the boundaries.
 */
export const CrosswalkSchema = z
  .strictObject({
    /** File relative to the atlas folder. @example "data/berlin/geometry/berlin-lor-matches.json" */
    file: z.string().min(1),
    /**
     * `json-object`: a JSON object, id → list of ids (`{"0101": ["0110"]}`); `csv`: one row per pair, with the two
     * columns named in `columns`. @example "csv"
     */
    format: z.enum(['json-object', 'csv']),
    /** For `csv`: the column of the older and of the newer id. @example { from: "alt", to: "neu" } */
    columns: z.strictObject({ from: z.string().min(1), to: z.string().min(1) }).optional(),
    /** The older scheme's units. @example { level: "planungsraum", idPrefix: 4 } */
    from: CrosswalkSideSchema,
    /** The newer scheme's units. @example { level: "prognoseraum" } */
    to: CrosswalkSideSchema,
    /**
     * `json-object` only: entries may also run from a newer id to older ids (`{"0760": ["0706", "0707"]}`); each entry
     * is read in the direction its ids fit. Default: every entry runs from older to newer. @example true
     */
    bothDirections: z.boolean().default(false),
    /**
     * Entries left out on purpose, by the length of their id (e.g. rows of a level without boundaries), each with a
     * reason for the data page. Every other entry must name units of the atlas.
     * @example [{ idLength: 8, reason: "Neue Planungsräume ohne Grenzen" }]
     */
    skip: z.array(z.strictObject({ idLength: PositiveIntSchema, reason: z.string().min(1) })).default([]),
    /** A source id from `sources`. @example "lor-geometrie-2021" */
    source: SlugSchema,
  })
  .superRefine((c, ctx) => {
    if (c.format === 'csv' && !c.columns)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'format: csv braucht columns: { from, to }' });
    if (c.format !== 'csv' && c.columns)
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'columns nur bei format: csv' });
    if (c.format === 'csv' && c.bothDirections)
      ctx.addIssue({ code: 'custom', path: ['bothDirections'], message: 'bothDirections nur bei format: json-object' });
  });
export type Crosswalk = z.infer<typeof CrosswalkSchema>;

/** Small-number protection for the whole atlas; indicators may set their own `minCount` / `minDenominator`. */
export const SmallNumbersSchema = z.strictObject({
  /** Counts from 1 to below this are suppressed (primary), plus secondary suppression. @example 3 */
  minCount: PositiveIntSchema.default(3),
  /** Rates whose denominator is below this are not shown or ranked. Default: no minimum. @example 100 */
  minDenominator: PositiveIntSchema.optional(),
});
export type SmallNumbers = z.infer<typeof SmallNumbersSchema>;

/** A further property of an overlay's areas, shown on its pages and in its downloads (e.g. the in-force date). */
export const OverlayFieldSchema = z.strictObject({
  /** Feature property. @example "f_in_kraft" */
  field: z.string().min(1),
  /** @example { de: "In Kraft seit", en: "In force since" } */
  label: LocalizedTextSchema,
  /** `date`: DD.MM.YYYY or YYYY-MM-DD; `number`: decimal point or comma, no thousands separator (text or number); `text`. */
  type: z.enum(['text', 'date', 'number']).default('text'),
  /** Display unit for numbers. @example { de: "ha" } */
  unit: LocalizedTextSchema.optional(),
});
export type OverlayField = z.infer<typeof OverlayFieldSchema>;

/** A polygon layer of areas (e.g. Erhaltungsgebiete, flood zones) for "which facilities lie here". */
export const OverlaySchema = z.strictObject({
  /** Used in urls: `/gebiete/<id>/`. @example "soziale-erhaltungsgebiete" */
  id: SlugSchema,
  label: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  boundaries: BoundarySourceSchema,
  source: SlugSchema,
  /** Further properties to show, in this order. */
  fields: z.array(OverlayFieldSchema).default([]),
  /** Datenstand of the layer. Default: the source's `accessed`; without either the pages say "nicht angegeben" and show the latest date of a `date` field. */
  dataDate: IsoDateSchema.optional(),
});
export type Overlay = z.infer<typeof OverlaySchema>;

export const VocabularyEntrySchema = z.strictObject({
  id: SlugSchema,
  label: LocalizedTextSchema,
  /** Higher = listed first in crisis lists (care homes, Kitas, disability services). 0–3. */
  vulnerability: z.number().int().min(0).max(3).default(0),
});

/**
 * Legal pages: Markdown files relative to the atlas folder. An English version may sit beside each
 * as `<name>.en.md`; without it the German text is shown on the English page, marked `lang="de"`.
 */
export const LegalSchema = z.strictObject({
  /** Impressum per § 5 DDG / § 18 MStV. @example "content/legal/impressum.md" */
  impressum: z.string().min(1),
  /** Datenschutzerklärung. */
  datenschutz: z.string().min(1),
  /** Erklärung zur Barrierefreiheit with feedback channel and Schlichtungsstelle (§ 12b BGG). */
  barrierefreiheit: z.string().min(1),
  /** Leichte Sprache page (BITV 2.0 § 4). */
  leichteSprache: z.string().min(1),
});

export const AtlasConfigSchema = z.strictObject({
  /** @example "berlin" */
  id: SlugSchema,
  /** The city. @example { de: "Berlin" } */
  city: LocalizedTextSchema,
  /** Site title. @example { de: "Sozialatlas Berlin", en: "Social Atlas Berlin" } */
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  /** Public address of the site (for citations and canonical links). */
  siteUrl: HttpUrlSchema,
  /** Who publishes the atlas (shown in citations). */
  publisher: z.string().min(1),
  /** Datenstand of the atlas as a whole. */
  dataDate: IsoDateSchema,
  /** Licence of the atlas's own compilation. */
  licence: z.string().min(1),
  levels: z.array(LevelSchema).min(1),
  /** Boundary schemes (Gebietsstände) when the city was re-cut, oldest first; see SchemeSchema. */
  schemes: z.array(SchemeSchema).default([]),
  /** Crosswalks between schemes; see CrosswalkSchema. */
  crosswalks: z.array(CrosswalkSchema).default([]),
  /** Small-number protection; see SmallNumbersSchema. Default: minimum count 3, no minimum denominator. */
  smallNumbers: SmallNumbersSchema.default({ minCount: 3 }),
  sources: z.array(SourceSchema).min(1),
  indicators: z.array(IndicatorSchema).min(1),
  tables: z.array(TableSchema).min(1),
  overlays: z.array(OverlaySchema).default([]),
  /** Breaks that concern several indicators or units (boundary changes, re-cuts); see SeriesBreakSchema. */
  breaks: z.array(SeriesBreakSchema).default([]),
  /** The facility directory's vocabulary (or in facilities.yml); strict, so a misspelt key is reported. */
  facilities: z
    .strictObject({
      types: z.array(VocabularyEntrySchema).min(1),
      targetGroups: z.array(VocabularyEntrySchema).default([]),
      /** Entries not confirmed for longer are marked stale. */
      staleAfterDays: z.number().int().positive().default(365),
    })
    .optional(),
  /** Markdown file with the atlas's data notes (corrections, omissions). @example "data/NOTES.md" */
  notes: z.string().optional(),
  legal: LegalSchema,
  /** Simplification: share of planar triangle area kept (topojson-simplify quantile). 0.05–1. */
  simplify: z.number().min(0).max(1).default(0.15),
});
export type AtlasConfig = z.infer<typeof AtlasConfigSchema>;
export type AtlasConfigInput = z.input<typeof AtlasConfigSchema>;
