import { describe, expect, it } from 'vitest';
import { buildUnitAssessments, type AssessmentNote } from '../../../src/lib/pages/unitAssessments.ts';
import { DEFAULT_ASSESSMENT_TOPICS } from '../../../src/schemas/assessment.ts';

// Made up.
const note = (
  unit: string,
  organisation: string,
  date: string,
  topic: string,
  question: AssessmentNote['assessment']['question'] = 'missing',
): AssessmentNote => ({
  unit,
  assessment: { organisation, date, topic, question, lang: 'de' },
  html: `<p>${organisation}</p>`,
});

describe('buildUnitAssessments', () => {
  const map = buildUnitAssessments(
    [
      note('a', 'Zeta e. V.', '2023-01-01', 'wohnen'),
      note('a', 'Alpha e. V.', '2023-01-01', 'wohnen', 'changed'),
      note('a', 'Beta', '2023-06-01', 'jugend'),
      note('b', 'Gamma', '2022-03-03', 'armut'),
    ],
    DEFAULT_ASSESSMENT_TOPICS,
  );
  it('buildUnitAssessments(notes, topics) groups per unit and topic in vocabulary order, newest first, then by organisation', () => {
    const a = map.get('a');
    expect([a?.count, a?.latest, a?.earliest]).toEqual([3, '2023-06-01', '2023-01-01']);
    expect(a?.topics.map((t) => [t.id, t.items.map((i) => i.organisation)])).toEqual([
      ['jugend', ['Beta']],
      ['wohnen', ['Alpha e. V.', 'Zeta e. V.']],
    ]);
    expect(a?.topics[1]?.items[0]?.question).toEqual({
      id: 'changed',
      label: { de: 'Was hat sich verändert?', en: 'What has changed?' },
    });
  });
  it('buildUnitAssessments(notes, topics) gives units without notes no entry', () => {
    expect([...map.keys()]).toEqual(['a', 'b']);
  });
});
