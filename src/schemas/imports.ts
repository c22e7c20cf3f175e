import { z } from 'zod';
import { CrsSchema } from './atlasConfig.ts';
import { HttpUrlSchema, IsoDateSchema, SlugSchema } from './common.ts';

/**
 * `imports.yml` in an atlas folder: where `npm run import` takes facilities from (OpenStreetMap exports, GeoJSON and
 * CSV tables of a city's open data) and how their fields map onto facility files. Documented in
 * docs/atlas-folder.md, section 4.7b.
 */

/** One property, or several whose texts are joined with "; ". @example "e_name" */
export const FieldRefSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/**
 * A condition on a record: the text of `field` matches the regular expression `matches`, equals (one of) `equals`,
 * or equals the text of the field `equalsField`. An empty field matches neither.
 */
export const ImportConditionSchema = z
  .strictObject({
    /** @example "schulart" */
    field: z.string().min(1),
    /** Regular expression, tested anywhere in the text. @example "^Grundschule" */
    matches: z.string().optional(),
    /** @example "öffentlich" */
    equals: z.union([z.string(), z.array(z.string())]).optional(),
    /** @example "schulart" */
    equalsField: z.string().optional(),
  })
  .refine(
    (c) => [c.matches, c.equals, c.equalsField].filter((x) => x !== undefined).length === 1,
    'genau eines von matches, equals, equalsField angeben',
  );
export type ImportCondition = z.infer<typeof ImportConditionSchema>;

/**
 * One sentence of the facility text, built only from the record (nothing is added):
 * - `text`: a fixed sentence (e.g. what the source is);
 * - `label` + `field`: "Träger: Pfefferwerk gGmbH." (nothing when the field is empty);
 * - `field` + `template`: the field's text in a template, `{}` standing for it ("{}." → "Grundschule."), else
 *   `fallback`;
 * - `places`: "Kindertagesstätte mit 69 Plätzen." (the noun alone without a number);
 * each only `when` a condition holds, or `unless` it holds. `$places` as field is the number of places read.
 */
export const ImportFactSchema = z.strictObject({
  /** @example "In OpenStreetMap als Kindergarten erfasst." */
  text: z.string().min(1).optional(),
  /** @example "Träger" */
  label: z.string().min(1).optional(),
  field: FieldRefSchema.optional(),
  /** @example "{}." */
  template: z.string().includes('{}').optional(),
  /** @example "Schule." */
  fallback: z.string().min(1).optional(),
  /** @example "Kindertagesstätte" */
  places: z.string().min(1).optional(),
  when: ImportConditionSchema.optional(),
  unless: ImportConditionSchema.optional(),
});
export type ImportFact = z.infer<typeof ImportFactSchema>;

/** Types and target groups for the records a condition selects (the first rule that holds wins). */
export const ImportRuleSchema = z.strictObject({
  when: ImportConditionSchema,
  /** @example ["kita"] */
  types: z.array(SlugSchema).min(1).optional(),
  /** @example ["kinder"] */
  targetGroups: z.array(SlugSchema).optional(),
});

/** Source properties (CSV columns, GeoJSON properties) for the facility fields. */
export const ImportFieldsSchema = z.strictObject({
  /** The record's id in the source (kept in the file, so a rerun finds its entry). @example "e_nr" */
  id: z.string().min(1),
  /** @example "e_name" */
  name: FieldRefSchema.optional(),
  /** Operator (Träger). @example "t_name" */
  provider: FieldRefSchema.optional(),
  /** Street, or street with house number. @example "e_strasse" */
  street: z.string().optional(),
  /** @example "e_hnr" */
  houseNumber: z.string().optional(),
  /** A suffix in its own field ("A" → "12A"). @example "e_zusatz" */
  houseNumberSuffix: z.string().optional(),
  /** @example "e_plz" */
  postcode: z.string().optional(),
  /** @example "e_ort" */
  city: z.string().optional(),
  /** The operator's address, stored as `providerContact.address`. @example "traegerstrasse" */
  providerStreet: z.string().optional(),
  providerPostcode: z.string().optional(),
  providerCity: z.string().optional(),
  /** @example "e_tel" */
  phone: FieldRefSchema.optional(),
  email: FieldRefSchema.optional(),
  website: FieldRefSchema.optional(),
  /** Number of places (a positive whole number; anything else is dropped with a note). @example "e_platz" */
  places: z.string().optional(),
  /** Text that may state languages ("deutsch-englisch"). @example ["ang_1", "ang_2"] */
  languages: FieldRefSchema.optional(),
  /** CSV only: columns with the coordinates (in `crs`). @example "lon" */
  x: z.string().optional(),
  /** @example "lat" */
  y: z.string().optional(),
});

/** One source of `npm run import`. */
export const ImportSourceSchema = z
  .strictObject({
    /** Id of this source in imports.yml (used by `match`). @example "geoportal-kitas" */
    id: SlugSchema,
    /**
     * Source id stored in each entry's `sources[].source`; records are recognised by it and their id, so several
     * files of one source (OpenStreetMap extracts by category) share it. Default: `id`. @example "osm"
     */
    source: SlugSchema.optional(),
    /** Name in the import report. @example "Geoportal: Kindertagesstätten" */
    label: z.string().min(1),
    /** File relative to the atlas folder. @example "data/facilities/kitas.geojson" */
    file: z.string().min(1),
    /**
     * `geojson`: a FeatureCollection of points; `csv`: a table with coordinate columns (`fields.x`, `fields.y`);
     * `osm`: an OpenStreetMap export as GeoJSON (e.g. from Overpass), read with OSM's keys (`name`, `addr:*`,
     * `phone`, `website`…) and its tags mapped to types through the vocabulary (`osm` in facilities.yml).
     */
    format: z.enum(['geojson', 'csv', 'osm']).default('geojson'),
    /** Coordinate system of the file. @example "EPSG:25833" */
    crs: CrsSchema.default('EPSG:4326'),
    /** CSV only. @example ";" */
    delimiter: z.enum([',', ';', '\t']).default(','),
    /** Short, stable prefix of the entry ids. @example "kt" */
    idPrefix: SlugSchema,
    /** Data date of the source: becomes `lastConfirmed`. @example "2022-12-01" */
    dataDate: IsoDateSchema,
    licence: z.string().min(1),
    attribution: z.string().min(1),
    url: HttpUrlSchema.optional(),
    /** When the file was taken from the source. Default: `retrieved` at the top. */
    retrieved: IsoDateSchema.optional(),
    /** Mapping of fields; for `osm` the OSM keys are the default. */
    fields: ImportFieldsSchema.partial({ id: true }).default({}),
    /** Types of every record (else from the rules, or for `osm` from the tags). @example ["kita"] */
    types: z.array(SlugSchema).optional(),
    /** @example ["kinder"] */
    targetGroups: z.array(SlugSchema).default([]),
    rules: z.array(ImportRuleSchema).default([]),
    facts: z.array(ImportFactSchema).default([]),
    /** Only records with an address (a record without one is skipped with the reason) unless matched with one. */
    requireAddress: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.format !== 'osm' && s.fields.id === undefined)
      ctx.addIssue({ code: 'custom', path: ['fields', 'id'], message: 'fields.id angeben (Spalte mit der Kennung)' });
    if (s.format === 'csv' && (s.fields.x === undefined || s.fields.y === undefined))
      ctx.addIssue({ code: 'custom', path: ['fields', 'x'], message: 'CSV braucht fields.x und fields.y' });
  });
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/** A pair of sources whose records may describe the same facility; `a` is the primary (its fields win). */
export const ImportMatchSchema = z.strictObject({
  a: SlugSchema,
  b: SlugSchema,
  /** Name similarity (0–1) needed even at the same address. @example 0.3 */
  minNameSimilaritySameAddress: z.number().min(0).max(1).optional(),
});

export const ImportsConfigSchema = z.strictObject({
  /** Default date the files were taken from their sources. @example "2026-11-25" */
  retrieved: IsoDateSchema,
  /** City of addresses that name none. @example "Berlin" */
  city: z.string().min(1),
  /**
   * Area code (Vorwahl without the 0) of phone numbers written without one ("123 45 67"). Without it, such numbers
   * are not guessed: the import reports them as unreadable. @example "331"
   */
  areaCode: z
    .string()
    .regex(/^[2-9]\d{1,4}$/, 'Vorwahl ohne führende 0, 2 bis 5 Ziffern, in Anführungszeichen (z. B. "331")')
    .optional(),
  sources: z.array(ImportSourceSchema).min(1),
  /** Pairs of sources matched in this order (same facility in two sources: one entry). */
  match: z.array(ImportMatchSchema).default([]),
});
export type ImportsConfig = z.infer<typeof ImportsConfigSchema>;
