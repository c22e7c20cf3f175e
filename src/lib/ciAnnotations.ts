import type { Problem } from './problems.ts';

/**
 * Problems for CI: as JSON (`npm run check -- --json`) and as GitHub Actions workflow commands
 * (`::error file=…,line=…,title=…::message`, `npm run check -- --github`), so a pull request shows each problem at
 * its file and line. Pure.
 */

/** Escapes a workflow command's message (GitHub: `%`, CR and LF). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (additionally `:` and `,`). */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One GitHub annotation line per problem. `prefix` is the atlas folder's path in the repository ("" for the root), so
 * the annotation lands on the right file.
 */
export function githubAnnotations(problems: readonly Problem[], prefix = ''): string[] {
  return problems.map((p) => {
    const props = [`file=${escapeProperty(`${prefix}${p.file}`)}`];
    if (p.line !== undefined) props.push(`line=${p.line}`);
    if (p.column !== undefined) props.push(`col=${p.column}`);
    props.push(`title=${escapeProperty(p.field ? `Feld ${p.field}` : (p.location ?? 'Sozialatlas'))}`);
    const text = `${p.location && p.field ? `${p.location}: ` : ''}${p.message}${p.hint ? ` Hinweis: ${p.hint}` : ''}`;
    return `::${p.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(text)}`;
  });
}

/** The check's result as JSON: every problem with severity, file, line, column, field, message and hint. */
export function problemsJson(problems: readonly Problem[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      ok: !problems.some((p) => p.severity === 'error'),
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
      ...extra,
      problems,
    },
    null,
    1,
  );
}
