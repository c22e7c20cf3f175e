import { describe, expect, it } from 'vitest';
import { githubAnnotations, problemsJson } from '../../src/lib/ciAnnotations.ts';

describe('CI annotations', () => {
  const problems = [
    {
      severity: 'error' as const,
      file: 'atlas.yml',
      line: 12,
      field: 'repository.url',
      message: 'keine gültige http(s)-Adresse',
      hint: 'https://… eintragen',
    },
    { severity: 'warning' as const, file: 'data/a.csv', location: 'Zeile 3', message: '50 % fehlen,\nsiehe Notiz' },
  ];
  it('githubAnnotations() writes one workflow command per problem, with file, line, field and escaped text', () => {
    expect(githubAnnotations(problems, 'atlas/')).toEqual([
      '::error file=atlas/atlas.yml,line=12,title=Feld repository.url::keine gültige http(s)-Adresse Hinweis: https://… eintragen',
      '::warning file=atlas/data/a.csv,title=Zeile 3::50 %25 fehlen,%0Asiehe Notiz',
    ]);
  });
  it('problemsJson() counts errors and warnings and keeps every problem', () => {
    const j = JSON.parse(problemsJson(problems)) as {
      ok: boolean;
      errors: number;
      warnings: number;
      problems: unknown[];
    };
    expect([j.ok, j.errors, j.warnings, j.problems.length]).toEqual([false, 1, 1, 2]);
  });
});
