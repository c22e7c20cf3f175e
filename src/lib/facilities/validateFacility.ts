import { type Facility, type FacilityVocabulary, FacilitySchema } from '../../schemas/facility.ts';
import { readFrontMatterDocument } from '../frontMatterDocument.ts';
import type { ProblemLog } from '../problems.ts';

/**
 * Validation of one provider file, reporting every problem (file, line, field, German message, hint) into a
 * ProblemLog: front matter syntax, schema, id = file name, types and target groups in the vocabulary.
 */

/**
 * Type and target-group ids of a facility that are not in the vocabulary, as `{ field, message }`.
 * @example checkFacilityVocabulary({ types: ["kita", "kneipe"] }, vocab) // [{ field: "types[1]", message: 'Typ "kneipe" …' }]
 */
export function checkFacilityVocabulary(
  front: { types?: readonly string[]; targetGroups?: readonly string[] },
  vocabulary: FacilityVocabulary,
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const types = new Set(vocabulary.types.map((t) => t.id));
  const groups = new Set(vocabulary.targetGroups.map((t) => t.id));
  (front.types ?? []).forEach((t, i) => {
    if (!types.has(t)) out.push({ field: `types[${i}]`, message: `Typ "${t}" steht nicht in facilities.yml` });
  });
  (front.targetGroups ?? []).forEach((t, i) => {
    if (!groups.has(t)) {
      out.push({ field: `targetGroups[${i}]`, message: `Zielgruppe "${t}" steht nicht in facilities.yml` });
    }
  });
  return out;
}

/** A valid facility file: the facility, its Markdown body and where things stand in the file. */
export interface FacilityDocumentRead {
  facility: Facility;
  /** The Markdown body, trimmed ("" when there is none). */
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** 1-based line in the file of a front-matter field, e.g. `["location"]`; undefined when not found. */
  lineOf(path: PropertyKey[]): number | undefined;
}

/**
 * Validates a facility file; returns the parsed facility, or undefined when there were errors (all in `log`).
 * `file` is the path shown in messages, e.g. "content/facilities/kita-x.md"; the id must equal its base name.
 */
export function readFacilityFile(
  text: string,
  file: string,
  log: ProblemLog,
  vocabulary?: FacilityVocabulary,
): Facility | undefined {
  return readFacilityDocument(text, file, log, vocabulary)?.facility;
}

/**
 * Like {@link readFacilityFile}, and also returns the body and a line lookup (for problems found later, such as a
 * location outside the atlas). Undefined when there were errors (all in `log`).
 */
export function readFacilityDocument(
  text: string,
  file: string,
  log: ProblemLog,
  vocabulary?: FacilityVocabulary,
): FacilityDocumentRead | undefined {
  const read = readFrontMatterDocument(
    text,
    file,
    log,
    FacilitySchema,
    'Mit der Vorlage content/facilities/_template.md.txt vergleichen.',
  );
  if (read === undefined) return undefined;
  const facility = read.value;
  let ok = true;
  const expected = file.replace(/^.*\//, '').replace(/\.md$/, '');
  if (facility.id !== expected) {
    ok = false;
    log.error({
      file,
      line: read.lineOf(['id']),
      field: 'id',
      message: `Kennung "${facility.id}" passt nicht zum Dateinamen "${expected}.md"`,
      hint: 'Kennung und Dateiname müssen gleich sein; eine bestehende Kennung nie ändern.',
    });
  }
  if (vocabulary) {
    for (const p of checkFacilityVocabulary(facility, vocabulary)) {
      ok = false;
      const [key, index] = p.field.replace(/\]$/, '').split('[');
      log.error({
        file,
        line: read.lineOf([key!, Number(index)]),
        field: p.field,
        message: p.message,
        hint: 'Erlaubte Kennungen stehen in facilities.yml; neue Typen dort ergänzen (Pull Request an die Redaktion).',
      });
    }
  }
  if (!ok) return undefined;
  return { facility, body: read.body, bodyLine: read.bodyLine, lineOf: read.lineOf };
}
