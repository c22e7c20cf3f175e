import { ASSESSMENT_QUESTIONS, type AssessmentQuestion, type AssessmentTopic } from '../../schemas/assessment.ts';
import type { LocalizedText } from '../../schemas/common.ts';

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
