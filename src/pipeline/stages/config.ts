import { z } from 'zod';
import { AtlasConfigSchema, ReleaseSchema, type AtlasConfig } from '../../schemas/atlasConfig.ts';
import { formatPath, lineOf, parseYamlWithFriendlyErrors } from '../../schemas/friendlyErrors.ts';
import { LineCounter, parseDocument } from 'yaml';
import type { ProblemLog } from '../../lib/problems.ts';
import { checkIndexConfigText } from '../../lib/indicators/compositeIndexConfig.ts';
import { checkBreakReferences } from '../../lib/indicators/breaks.ts';
import type { Effects } from '../effects.ts';
import { checkSchemes } from '../../lib/schemes/checkSchemes.ts';

/** The config file name inside an atlas folder. */
export const CONFIG_FILE = 'atlas.yml';
/** Optional file beside it with the facility vocabulary (types, target groups). */
export const FACILITIES_FILE = 'facilities.yml';
/** Optional file beside it with the releases ("Was ist neu"), a YAML list. */
export const RELEASES_FILE = 'releases.yml';

/** Level ids that would collide with the site's own urls. */
const RESERVED = new Set([
  'en',
  'data',
  'daten',
  'impressum',
  'datenschutz',
  'barrierefreiheit',
  'leichte-sprache',
  'einrichtungen',
  'gebiete',
  'karte',
  'suche',
  'indikatoren',
  'merkmale',
  'offline',
  'alle-gebiete',
  'methoden',
  'vergleich',
  '_astro',
  'neu',
  'offene-daten',
  'ueber',
]);

/**
 * Stage 1: reads and validates `atlas.yml` (and `facilities.yml` if present), then checks the
 * references between its parts (levels, sources, indicators, tables). Every problem goes to `log`.
 */
export async function loadConfig(fx: Effects, log: ProblemLog): Promise<AtlasConfig | undefined> {
  if (!(await fx.exists(CONFIG_FILE))) {
    log.error({
      file: CONFIG_FILE,
      message: 'Konfigurationsdatei fehlt.',
      hint: 'Ein Atlas-Ordner braucht eine atlas.yml; Vorlage in docs/atlas-folder.md.',
    });
    return undefined;
  }
  const text = await fx.readText(CONFIG_FILE);
  const config = parseYamlWithFriendlyErrors(text, AtlasConfigSchema, CONFIG_FILE, log);
  checkIndexConfigText(text, log, CONFIG_FILE); // indices: cross-field checks, also when the schema found errors
  if (!config) return undefined;
  if (!config.facilities && (await fx.exists(FACILITIES_FILE))) {
    const ftext = await fx.readText(FACILITIES_FILE);
    const facilities = parseYamlWithFriendlyErrors(
      ftext,
      AtlasConfigSchema.shape.facilities.unwrap(),
      FACILITIES_FILE,
      log,
    );
    if (facilities) config.facilities = facilities;
  }
  if (!config.releases && (await fx.exists(RELEASES_FILE))) {
    const rtext = await fx.readText(RELEASES_FILE);
    const releases = parseYamlWithFriendlyErrors(rtext, z.array(ReleaseSchema), RELEASES_FILE, log);
    if (releases) config.releases = releases;
  }
  const lines = yamlLines(text);
  checkReferences(config, log, lines);
  const paths: [PropertyKey[], string][] = [
    ...config.tables.map((t, i): [PropertyKey[], string] => [['tables', i, 'file'], t.file]),
    ...config.levels.map((l, i): [PropertyKey[], string] => [['levels', i, 'boundaries', 'file'], l.boundaries.file]),
    ...config.crosswalks.map((x, i): [PropertyKey[], string] => [['crosswalks', i, 'file'], x.file]),
    ...config.overlays.map((o, i): [PropertyKey[], string] => [
      ['overlays', i, 'boundaries', 'file'],
      o.boundaries.file,
    ]),
    ...Object.entries(config.legal).map(([k, v]): [PropertyKey[], string] => [['legal', k], v]),
    ...(config.notes ? [[['notes'], config.notes] as [PropertyKey[], string]] : []),
  ];
  for (const [path, file] of paths) {
    if (!(await fx.exists(file))) {
      log.error({
        file: CONFIG_FILE,
        line: lines(path),
        field: formatPath(path),
        message: `Datei "${file}" nicht gefunden.`,
        hint: 'Pfade gelten relativ zum Atlas-Ordner; Groß-/Kleinschreibung prüfen.',
      });
    }
  }
  return config;
}

/**
 * Cross-checks ids between config sections; pure. `lineOf` maps a field path to its line in atlas.yml
 * (without it, problems carry the field only).
 */
export function checkReferences(
  c: AtlasConfig,
  log: ProblemLog,
  lineOf: (path: PropertyKey[]) => number | undefined = () => undefined,
): void {
  const err = (field: string, message: string, hint: string) =>
    log.error({ file: CONFIG_FILE, line: lineOf(fieldPath(field)), field, message, hint });
  const levelIds = new Set<string>();
  c.levels.forEach((l, i) => {
    if (levelIds.has(l.id))
      err(`levels[${i}].id`, `Ebene "${l.id}" ist doppelt.`, 'Jede Ebene braucht eine eigene id.');
    if (RESERVED.has(l.id))
      err(
        `levels[${i}].id`,
        `Ebene "${l.id}" kollidiert mit einer Seite des Atlas.`,
        'Anderen Namen wählen, z. B. "stadtteil".',
      );
    levelIds.add(l.id);
  });
  c.levels.forEach((l, i) => {
    if (i === 0 && l.parent)
      err(
        `levels[0].parent`,
        'Die oberste Ebene hat keine übergeordnete Ebene.',
        'Ebenen von oben (gröbste) nach unten (feinste) ordnen.',
      );
    if (i > 0 && !l.parent)
      err(
        `levels[${i}].parent`,
        `Ebene "${l.id}" braucht parent.`,
        'parent: { level: <id der Ebene darüber> } angeben.',
      );
    l.fixes.forEach((f, j) => {
      if (f.within && !levelIds.has(f.within.level))
        err(
          `levels[${i}].fixes[${j}].within.level`,
          `Unbekannte Ebene "${f.within.level}".`,
          'Eine Ebene aus levels angeben.',
        );
    });
  });
  // Hierarchy of the levels (parent above, branches of another scheme), schemes, crosswalks, indicator parts.
  checkSchemes(c, err, (field, message, hint) =>
    log.warn({ file: CONFIG_FILE, line: lineOf(fieldPath(field)), field, message, hint }),
  );
  const sourceIds = new Set(c.sources.map((s) => s.id));
  const indicators = new Map(c.indicators.map((i) => [i.id, i]));
  const seen = new Set<string>();
  c.indicators.forEach((ind, i) => {
    if (seen.has(ind.id)) err(`indicators[${i}].id`, `Merkmal "${ind.id}" ist doppelt.`, 'ids müssen eindeutig sein.');
    seen.add(ind.id);
    if (!sourceIds.has(ind.source))
      err(`indicators[${i}].source`, `Unbekannte Quelle "${ind.source}".`, `Bekannt: ${[...sourceIds].join(', ')}.`);
    for (const k of ['numerator', 'denominator'] as const) {
      const ref = ind[k];
      if (ref === undefined) continue;
      const target = indicators.get(ref);
      if (!target)
        err(
          `indicators[${i}].${k}`,
          `Unbekanntes Merkmal "${ref}".`,
          'Zähler und Nenner müssen als type: count definiert sein.',
        );
      else if (target.type !== 'count')
        err(
          `indicators[${i}].${k}`,
          `"${ref}" ist kein Zählmerkmal (type: ${target.type}).`,
          'Zähler und Nenner brauchen type: count.',
        );
    }
  });
  c.tables.forEach((t, i) => {
    if (!levelIds.has(t.level))
      err(`tables[${i}].level`, `Unbekannte Ebene "${t.level}".`, `Bekannt: ${[...levelIds].join(', ')}.`);
    if (!sourceIds.has(t.source))
      err(`tables[${i}].source`, `Unbekannte Quelle "${t.source}".`, `Bekannt: ${[...sourceIds].join(', ')}.`);
    t.route.forEach((r, j) => {
      if (!levelIds.has(r.level))
        err(
          `tables[${i}].route[${j}].level`,
          `Unbekannte Ebene "${r.level}".`,
          `Bekannt: ${[...levelIds].join(', ')}.`,
        );
    });
    for (const id of Object.keys(t.columns)) {
      if (!indicators.has(id))
        err(`tables[${i}].columns.${id}`, `Unbekanntes Merkmal "${id}".`, 'Merkmal unter indicators definieren.');
    }
    for (const [code, id] of Object.entries(t.long?.codes ?? {})) {
      if (!indicators.has(id))
        err(`tables[${i}].long.codes.${code}`, `Unbekanntes Merkmal "${id}".`, 'Merkmal unter indicators definieren.');
    }
  });
  checkBreakReferences(c, err);
  const overlayIds = new Set<string>();
  c.overlays.forEach((o, i) => {
    if (!sourceIds.has(o.source))
      err(`overlays[${i}].source`, `Unbekannte Quelle "${o.source}".`, `Bekannt: ${[...sourceIds].join(', ')}.`);
    if (overlayIds.has(o.id))
      err(
        `overlays[${i}].id`,
        `Flächenebene "${o.id}" ist doppelt.`,
        'Jede Flächenebene braucht eine eigene id (sie bildet die Adresse /gebiete/<id>/).',
      );
    overlayIds.add(o.id);
  });
  if (c.indicators.filter((i) => i.headline).length === 0) {
    log.warn({
      file: CONFIG_FILE,
      line: lineOf(['indicators']),
      field: 'indicators',
      message: 'Kein Merkmal mit headline: true; die Startkarte zeigt das erste Merkmal.',
      hint: 'Bei einem Merkmal headline: true setzen.',
    });
  }
}

/** `tables[3].columns.x` → `["tables", 3, "columns", "x"]` (the inverse of formatPath for slug keys). */
function fieldPath(field: string): PropertyKey[] {
  return [...field.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) =>
    m[1] === undefined ? (m[2] as string) : Number(m[1]),
  );
}

/** Line lookup for paths in a YAML text (for problems found after validation). */
export function yamlLines(text: string): (path: PropertyKey[]) => number | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  return (path) => lineOf(doc, lc, path);
}
