import { describe, expect, it } from 'vitest';
import { assessmentFileName, readAssessmentDocument } from '../../../src/lib/assessments/readAssessment.ts';
import { ProblemLog } from '../../../src/lib/problems.ts';

const topics = new Set(['jugend', 'wohnen']);
// Made up.
const text = (front: string, body = 'Erfundener Text.') => `---\n${front}\n---\n\n${body}\n`;
const front = 'organisation: Jugendhaus Süd e. V.\ndate: 2023-05-04\ntopic: jugend\nquestion: changed';

describe('assessmentFileName', () => {
  it('assessmentFileName(note) is the date and the slugged organisation', () => {
    expect(assessmentFileName({ date: '2023-05-04', organisation: 'Jugendhaus Süd e. V.' })).toBe(
      '2023-05-04-jugendhaus-sued-e-v.md',
    );
  });
});

describe('readAssessmentDocument', () => {
  it('readAssessmentDocument(text, file, log, topics) returns the note, its body and the body line', () => {
    const log = new ProblemLog();
    const r = readAssessmentDocument(text(front), 'content/districts/3/2023-05-04-jugendhaus-sued-e-v.md', log, topics);
    expect(log.problems).toEqual([]);
    expect(r?.value.organisation).toBe('Jugendhaus Süd e. V.');
    expect([r?.body, r?.bodyLine]).toEqual(['Erfundener Text.', 8]);
  });
  it('readAssessmentDocument accepts a suffix after the organisation (two notes on one day)', () => {
    const log = new ProblemLog();
    expect(
      readAssessmentDocument(text(front), 'content/districts/3/2023-05-04-jugendhaus-sued-e-v-2.md', log, topics),
    ).toBeDefined();
  });
  it('readAssessmentDocument reports a file name without the date pattern, with the name to use', () => {
    const log = new ProblemLog();
    expect(readAssessmentDocument(text(front), 'content/districts/3/jugendhaus.md', log, topics)).toBeUndefined();
    expect(log.errors).toEqual([
      expect.objectContaining({
        file: 'content/districts/3/jugendhaus.md',
        hint: expect.stringContaining('2023-05-04-jugendhaus-sued-e-v.md'),
      }),
    ]);
  });
  it('readAssessmentDocument reports a date that differs from the file name at the line of date', () => {
    const log = new ProblemLog();
    readAssessmentDocument(text(front), 'content/districts/3/2023-05-05-jugendhaus-sued-e-v.md', log, topics);
    expect(log.errors).toEqual([expect.objectContaining({ field: 'date', line: 3 })]);
  });
  it('readAssessmentDocument reports YAML syntax errors with their line', () => {
    const log = new ProblemLog();
    readAssessmentDocument(
      text(`${front}\nauthorRole: [kaputt`),
      'content/districts/3/2023-05-04-jugendhaus-sued-e-v.md',
      log,
      topics,
    );
    expect(log.errors[0]?.message).toMatch(/^YAML-Syntaxfehler/);
    expect(log.errors[0]?.line).toBeGreaterThanOrEqual(6);
  });
});
