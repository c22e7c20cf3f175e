import type { FacilityDocument } from './serializeFacility.ts';

/**
 * The refresh rule for imported facility files. Three versions of a file meet on a rerun:
 * - `existing`: the file as it is now in the repository (perhaps edited by its provider),
 * - `previousImport`: what the last import wrote (from `data/imports/facilities.last.json`),
 * - `incoming`: what this import would write.
 * A top-level field the provider changed since the last import (existing ≠ previousImport, including a field they
 * added or removed) is kept; every other field takes the incoming value. The body is replaced only while it is still
 * the imported text. Without a previous import every field of the existing file counts as edited.
 */

export interface MergeResult {
  document: FacilityDocument;
  /** Fields kept from the existing file because the provider changed them, in key order. */
  keptFields: string[];
  /** True if the provider's body was kept. */
  keptBody: boolean;
}

/** Structural equality of JSON-like values (key order does not matter). */
export function deepEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => a[k] !== undefined || b[k] !== undefined));
  for (const k of keys) if (!deepEqual(a[k], b[k])) return false;
  return true;
}

/** Applies the refresh rule; see the module comment. */
export function mergeImported(
  existing: FacilityDocument | undefined,
  previousImport: FacilityDocument | undefined,
  incoming: FacilityDocument,
): MergeResult {
  if (existing === undefined) return { document: incoming, keptFields: [], keptBody: false };
  const previousFront = previousImport?.front ?? {};
  const edited = (k: string): boolean =>
    previousImport === undefined ? existing.front[k] !== undefined : !deepEqual(existing.front[k], previousFront[k]);

  const front: Record<string, unknown> = {};
  const keptFields: string[] = [];
  const keys = [...Object.keys(incoming.front), ...Object.keys(existing.front), ...Object.keys(previousFront)];
  for (const k of new Set(keys)) {
    if (edited(k)) {
      keptFields.push(k);
      if (existing.front[k] !== undefined) front[k] = existing.front[k];
    } else if (incoming.front[k] !== undefined) {
      front[k] = incoming.front[k];
    }
  }
  const bodyEdited =
    previousImport === undefined ? existing.body.trim() !== '' : existing.body.trim() !== previousImport.body.trim();
  return {
    document: { front, body: bodyEdited ? existing.body : incoming.body },
    keptFields,
    keptBody: bodyEdited,
  };
}
