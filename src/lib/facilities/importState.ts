import { orderFront } from './serializeFacility.ts';

/**
 * `data/imports/facilities.last.json`: what the last import wrote for each facility (before provider edits were
 * merged in), and which source records (`source:recordId`) it came from. A rerun compares the files with this to
 * tell provider edits from imported values, and keeps the ids it assigned. No timestamps, so a rerun on the same
 * data writes the same bytes.
 */

export interface ImportStateEntry {
  /** `${source}:${recordId}` of every record merged into the facility, primary first. */
  keys: string[];
  front: Record<string, unknown>;
  body: string;
}

export interface ImportState {
  version: 1;
  /** Facility id → entry. */
  facilities: Record<string, ImportStateEntry>;
}

/** JSON text with one facility per line, ids sorted: stable, diff-friendly. */
export function serializeImportState(state: ImportState): string {
  const ids = Object.keys(state.facilities).sort();
  const lines = ids.map((id) => {
    const e = state.facilities[id]!;
    return `    ${JSON.stringify(id)}: ${JSON.stringify({ keys: e.keys, front: orderFront(e.front), body: e.body })}`;
  });
  return `{\n  "version": 1,\n  "facilities": {\n${lines.join(',\n')}${lines.length ? '\n' : ''}  }\n}\n`;
}

/** Parses the state file; throws with a German message if it is not a valid state. */
export function parseImportState(text: string): ImportState {
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || (data as { version?: unknown }).version !== 1) {
    throw new Error('Importstand: Version 1 erwartet');
  }
  const facilities = (data as { facilities?: unknown }).facilities;
  if (typeof facilities !== 'object' || facilities === null) throw new Error('Importstand: "facilities" fehlt');
  for (const [id, e] of Object.entries(facilities)) {
    const entry = e as Partial<ImportStateEntry>;
    if (!Array.isArray(entry.keys) || typeof entry.front !== 'object' || typeof entry.body !== 'string') {
      throw new Error(`Importstand: Eintrag "${id}" unvollständig`);
    }
  }
  return data as ImportState;
}
