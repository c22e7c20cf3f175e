/**
 * `npm run import`: seeds and refreshes the facility directory of the atlas in ATLAS_DIR (default: the demo) from
 * the sources its `imports.yml` configures (OpenStreetMap exports, GeoJSON and CSV tables with a column mapping):
 *   npm run import [-- --dry-run] [-- --verbose]      ·      ATLAS_DIR=../meine-stadt npm run import
 * Reads imports.yml, atlas.yml (the vocabulary and the top level's boundaries: points outside are skipped with a
 * count), the files in content/facilities/ and data/imports/facilities.last.json; writes changed facility files
 * into ATLAS_DIR/content/facilities/ and the new import state. Provider edits survive (see
 * src/lib/facilities/mergeImported.ts). A second run on the same data changes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv } from '../src/lib/csv/parse.ts';
import { resolveCrs } from '../src/lib/geo/crs.ts';
import { parseImportState, serializeImportState } from '../src/lib/facilities/importState.ts';
import { type SourceInput, matchPairsOf, planImport } from '../src/lib/facilities/planImport.ts';
import { formatImportReport } from '../src/lib/facilities/formatImportReport.ts';
import { ProblemLog, formatProblemLog } from '../src/lib/problems.ts';
import { ImportsConfigSchema } from '../src/schemas/imports.ts';
import { parseYamlWithFriendlyErrors } from '../src/schemas/friendlyErrors.ts';
import { FileEffects } from '../src/pipeline/effects.ts';
import { lookupEpsg } from '../src/pipeline/epsg.ts';
import { PROJECT_ROOT } from '../src/pipeline/site.ts';
import { readLevels } from '../src/pipeline/stages/boundaries.ts';
import { loadConfig } from '../src/pipeline/stages/config.ts';
import { FACILITIES_DIR } from '../src/pipeline/stages/facilities.ts';

export const IMPORTS_FILE = 'imports.yml';
const STATE = 'data/imports/facilities.last.json';
const known = new Set(['--dry-run', '--verbose', '--help', '-h']);
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h') || args.some((a) => !known.has(a))) {
  // An unknown option must never start a run that writes into content/.
  const unknown = args.filter((a) => !known.has(a));
  if (unknown.length > 0) console.error(`Unbekannte Option: ${unknown.join(' ')}`);
  console.error(
    'Aufruf: npm run import [-- --dry-run] [-- --verbose]\n' +
      '  --dry-run  nur berichten, was sich ändern würde; nichts schreiben\n' +
      '  --verbose  jede Zuordnung einer Quelle zu einer Einrichtung auflisten (sonst die 15 unsichersten)\n' +
      'Liest imports.yml im Atlas-Ordner (ATLAS_DIR, Vorgabe: das Demo) und schreibt content/facilities/.',
  );
  process.exit(unknown.length > 0 ? 2 : 0);
}
const dryRun = args.includes('--dry-run');
const verbose = args.includes('--verbose');

async function main(): Promise<number> {
  const root = resolve(process.env['ATLAS_DIR'] ?? PROJECT_ROOT);
  const log = new ProblemLog();
  const fail = () => {
    console.error(formatProblemLog(log));
    return 1;
  };
  const importsPath = join(root, IMPORTS_FILE);
  if (!existsSync(importsPath)) {
    log.error({
      file: IMPORTS_FILE,
      message: `Keine ${IMPORTS_FILE} im Atlas-Ordner ${root}.`,
      hint: 'Die Quellen des Imports in imports.yml beschreiben (docs/atlas-folder.md, Abschnitt 4.7b).',
    });
    return fail();
  }
  const imports = parseYamlWithFriendlyErrors(
    readFileSync(importsPath, 'utf8'),
    ImportsConfigSchema,
    IMPORTS_FILE,
    log,
  );
  const fx = new FileEffects(root, join(root, '.atlas-import'), () => {});
  const config = await loadConfig(fx, log);
  if (!imports || !config || log.hasErrors) return fail();
  const vocabulary = config.facilities;
  if (!vocabulary) {
    log.error({
      file: 'facilities.yml',
      message: 'Der Atlas hat keine Wortliste des Einrichtungsverzeichnisses.',
      hint: 'facilities.yml mit types (und targetGroups) anlegen (docs/atlas-folder.md, Abschnitt 4.7).',
    });
    return fail();
  }
  // Points outside every unit of the top level are skipped (and counted): the atlas's area, not a rough box.
  const boundaries = await readLevels(config, fx, log);
  const top = boundaries.indexes.get(config.levels[0]?.id ?? '');
  if (log.hasErrors || !top) return fail();
  const inside = (p: { lat: number; lon: number }) => top.find(p.lon, p.lat) !== undefined;
  const osmTypes = new Map(vocabulary.types.flatMap((t) => (t.osm ?? []).map((tag) => [tag, t.id] as const)));

  const sources: SourceInput[] = [];
  for (const [i, source] of imports.sources.entries()) {
    const file = join(root, source.file);
    const crs = resolveCrs(source.crs, lookupEpsg);
    if ('error' in crs) {
      log.error({ file: IMPORTS_FILE, field: `sources[${i}].crs`, message: crs.error, hint: crs.hint });
      continue;
    }
    if (!existsSync(file)) {
      log.error({
        file: IMPORTS_FILE,
        field: `sources[${i}].file`,
        message: `Datei "${source.file}" nicht gefunden.`,
        hint: 'Pfade gelten relativ zum Atlas-Ordner.',
      });
      continue;
    }
    const text = readFileSync(file, 'utf8');
    let features: SourceInput['features'];
    if (source.format === 'csv') {
      const parsed = parseCsv(text, { delimiter: source.delimiter });
      for (const e of parsed.errors) log.error({ file: source.file, line: e.line, message: e.message, hint: e.hint });
      features = parsed.rows.map((r) => ({
        properties: Object.fromEntries(parsed.header.map((h, j) => [h, r.cells[j] ?? ''])),
      }));
    } else {
      try {
        features = (JSON.parse(text) as { features?: SourceInput['features'] }).features ?? [];
      } catch (e) {
        log.error({
          file: source.file,
          message: `Kein gültiges JSON: ${(e as Error).message.slice(0, 120)}`,
          hint: 'Die Datei neu exportieren (GeoJSON).',
        });
        continue;
      }
    }
    sources.push({
      source,
      features,
      context: {
        crs: crs.crs,
        city: imports.city,
        // No Berlin default for another city: without the key, numbers written without an area code are reported.
        areaCode: imports.areaCode ?? '',
        retrieved: imports.retrieved,
        inside,
        osmTypes,
      },
    });
  }
  if (log.hasErrors) return fail();

  const folder = join(root, FACILITIES_DIR);
  const existing = new Map<string, string>();
  if (existsSync(folder)) {
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith('.md')) existing.set(name.slice(0, -3), readFileSync(join(folder, name), 'utf8'));
    }
  }
  const statePath = join(root, STATE);
  const previous = existsSync(statePath) ? parseImportState(readFileSync(statePath, 'utf8')) : undefined;
  const matchPairs = matchPairsOf(imports.match);
  const result = planImport({ sources, existing, previous, vocabulary, matchPairs, folder: FACILITIES_DIR });

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
    `\nDateien in ${folder}: ${result.files.size} Einrichtungen, ${written} neu oder geändert, ${unchanged} unverändert` +
      `${dryRun ? ' (Probelauf, nichts geschrieben)' : ''}; Importstand ${stateChanged ? 'aktualisiert' : 'unverändert'}.`,
  );
  log.merge(result.log);
  if (log.problems.length > 0) console.log(`\n${formatProblemLog(log)}`);
  return log.hasErrors ? 1 : 0;
}

process.exitCode = await main();
