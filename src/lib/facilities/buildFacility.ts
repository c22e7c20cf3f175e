import type { ImportRecord } from './importRecord.ts';
import type { FacilityDocument } from './serializeFacility.ts';

/**
 * Turns a group of records (one facility, primary first) into the front matter and body the import writes.
 * Fields come from the primary record where it has them, else from the next record that has them. The body lists
 * the source facts, one paragraph per source; nothing is added that no source field says.
 */

function firstDefined<T>(group: ImportRecord[], get: (r: ImportRecord) => T | undefined): T | undefined {
  for (const r of group) {
    const v = get(r);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * Escapes characters that Markdown or HTML would interpret, so source text is shown as written
 * (e.g. "Singen und Musizieren*" or a stray "<"). Facts are joined into single lines, so block syntax cannot start.
 * @example escapeMarkdown("a*b <c>") // "a\\*b \\<c\\>"
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/&(?=#?\w+;)/g, '&amp;');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Front matter and body for a group. A group without address is kept without one (shown as "Adresse nicht
 * erfasst"), unless one of its sources requires an address: then the reason is returned instead.
 * @example buildFacility([kitaRecord, osmRecord], "kita-x-kt-1") // { ok: true, document: { front: { id: "kita-x-kt-1", … }, body: "Kindertagesstätte mit 69 Plätzen. …" } }
 */
export function buildFacility(
  group: ImportRecord[],
  id: string,
): { ok: true; document: FacilityDocument } | { ok: false; reason: string } {
  const primary = group[0];
  if (primary === undefined) throw new Error('buildFacility: empty group');
  const address = firstDefined(group, (r) => r.address);
  if (address === undefined && group.some((r) => r.requireAddress))
    return { ok: false, reason: primary.addressProblem ?? 'keine Adresse' };
  const providerAddress = firstDefined(group, (r) => r.providerAddress);

  const phones = unique(group.flatMap((r) => r.phones));
  const front: Record<string, unknown> = {
    id,
    name: primary.name,
    provider: firstDefined(group, (r) => r.provider),
    providerContact: providerAddress === undefined ? undefined : { address: { ...providerAddress } },
    types: primary.types,
    targetGroups: unique(group.flatMap((r) => r.targetGroups)),
    address: address === undefined ? undefined : { ...address },
    location: { ...primary.location },
    phone: phones[0],
    email: firstDefined(group, (r) => r.email),
    website: firstDefined(group, (r) => r.website),
    languages: firstDefined(group, (r) => r.languages),
    accessibility: { wheelchair: 'unknown' },
    capacity: primary.places === undefined ? undefined : { places: primary.places },
    sources: group.map((r) => ({ ...r.source })),
    lastConfirmed: primary.dataDate,
  };

  const paragraphs: string[] = [primary.facts.map(escapeMarkdown).join(' ')];
  if (phones.length > 1) paragraphs.push(`Weitere Telefonnummern laut Quelle: ${phones.slice(1).join(', ')}.`);
  for (const r of group.slice(1)) {
    const facts = r.name === primary.name ? r.facts : [...r.facts, `Name dort: „${r.name}“.`];
    paragraphs.push(facts.map(escapeMarkdown).join(' '));
  }
  return { ok: true, document: { front, body: paragraphs.filter((p) => p !== '').join('\n\n') } };
}
