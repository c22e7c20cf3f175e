import type { AtlasConfig, SeriesBreak } from '../../schemas/atlasConfig.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import type { ProblemLog } from '../problems.ts';
import type { Cell, Unit } from '../types.ts';
import { CITY } from './store.ts';

/**
 * Series breaks (`indicators[].breaks`, top-level `breaks` in atlas.yml): from a break's year on, values are not
 * comparable with earlier ones. Everything that shows a series asks this module which breaks concern it, so a change
 * is never computed, described or drawn across one.
 */

/** What changed at a break: the definition, the method, the area, or the source. */
export type BreakKind = SeriesBreak['kind'];

/** A break as it concerns one series (one indicator in one unit). */
export interface ResolvedBreak {
  /** The first year (edition) after the break. */
  year: number;
  kind: BreakKind;
  text: LocalizedText;
  /** Where it is declared in atlas.yml, e.g. "indicators[3].breaks[0]" or "breaks[1]". */
  where: string;
  /** Declared for named units only (e.g. the boundary change of one Planungsraum). */
  unitScoped: boolean;
}

/** A declared break with the indicators it concerns, for the list of all breaks. */
export interface DeclaredBreak extends ResolvedBreak {
  indicators: string[];
  levels?: string[] | undefined;
  units?: string[] | undefined;
}

/** The unit a series belongs to: a unit of a level, or the city (CITY). */
export type SeriesOwner = Pick<Unit, 'id' | 'level'> | typeof CITY;

/** Answers which breaks lie in a series. */
export interface BreakIndex {
  /** The breaks in the series of `indicator` for `owner`, ascending by year (empty when none). */
  of(indicator: string, owner: SeriesOwner): ResolvedBreak[];
  /** Every declared break with the indicators it concerns, in the order of atlas.yml (indicators first). */
  all: DeclaredBreak[];
}

/** The breaks declared in a config, indexed for lookups by indicator and unit. */
export function createBreakIndex(config: Pick<AtlasConfig, 'indicators' | 'breaks'>): BreakIndex {
  const all: DeclaredBreak[] = [];
  config.indicators.forEach((ind, i) =>
    ind.breaks.forEach((b, j) =>
      all.push({
        year: b.year,
        kind: b.kind,
        text: b.text,
        where: `indicators[${i}].breaks[${j}]`,
        unitScoped: b.units !== undefined,
        indicators: [ind.id],
        levels: b.levels,
        units: b.units,
      }),
    ),
  );
  config.breaks.forEach((b, i) =>
    all.push({
      year: b.year,
      kind: b.kind,
      text: b.text,
      where: `breaks[${i}]`,
      unitScoped: b.units !== undefined,
      indicators: config.indicators
        .filter(
          (ind) => (b.indicators ?? [ind.id]).includes(ind.id) && (b.sources ?? [ind.source]).includes(ind.source),
        )
        .map((ind) => ind.id),
      levels: b.levels,
      units: b.units,
    }),
  );
  const byIndicator = new Map<string, DeclaredBreak[]>();
  for (const b of all) for (const id of b.indicators) (byIndicator.get(id) ?? byIndicator.set(id, []).get(id))?.push(b);
  return {
    all,
    of(indicator, owner) {
      const list = byIndicator.get(indicator);
      if (!list) return [];
      return list
        .filter((b) => {
          // Breaks of named units or levels do not concern the city; the others concern every series.
          if (owner === CITY) return b.units === undefined && b.levels === undefined;
          return (!b.units || b.units.includes(owner.id)) && (!b.levels || b.levels.includes(owner.level));
        })
        .map(({ year, kind, text, where, unitScoped }) => ({ year, kind, text, where, unitScoped }))
        .sort((a, b) => a.year - b.year);
    },
  };
}

/**
 * The first break between two values of a series: one with `fromYear < year ≤ toYear` (a break in 2019 lies between
 * 2017 and 2019, and between 2015 and 2019 when 2017 is missing). Undefined when the two values are comparable.
 */
export function breakBetween(
  breaks: readonly ResolvedBreak[],
  fromYear: number,
  toYear: number,
): ResolvedBreak | undefined {
  const [a, b] = fromYear <= toYear ? [fromYear, toYear] : [toYear, fromYear];
  return breaks.find((x) => x.year > a && x.year <= b);
}

/** The comparable stretch a year belongs to: the number of breaks up to and including it (0 before the first). */
export function segmentOf(breaks: readonly ResolvedBreak[], year: number): number {
  return breaks.filter((b) => b.year <= year).length;
}

/**
 * Checks the references of breaks and `comparableChange` in a parsed config (pure): unknown indicators, sources and
 * levels, and a comparable change that names an unknown indicator, itself or a class. `err` reports one problem
 * at a field path such as "indicators[3].breaks[0].levels[1]".
 */
export function checkBreakReferences(
  c: Pick<AtlasConfig, 'indicators' | 'breaks' | 'levels' | 'sources'>,
  err: (field: string, message: string, hint: string) => void,
): void {
  const indicators = new Map(c.indicators.map((i) => [i.id, i]));
  const levels = new Set(c.levels.map((l) => l.id));
  const sources = new Set(c.sources.map((s) => s.id));
  const checkLevels = (path: string, list: readonly string[] | undefined) =>
    list?.forEach((l, k) => {
      if (!levels.has(l))
        err(`${path}.levels[${k}]`, `Unbekannte Ebene "${l}".`, `Bekannt: ${[...levels].join(', ')}.`);
    });
  c.indicators.forEach((ind, i) => {
    ind.breaks.forEach((b, j) => checkLevels(`indicators[${i}].breaks[${j}]`, b.levels));
    const ref = ind.comparableChange;
    if (ref === undefined) return;
    const target = indicators.get(ref);
    const field = `indicators[${i}].comparableChange`;
    if (!target)
      err(
        field,
        `Unbekanntes Merkmal "${ref}".`,
        'Die Veränderung, die die Quelle selbst vergleichbar berechnet, als eigenes Merkmal unter indicators anlegen.',
      );
    else if (target.id === ind.id)
      err(field, 'Ein Merkmal kann nicht seine eigene Veränderung sein.', 'Das Merkmal der Veränderung angeben.');
    else if (target.type === 'class')
      err(
        field,
        `"${ref}" ist ein Klassen-Merkmal (type: class), keine Veränderung.`,
        'Ein Merkmal mit Zahlen angeben.',
      );
  });
  c.breaks.forEach((b, i) => {
    b.indicators?.forEach((id, k) => {
      if (!indicators.has(id))
        err(`breaks[${i}].indicators[${k}]`, `Unbekanntes Merkmal "${id}".`, 'Ein Merkmal aus indicators angeben.');
    });
    b.sources?.forEach((id, k) => {
      if (!sources.has(id))
        err(`breaks[${i}].sources[${k}]`, `Unbekannte Quelle "${id}".`, `Bekannt: ${[...sources].join(', ')}.`);
    });
    checkLevels(`breaks[${i}]`, b.levels);
  });
}

/**
 * Checks breaks against the data (after the tables are read): every unit a break names is a unit of the atlas (of its
 * `levels`, when given), and every break lies in a year its series has. Problems go to `log` with the line of the
 * field in atlas.yml (`lineOf`).
 */
export function checkBreakData(
  config: Pick<AtlasConfig, 'indicators' | 'breaks'>,
  units: readonly Pick<Unit, 'id' | 'level'>[],
  cells: readonly Pick<Cell, 'indicator' | 'year'>[],
  log: ProblemLog,
  file: string,
  lineOf: (path: PropertyKey[]) => number | undefined = () => undefined,
): void {
  const levelOf = new Map(units.map((u) => [u.id, u.level]));
  const years = new Map<string, Set<number>>();
  for (const c of cells) (years.get(c.indicator) ?? years.set(c.indicator, new Set()).get(c.indicator))?.add(c.year);
  const yearsText = (id: string) => [...(years.get(id) ?? [])].sort((a, b) => a - b).join(', ') || 'keine Werte';
  const err = (path: PropertyKey[], field: string, message: string, hint: string) =>
    log.error({ file, line: lineOf(path), field, message, hint });
  const checkUnits = (path: (string | number)[], b: Pick<SeriesBreak, 'units' | 'levels'>) =>
    b.units?.forEach((id, k) => {
      const level = levelOf.get(id);
      const field = `${formatField(path)}.units[${k}]`;
      if (level === undefined)
        err([...path, 'units', k], field, `"${id}" ist kein Gebiet des Atlas.`, 'Die Id aus der Grenzdatei angeben.');
      else if (b.levels && !b.levels.includes(level))
        err(
          [...path, 'units', k],
          field,
          `"${id}" ist ein Gebiet der Ebene ${level}, der Bruch gilt nur für ${b.levels.join(', ')}.`,
          'levels ergänzen oder die Id prüfen.',
        );
    });
  config.indicators.forEach((ind, i) =>
    ind.breaks.forEach((b, j) => {
      const path = ['indicators', i, 'breaks', j];
      checkUnits(path, b);
      if (!years.get(ind.id)?.has(b.year))
        err(
          [...path, 'year'],
          `${formatField(path)}.year`,
          `Die Reihe von "${ind.id}" hat kein Jahr ${b.year} (Jahre: ${yearsText(ind.id)}).`,
          'year ist das erste Jahr nach dem Bruch, ein Jahr mit Werten.',
        );
    }),
  );
  const index = createBreakIndex({ indicators: config.indicators, breaks: config.breaks });
  config.breaks.forEach((b, i) => {
    const path = ['breaks', i];
    checkUnits(path, b);
    const concerned = index.all.find((d) => d.where === `breaks[${i}]`)?.indicators ?? [];
    const named = b.indicators ?? [];
    const without = named.filter((id) => concerned.includes(id) && !years.get(id)?.has(b.year));
    for (const id of without)
      err(
        [...path, 'indicators', named.indexOf(id)],
        `breaks[${i}].year`,
        `Die Reihe von "${id}" hat kein Jahr ${b.year} (Jahre: ${yearsText(id)}).`,
        'year ist das erste Jahr nach dem Bruch, ein Jahr mit Werten; sonst das Merkmal aus indicators entfernen.',
      );
    if (named.length === 0 && !concerned.some((id) => years.get(id)?.has(b.year)))
      err(
        [...path, 'year'],
        `breaks[${i}].year`,
        concerned.length === 0
          ? 'Der Bruch betrifft kein Merkmal.'
          : `Keines der betroffenen Merkmale hat Werte für ${b.year}.`,
        'year ist das erste Jahr nach dem Bruch, ein Jahr mit Werten; indicators oder sources prüfen.',
      );
  });
}

/** ["indicators", 3, "breaks", 0] → "indicators[3].breaks[0]". */
function formatField(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
