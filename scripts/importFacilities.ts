/**
 * Seeds and refreshes the facility directory from the Berlin source files:
 *   npx tsx scripts/importFacilities.ts [--dry-run] [--verbose]
 * Reads data/berlin/facilities-geoportal/ and data/berlin/facilities-osm/, facilities.yml, the files in
 * content/facilities/ and data/imports/facilities.last.json; writes changed facility files and the new import state.
 * Provider edits survive (see src/lib/facilities/mergeImported.ts). A second run on the same data changes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FacilityVocabularySchema } from '../src/schemas/facility.ts';
import { parseYamlWithFriendlyErrors } from '../src/schemas/friendlyErrors.ts';
import { ProblemLog, formatProblemLog } from '../src/lib/problems.ts';
import { BERLIN_SOURCES, MATCH_PAIRS } from '../src/lib/facilities/berlinSources.ts';
import { parseImportState, serializeImportState } from '../src/lib/facilities/importState.ts';
import { type SourceInput, planImport } from '../src/lib/facilities/planImport.ts';
import { formatImportReport } from '../src/lib/facilities/formatImportReport.ts';

const root = resolve(import.meta.dirname, '..');
const FOLDER = 'content/facilities';
const STATE = 'data/imports/facilities.last.json';
const dryRun = process.argv.includes('--dry-run');
const verbose = process.argv.includes('--verbose');

function main(): number {
  const log = new ProblemLog();
  const vocabularyText = readFileSync(join(root, 'facilities.yml'), 'utf8');
  const vocabulary = parseYamlWithFriendlyErrors(vocabularyText, FacilityVocabularySchema, 'facilities.yml', log);
  if (vocabulary === undefined) {
    console.error(formatProblemLog(log));
    return 1;
  }
  const sources: SourceInput[] = BERLIN_SOURCES.map((source) => {
    const data = JSON.parse(readFileSync(join(root, source.file), 'utf8')) as { features?: SourceInput['features'] };
    return { source, features: data.features ?? [] };
  });
  const folder = join(root, FOLDER);
  const existing = new Map<string, string>();
  if (existsSync(folder)) {
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith('.md')) existing.set(name.slice(0, -3), readFileSync(join(folder, name), 'utf8'));
    }
  }
  const statePath = join(root, STATE);
  const previous = existsSync(statePath) ? parseImportState(readFileSync(statePath, 'utf8')) : undefined;

  const result = planImport({ sources, existing, previous, vocabulary, matchPairs: MATCH_PAIRS, folder: FOLDER });

  let written = 0;
  let unchanged = 0;
  if (!dryRun) mkdirSync(folder, { recursive: true });
  for (const [id, text] of result.files) {
    if (existing.get(id) === text) {
      unchanged++;
      continue;
    }
    written++;
    if (!dryRun) writeFileSync(join(folder, `${id}.md`), text);
  }
  const stateText = serializeImportState(result.state);
  const stateChanged = !existsSync(statePath) || readFileSync(statePath, 'utf8') !== stateText;
  if (!dryRun && stateChanged) {
    mkdirSync(join(root, 'data/imports'), { recursive: true });
    writeFileSync(statePath, stateText);
  }

  console.log(formatImportReport(result.report, { verbose }));
  console.log(
    `\nDateien: ${result.files.size} Einrichtungen, ${written} neu oder geändert, ${unchanged} unverändert` +
      `${dryRun ? ' (Probelauf, nichts geschrieben)' : ''}; Importstand ${stateChanged ? 'aktualisiert' : 'unverändert'}.`,
  );
  log.merge(result.log);
  if (log.problems.length > 0) console.log(`\n${formatProblemLog(log)}`);
  return log.hasErrors ? 1 : 0;
}

process.exitCode = main();
