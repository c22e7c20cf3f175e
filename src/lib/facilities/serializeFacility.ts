import { Document, parseDocument, Scalar, visit } from 'yaml';

/**
 * Facility files: Markdown with YAML front matter. Written with a fixed key order and every string in double
 * quotes (so ids like "01010010", postcodes and dates stay strings in every YAML parser, and names with ":" or
 * "#" need no care), no line folding, so that reruns and provider edits produce small, stable diffs.
 */

/** A facility file: front matter as plain data, Markdown body. */
export interface FacilityDocument {
  front: Record<string, unknown>;
  body: string;
}

/** Key order of the front matter; keys not listed follow in their own order (so validation can report them). */
export const FRONT_KEY_ORDER: Record<string, readonly string[]> = {
  '': [
    'id',
    'name',
    'provider',
    'providerContact',
    'types',
    'targetGroups',
    'address',
    'location',
    'phone',
    'email',
    'website',
    'openingHours',
    'languages',
    'accessibility',
    'capacity',
    'sources',
    'lastConfirmed',
    'confirmedBy',
  ],
  providerContact: ['address', 'phone', 'email'],
  address: ['street', 'postcode', 'city'],
  location: ['lat', 'lon'],
  accessibility: ['wheelchair', 'notes'],
  capacity: ['places', 'note'],
  sources: ['source', 'recordId', 'licence', 'attribution', 'url', 'retrieved'],
};

/** Copy of `value` with object keys in `FRONT_KEY_ORDER` and undefined values left out. */
export function orderFront(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => orderFront(v, parentKey));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const order = FRONT_KEY_ORDER[parentKey] ?? [];
  const keys = [...order.filter((k) => k in obj), ...Object.keys(obj).filter((k) => !order.includes(k))];
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (obj[k] !== undefined) out[k] = orderFront(obj[k], parentKey === '' ? k : `${parentKey}.${k}`);
  }
  return out;
}

/**
 * The Markdown text of a facility file: `---`, YAML front matter, `---`, a blank line, the body, one final newline.
 * @example serializeFacility({ id: "kita-x-kt-1", name: "Kita X" }, "Kindertagesstätte.") // '---\nid: "kita-x-kt-1"\nname: "Kita X"\n---\n\nKindertagesstätte.\n'
 */
export function serializeFacility(front: Record<string, unknown>, body: string): string {
  const doc = new Document(orderFront(front));
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string') node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const yaml = doc.toString({ lineWidth: 0, indentSeq: true, doubleQuotedMinMultiLineLength: 1_000_000 });
  const text = body.trim();
  return `---\n${yaml}---\n${text === '' ? '' : `\n${text}\n`}`;
}

export type ParsedFacilityFile =
  | { ok: true; front: unknown; frontText: string; body: string; doc: Document; bodyLine: number }
  | { ok: false; line: number; message: string };

/**
 * Splits a facility file into front matter and body and parses the YAML. Refuses anything but a plain `---`
 * opening line (e.g. `---js`, which some front-matter parsers would execute: RELIABILITY 1.2).
 */
export function parseFacilityMarkdown(text: string): ParsedFacilityFile {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = normalized.split('\n');
  if (lines[0] !== '---') {
    const message = /^---\s*\S/.test(lines[0] ?? '')
      ? `Kopfbereich "${lines[0]}" ist nicht erlaubt; nur "---" (kein ausführbarer Kopfbereich)`
      : 'Datei muss mit einer Zeile "---" beginnen (YAML-Kopfbereich)';
    return { ok: false, line: 1, message };
  }
  const end = lines.indexOf('---', 1);
  if (end < 0) return { ok: false, line: 1, message: 'Kopfbereich wird nicht mit "---" abgeschlossen' };
  const frontText = `${lines.slice(1, end).join('\n')}\n`;
  const doc = parseDocument(frontText, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const offset = doc.errors[0]!.pos[0];
    const line = 2 + (frontText.slice(0, offset).match(/\n/g)?.length ?? 0);
    return { ok: false, line, message: `YAML-Syntaxfehler: ${doc.errors[0]!.message.split('\n')[0]}` };
  }
  const body = lines
    .slice(end + 1)
    .join('\n')
    .trim();
  return { ok: true, front: doc.toJS(), frontText, body, doc, bodyLine: end + 2 };
}
