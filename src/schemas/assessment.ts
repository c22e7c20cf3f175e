import { z } from 'zod';
import { IsoDateSchema, LocalizedTextSchema, SlugSchema } from './common.ts';
import { ISO_639_1, todayIso } from './facility.ts';

/**
 * Provider assessments ("Einschätzungen aus der sozialen Arbeit"): dated, attributed qualitative notes per unit in
 * `content/districts/<unit-id>/<date>-<organisation-slug>.md`, YAML front matter + plain Markdown. Modelled on the
 * standardised questions the city of Neuss asks its providers (what has changed, what is missing). They are never
 * official statistics and are shown apart from them.
 */

/** A topic of the vocabulary. @example { id: "jugend", label: { de: "Jugend", en: "Youth" } } */
export const AssessmentTopicSchema = z.strictObject({
  id: SlugSchema,
  label: LocalizedTextSchema,
});
export type AssessmentTopic = z.infer<typeof AssessmentTopicSchema>;

/** The topics when an atlas sets none (`assessments.yml` beside `atlas.yml` replaces them). */
export const DEFAULT_ASSESSMENT_TOPICS: readonly AssessmentTopic[] = [
  { id: 'kinder-familie', label: { de: 'Kinder und Familie', en: 'Children and families' } },
  { id: 'jugend', label: { de: 'Jugend', en: 'Youth' } },
  { id: 'alter-pflege', label: { de: 'Alter und Pflege', en: 'Old age and care' } },
  { id: 'armut', label: { de: 'Armut', en: 'Poverty' } },
  { id: 'wohnen', label: { de: 'Wohnen', en: 'Housing' } },
  { id: 'gesundheit', label: { de: 'Gesundheit', en: 'Health' } },
  { id: 'migration-teilhabe', label: { de: 'Migration und Teilhabe', en: 'Migration and participation' } },
  { id: 'nachbarschaft', label: { de: 'Nachbarschaft und Zusammenleben', en: 'Neighbourhood and community' } },
];

/** `assessments.yml`: the topic vocabulary of an atlas. */
export const AssessmentConfigSchema = z
  .strictObject({
    /** Topics, in the order the unit pages show them. */
    topics: z.array(AssessmentTopicSchema).min(1),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.topics.forEach((t, i) => {
      if (seen.has(t.id))
        ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `Thema "${t.id}" ist doppelt` });
      seen.add(t.id);
    });
  });
export type AssessmentConfig = z.infer<typeof AssessmentConfigSchema>;

/** The standard questions every note answers one of (the same for every atlas, so notes stay comparable). */
export const ASSESSMENT_QUESTIONS = {
  changed: { de: 'Was hat sich verändert?', en: 'What has changed?' },
  missing: { de: 'Was fehlt?', en: 'What is missing?' },
  strengths: { de: 'Was funktioniert gut?', en: 'What works well?' },
  needs: { de: 'Was wird in den nächsten Jahren gebraucht?', en: 'What will be needed in the coming years?' },
} as const;
export type AssessmentQuestion = keyof typeof ASSESSMENT_QUESTIONS;
const QUESTION_IDS = Object.keys(ASSESSMENT_QUESTIONS) as [AssessmentQuestion, ...AssessmentQuestion[]];

/**
 * The front matter of one note; `topics` are the allowed topic ids (from `assessments.yml` or the defaults).
 * Dates are ISO dates not after today (a note reports what was observed).
 */
export function assessmentSchema(topics: ReadonlySet<string>) {
  return z.strictObject({
    /** The organisation (Träger, Einrichtung) that gives the assessment, as it wants to be named. @example "Nachbarschaftshaus Musterstraße e. V." */
    organisation: z.string().trim().min(2).max(200),
    /** Role of the person writing, optional (never a personal name is required). @example "Leitung Familienzentrum" */
    authorRole: z.string().trim().min(2).max(120).optional(),
    /** When the assessment was given. @example "2026-10-15" */
    date: IsoDateSchema.refine((s) => s <= todayIso(), 'Datum liegt in der Zukunft'),
    /** Topic id. @example "kinder-familie" */
    topic: SlugSchema.refine((t) => topics.has(t), {
      message: `Unbekanntes Thema; erlaubt: ${[...topics].join(', ')}`,
    }),
    /** Which standard question the text answers. @example "missing" */
    question: z.enum(QUESTION_IDS, { message: `Unbekannte Frage; erlaubt: ${QUESTION_IDS.join(', ')}` }),
    /** Language of the text (ISO 639-1). @example "de" */
    lang: z
      .string()
      .refine((l) => ISO_639_1.has(l), 'Sprachcode nach ISO 639-1 erwartet, z. B. "de"')
      .default('de'),
  });
}
export type Assessment = z.infer<ReturnType<typeof assessmentSchema>>;
