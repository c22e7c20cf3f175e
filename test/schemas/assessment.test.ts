import { describe, expect, it } from 'vitest';
import { AssessmentConfigSchema, assessmentSchema, DEFAULT_ASSESSMENT_TOPICS } from '../../src/schemas/assessment.ts';

const schema = assessmentSchema(new Set(DEFAULT_ASSESSMENT_TOPICS.map((t) => t.id)));
// Made up.
const good = { organisation: 'Beispiel e. V.', date: '2023-11-20', topic: 'jugend', question: 'missing' };
const issues = (v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('assessmentSchema', () => {
  it('assessmentSchema(topics) accepts a minimal note and defaults the language to de', () => {
    expect(schema.parse(good)).toEqual({ ...good, lang: 'de' });
  });
  it('assessmentSchema(topics) accepts an optional author role and another ISO 639-1 language', () => {
    expect(schema.parse({ ...good, authorRole: 'Leitung', lang: 'tr' })).toMatchObject({
      authorRole: 'Leitung',
      lang: 'tr',
    });
  });
  it('assessmentSchema(topics) refuses a future date, an unknown topic, an unknown question and language', () => {
    expect(issues({ ...good, date: '2999-01-01' })).toEqual(['date: Datum liegt in der Zukunft']);
    expect(issues({ ...good, topic: 'verkehr' })[0]).toMatch(
      /^topic: Unbekanntes Thema; erlaubt: kinder-familie, jugend/,
    );
    expect(issues({ ...good, question: 'why' })[0]).toMatch(
      /^question: Unbekannte Frage; erlaubt: changed, missing, strengths, needs/,
    );
    expect(issues({ ...good, lang: 'xx' })).toEqual(['lang: Sprachcode nach ISO 639-1 erwartet, z. B. "de"']);
  });
  it('assessmentSchema(topics) requires organisation and date, and refuses unknown fields', () => {
    expect(issues({ topic: 'jugend', question: 'missing' }).map((s) => s.split(':')[0])).toEqual([
      'organisation',
      'date',
    ]);
    expect(issues({ ...good, author: 'Frau X' })).toEqual([': Unrecognized key: "author"']);
  });
  it('assessmentSchema(topics) refuses an impossible date', () => {
    expect(issues({ ...good, date: '2023-02-30' })).toEqual(['date: kein gültiges Datum']);
  });
});

describe('AssessmentConfigSchema', () => {
  it('AssessmentConfigSchema refuses duplicate topic ids', () => {
    const r = AssessmentConfigSchema.safeParse({
      topics: [
        { id: 'a', label: { de: 'A' } },
        { id: 'a', label: { de: 'B' } },
      ],
    });
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['topics.1.id', 'Thema "a" ist doppelt'],
    ]);
  });
});
