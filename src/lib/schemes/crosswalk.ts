import type { Crosswalk } from '../../schemas/atlasConfig.ts';
import { parseCsv } from '../csv/parse.ts';
import type { ProblemLog } from '../problems.ts';

/** One relation of a crosswalk: the older id (as in the file, e.g. an old Prognoseraum) and the newer one. */
export interface CrosswalkPair {
  from: string;
  to: string;
  /** 1-based line of the entry in the file. */
  line: number;
}

/** What {@link readCrosswalk} read. */
export interface CrosswalkRead {
  pairs: CrosswalkPair[];
  /** Entries read, including the skipped ones. */
  entries: number;
  /** Entries left out by `skip`, per rule (for the data page). */
  skipped: { idLength: number; reason: string; entries: number }[];
  /** Entries read from a newer id to older ones (`bothDirections`). */
  reversed: number;
}

/** The ids one side of a crosswalk may name: the unit ids of its level, or their first `idPrefix` characters. */
export function crosswalkIds(side: Crosswalk['from'], unitIds: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of unitIds) out.add(side.idPrefix === undefined ? id : id.slice(0, side.idPrefix));
  return out;
}

/**
 * Reads a crosswalk file (pure: text in, pairs out). Every entry must name units of the atlas: an older id from
 * `fromIds` and newer ids from `toIds` (with `bothDirections`, an entry may also run from a newer id to older ones).
 * An entry naming anything else is an error with file, line and field (the entry's id, or the id in its list);
 * entries whose id has a length listed in `skip` are counted and left out, with the configured reason.
 */
export function readCrosswalk(
  input: { text: string; crosswalk: Crosswalk; file: string; fromIds: ReadonlySet<string>; toIds: ReadonlySet<string> },
  log: ProblemLog,
): CrosswalkRead {
  const { crosswalk: x, file } = input;
  const out: CrosswalkRead = {
    pairs: [],
    entries: 0,
    skipped: x.skip.map((s) => ({ idLength: s.idLength, reason: s.reason, entries: 0 })),
    reversed: 0,
  };
  const side = (s: Crosswalk['from']) =>
    `Ebene ${s.level}${s.idPrefix === undefined ? '' : `, erste ${s.idPrefix} Zeichen`}`;
  const entry = (key: string, values: string[], line: number, field: (j: number) => string, keyField: string) => {
    out.entries++;
    const skip = out.skipped.find((s) => s.idLength === key.length);
    if (skip) {
      skip.entries++;
      return;
    }
    const forward = input.fromIds.has(key) && values.every((v) => input.toIds.has(v));
    const backward = x.bothDirections && input.toIds.has(key) && values.every((v) => input.fromIds.has(v));
    if (forward) {
      for (const v of values) out.pairs.push({ from: key, to: v, line });
      return;
    }
    if (backward) {
      out.reversed++;
      for (const v of values) out.pairs.push({ from: v, to: key, line });
      return;
    }
    const keyKnown = input.fromIds.has(key) || (x.bothDirections && input.toIds.has(key));
    const hint = `Jede Zeile muss Gebiete des Atlas nennen: links ${side(x.from)}, rechts ${side(x.to)}${x.bothDirections ? ' (oder umgekehrt)' : ''}. Einträge einer Ebene ohne Grenzen mit skip (idLength, reason) auslassen.`;
    if (!keyKnown) {
      log.error({ file, line, field: keyField, message: `Unbekanntes Gebiet "${key}".`, hint });
      return;
    }
    const targets = input.fromIds.has(key) ? input.toIds : input.fromIds;
    values.forEach((v, j) => {
      if (!targets.has(v))
        log.error({
          file,
          line,
          field: field(j),
          message: `Unbekanntes Gebiet "${v}" (zugeordnet zu "${key}").`,
          hint,
        });
    });
  };
  if (x.format === 'csv') {
    const parsed = parseCsv(input.text, { delimiter: 'auto' });
    for (const e of parsed.errors) log.error({ file, line: e.line, message: e.message, hint: e.hint });
    const cols = x.columns ?? { from: '', to: '' };
    const fi = parsed.header.indexOf(cols.from);
    const ti = parsed.header.indexOf(cols.to);
    for (const [name, i] of [
      ['from', fi],
      ['to', ti],
    ] as const) {
      if (i < 0)
        log.error({
          file,
          line: parsed.headerLine,
          field: `columns.${name}`,
          message: `Spalte "${cols[name]}" fehlt in der Kopfzeile.`,
          hint: `Vorhanden: ${parsed.header.join(', ')}.`,
        });
    }
    if (fi < 0 || ti < 0) return out;
    for (const row of parsed.rows) {
      const from = (row.cells[fi] ?? '').trim();
      const to = (row.cells[ti] ?? '').trim();
      entry(from, [to], row.line, () => cols.to, cols.from);
    }
    return out;
  }
  let json: unknown;
  try {
    json = JSON.parse(input.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    log.error({
      file,
      message: `Kein gültiges JSON: ${(e as Error).message}`,
      hint: 'Die Zuordnungstabelle ist ein JSON-Objekt: { "alte-id": ["neue-id", …], … }.',
    });
    return out;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    log.error({
      file,
      line: 1,
      message: 'Ein JSON-Objekt erwartet ({ "alte-id": ["neue-id", …] }).',
      hint: 'format: json-object liest ein Objekt; für Tabellen format: csv.',
    });
    return out;
  }
  const lines = keyLines(input.text);
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const line = lines.get(key) ?? 1;
    if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string')) {
      log.error({
        file,
        line,
        field: key,
        message: `Zu "${key}" gehört eine nicht leere Liste von Kennungen in Anführungszeichen.`,
        hint: 'Beispiel: "0101": ["0110"]. Kennungen als Text, damit führende Nullen bleiben.',
      });
      continue;
    }
    entry(key, value as string[], line, (j) => `${key}[${j}]`, key);
  }
  for (const [key, count] of duplicateKeys(input.text))
    log.error({
      file,
      line: lines.get(key),
      field: key,
      message: `"${key}" kommt ${count}-mal als Schlüssel vor; JSON behält nur den letzten Eintrag.`,
      hint: 'Die Listen zu einem Schlüssel zusammenführen.',
    });
  return out;
}

/** Object keys of a JSON text (a key is a string followed by a colon) with the line of their first occurrence. */
function keyLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    const key = JSON.parse(`"${m[1] ?? ''}"`) as string;
    if (!out.has(key)) out.set(key, line);
  }
  return out;
}

function duplicateKeys(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)) {
    const key = JSON.parse(`"${m[1] ?? ''}"`) as string;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Map([...counts].filter(([, n]) => n > 1));
}
