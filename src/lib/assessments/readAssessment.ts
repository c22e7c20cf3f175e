import { assessmentSchema, type Assessment } from '../../schemas/assessment.ts';
import { slugify } from '../facilities/slugifyFacility.ts';
import { readFrontMatterDocument, type FrontMatterDocument } from '../frontMatterDocument.ts';
import type { ProblemLog } from '../problems.ts';

/**
 * Validation of one provider assessment file (`content/districts/<unit-id>/<date>-<organisation-slug>.md`):
 * front matter (the shared provider-file reader: no executable front matter, YAML, schema), then the file name
 * against `date` and `organisation`. Every problem with file, line, field and hint; pure.
 */

/** The template providers copy (relative to the atlas folder). */
export const ASSESSMENT_TEMPLATE = 'content/districts/_template.md.txt';

/** `<date>-<slug>.md`: the date part and the rest. */
const FILE_NAME = /^(\d{4}-\d{2}-\d{2})-([a-z0-9][a-z0-9-]*)\.md$/;

/** The file name an assessment should have, e.g. "2026-10-15-nachbarschaftshaus-am-kanal-e-v.md". */
export function assessmentFileName(a: Pick<Assessment, 'date' | 'organisation'>): string {
  return `${a.date}-${slugify(a.organisation)}.md`;
}

/**
 * Reads and validates an assessment file; `topics` are the allowed topic ids. `file` is the path shown in
 * messages; its base name must be `<date>-<organisation-slug>[-<more>].md` with the front matter's date and the
 * organisation's slug (a suffix tells two notes of one day apart). Undefined when there were errors (all in `log`).
 */
export function readAssessmentDocument(
  text: string,
  file: string,
  log: ProblemLog,
  topics: ReadonlySet<string>,
): FrontMatterDocument<Assessment> | undefined {
  const read = readFrontMatterDocument(
    text,
    file,
    log,
    assessmentSchema(topics),
    `Mit der Vorlage ${ASSESSMENT_TEMPLATE} vergleichen.`,
  );
  if (!read) return undefined;
  const a = read.value;
  const name = file.replace(/^.*\//, '');
  const expected = assessmentFileName(a);
  const m = FILE_NAME.exec(name);
  if (!m) {
    log.error({
      file,
      message: `Dateiname "${name}" entspricht nicht dem Muster <datum>-<organisation>.md.`,
      hint: `Die Datei umbenennen in "${expected}".`,
    });
    return undefined;
  }
  if (m[1] !== a.date) {
    log.error({
      file,
      line: read.lineOf(['date']),
      field: 'date',
      message: `Datum ${a.date} passt nicht zum Dateinamen (${m[1]}).`,
      hint: `Datum und Dateianfang müssen gleich sein, z. B. "${expected}".`,
    });
    return undefined;
  }
  const slug = slugify(a.organisation);
  if (!m[2]?.startsWith(slug)) {
    log.error({
      file,
      line: read.lineOf(['organisation']),
      field: 'organisation',
      message: `Der Dateiname nennt nicht die Organisation "${a.organisation}" (erwartet: …-${slug}.md).`,
      hint: `Die Datei umbenennen in "${expected}"; für eine zweite Einschätzung am selben Tag einen Zusatz anhängen, z. B. "${expected.replace(/\.md$/, '-jugend.md')}".`,
    });
    return undefined;
  }
  return read;
}
