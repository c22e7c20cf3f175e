import { describe, expect, it } from 'vitest';
import {
  buildUnitAssessments,
  buildUnitAssessmentsView,
  type AssessmentNote,
} from '../../../src/lib/pages/unitAssessments.ts';
import { DEFAULT_ASSESSMENT_TOPICS } from '../../../src/schemas/assessment.ts';

// Made up.
const note = (organisation: string, date: string, lang: string, authorRole?: string): AssessmentNote => ({
  unit: 'a',
  assessment: { organisation, authorRole, date, topic: 'wohnen', question: 'missing', lang },
  html: `<p>${organisation}</p>`,
});
const data = buildUnitAssessments(
  [note('Alpha e. V.', '2023-01-31', 'de', 'Sozialarbeiterin'), note('Beta', '2023-06-01', 'en')],
  DEFAULT_ASSESSMENT_TOPICS,
).get('a');

describe('buildUnitAssessmentsView', () => {
  it('formats the newest date and each note’s date, names the author and marks texts in another language', () => {
    if (!data) throw new Error('no notes');
    const v = buildUnitAssessmentsView(data, 'de');
    expect(v.latest).toEqual({ iso: '2023-06-01', text: '01.06.2023' });
    expect(v.topics.map((t) => t.label)).toEqual(['Wohnen']);
    expect(v.topics[0]?.items.map((i) => [i.by, i.date.text, i.foreign, i.lang])).toEqual([
      ['Beta', '01.06.2023', true, 'en'],
      ['Alpha e. V., Sozialarbeiterin', '31.01.2023', false, 'de'],
    ]);
    expect(v.topics[0]?.items[0]?.question).toBe('Was fehlt?');
  });

  it('English page: English labels and dates; a German note is the foreign one', () => {
    if (!data) throw new Error('no notes');
    const v = buildUnitAssessmentsView(data, 'en');
    expect(v.latest?.text).toBe('1 June 2023');
    expect(v.topics[0]?.items.map((i) => i.foreign)).toEqual([false, true]);
  });

  it('no notes: no date', () => {
    expect(buildUnitAssessmentsView({ count: 0, latest: '', earliest: '', topics: [] }, 'de').latest).toBeUndefined();
  });
});
