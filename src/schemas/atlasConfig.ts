import { z } from 'zod';
import { isCrsSpec } from '../lib/geo/crs.ts';
import { HttpUrlSchema, IsoDateSchema, LocalizedTextSchema, SlugSchema, UnitIdSchema } from './common.ts';
import { CompositeIndexSchema } from './compositeIndex.ts';

/**
 * The atlas configuration (`atlas.yml` in an atlas folder): the city, its spatial levels,
 * sources, indicator catalogue and the tables that carry the figures.
 * Documented for editors in docs/atlas-folder.md; keep both in step.
 */

/**
 * A coordinate reference system: any EPSG code, a proj string or WKT (as in a shapefile's `.prj`).
 * @example "EPSG:25833"
 * @example "+proj=tmerc +lat_0=0 +lon_0=9 +k=0.9996 +x_0=32500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"
 */
export const CrsSchema = z
  .string()
  .trim()
  .refine(isCrsSpec, 'EPSG-Code (z. B. "EPSG:25832"), proj-Zeichenkette ("+proj=…") oder WKT erwartet');
export type Crs = z.infer<typeof CrsSchema>;

/** Encodings a shapefile's .dbf can be read in (`boundaries.encoding`). */
export const DBF_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'iso-8859-15'] as const;

/** Where to find one level's boundaries. */
export const BoundarySourceSchema = z.strictObject({
  /**
   * GeoJSON (.geojson/.json), TopoJSON (.topojson/.json with "type":"Topology") or an ESRI shapefile (.shp, with
   * .dbf and ideally .prj and .cpg of the same name beside it), relative to the atlas folder.
   * @example "data/geo/bezirke.geojson"
   * @example "data/geo/stadtteile.shp"
   */
  file: z.string().min(1),
  /** For TopoJSON: the object holding this level's polygons. Default: the only object. @example "bezirke" */
  object: z.string().optional(),
  /**
   * Coordinate system of the file: any EPSG code, a proj string or WKT. Default: a shapefile's `.prj`, else the
   * GeoJSON `crs` member, else EPSG:4326. @example "EPSG:25832"
   */
  crs: CrsSchema.optional(),
  /**
   * Shapefiles: the character encoding of the .dbf. Default: the `.cpg` file, else detected (UTF-8 if the
   * attributes are valid UTF-8, else Windows-1252/Latin-1). @example "windows-1252"
   */
  encoding: z.enum(DBF_ENCODINGS).optional(),
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

/** A group of boundary units published as one (see `levels[].merge`). */
export const UnitMergeSchema = z.strictObject({
  /** Id of the merged unit (used in its address; may be the id of one of its parts). @example "07-08" */
  id: UnitIdSchema,
  /** Name of the merged unit as the tables write it. @example "Altstadt und Neustadt" */
  name: z.string().trim().min(1),
  /** Ids of the boundary units it consists of. @example ["07", "08"] */
  units: z.array(UnitIdSchema).min(2),
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
   * Units the statistics publish only together ("Altstadt und Neustadt"): the listed boundary units are shown as
   * one unit (one outline, one page), with a new id and name. Tables join the merged unit by that id or name.
   * @example [{ id: "07-08", name: "Altstadt und Neustadt", units: ["07", "08"] }]
   */
  merge: z.array(UnitMergeSchema).default([]),
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
  /** Top-level breaks only: these indicators. Default: all (or all of `sources`). */
  indicators: z.array(SlugSchema).optional(),
  /**
   * Top-level breaks only: the indicators of these sources (e.g. a boundary change that the population register
   * follows from its next Stichtag while another source still describes the old areas). Default: all.
   * @example ["einwohner"]
   */
  sources: z.array(SlugSchema).optional(),
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
    /** Breaks in this indicator's series (see SeriesBreakSchema; `indicators` and `sources` are not allowed here). */
    breaks: z.array(SeriesBreakSchema.omit({ indicators: true, sources: true })).default([]),
    /**
     * An indicator holding the source's own comparable change of this one (e.g. MSS D1 for S1), used for the key
     * figure's change where a plain difference would span a break. Its value in an edition is taken to be the change
     * since the previous edition of this indicator (Stichtag to Stichtag). @example "veraenderung_arbeitslosigkeit"
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

/**
 * Rows of another level in the same table (district totals among the quarters): a row goes to `level` when its key
 * (id or name, see `join`) matches `pattern`, or its `column` equals one of `equals`, or its key is one of `names`.
 * Give exactly one of the three.
 */
export const RouteRuleSchema = z
  .strictObject({
    /** Level of the matching rows. @example "stadtbezirk" */
    level: SlugSchema,
    /** Regular expression the row's key matches (whole key). @example "^\\d{2}$" */
    pattern: z.string().optional(),
    /** A column telling the level… @example "Ebene" */
    column: z.string().optional(),
    /** …and the values meaning this level. @example ["Stadtbezirk", "Bezirk"] */
    equals: z.union([z.string(), z.array(z.string())]).optional(),
    /** Keys (ids or names) of the rows of this level. @example ["Nord", "Süd"] */
    names: z.array(z.string()).optional(),
  })
  .superRefine((r, ctx) => {
    const given = [r.pattern !== undefined, r.column !== undefined, r.names !== undefined].filter(Boolean).length;
    if (given !== 1)
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'genau eines von pattern, column, names angeben' });
    if ((r.column === undefined) !== (r.equals === undefined))
      ctx.addIssue({ code: 'custom', path: ['equals'], message: 'column und equals nur gemeinsam angeben' });
    if (r.pattern !== undefined) {
      try {
        new RegExp(r.pattern);
      } catch {
        ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'kein gültiger regulärer Ausdruck' });
      }
    }
  });
export type RouteRule = z.infer<typeof RouteRuleSchema>;
/** Days per month in every year (February: 28, so a rule holds in leap years and others). */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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
    /**
     * Reference date (Stichtag) of all values of a table with one `year`, e.g. 31 December of the year before an
     * edition. Shown beside every value, used for the time axis of charts and written into every download row.
     * @example "2018-12-31"
     */
    date: IsoDateSchema.optional(),
    /**
     * Reference date of tables with a `yearColumn`: day and month, in the row's year plus `yearOffset`
     * (e.g. `{ day: 31, month: 12, yearOffset: -1 }` for editions describing 31 December of the year before).
     * @example { day: 31, month: 12 }
     */
    dateRule: z
      .strictObject({
        /** Day of the month, 1–31. @example 31 */
        day: z.number().int().min(1).max(31),
        /** Month, 1–12. @example 12 */
        month: z.number().int().min(1).max(12),
        /** Years added to the row's year. @example -1 */
        yearOffset: z.number().int().min(-10).max(10).default(0),
      })
      .optional(),
    idColumn: z.string().default('id'),
    nameColumn: z.string().optional(),
    /**
     * How rows find their unit: `id` (the `idColumn`) or `name` (the `nameColumn`, compared ignoring case, spaces,
     * hyphens and umlaut spellings; see `aliases`). @example "name"
     */
    join: z.enum(['id', 'name']).default('id'),
    /**
     * Names (or ids) as the table writes them → the unit's id or its name in the boundary file, for what
     * normalising cannot bridge. @example { "St. Georg": "Sankt Georg", "Altstadt/Neustadt": "07-08" }
     */
    aliases: z.record(z.string(), z.string()).default({}),
    /** Rows of other levels in this table (totals), routed by a rule; other rows belong to `level`. */
    route: z.array(RouteRuleSchema).default([]),
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
    if (t.join === 'name' && t.nameColumn === undefined)
      ctx.addIssue({ code: 'custom', path: ['nameColumn'], message: 'join: name braucht nameColumn' });
    if (t.yearColumn !== undefined && t.date !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'date gilt nur für Tabellen mit einem Jahr (year); bei yearColumn den Stichtag mit dateRule angeben',
      });
    if (t.yearColumn === undefined && t.dateRule !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['dateRule'],
        message: 'dateRule gilt nur für Tabellen mit yearColumn; bei einem Jahr den Stichtag mit date angeben',
      });
    // 31 April never exists, 29 February not in every year: the rule must give a date in every year.
    if (t.dateRule && t.dateRule.day > (DAYS_IN_MONTH[t.dateRule.month - 1] ?? 31))
      ctx.addIssue({
        code: 'custom',
        path: ['dateRule', 'day'],
        message: `den ${t.dateRule.day}. gibt es im Monat ${t.dateRule.month} nicht in jedem Jahr`,
      });
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
  /**
   * OpenStreetMap tags ("key=value") of this type: `npm run import` gives an OSM record (`format: osm`) every type
   * whose tag it carries. @example ["amenity=kindergarten"]
   */
  osm: z.array(z.string().regex(/^[^=\s]+=[^=]+$/, 'OSM-Merkmal als "Schlüssel=Wert" angeben')).optional(),
  /**
   * Other words for the same thing, searched like the label: a query starting with one of them ("Pflege Neukölln",
   * "Kita Reuterkiez") lists the entries of this type (the place finder and the directory search). Any language;
   * case, umlauts and ß do not matter. Plurals are words of their own.
   * @example ["Pflegeheim", "Pflegeheime", "Seniorenheim"]
   */
  synonyms: z
    .array(z.string().refine((w) => w.trim() !== '', 'leeres Wort in der Liste: streichen oder ein Wort eintragen'))
    .optional(),
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

/**
 * Where the atlas's files live in a git repository with a web editor (GitHub, GitLab, Gitea…): pages link each entry's
 * file for editing ("Eintrag bearbeiten") and a prefilled report ("Fehler melden"). Templates take the placeholders
 * `{url}` (the repository url without trailing slash), `{branch}`, `{path}` (the file's path in the repository),
 * `{title}` and `{body}` (the report's prefilled title and text, url-encoded).
 */
export const RepositorySchema = z
  .strictObject({
    /** Web address of the repository. @example "https://github.com/stadt-musterstadt/sozialatlas" */
    url: HttpUrlSchema,
    /** The branch editors change. @example "main" */
    branch: z.string().trim().min(1).default('main'),
    /** Folder of the atlas inside the repository ("" when the atlas folder is the repository root). @example "atlas" */
    path: z
      .string()
      .regex(/^(?:[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*)?$/, 'Ordnerpfad ohne führenden oder abschließenden "/"')
      .default(''),
    /**
     * Address of a file in the web editor. Default for github.com and GitLab hosts: their edit page.
     * @example "{url}/edit/{branch}/{path}"
     */
    editUrl: z.string().trim().min(1).optional(),
    /**
     * Address of a new, prefilled report ("Fehler melden"). Default for github.com and GitLab hosts: a new issue with
     * `{title}` and `{body}`. Give `email` instead where readers have no account there.
     * @example "{url}/issues/new?title={title}&body={body}"
     */
    issueUrl: z.string().trim().min(1).optional(),
    /** E-mail address for reports; used instead of an issue when given. @example "sozialatlas@musterstadt.de" */
    email: z.email('keine gültige E-Mail-Adresse').optional(),
  })
  .superRefine((r, ctx) => {
    const host = URL.canParse(r.url) ? new URL(r.url).hostname : '';
    const known = host === 'github.com' || host.includes('gitlab');
    if (!known && r.editUrl === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['editUrl'],
        message: `fehlt: für "${host}" ist die Adresse des Web-Editors nicht bekannt (editUrl mit {url}, {branch}, {path} angeben)`,
      });
    if (!known && r.issueUrl === undefined && r.email === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['issueUrl'],
        message: `fehlt: für "${host}" issueUrl (mit {title}, {body}) oder email angeben`,
      });
    for (const key of ['editUrl', 'issueUrl'] as const) {
      const v = r[key];
      if (v === undefined) continue;
      const sample = v.replace(/\{(url|branch|path|title|body)\}/g, (_, k: string) => (k === 'url' ? r.url : 'x'));
      const unknown = v.match(/\{(?!url\}|branch\}|path\}|title\}|body\})[^}]*\}/);
      if (unknown) ctx.addIssue({ code: 'custom', path: [key], message: `unbekannter Platzhalter ${unknown[0]}` });
      else if (!HttpUrlSchema.safeParse(sample).success)
        ctx.addIssue({ code: 'custom', path: [key], message: 'ergibt keine gültige http(s)-Adresse' });
    }
    if (r.editUrl !== undefined && !r.editUrl.includes('{path}'))
      ctx.addIssue({ code: 'custom', path: ['editUrl'], message: 'editUrl braucht den Platzhalter {path}' });
  });
export type Repository = z.infer<typeof RepositorySchema>;

/** A published address that moved: the build writes a forwarding page at `from` (see docs/atlas-folder.md 4.12). */
export const RedirectSchema = z.strictObject({
  /** The old address, a path of this site. @example "/planungsraum/01011101/" */
  from: z.string().regex(/^\/[^\s?#]*$/, 'Pfad der Website erwartet, beginnend mit "/"'),
  /** Its successor (a page of the current build). @example "/planungsraum/01011102/" */
  to: z.string().regex(/^\/[^\s?#]*$/, 'Pfad der Website erwartet, beginnend mit "/"'),
  /** Why, for the editors. @example "Planungsraum 2021 geteilt" */
  reason: z.string().trim().min(1).optional(),
});
export type Redirect = z.infer<typeof RedirectSchema>;

/**
 * A release of the atlas ("Was ist neu"): what changed for readers, written by the editors (from the change report of
 * `npm run diff`), newest first or in any order. Shown on `/neu/` and in the Atom feeds (city-wide and per unit).
 */
export const ReleaseSchema = z.strictObject({
  /** Day of publication. @example "2026-12-06" */
  date: IsoDateSchema,
  /** @example { de: "MSS 2021 ergänzt", en: "MSS 2021 added" } */
  title: LocalizedTextSchema,
  /** What changed, plain Markdown. @example { de: "Neue Werte für 2021; Planungsraum 0101 umbenannt." } */
  text: LocalizedTextSchema.optional(),
  /** Units this release concerns (their feeds list it); without: the whole atlas (every feed lists it). @example ["010111"] */
  units: z.array(UnitIdSchema).optional(),
  /** Facility ids added or changed in this release, linked from the entry. @example ["kita-regenbogen-kt-01010080"] */
  facilities: z.array(SlugSchema).optional(),
});
export type Release = z.infer<typeof ReleaseSchema>;

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
  /** Composite indices computed from the indicators (z-scores, mean, classes), each with a method page; see compositeIndex.ts. */
  indices: z.array(CompositeIndexSchema).default([]),
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
  /** The repository behind the site, for "Eintrag bearbeiten" and "Fehler melden" links (see RepositorySchema). */
  repository: RepositorySchema.optional(),
  /**
   * Addresses that moved: the build writes a forwarding page at each `from` (meta refresh, canonical link). A published
   * address (listed in `published-urls.txt`) that disappears without one fails the build.
   * @example [{ from: "/planungsraum/01011101/", to: "/planungsraum/01011102/", reason: "geteilt" }]
   */
  redirects: z.array(RedirectSchema).default([]),
  /** Releases for "Was ist neu" (or in `releases.yml` beside `atlas.yml`, as a list). */
  releases: z.array(ReleaseSchema).optional(),
  /** Simplification: share of planar triangle area kept (topojson-simplify quantile). 0.05–1. */
  simplify: z.number().min(0).max(1).default(0.15),
});
export type AtlasConfig = z.infer<typeof AtlasConfigSchema>;
export type AtlasConfigInput = z.input<typeof AtlasConfigSchema>;
