import { type FacilityVocabulary, FacilitySchema } from '../../schemas/facility.ts';
import { ProblemLog } from '../problems.ts';
import type { BerlinSource, MatchPair } from './berlinSources.ts';
import { buildFacility } from './buildFacility.ts';
import { type KindedRecord, type MatchReportEntry, clusterRecords } from './clusterRecords.ts';
import type { ImportState } from './importState.ts';
import { mapBerlinRecord } from './mapBerlinRecords.ts';
import { mergeImported } from './mergeImported.ts';
import { type FacilityDocument, orderFront, parseFacilityMarkdown, serializeFacility } from './serializeFacility.ts';
import { slugifyFacility } from './slugifyFacility.ts';
import { checkFacilityVocabulary } from './validateFacility.ts';

/**
 * The whole import as a pure function: source features, the facility files as they are, and the state of the last
 * import in; file texts, the new state and a report out. The CLI (scripts/importFacilities.ts) only reads and writes.
 */

export interface SourceInput {
  source: BerlinSource;
  features: { properties?: unknown; geometry?: unknown }[];
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

export interface ImportReport {
  /** Per source: features in the file, records in a facility file (`merged` of them joined with another source's), skipped. */
  perSource: { label: string; file: string; features: number; imported: number; merged: number; skipped: number }[];
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

/** Runs the import; see the module comment. */
export function planImport(input: PlanInput): PlanOutput {
  const folder = input.folder ?? 'content/facilities';
  const log = new ProblemLog();
  const report: ImportReport = { perSource: [], matches: [], possibleDuplicates: [], skipped: [], dropped: [], providerEdits: [], goneFromSources: [], facilities: 0 };
  const records: KindedRecord[] = [];
  const seenKeys = new Set<string>();
  const keysBySource: string[][] = [];
  for (const { source, features } of input.sources) {
    const keys: string[] = [];
    keysBySource.push(keys);
    for (const [i, feature] of features.entries()) {
      const r = mapBerlinRecord(source, feature);
      if (!r.ok) {
        report.skipped.push({ source: source.label, key: `${source.file}#${i + 1}`, name: r.name, reason: r.reason });
      } else if (seenKeys.has(r.record.key)) {
        report.skipped.push({ source: source.label, key: r.record.key, name: r.record.name, reason: 'Objekt schon aus einer anderen Datei übernommen' });
      } else {
        seenKeys.add(r.record.key);
        keys.push(r.record.key);
        for (const message of r.record.dropped) report.dropped.push({ key: r.record.key, message });
        records.push({ kind: source.kind, record: r.record });
      }
    }
  }
  const kindOrder = input.sources.map((s) => s.source.kind);
  const { groups, matches, possibleDuplicates } = clusterRecords(records, input.matchPairs, kindOrder);
  report.matches = matches;
  report.possibleDuplicates = possibleDuplicates;

  const idOfKey = new Map<string, string>();
  for (const [id, entry] of Object.entries(input.previous?.facilities ?? {})) for (const k of entry.keys) idOfKey.set(k, id);
  const previousIds = new Set(Object.keys(input.previous?.facilities ?? {}));
  const files = new Map<string, string>();
  const written = new Map<string, number>(); // record key → size of its group
  const state: ImportState = { version: 1, facilities: {} };

  for (const group of groups) {
    const primary = group[0]!;
    const keys = group.map((r) => r.key);
    const fresh = slugifyFacility(primary.name, `${primary.idPrefix}-${primary.source.recordId}`);
    const known = keys.map((k) => idOfKey.get(k)).find((id) => id !== undefined && state.facilities[id] === undefined);
    const id = known ?? fresh;
    const file = `${folder}/${id}.md`;
    if (state.facilities[id] !== undefined || (known === undefined && !previousIds.has(id) && input.existing.has(id))) {
      log.error({ file, field: 'id', message: `Kennung "${id}" ist schon vergeben; Datensatz ${primary.key} nicht übernommen`, hint: 'Datei umbenennen oder Datensatz prüfen.' });
      continue;
    }
    const built = buildFacility(group, id);
    if (!built.ok) {
      report.skipped.push({ source: group.map((r) => r.source.source).join(' + '), key: primary.key, name: primary.name, reason: built.reason });
      continue;
    }
    const incoming: FacilityDocument = { front: orderFront(built.document.front) as Record<string, unknown>, body: built.document.body };
    const check = FacilitySchema.safeParse(incoming.front);
    const vocab = checkFacilityVocabulary(incoming.front as { types: string[] }, input.vocabulary);
    if (!check.success || vocab.length > 0) {
      const issues = [...(check.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []), ...vocab.map((v) => `${v.field}: ${v.message}`)];
      log.error({ file, message: `Import erzeugt ungültige Angaben (${issues.join('; ')})`, hint: 'Fehler im Import-Skript; bitte melden.' });
      continue;
    }
    state.facilities[id] = { keys, front: incoming.front, body: incoming.body };
    const existingText = input.existing.get(id);
    let document = incoming;
    if (existingText !== undefined) {
      const parsed = parseFacilityMarkdown(existingText);
      if (!parsed.ok || typeof parsed.front !== 'object' || parsed.front === null) {
        log.error({ file, line: parsed.ok ? 1 : parsed.line, message: `Datei nicht lesbar, unverändert gelassen: ${parsed.ok ? 'Kopfbereich ist kein Objekt' : parsed.message}` });
        state.facilities[id] = input.previous?.facilities[id] ?? state.facilities[id]!;
        continue;
      }
      const prev = input.previous?.facilities[id];
      const merged = mergeImported({ front: parsed.front as Record<string, unknown>, body: parsed.body }, prev, incoming);
      if (merged.keptFields.length > 0 || merged.keptBody) report.providerEdits.push({ id, fields: merged.keptFields, body: merged.keptBody });
      document = merged.document;
    }
    files.set(id, serializeFacility(document.front, document.body));
    for (const k of keys) written.set(k, keys.length);
  }
  input.sources.forEach(({ source, features }, i) => {
    const keys = keysBySource[i]!.filter((k) => written.has(k));
    const merged = keys.filter((k) => written.get(k)! > 1).length;
    report.perSource.push({ label: source.label, file: source.file, features: features.length, imported: keys.length, merged, skipped: features.length - keys.length });
  });
  for (const id of [...previousIds].sort()) {
    if (state.facilities[id] === undefined) {
      state.facilities[id] = input.previous!.facilities[id]!;
      report.goneFromSources.push(id);
    }
  }
  report.facilities = files.size;
  return { files, state, report, log };
}
