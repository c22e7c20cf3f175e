import { ASSESSMENT_QUESTIONS, type AssessmentQuestion, type AssessmentTopic } from '../../schemas/assessment.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import type { Lang } from '../format.ts';
import { pick } from '../i18n.ts';
import { dateView, type DateView } from './dateView.ts';

/**
 * The "Einschätzungen aus der sozialen Arbeit" section of a unit page: provider notes grouped by topic, each with
 * organisation, date and the standard question it answers. Pure; the pipeline's assessments stage supplies the
 * validated notes.
 */

/** What this module needs of a validated note. */
export interface AssessmentNote {
  unit: string;
  assessment: {
    organisation: string;
    authorRole?: string | undefined;
    date: string;
    topic: string;
    question: AssessmentQuestion;
    lang: string;
  };
  /** Sanitised HTML of the text. */
  html: string;
}

export interface UnitAssessmentItem {
  organisation: string;
  authorRole?: string | undefined;
  date: string;
  question: { id: AssessmentQuestion; label: LocalizedText };
  /** Language of the text (ISO 639-1). */
  lang: string;
  html: string;
}

/** The section's model: the newest date (for "Stand …"), and the notes by topic in vocabulary order. */
export interface UnitAssessmentsData {
  count: number;
  /** Date of the newest note. */
  latest: string;
  /** Date of the oldest note. */
  earliest: string;
  topics: { id: string; label: LocalizedText; items: UnitAssessmentItem[] }[];
}

/**
 * Groups the notes per unit id. Within a topic newest first, then by organisation; topics in the vocabulary's
 * order (a topic without notes is left out). Units without notes get no entry.
 */
export function buildUnitAssessments(
  notes: readonly AssessmentNote[],
  topics: readonly AssessmentTopic[],
): Map<string, UnitAssessmentsData> {
  const byUnit = new Map<string, AssessmentNote[]>();
  for (const n of notes) (byUnit.get(n.unit) ?? byUnit.set(n.unit, []).get(n.unit))?.push(n);
  const out = new Map<string, UnitAssessmentsData>();
  for (const [unit, list] of byUnit) {
    const dates = list.map((n) => n.assessment.date).sort();
    const groups = topics.flatMap((t) => {
      const items = list
        .filter((n) => n.assessment.topic === t.id)
        .sort((a, b) =>
          a.assessment.date !== b.assessment.date
            ? a.assessment.date > b.assessment.date
              ? -1
              : 1
            : a.assessment.organisation.localeCompare(b.assessment.organisation, 'de'),
        )
        .map((n): UnitAssessmentItem => ({
          organisation: n.assessment.organisation,
          authorRole: n.assessment.authorRole,
          date: n.assessment.date,
          question: { id: n.assessment.question, label: ASSESSMENT_QUESTIONS[n.assessment.question] },
          lang: n.assessment.lang,
          html: n.html,
        }));
      return items.length > 0 ? [{ id: t.id, label: t.label, items }] : [];
    });
    out.set(unit, { count: list.length, latest: dates.at(-1) ?? '', earliest: dates[0] ?? '', topics: groups });
  }
  return out;
}

/** The section in one language (UnitAssessments.astro): labels picked, dates formatted. */
export interface UnitAssessmentsView {
  /** Undefined when the unit has no notes (the section says how to submit one). */
  latest?: DateView | undefined;
  topics: {
    id: string;
    label: string;
    items: {
      question: string;
      /** Language of the text (ISO 639-1). */
      lang: string;
      /** True when the text is not in the page's language: the page says it is the provider's text. */
      foreign: boolean;
      html: string;
      /** "Träger X, Sozialarbeiterin". */
      by: string;
      date: DateView;
    }[];
  }[];
}

/** The section's view in `lang` (see {@link UnitAssessmentsView}). */
export function buildUnitAssessmentsView(data: UnitAssessmentsData, lang: Lang): UnitAssessmentsView {
  return {
    latest: data.count === 0 ? undefined : dateView(data.latest, lang),
    topics: data.topics.map((topic) => ({
      id: topic.id,
      label: pick(topic.label, lang),
      items: topic.items.map((item) => ({
        question: pick(item.question.label, lang),
        lang: item.lang,
        foreign: item.lang !== lang,
        html: item.html,
        by: item.authorRole ? `${item.organisation}, ${item.authorRole}` : item.organisation,
        date: dateView(item.date, lang),
      })),
    })),
  };
}
