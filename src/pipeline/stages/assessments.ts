import {
  DEFAULT_ASSESSMENT_TOPICS,
  AssessmentConfigSchema,
  type Assessment,
  type AssessmentTopic,
} from '../../schemas/assessment.ts';
import { parseYamlWithFriendlyErrors } from '../../schemas/friendlyErrors.ts';
import { ASSESSMENT_TEMPLATE, readAssessmentDocument } from '../../lib/assessments/readAssessment.ts';
import { renderProviderMarkdown } from '../../lib/markdown.ts';
import type { ProblemLog } from '../../lib/problems.ts';
import type { Unit } from '../../lib/types.ts';
import type { Effects } from '../effects.ts';
import { isMarkdownFileName, readUtf8Files, type ProviderFolder } from '../providerFiles.ts';

/** The folder of the assessments: one sub-folder per unit id. */
export const ASSESSMENTS_DIR = 'content/districts';
/** Optional topic vocabulary beside atlas.yml; without it, {@link DEFAULT_ASSESSMENT_TOPICS}. */
export const ASSESSMENTS_FILE = 'assessments.yml';
/** Files in the folder that are not assessments. */
const NOT_ENTRIES = new Set([ASSESSMENT_TEMPLATE.slice(ASSESSMENTS_DIR.length + 1), 'README.md']);
const FOLDER: ProviderFolder = {
  dir: ASSESSMENTS_DIR,
  place: 'bei den Einschätzungen',
  expected: '<datum>-<organisation>.md',
  template: '_template.md.txt',
};

/** One validated assessment with its unit and sanitised HTML. */
export interface PlacedAssessment {
  unit: string;
  /** Path relative to the atlas folder. */
  file: string;
  assessment: Assessment;
  html: string;
}

/** The stage's result: the topic vocabulary and every assessment, sorted by unit, then newest first. */
export interface AssessmentsResult {
  topics: AssessmentTopic[];
  assessments: PlacedAssessment[];
}

/**
 * Stage 4b (optional): reads `content/districts/<unit-id>/*.md`, the provider assessments. The folder must be a
 * unit id of the atlas; only `.md` files (never MDX); each file validated (front matter, topic from the
 * vocabulary, standard question, date not in the future, file name `<date>-<organisation-slug>.md`), its body
 * rendered through the sanitiser (what is not shown as written: warning). Undefined without the folder.
 */
export async function readAssessments(
  units: readonly Pick<Unit, 'id'>[],
  fx: Effects,
  log: ProblemLog,
): Promise<AssessmentsResult | undefined> {
  if (!(await fx.exists(ASSESSMENTS_DIR))) return undefined;
  const topics = await readTopics(fx, log);
  if (!topics) return undefined;
  const topicIds = new Set(topics.map((t) => t.id));
  const unitIds = new Set(units.map((u) => u.id));
  const entries: { file: string; unit: string }[] = [];
  for (const file of await fx.list(ASSESSMENTS_DIR)) {
    const name = file.slice(ASSESSMENTS_DIR.length + 1);
    if (NOT_ENTRIES.has(name)) continue;
    const parts = name.split('/');
    if (parts.length !== 2) {
      log.error({
        file,
        message: 'Einschätzungen liegen in einem Ordner je Gebiet.',
        hint: `Ablage: ${ASSESSMENTS_DIR}/<gebiets-kennung>/<datum>-<organisation>.md, z. B. ${ASSESSMENTS_DIR}/${units[0]?.id ?? '01'}/2026-10-15-beispiel-ev.md.`,
      });
      continue;
    }
    const [unit = '', base = ''] = parts;
    if (!isMarkdownFileName(base, file, log, FOLDER)) continue;
    if (!unitIds.has(unit)) {
      const near = units
        .filter((u) => u.id.toLowerCase() === unit.toLowerCase() || u.id.replace(/^0+/, '') === unit.replace(/^0+/, ''))
        .map((u) => u.id);
      log.error({
        file,
        field: 'Ordner',
        message: `Unbekanntes Gebiet "${unit}": der Ordnername muss die Kennung eines Gebiets des Atlas sein.`,
        hint:
          near.length > 0
            ? `Gemeint ist wohl "${near[0]}".`
            : 'Die Kennung steht in der Adresse der Gebietsseite (/<ebene>/<kennung>/) und in /data/atlas.json.',
      });
      continue;
    }
    entries.push({ file, unit });
  }
  const texts = await readUtf8Files(
    fx,
    entries.map((e) => e.file),
    log,
  );
  const assessments: PlacedAssessment[] = [];
  for (const [i, { file, unit }] of entries.entries()) {
    const text = texts[i];
    if (text === undefined) continue;
    const read = readAssessmentDocument(text, file, log, topicIds);
    if (!read) continue;
    const rendered = renderProviderMarkdown(read.body);
    for (const p of rendered.problems) {
      log.warn({
        file,
        line: p.line === undefined ? undefined : read.bodyLine + p.line - 1,
        field: 'Text',
        message: p.message,
        hint: 'Einschätzungen sind einfaches Markdown: Absätze, Listen, **fett**, Links auf https://…, mailto: oder tel:.',
      });
    }
    if (read.body === '') {
      log.error({
        file,
        line: read.bodyLine,
        field: 'Text',
        message: 'Die Einschätzung hat keinen Text.',
        hint: 'Unter dem Kopfbereich (nach der zweiten Zeile "---") die Antwort auf die Frage schreiben.',
      });
      continue;
    }
    assessments.push({ unit, file, assessment: read.value, html: rendered.html });
  }
  assessments.sort((a, b) =>
    a.unit !== b.unit
      ? a.unit < b.unit
        ? -1
        : 1
      : a.assessment.date !== b.assessment.date
        ? a.assessment.date > b.assessment.date
          ? -1
          : 1
        : a.file < b.file
          ? -1
          : 1,
  );
  return { topics, assessments };
}

/** The topics of `assessments.yml`, or the defaults; undefined when that file has errors (in `log`). */
async function readTopics(fx: Effects, log: ProblemLog): Promise<AssessmentTopic[] | undefined> {
  if (!(await fx.exists(ASSESSMENTS_FILE))) return [...DEFAULT_ASSESSMENT_TOPICS];
  return parseYamlWithFriendlyErrors(await fx.readText(ASSESSMENTS_FILE), AssessmentConfigSchema, ASSESSMENTS_FILE, log)
    ?.topics;
}
