import { LineCounter, parseDocument } from 'yaml';
import { lineOf as yamlLineOf } from '../../schemas/friendlyErrors.ts';
import type { ProblemLog } from '../problems.ts';
import { indexOutputIds } from './compositeIndex.ts';

/**
 * Checks the `indices:` block of atlas.yml beyond its types (pure): everything that relates fields to each other or
 * to the rest of the config. It reads the raw YAML value leniently (wrong types are the schema's to report), so it
 * runs even when the schema found errors elsewhere: one `npm run check` reports all problems of the block at once.
 *
 * Errors (each with line and field): unknown indicator, level, source or index; an input of type class; an input
 * twice in an edition; a year twice; thresholds not strictly increasing, or missing; class count ≠ thresholds + 1;
 * `atThreshold` missing or with a rule count ≠ threshold count; a weight with `combine: mean`; duplicate class codes;
 * `compareWith` that is not a class indicator or lacks one of the index's class codes; an id whose result
 * indicators (`<id>-wert`, `<id>-klasse`) clash with configured indicators; a pair of anything but two computed
 * indices of the same level; settings that do not apply to a pair.
 * An edition year without data for an input can only be seen once the tables are read: see the `indices` stage.
 */

type Path = (string | number)[];
type Raw = Record<string, unknown>;

const isObj = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const fmt = (p: Path) => p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

/** Settings of a computed index that a pair does not have. */
const NOT_FOR_PAIRS = [
  'level',
  'classes',
  'editions',
  'thresholds',
  'atThreshold',
  'combine',
  'restandardise',
  'standardDeviation',
  'source',
];

/** A class's code as compared: its `code`, else its number (1-based) / a published class's `value`. */
function codesOf(classes: unknown): string[] {
  return list(classes).map((c, n) => (isObj(c) && typeof c['code'] === 'string' ? c['code'] : String(n + 1)));
}
function publishedCodes(classes: unknown): string[] {
  return list(classes)
    .filter(isObj)
    .map((c) => (typeof c['code'] === 'string' ? c['code'] : String(c['value'])));
}

/**
 * Reports the problems of `raw.indices` (raw = the parsed YAML document of atlas.yml) to `log`, each with
 * `file`, the line from `lineOf(path)` and the field path.
 */
export function checkIndexConfig(
  raw: unknown,
  log: ProblemLog,
  lineOf: (path: PropertyKey[]) => number | undefined = () => undefined,
  file = 'atlas.yml',
): void {
  if (!isObj(raw)) return;
  const indices = list(raw['indices']);
  if (indices.length === 0) return;
  const err = (path: Path, message: string, hint: string) =>
    log.error({ file, line: lineOf(path), field: fmt(path), message, hint });
  const indicators = new Map<string, Raw>();
  for (const i of list(raw['indicators'])) if (isObj(i) && str(i['id'])) indicators.set(i['id'] as string, i);
  const levels = new Set(list(raw['levels']).flatMap((l) => (isObj(l) && str(l['id']) ? [l['id'] as string] : [])));
  const sources = new Set(list(raw['sources']).flatMap((s) => (isObj(s) && str(s['id']) ? [s['id'] as string] : [])));
  const byId = new Map<string, Raw>();
  indices.forEach((x) => {
    if (isObj(x) && str(x['id']) && !byId.has(x['id'] as string)) byId.set(x['id'] as string, x);
  });

  /** thresholds strictly increasing; returns how many there are (undefined if not a list). */
  const checkThresholds = (path: Path, t: unknown): number | undefined => {
    if (!Array.isArray(t)) return undefined;
    for (let j = 1; j < t.length; j++) {
      const a = t[j - 1];
      const b = t[j];
      if (typeof a === 'number' && typeof b === 'number' && !(b > a)) {
        err(
          path,
          `Die Grenzen müssen streng steigen; ${String(b)} folgt auf ${String(a)}.`,
          'Grenzen aufsteigend und ohne Wiederholung angeben, z. B. [-1, 1, 1.5].',
        );
        break;
      }
    }
    return t.length;
  };

  const checkRules = (path: Path, rules: unknown, thresholds: number | undefined) => {
    if (Array.isArray(rules) && thresholds !== undefined && rules.length !== thresholds)
      err(
        path,
        `${rules.length} Regeln für ${thresholds} Grenzen.`,
        'Eine Regel (below oder above) je Grenze angeben, oder eine einzige für alle.',
      );
  };

  const checkCompare = (path: Path, id: unknown, codes: string[]) => {
    const ref = str(id);
    if (ref === undefined) return;
    const ind = indicators.get(ref);
    if (!ind) {
      err(path, `Unbekanntes Merkmal "${ref}".`, 'compareWith nennt ein Klassen-Merkmal aus indicators (type: class).');
      return;
    }
    if (ind['type'] !== 'class') {
      err(
        path,
        `"${ref}" ist kein Klassen-Merkmal (type: ${String(ind['type'])}).`,
        'Verglichen wird mit einer veröffentlichten Einstufung: ein Merkmal mit type: class.',
      );
      return;
    }
    const published = new Set(publishedCodes(ind['classes']).map((c) => c.replace(/\s+/g, '')));
    const unknown = codes.filter((c) => !published.has(c.replace(/\s+/g, '')));
    if (unknown.length > 0)
      err(
        path,
        `Die Klassen ${unknown.map((c) => `"${c}"`).join(', ')} des Index kommen in "${ref}" nicht vor (dort: ${[...published].map((c) => `"${c}"`).join(', ')}).`,
        'Die code-Angaben unter classes des Index so wählen, wie die veröffentlichte Einstufung sie schreibt (ohne code: die Nummer der Klasse).',
      );
  };

  const seen = new Set<string>();
  indices.forEach((x, i) => {
    if (!isObj(x)) return;
    const base: Path = ['indices', i];
    const id = str(x['id']);
    if (id !== undefined) {
      if (seen.has(id)) err([...base, 'id'], `Index "${id}" ist doppelt.`, 'Jeder Index braucht eine eigene id.');
      seen.add(id);
      const outs = indexOutputIds({ id, pair: Array.isArray(x['pair']) ? (x['pair'] as string[]) : undefined });
      for (const out of [outs.value, outs.class]) {
        if (out !== undefined && indicators.has(out))
          err(
            [...base, 'id'],
            `Der Index "${id}" ergibt das Merkmal "${out}", das es unter indicators schon gibt.`,
            `Die Ergebnisse eines Index heißen <id>-wert und <id>-klasse; eine andere id wählen.`,
          );
      }
    }
    const isPair = x['pair'] !== undefined;
    const isComputed = x['editions'] !== undefined;
    if (isPair && isComputed) {
      err(
        base,
        'Ein Index hat entweder editions (berechnet) oder pair (Paar aus zwei Indizes), nicht beides.',
        'Für die gekreuzten Klassen einen eigenen Eintrag mit pair anlegen.',
      );
      return;
    }
    if (!isPair && !isComputed) {
      err(
        base,
        'Ein Index braucht editions (Ausgaben mit Eingangsmerkmalen) oder pair (zwei Indizes).',
        'Siehe docs/atlas-folder.md, Abschnitt 4.9.',
      );
      return;
    }
    if (isPair) {
      checkPair(x, base);
      return;
    }
    // ---- computed index
    const level = str(x['level']);
    if (x['level'] === undefined)
      err(
        [...base, 'level'],
        'fehlt (Pflichtfeld für einen berechneten Index).',
        'Die Ebene angeben, deren Gebiete standardisiert werden, z. B. level: planungsraum.',
      );
    else if (level !== undefined && !levels.has(level))
      err([...base, 'level'], `Unbekannte Ebene "${level}".`, `Bekannt: ${[...levels].join(', ')}.`);
    const source = str(x['source']);
    if (source !== undefined && !sources.has(source))
      err([...base, 'source'], `Unbekannte Quelle "${source}".`, `Bekannt: ${[...sources].join(', ')}.`);
    const classes = x['classes'];
    if (classes === undefined)
      err(
        [...base, 'classes'],
        'fehlt (Pflichtfeld für einen berechneten Index).',
        'Die Klassen von der niedrigsten zur höchsten angeben, je { code, label }.',
      );
    const codes = codesOf(classes);
    const dup = codes.find((c, n) => codes.indexOf(c) !== n);
    if (dup !== undefined)
      err([...base, 'classes'], `Klassen-Code "${dup}" ist doppelt.`, 'Jede Klasse braucht einen eigenen code.');
    const classCount = Array.isArray(classes) ? classes.length : undefined;
    const indexThresholds = checkThresholds([...base, 'thresholds'], x['thresholds']);
    checkRules([...base, 'atThreshold'], x['atThreshold'], indexThresholds);
    if (indexThresholds !== undefined && classCount !== undefined && classCount !== indexThresholds + 1)
      err(
        [...base, 'classes'],
        `${classCount} Klassen, aber ${indexThresholds} Grenzen: n Grenzen ergeben n + 1 Klassen.`,
        `Für ${classCount} Klassen ${classCount - 1} Grenzen angeben, oder die Zahl der Klassen anpassen.`,
      );
    checkCompare([...base, 'compareWith'], x['compareWith'], codes);
    const years = new Set<number>();
    list(x['editions']).forEach((e, j) => {
      if (!isObj(e)) return;
      const ep: Path = [...base, 'editions', j];
      if (typeof e['year'] === 'number') {
        if (years.has(e['year']))
          err([...ep, 'year'], `Ausgabe ${e['year']} ist doppelt.`, 'Jedes Jahr nur einmal angeben.');
        years.add(e['year']);
      }
      const combine = str(e['combine']) ?? str(x['combine']) ?? 'mean';
      const inEdition = new Set<string>();
      list(e['inputs']).forEach((input, k) => {
        if (!isObj(input)) return;
        const ip: Path = [...ep, 'inputs', k];
        const ref = str(input['indicator']);
        if (ref !== undefined) {
          const ind = indicators.get(ref);
          if (!ind)
            err(
              [...ip, 'indicator'],
              `Unbekanntes Merkmal "${ref}".`,
              'Eingangsmerkmale müssen unter indicators definiert sein.',
            );
          else if (ind['type'] === 'class')
            err(
              [...ip, 'indicator'],
              `"${ref}" ist ein Klassen-Merkmal; ein Index braucht Messwerte.`,
              'Eingangsmerkmale haben type: count, rate oder value.',
            );
          if (inEdition.has(ref))
            err(
              [...ip, 'indicator'],
              `Merkmal "${ref}" steht zweimal in dieser Ausgabe.`,
              'Für mehr Gewicht weight und combine: weightedMean verwenden.',
            );
          inEdition.add(ref);
        }
        if (input['weight'] !== undefined && combine === 'mean')
          err(
            [...ip, 'weight'],
            'Ein Gewicht gilt nur mit combine: weightedMean; mit combine: mean zählen alle Eingangsmerkmale gleich.',
            'combine: weightedMean setzen (beim Index oder in dieser Ausgabe) oder weight weglassen.',
          );
      });
      const own = checkThresholds([...ep, 'thresholds'], e['thresholds']);
      const thresholds = own ?? indexThresholds;
      if (thresholds === undefined && x['thresholds'] === undefined && e['thresholds'] === undefined)
        err(
          ep,
          'Keine Klassengrenzen: thresholds fehlt beim Index und in dieser Ausgabe.',
          'thresholds beim Index (für alle Ausgaben) oder in der Ausgabe angeben.',
        );
      if (own !== undefined && classCount !== undefined && classCount !== own + 1)
        err(
          [...ep, 'thresholds'],
          `${own} Grenzen, aber ${classCount} Klassen: n Grenzen ergeben n + 1 Klassen.`,
          `Für ${classCount} Klassen ${classCount - 1} Grenzen angeben.`,
        );
      if (e['atThreshold'] === undefined && x['atThreshold'] === undefined)
        err(
          ep,
          'Keine Regel für Werte genau auf einer Grenze: atThreshold fehlt beim Index und in dieser Ausgabe.',
          'atThreshold: below (zur Klasse darunter) oder above (darüber) angeben, oder eine Liste mit einer Regel je Grenze.',
        );
      if (e['atThreshold'] !== undefined) checkRules([...ep, 'atThreshold'], e['atThreshold'], thresholds);
      else if (own !== undefined) checkRules([...base, 'atThreshold'], x['atThreshold'], own);
      checkCompare([...ep, 'compareWith'], e['compareWith'], codes);
    });
  });

  function checkPair(x: Raw, base: Path): void {
    for (const key of NOT_FOR_PAIRS)
      if (x[key] !== undefined && key !== 'editions')
        err(
          [...base, key],
          `${key} gilt nicht für ein Paar (pair).`,
          'Ein Paar übernimmt Ebene, Jahre und Klassen seiner zwei Indizes.',
        );
    const members = list(x['pair']).map((ref, k) => {
      const id = str(ref);
      if (id === undefined) return undefined;
      const target = byId.get(id);
      if (!target) {
        err([...base, 'pair', k], `Unbekannter Index "${id}".`, 'pair nennt zwei ids aus indices.');
        return undefined;
      }
      if (target['pair'] !== undefined || target['editions'] === undefined) {
        err(
          [...base, 'pair', k],
          `"${id}" ist kein berechneter Index.`,
          'Ein Paar kreuzt zwei berechnete Indizes (mit editions).',
        );
        return undefined;
      }
      return target;
    });
    const [a, b] = members;
    if (a && b && a === b)
      err([...base, 'pair'], 'Ein Paar braucht zwei verschiedene Indizes.', 'Zwei verschiedene ids angeben.');
    else if (a && b && str(a['level']) !== str(b['level']))
      err(
        [...base, 'pair'],
        `Die Indizes liegen auf verschiedenen Ebenen (${String(a['level'])}, ${String(b['level'])}).`,
        'Nur Indizes derselben Ebene lassen sich kreuzen.',
      );
    if (a && b) {
      const codes = codesOf(a['classes']).flatMap((ca) => codesOf(b['classes']).map((cb) => `${ca}${cb}`));
      checkCompare([...base, 'compareWith'], x['compareWith'], codes);
    }
  }
}

/**
 * `checkIndexConfig` on the text of atlas.yml: parses it (nothing to do on a YAML syntax error, which the schema
 * validation reports) and maps every problem to its line.
 */
export function checkIndexConfigText(text: string, log: ProblemLog, file = 'atlas.yml'): void {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length > 0) return;
  checkIndexConfig(doc.toJS(), log, (path) => yamlLineOf(doc, lc, path), file);
}
