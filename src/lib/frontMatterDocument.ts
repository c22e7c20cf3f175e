import { LineCounter } from 'yaml';
import type { z } from 'zod';
import { lineOf, validateWithFriendlyErrors } from '../schemas/friendlyErrors.ts';
import { parseFacilityMarkdown } from './facilities/serializeFacility.ts';
import type { ProblemLog } from './problems.ts';

/**
 * Provider files (facility entries, district assessments): YAML front matter between "---" lines, then plain
 * Markdown. One reader for all of them, so every kind gets the same checks: only a plain "---" opens the front
 * matter (no executable `---js`), YAML syntax, the zod schema; every problem with file, line and field.
 */

/** A valid provider file: the validated front matter, its Markdown body and where things stand in the file. */
export interface FrontMatterDocument<T> {
  value: T;
  /** The Markdown body, trimmed ("" when there is none). */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** 1-based line in the file of a front-matter field, e.g. `["location"]`; undefined when not found. */
  lineOf(path: PropertyKey[]): number | undefined;
}

/**
 * Parses and validates a provider file against `schema`; undefined when there were errors (all in `log`).
 * `templateHint` names the template to compare with, e.g. "Mit der Vorlage content/facilities/_template.md.txt vergleichen."
 */
export function readFrontMatterDocument<S extends z.ZodType>(
  text: string,
  file: string,
  log: ProblemLog,
  schema: S,
  templateHint: string,
): FrontMatterDocument<z.output<S>> | undefined {
  const parsed = parseFacilityMarkdown(text);
  if (!parsed.ok) {
    log.error({ file, line: parsed.line, message: parsed.message, hint: templateHint });
    return undefined;
  }
  // Lines are looked up only for problems; the document parsed above carries the offsets.
  let lc: LineCounter | undefined;
  const where = (path: PropertyKey[]) => {
    lc ??= lineCounterOf(parsed.frontText);
    return lineOf(parsed.doc, lc, path);
  };
  const value = validateWithFriendlyErrors(parsed.front, schema, file, log, where, 1);
  if (value === undefined) return undefined;
  // The body is trimmed: its first line is the first non-blank line after the closing "---".
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let bodyLine = parsed.bodyLine;
  while (bodyLine <= lines.length && (lines[bodyLine - 1] ?? '').trim() === '') bodyLine++;
  return { value, body: parsed.body, bodyLine, lineOf: (path) => offset(where(path)) };
}

/** A LineCounter for `text` without parsing it again (the same line starts the YAML parser records). */
function lineCounterOf(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

function offset(line: number | undefined): number | undefined {
  return line === undefined ? undefined : line + 1;
}
