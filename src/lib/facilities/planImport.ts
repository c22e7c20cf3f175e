import { type FacilityVocabulary, FacilitySchema } from '../../schemas/facility.ts';
import { ProblemLog } from '../problems.ts';
import type { ImportSource } from '../../schemas/imports.ts';
import { buildFacility } from './buildFacility.ts';
import { type KindedRecord, type MatchPair, type MatchReportEntry, clusterRecords } from './clusterRecords.ts';
import type { ImportState } from './importState.ts';
import { type MapContext, mapSourceRecord } from './mapSourceRecord.ts';
import { mergeImported } from './mergeImported.ts';
import { type FacilityDocument, orderFront, parseFacilityMarkdown, serializeFacility } from './serializeFacility.ts';
import { slugifyFacility } from './slugifyFacility.ts';
import { checkFacilityVocabulary } from './validateFacility.ts';

/**
 * The whole import as a pure function: source features, the facility files as they are, and the state of the last
 * import in; file texts, the new state and a report out. The CLI (scripts/importFacilities.ts) only reads and writes.
 */

export interface SourceInput {
  source: ImportSource;
  /** GeoJSON features, or CSV rows as `{ properties: row }`. */
  features: { properties?: unknown; geometry?: unknown }[];
  /** The source's CRS, where the points are, and the vocabulary's OSM tags (see MapContext). */
  context: MapContext;
}

export interface PlanInput {
  sources: SourceInput[];
  /** Facility id → current text of `content/facilities/<id>.md`. */
  existing: ReadonlyMap<string, string>;
  previous: ImportState | undefined;
  vocabulary: FacilityVocabulary;
  matchPairs: readonly MatchPair[];
  /** Folder of the facility files, for messages. Default "content/facilities". */
  folder?: string;
}

export interface SourceCount {
  label: string;
  file: string;
  features: number;
  /** Records refused because they lie outside the atlas (also counted in `skipped`). */
  outside: number;
  /** Records that ended up in a facility file… */
  imported: number;
  /** …of which joined with a record of another source. */
  merged: number;
  skipped: number;
}

export interface ImportReport {
  perSource: SourceCount[];
  matches: MatchReportEntry[];
  /** Unmatched pairs within 25 m: candidates for a manual merge. */
  possibleDuplicates: MatchReportEntry[];
  skipped: { source: string; key?: string | undefined; name?: string | undefined; reason: string }[];
  dropped: { key: string; message: string }[];
  providerEdits: { id: string; fields: string[]; body: boolean }[];
  /** Ids from the last import whose records are no longer in the sources (files left untouched). */
  goneFromSources: string[];
  facilities: number;
}

export interface PlanOutput {
  /** Facility id → file text, for every file this import manages. */
  files: Map<string, string>;
  state: ImportState;
  report: ImportReport;
  log: ProblemLog;
}

/** The match pairs of imports.yml as `clusterRecords` takes them. */
export function matchPairsOf(
  match: readonly { a: string; b: string; minNameSimilaritySameAddress?: number | undefined }[],
): MatchPair[] {
  return match.map((m) => ({
    a: m.a,
    b: m.b,
    options:
      m.minNameSimilaritySameAddress === undefined
        ? undefined
        : { minNameSimilaritySameAddress: m.minNameSimilaritySameAddress },
  }));
}

/** Runs the import; see the module comment. */
export function planImport(input: PlanInput): PlanOutput {
  const folder = input.folder ?? 'content/facilities';
  const log = new ProblemLog();
  const report: ImportReport = {
    perSource: [],
    matches: [],
    possibleDuplicates: [],
    skipped: [],
    dropped: [],
    providerEdits: [],
    goneFromSources: [],
    facilities: 0,
  };
  const records: KindedRecord[] = [];
  const labelOf = new Map<string, string>(); // record key → source label, for the report
  const keysBySource: string[][] = [];
  const outside: number[] = [];
  for (const { source, features, context } of input.sources) {
    const keys: string[] = [];
    keysBySource.push(keys);
    let out = 0;
    outside.push(0);
    for (const [i, feature] of features.entries()) {
      const r = mapSourceRecord(source, feature, context);
      if (!r.ok && r.reason.startsWith('Koordinaten außerhalb')) outside[outside.length - 1] = ++out;
      if (!r.ok) {
        report.skipped.push({ source: source.label, key: `${source.file}#${i + 1}`, name: r.name, reason: r.reason });
      } else if (labelOf.has(r.record.key)) {
        const reason = 'Objekt schon aus einer anderen Datei übernommen';
        report.skipped.push({ source: source.label, key: r.record.key, name: r.record.name, reason });
      } else {
        labelOf.set(r.record.key, source.label);
        keys.push(r.record.key);
        for (const message of r.record.dropped) report.dropped.push({ key: r.record.key, message });
        records.push({ kind: source.id, record: r.record });
      }
    }
  }
  const clusters = clusterRecords(
    records,
    input.matchPairs,
    input.sources.map((s) => s.source.id),
  );
  report.matches = clusters.matches;
  report.possibleDuplicates = clusters.possibleDuplicates;

  const previous = input.previous?.facilities ?? {};
  const idOfKey = new Map<string, string>();
  for (const [id, entry] of Object.entries(previous)) for (const k of entry.keys) idOfKey.set(k, id);
  const files = new Map<string, string>();
  const groupSize = new Map<string, number>(); // record key → number of records in its facility
  const state: ImportState = { version: 1, facilities: {} };

  for (const group of clusters.groups) {
    const primary = group[0]!;
    const keys = group.map((r) => r.key);
    const known = keys.map((k) => idOfKey.get(k)).find((id) => id !== undefined && state.facilities[id] === undefined);
    const id = known ?? slugifyFacility(primary.name, `${primary.idPrefix}-${primary.source.recordId}`);
    const file = `${folder}/${id}.md`;
    const foreignFile = known === undefined && previous[id] === undefined && input.existing.has(id);
    if (state.facilities[id] !== undefined || foreignFile) {
      const message = `Kennung "${id}" ist schon vergeben; Datensatz ${primary.key} nicht übernommen`;
      log.error({ file, field: 'id', message, hint: 'Datei umbenennen oder Datensatz prüfen.' });
      continue;
    }
    const built = buildFacility(group, id);
    if (!built.ok) {
      const source = group.map((r) => labelOf.get(r.key)).join(' + ');
      report.skipped.push({ source, key: primary.key, name: primary.name, reason: built.reason });
      continue;
    }
    const incoming: FacilityDocument = {
      front: orderFront(built.document.front) as Record<string, unknown>,
      body: built.document.body,
    };
    const issues = [
      ...(FacilitySchema.safeParse(incoming.front).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []),
      ...checkFacilityVocabulary(incoming.front as { types: string[] }, input.vocabulary).map(
        (v) => `${v.field}: ${v.message}`,
      ),
    ];
    if (issues.length > 0) {
      const message = `Import erzeugt ungültige Angaben (${issues.join('; ')})`;
      log.error({ file, message, hint: 'Fehler im Import-Skript; bitte melden.' });
      continue;
    }
    // The state keeps what the import wrote, never the merged file: so provider edits stay recognisable.
    state.facilities[id] = { keys, front: incoming.front, body: incoming.body };
    const document = mergeWithExisting(id, file, input.existing.get(id), previous[id], incoming, report, log);
    if (document === undefined) {
      state.facilities[id] = previous[id] ?? state.facilities[id]!;
      continue;
    }
    files.set(id, serializeFacility(document.front, document.body));
    for (const k of keys) groupSize.set(k, keys.length);
  }

  for (const id of Object.keys(previous).sort()) {
    if (state.facilities[id] !== undefined) continue;
    state.facilities[id] = previous[id]!;
    report.goneFromSources.push(id);
  }
  input.sources.forEach(({ source, features }, i) => {
    const imported = keysBySource[i]!.filter((k) => groupSize.has(k));
    const merged = imported.filter((k) => groupSize.get(k)! > 1).length;
    const { label, file } = source;
    const skipped = features.length - imported.length;
    report.perSource.push({
      label,
      file,
      features: features.length,
      outside: outside[i] ?? 0,
      imported: imported.length,
      merged,
      skipped,
    });
  });
  report.facilities = files.size;
  return { files, state, report, log };
}

/** The document to write for `id`; undefined (file left alone, error logged) when the existing file is unreadable. */
function mergeWithExisting(
  id: string,
  file: string,
  existingText: string | undefined,
  previous: FacilityDocument | undefined,
  incoming: FacilityDocument,
  report: ImportReport,
  log: ProblemLog,
): FacilityDocument | undefined {
  if (existingText === undefined) return incoming;
  const parsed = parseFacilityMarkdown(existingText);
  if (!parsed.ok || typeof parsed.front !== 'object' || parsed.front === null || Array.isArray(parsed.front)) {
    const why = parsed.ok ? 'Kopfbereich ist kein Objekt' : parsed.message;
    log.error({
      file,
      line: parsed.ok ? 1 : parsed.line,
      message: `Datei nicht lesbar, unverändert gelassen: ${why}`,
      hint: 'Datei reparieren und den Import erneut starten.',
    });
    return undefined;
  }
  const merged = mergeImported(
    { front: parsed.front as Record<string, unknown>, body: parsed.body },
    previous,
    incoming,
  );
  if (merged.keptFields.length > 0 || merged.keptBody) {
    report.providerEdits.push({ id, fields: merged.keptFields, body: merged.keptBody });
  }
  return merged.document;
}
