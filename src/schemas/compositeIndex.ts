import { z } from 'zod';
import { LocalizedTextSchema, SlugSchema } from './common.ts';

/**
 * Composite indices (`indices:` in atlas.yml): an index standardises published indicators over the units of one
 * level, combines them, optionally standardises the result again and sorts every unit into classes by thresholds,
 * per edition (year). Its results become indicators like any other (`<id>-wert`, `<id>-klasse`). A pair of two
 * indices (`pair`) crosses their classes (Berlin MSS: 4 status × 3 dynamics classes = 12).
 *
 * The schema checks shapes and types only. Everything that relates fields to each other or to the rest of the
 * config (thresholds increasing, class count = thresholds + 1, weights only for `weightedMean`, known indicators,
 * levels, sources, ids that do not clash) is checked by `checkIndexConfig` (src/lib/indicators/compositeIndexConfig.ts)
 * on the raw YAML, so that all of these problems are reported in the same run as type errors.
 * Documented for editors in docs/atlas-folder.md, section 4.9.
 */

/** Where a value exactly at a threshold goes: into the class `below` or `above` the threshold. */
export const ThresholdRuleSchema = z.enum(['below', 'above']);
export type ThresholdRule = z.infer<typeof ThresholdRuleSchema>;

/** One input of an index in one edition. */
export const IndexInputSchema = z.strictObject({
  /** An indicator id from `indicators` (type count, rate or value, not class). @example "arbeitslosigkeit" */
  indicator: SlugSchema,
  /** Weight for `combine: weightedMean` (a number > 0; without it 1). Not allowed with `combine: mean`. @example 2 */
  weight: z.number().positive().optional(),
  /** Turn the sign of this input's z-score before combining (for indicators where a higher value means the opposite of the index's direction). @example true */
  invert: z.boolean().optional(),
});
export type IndexInput = z.infer<typeof IndexInputSchema>;

/**
 * The method settings: given once for the index, each may be given again in an edition, which then wins.
 * `thresholds` and `atThreshold` must be given in one of the two places.
 */
const methodFields = {
  /** How the inputs' z-scores are combined: `mean` (equal weights) or `weightedMean` (each input's `weight`, default 1). Default `mean`. @example "mean" */
  combine: z.enum(['mean', 'weightedMean']).optional(),
  /** Standardise the combined value again over the same units (z-score of the mean). Default `true`. @example true */
  restandardise: z.boolean().optional(),
  /** Standard deviation of the z-scores: `population` (divide by n, as the Berlin MSS) or `sample` (n − 1). Default `population`. @example "population" */
  standardDeviation: z.enum(['population', 'sample']).optional(),
  /** Class limits on the final z-score, strictly increasing; n limits make n + 1 classes. @example [-1, 1, 1.5] */
  thresholds: z.array(z.number()).min(1).optional(),
  /**
   * Which class a value exactly at a limit belongs to: `below` (the class under the limit) or `above`, for all
   * limits, or a list with one rule per limit. @example ["above", "below", "below"]
   */
  atThreshold: z
    .union([ThresholdRuleSchema, z.array(ThresholdRuleSchema).min(1)], {
      error: 'erwartet below, above oder eine Liste davon (eine Angabe je Grenze)',
    })
    .optional(),
  /** A published class indicator (type class) to compare the computed classes with, per edition. @example "status_index" */
  compareWith: SlugSchema.optional(),
};

/** One edition (year) of an index: its inputs and any method settings that differ from the index's. */
export const IndexEditionSchema = z.strictObject({
  /** The data year of the inputs (and of the results). @example 2019 */
  year: z.number().int().min(1900).max(2200),
  /** The input indicators of this edition. @example [{ indicator: "arbeitslosigkeit" }] */
  inputs: z.array(IndexInputSchema).min(1),
  /** A remark on this edition shown on the method page (e.g. why an input is missing, why agreement is lower). */
  note: LocalizedTextSchema.optional(),
  ...methodFields,
});
export type IndexEdition = z.infer<typeof IndexEditionSchema>;

/** One class of an index, in the order of the thresholds (the first class lies below the first threshold). */
export const IndexClassSchema = z.strictObject({
  /** Short code, e.g. as the source prints it; default: the class's number (1, 2, …). Compared with `compareWith`. @example "+/-" */
  code: z.string().min(1).optional(),
  /** @example { de: "mittel", en: "medium" } */
  label: LocalizedTextSchema,
});
export type IndexClass = z.infer<typeof IndexClassSchema>;

export const CompositeIndexSchema = z.strictObject({
  /** Used in urls (`/methoden/<id>/`) and for the result indicators `<id>-wert` and `<id>-klasse`. @example "mss-status" */
  id: SlugSchema,
  /** @example { de: "Statusindex (nachgerechnet)", en: "Status index (recomputed)" } */
  label: LocalizedTextSchema,
  /** Short name; a pair uses it to name its classes ("Status mittel, Dynamik stabil"). @example { de: "Status" } */
  shortLabel: LocalizedTextSchema.optional(),
  /** What the index describes, in plain words (shown on the method page and as the result indicators' definition). */
  description: LocalizedTextSchema,
  /** Topic of the result indicators. @example { de: "Sozialindex" } */
  topic: LocalizedTextSchema.optional(),
  /** `negative`: a higher index value is less favourable; `positive`; `neutral`. */
  polarity: z.enum(['negative', 'positive', 'neutral']),
  /** Decimals of the index value (z-score) shown. Default 2. */
  decimals: z.number().int().min(0).max(6).default(2),
  /** Computed index: the level whose units are standardised (each unit counts once). @example "planungsraum" */
  level: SlugSchema.optional(),
  /** Source id for attribution of the results. Default: the source of the first input indicator. @example "mss" */
  source: SlugSchema.optional(),
  /** Computed index: the classes, from the lowest z-score up (thresholds + 1 of them). */
  classes: z.array(IndexClassSchema).min(2).optional(),
  /** Computed index: one entry per edition (year). */
  editions: z.array(IndexEditionSchema).min(1).optional(),
  /** A pair instead of a computed index: the ids of two computed indices whose classes are crossed. @example ["mss-status", "mss-dynamik"] */
  pair: z.array(SlugSchema).length(2).optional(),
  ...methodFields,
});
export type CompositeIndex = z.infer<typeof CompositeIndexSchema>;
