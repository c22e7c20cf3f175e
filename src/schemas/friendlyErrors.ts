import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import type { z } from 'zod';
import { ProblemLog } from '../lib/problems.ts';

/**
 * Parses YAML text and validates it with a zod schema, reporting every problem with
 * file, line and field path (e.g. `atlas.yml:42: Feld "indicators[3].decimals": …`).
 * Returns the parsed value, or undefined when there were errors (all of them in `log`).
 */
export function parseYamlWithFriendlyErrors<S extends z.ZodType>(
  text: string,
  schema: S,
  file: string,
  log: ProblemLog,
): z.output<S> | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = lineCounter.linePos(e.pos[0]);
      log.error({
        file,
        line: pos.line,
        column: pos.col,
        message: `YAML-Syntaxfehler: ${e.message.split('\n')[0]}`,
        hint: 'Einrückung (nur Leerzeichen), Doppelpunkte und Anführungszeichen prüfen.',
      });
    }
    return undefined;
  }
  return validateWithFriendlyErrors(doc.toJS(), schema, file, log, (path) => lineOf(doc, lineCounter, path));
}

/**
 * Validates a value with a zod schema and adds one problem per issue to `log`.
 * `lineOf` maps an issue path to a line (for YAML front matter and config files).
 */
export function validateWithFriendlyErrors<S extends z.ZodType>(
  value: unknown,
  schema: S,
  file: string,
  log: ProblemLog,
  lineOf: (path: PropertyKey[]) => number | undefined = () => undefined,
  lineOffset = 0,
): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    // Unknown keys: the line of the first one, not of the block that holds them.
    const first = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const line = lineOf(first === undefined ? issue.path : [...issue.path, first]);
    log.error({
      file,
      line: line === undefined ? undefined : line + lineOffset,
      field: formatPath(issue.path) || undefined,
      message: describeIssue(issue),
      hint: hintFor(issue),
    });
  }
  return undefined;
}

/** `["indicators", 3, "decimals"]` → `indicators[3].decimals`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out ? `.${String(k)}` : String(k);
  }
  return out;
}

/** The line of the deepest existing YAML node on `path`: of its key where it is a map entry (a block value starts below it). */
export function lineOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const key = path[n - 1];
    const parent = n > 0 ? doc.getIn(path.slice(0, n - 1) as unknown[], true) : undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (pair && isNode(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]).line;
    }
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.includes('received undefined')) return `fehlt (Pflichtfeld, erwartet: ${issue.expected})`;
      if (issue.expected === 'int') return 'ganze Zahl erwartet (ohne Nachkommastellen)';
      return `falscher Typ: erwartet ${issue.expected}`;
    case 'invalid_value':
      return `ungültiger Wert; erlaubt: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unbekannte Felder: ${issue.keys.join(', ')}`;
    case 'too_small':
      return `zu klein/zu kurz (Minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `zu groß/zu lang (Maximum ${String(issue.maximum)})`;
    default:
      return issue.message;
  }
}

function hintFor(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('received undefined')
        ? 'Feld ergänzen; siehe docs/atlas-folder.md.'
        : 'Zahlen ohne Anführungszeichen, Texte mit Anführungszeichen, wenn sie mit Ziffern beginnen (Kennungen wie "01").';
    case 'invalid_value':
      return 'Schreibweise prüfen (Groß-/Kleinschreibung zählt).';
    case 'unrecognized_keys':
      return 'Tippfehler im Feldnamen? Erlaubte Felder stehen in docs/atlas-folder.md.';
    default:
      return undefined;
  }
}
