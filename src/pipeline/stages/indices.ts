import { LineCounter, parseDocument } from 'yaml';
import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import { lineOf } from '../../schemas/friendlyErrors.ts';
import {
  computeEdition,
  indexOutputIds,
  resolveEditions,
  type ClassComparison,
  type UnclassifiedUnit,
} from '../../lib/indicators/compositeIndex.ts';
import {
  compareWith,
  outputIndicators,
  pairIndex,
  type IndexEditionResult,
  type IndexResult,
  type IndicesResult,
} from '../../lib/indicators/compositeIndexResults.ts';
import { hasNumber, type ValueStore } from '../../lib/indicators/store.ts';
import type { ProblemLog } from '../../lib/problems.ts';
import type { Unit } from '../../lib/types.ts';
import type { Effects } from '../effects.ts';
import { CONFIG_FILE } from './config.ts';

/**
 * Stage `indices` (after derive): computes every composite index of `config.indices` per edition over the units of
 * its level, stores the results as values of the indicators `<id>-wert` (final z-score) and `<id>-klasse` (class)
 * in `store` (every unit of the level gets a value: classified, or a status with a note why not), and appends these
 * indicators to `config.indicators`, so that every later stage (render, publish, downloads) treats them like any
 * other indicator. Pairs cross the classes of two indices.
 *
 * Errors (with atlas.yml line and field): an edition whose input has no value at any unit of the level in that year
 * (a year or table mapping mistake: classifying nobody is never what was meant); an edition that cannot be
 * standardised (fewer than two units with every input, or an input without spread). A published class indicator
 * without values in an edition is a warning (nothing to compare).
 */
export async function deriveIndices(
  config: AtlasConfig,
  units: readonly Unit[],
  store: ValueStore,
  fx: Effects,
  log: ProblemLog,
): Promise<IndicesResult> {
  if (config.indices.length === 0) return { indices: [], indicators: [] };
  const lc = new LineCounter();
  const doc = parseDocument(await fx.readText(CONFIG_FILE), { lineCounter: lc });
  const at = (path: (string | number)[]) => ({
    file: CONFIG_FILE,
    line: lineOf(doc, lc, path),
    field: path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join(''),
  });
  const indicators = new Map(config.indicators.map((i) => [i.id, i]));
  const label = (id: string) => indicators.get(id)?.label.de ?? id;
  const unitsOf = (level: string) => units.filter((u) => u.level === level).map((u) => u.id);
  const results = new Map<string, IndexResult>();
  // Stichtag per index and edition (for the results and for pairs).
  const dates = new Map<string, string | undefined>();
  const out: IndexResult[] = [];

  for (const [i, index] of config.indices.entries()) {
    if (index.pair) continue;
    const level = index.level ?? '';
    const levelUnits = unitsOf(level);
    const outputs = indexOutputIds(index);
    const classes = (index.classes ?? []).map((c, n) => ({
      value: n + 1,
      code: c.code ?? String(n + 1),
      label: c.label,
    }));
    // An input without a single value in its year at this level: almost surely a wrong year or a missing column.
    let dataOk = true;
    index.editions?.forEach((e, j) =>
      e.inputs.forEach((input, k) => {
        if (levelUnits.some((u) => hasNumber(store.get(input.indicator, u, e.year)))) return;
        dataOk = false;
        log.error({
          ...at(['indices', i, 'editions', j, 'inputs', k, 'indicator']),
          message: `Merkmal "${input.indicator}" hat im Jahr ${e.year} auf der Ebene "${level}" keinen einzigen Wert; der Index könnte kein Gebiet einstufen.`,
          hint: 'Jahr der Ausgabe und die Tabellen prüfen (ist das Merkmal in der Tabelle dieses Jahres unter columns eingetragen?), oder das Merkmal aus dieser Ausgabe nehmen.',
        });
      }),
    );
    if (!dataOk) continue;
    const editionPos = new Map((index.editions ?? []).map((e, j) => [e.year, j]));
    const editions: IndexEditionResult[] = [];
    for (const method of resolveEditions(index)) {
      const year = method.year;
      const c = computeEdition(levelUnits, (ind, unit) => store.get(ind, unit, year), method);
      if (c.failure) {
        log.error({
          ...at(['indices', i, 'editions', editionPos.get(year) ?? 0]),
          message:
            c.failure.reason === 'tooFewUnits'
              ? `Ausgabe ${year}: nur ${c.universe.length} Gebiet(e) mit allen Eingangswerten; zum Standardisieren braucht es mindestens zwei.`
              : `Ausgabe ${year}: ${c.failure.indicator ? `"${c.failure.indicator}"` : 'der zusammengefasste Wert'} ist in allen Gebieten gleich (Standardabweichung 0); ein z-Wert ist nicht bestimmt.`,
          hint: 'Eingangsmerkmale und Tabellen dieser Ausgabe prüfen.',
        });
        continue;
      }
      // The results describe the Stichtag of their inputs (one date when the inputs share it, as in derive).
      const date = sharedDate(
        method.inputs.map((x) => x.indicator),
        levelUnits,
        year,
        store,
      );
      dates.set(`${index.id}|${year}`, date);
      for (const r of c.classified) {
        if (outputs.value)
          store.set({
            unit: r.unit,
            indicator: outputs.value,
            year,
            date,
            status: 'value',
            value: r.z,
            method: 'index',
          });
        store.set({
          unit: r.unit,
          indicator: outputs.class,
          year,
          date,
          status: 'value',
          value: r.cls + 1,
          method: 'index',
        });
      }
      for (const u of c.unclassified) {
        const note = unclassifiedNote(u, label);
        for (const id of [outputs.value, outputs.class])
          if (id) store.set({ unit: u.unit, indicator: id, year, date, status: u.status, method: 'index', note });
      }
      const comparison = method.compareWith
        ? compareWith(method.compareWith, c.classified, classes, levelUnits, year, store, indicators)
        : undefined;
      if (method.compareWith && comparison?.compared === 0 && comparison.publishedOnly.length === 0)
        log.warn({
          ...at(['indices', i, 'editions', editionPos.get(year) ?? 0]),
          message: `Ausgabe ${year}: "${method.compareWith}" hat in diesem Jahr keine Werte auf der Ebene "${level}"; es gibt nichts zu vergleichen.`,
          hint: 'compareWith in dieser Ausgabe weglassen oder die veröffentlichte Einstufung dieses Jahres einlesen.',
        });
      editions.push({
        year,
        method,
        classified: c.classified,
        unclassified: c.unclassified,
        classCounts: c.classCounts,
        inputStats: c.inputStats,
        nearest: c.nearest,
        comparison,
      });
      fx.log(editionSummary(index.id, year, c.classified.length, c.unclassified.length, comparison));
    }
    const firstInput = editions[0]?.method?.inputs[0]?.indicator;
    const source = index.source ?? (firstInput ? indicators.get(firstInput)?.source : undefined);
    const result: IndexResult = { index, level, outputs, classes, editions, source };
    results.set(index.id, result);
    out.push(result);
  }

  for (const index of config.indices) {
    if (!index.pair) continue;
    const [a, b] = index.pair.map((id) => results.get(id));
    if (!a || !b) continue; // a member failed (reported there)
    const result = pairIndex(index, a, b, unitsOf(a.level), store, indicators);
    for (const e of result.editions) {
      const da = dates.get(`${a.index.id}|${e.year}`);
      const date = da !== undefined && da === dates.get(`${b.index.id}|${e.year}`) ? da : undefined;
      for (const r of e.classified)
        store.set({
          unit: r.unit,
          indicator: result.outputs.class,
          year: e.year,
          date,
          status: 'value',
          value: r.cls + 1,
          method: 'index',
        });
      for (const u of e.unclassified)
        store.set({
          unit: u.unit,
          indicator: result.outputs.class,
          year: e.year,
          date,
          status: u.status,
          method: 'index',
          note: unclassifiedNote(u, label),
        });
      fx.log(editionSummary(index.id, e.year, e.classified.length, e.unclassified.length, e.comparison));
    }
    out.push(result);
  }
  const made = out.flatMap((r) => outputIndicators(r, config, indicators));
  config.indicators.push(...made);
  return { indices: out, indicators: made };
}

/** The Stichtag all values of `indicators` on `units` in `year` share; undefined when they have none or several. */
function sharedDate(
  indicators: readonly string[],
  units: readonly string[],
  year: number,
  store: ValueStore,
): string | undefined {
  const seen = new Set<string | undefined>();
  for (const ind of indicators)
    for (const u of units) {
      const v = store.get(ind, u, year);
      if (v) seen.add(v.date);
    }
  return seen.size === 1 ? [...seen][0] : undefined;
}

/** "Nicht eingestuft: Eingangswerte fehlen (Arbeitslosigkeit: keine Angabe)". */
function unclassifiedNote(u: UnclassifiedUnit, label: (id: string) => string): string {
  const words: Record<string, string> = {
    missing: 'keine Angabe',
    suppressed: 'geheim gehalten',
    notApplicable: 'nicht sinnvoll',
    absent: 'kein Wert',
  };
  return `Nicht eingestuft, Eingangswerte fehlen: ${u.lacking.map((l) => `${label(l.indicator)} (${words[l.status] ?? l.status})`).join('; ')}.`;
}

function editionSummary(
  id: string,
  year: number,
  classified: number,
  unclassified: number,
  c?: ClassComparison,
): string {
  const cmp =
    c && c.compared > 0
      ? `; gleiche Klasse wie veröffentlicht: ${c.equal} von ${c.compared} (${((100 * c.equal) / c.compared).toFixed(1)} %)`
      : '';
  return `Index ${id} ${year}: ${classified} eingestuft, ${unclassified} ohne vollständige Eingangswerte nicht eingestuft${cmp}.`;
}
