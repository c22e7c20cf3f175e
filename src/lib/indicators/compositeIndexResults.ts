import { IndicatorSchema, type AtlasConfig, type Indicator } from '../../schemas/atlasConfig.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import type { CompositeIndex } from '../../schemas/compositeIndex.ts';
import {
  compareClasses,
  crossClass,
  indexOutputIds,
  unclassifiedStatus,
  type ClassComparison,
  type EditionComputation,
  type ResolvedEdition,
  type UnclassifiedUnit,
} from './compositeIndex.ts';
import { hasNumber, type ValueStore } from './store.ts';

/**
 * What the `indices` stage hands on (pure parts): result shapes, the comparison with a published class indicator,
 * pairs (crossed classes) and the result indicators' metadata with their method breaks.
 */

/** A class of an index's class indicator: number (1-based), code as compared, label. */
export interface IndexClassMeta {
  value: number;
  code: string;
  label: LocalizedText;
}

/** The comparison of one edition with the published classes (`compareWith`). */
export interface EditionComparison extends ClassComparison {
  /** The published class indicator. */
  indicator: string;
  /** Units per published code (trimmed), for the class distribution. */
  publishedCounts: Record<string, number>;
}

/** One edition of an index: what was computed (z-scores only for computed indices) and how it compares. */
export interface IndexEditionResult {
  year: number;
  /** The resolved method (computed indices only). */
  method?: ResolvedEdition | undefined;
  /** Units classified, with their final z-score (computed indices) and class (0-based). */
  classified: { unit: string; z?: number | undefined; cls: number }[];
  unclassified: UnclassifiedUnit[];
  classCounts: number[];
  inputStats?: EditionComputation['inputStats'] | undefined;
  nearest?: EditionComputation['nearest'];
  comparison?: EditionComparison | undefined;
}

/** What the `indices` stage computed for one index. */
export interface IndexResult {
  index: CompositeIndex;
  level: string;
  /** The result indicators' ids. */
  outputs: { value?: string | undefined; class: string };
  classes: IndexClassMeta[];
  editions: IndexEditionResult[];
  /** Source id for attribution: `source`, else the first input's source (a pair: its first index's). */
  source?: string | undefined;
  /** For a pair: the two indices crossed. */
  pair?: [string, string] | undefined;
}

export interface IndicesResult {
  indices: IndexResult[];
  /** The result indicators, also appended to `config.indicators`. */
  indicators: Indicator[];
}

/** Published class codes (the class's `code`, else its value) of the units of the level in `year` that have a class. */
export function publishedCodes(
  indicator: string,
  levelUnits: readonly string[],
  year: number,
  store: ValueStore,
  indicators: ReadonlyMap<string, Indicator>,
): Map<string, string> {
  const classes = indicators.get(indicator)?.classes ?? [];
  const out = new Map<string, string>();
  for (const unit of levelUnits) {
    const v = store.get(indicator, unit, year);
    if (!hasNumber(v)) continue;
    const c = classes.find((x) => x.value === v.value);
    out.set(unit, c?.code ?? String(v.value));
  }
  return out;
}

/** Compares computed classes (0-based, with the index's classes) with the published class indicator in `year`. */
export function compareWith(
  indicator: string,
  classified: readonly { unit: string; cls: number }[],
  classes: readonly IndexClassMeta[],
  levelUnits: readonly string[],
  year: number,
  store: ValueStore,
  indicators: ReadonlyMap<string, Indicator>,
): EditionComparison {
  const published = publishedCodes(indicator, levelUnits, year, store, indicators);
  const computed = new Map(classified.map((r) => [r.unit, classes[r.cls]?.code ?? String(r.cls + 1)]));
  const publishedCounts: Record<string, number> = {};
  for (const code of published.values()) {
    const k = code.replace(/\s+/g, '');
    publishedCounts[k] = (publishedCounts[k] ?? 0) + 1;
  }
  return { indicator, ...compareClasses(computed, published), publishedCounts };
}

/**
 * A pair: crosses the classes of two computed indices per year both have (class a of the first and b of the second
 * make class a·n_b + b, code "<code a><code b>", label "<short a> <label a>, <short b> <label b>"). A unit is
 * classified when both classify it; else it keeps the stronger status (notApplicable, suppressed, missing) of the two.
 */
export function pairIndex(
  index: CompositeIndex,
  a: IndexResult,
  b: IndexResult,
  levelUnits: readonly string[],
  store: ValueStore,
  indicators: ReadonlyMap<string, Indicator>,
): IndexResult {
  const short = (r: IndexResult): LocalizedText => r.index.shortLabel ?? r.index.label;
  const sa = short(a);
  const sb = short(b);
  const classes: IndexClassMeta[] = a.classes.flatMap((ca, i) =>
    b.classes.map((cb, j) => ({
      value: crossClass(i, j, b.classes.length) + 1,
      code: `${ca.code}${cb.code}`,
      label: {
        de: `${sa.de} ${ca.label.de}, ${sb.de} ${cb.label.de}`,
        en: `${sa.en ?? sa.de} ${ca.label.en ?? ca.label.de}, ${sb.en ?? sb.de} ${cb.label.en ?? cb.label.de}`,
      },
    })),
  );
  const editions: IndexEditionResult[] = [];
  for (const ea of a.editions) {
    const eb = b.editions.find((e) => e.year === ea.year);
    if (!eb) continue;
    const clsA = new Map(ea.classified.map((r) => [r.unit, r.cls]));
    const clsB = new Map(eb.classified.map((r) => [r.unit, r.cls]));
    const missA = new Map(ea.unclassified.map((u) => [u.unit, u]));
    const missB = new Map(eb.unclassified.map((u) => [u.unit, u]));
    const classified: IndexEditionResult['classified'] = [];
    const unclassified: UnclassifiedUnit[] = [];
    const classCounts = new Array<number>(classes.length).fill(0);
    for (const unit of levelUnits) {
      const x = clsA.get(unit);
      const y = clsB.get(unit);
      if (x !== undefined && y !== undefined) {
        const cls = crossClass(x, y, b.classes.length);
        classCounts[cls] = (classCounts[cls] ?? 0) + 1;
        classified.push({ unit, cls });
        continue;
      }
      const lacking = [
        ...(x === undefined
          ? [{ indicator: a.outputs.class, status: missA.get(unit)?.status ?? ('absent' as const) }]
          : []),
        ...(y === undefined
          ? [{ indicator: b.outputs.class, status: missB.get(unit)?.status ?? ('absent' as const) }]
          : []),
      ];
      unclassified.push({ unit, status: unclassifiedStatus(lacking), lacking });
    }
    const comparison = index.compareWith
      ? compareWith(index.compareWith, classified, classes, levelUnits, ea.year, store, indicators)
      : undefined;
    editions.push({ year: ea.year, classified, unclassified, classCounts, comparison });
  }
  return {
    index,
    level: a.level,
    outputs: indexOutputIds(index),
    classes,
    editions,
    source: a.source,
    pair: [a.index.id, b.index.id],
  };
}

/** The result indicators of an index, with method breaks where the inputs or thresholds change between editions. */
export function outputIndicators(
  r: IndexResult,
  config: AtlasConfig,
  indicators: ReadonlyMap<string, Indicator>,
): Indicator[] {
  const ix = r.index;
  const source = r.source ?? config.sources[0]?.id ?? '';
  const page = `/methoden/${ix.id}/`;
  const breaks = methodBreaks(r, indicators);
  const base = {
    topic: ix.topic,
    source,
    polarity: ix.polarity,
    keyFigure: false,
    breaks,
  };
  const def = (de: string, en: string): LocalizedText => ({
    de: `${ix.description.de} ${de} Methode, Klassengrenzen und Abgleich mit der veröffentlichten Einstufung: ${page}`,
    en: `${ix.description.en ?? ix.description.de} ${en} Method, class limits and comparison with the published classes: /en${page}`,
  });
  const made: Indicator[] = [];
  if (r.outputs.value)
    made.push(
      IndicatorSchema.parse({
        ...base,
        id: r.outputs.value,
        label: { de: `${ix.label.de}: z-Wert`, en: `${ix.label.en ?? ix.label.de}: z-score` },
        shortLabel: ix.shortLabel && {
          de: `${ix.shortLabel.de} (z-Wert)`,
          en: `${ix.shortLabel.en ?? ix.shortLabel.de} (z-score)`,
        },
        definition: def(
          'Der Wert ist der z-Wert des Index: 0 ist der Durchschnitt der eingestuften Gebiete der Ausgabe, 1 liegt eine Standardabweichung darüber. Er beschreibt die Lage im Vergleich zu den anderen Gebieten derselben Ausgabe; der Unterschied zwischen zwei Ausgaben ist keine Veränderung.',
          'The value is the z-score of the index: 0 is the mean of the classified units of the edition, 1 lies one standard deviation above it. It describes the position relative to the other units of the same edition; the difference between two editions is not a change.',
        ),
        decimals: ix.decimals,
        type: 'value',
      }),
    );
  made.push(
    IndicatorSchema.parse({
      ...base,
      id: r.outputs.class,
      label: ix.label,
      shortLabel: ix.shortLabel,
      definition: def(
        'Der Wert ist die Klasse, in die der Atlas das Gebiet einstuft.',
        'The value is the class the atlas assigns to the unit.',
      ),
      decimals: 0,
      type: 'class',
      classes: r.classes.map((c) => ({ value: c.value, code: c.code, label: c.label })),
    }),
  );
  return made;
}

/** A `method` break in the results' series wherever an edition's inputs, weights or class limits differ from the previous one. */
export function methodBreaks(r: IndexResult, indicators: ReadonlyMap<string, Indicator>): Indicator['breaks'] {
  const label = (id: string, lang: 'de' | 'en') => {
    const l = indicators.get(id)?.label;
    return lang === 'de' ? (l?.de ?? id) : (l?.en ?? l?.de ?? id);
  };
  const out: Indicator['breaks'] = [];
  r.editions.forEach((e, n) => {
    const prev = r.editions[n - 1]?.method;
    const cur = e.method;
    if (!prev || !cur) return;
    const ids = (m: ResolvedEdition) => m.inputs.map((i) => i.indicator);
    const removed = ids(prev).filter((id) => !ids(cur).includes(id));
    const added = ids(cur).filter((id) => !ids(prev).includes(id));
    const key = (m: ResolvedEdition) => JSON.stringify([m.inputs, m.combine, m.restandardise, m.standardDeviation]);
    const limits = JSON.stringify([prev.thresholds, prev.rules]) !== JSON.stringify([cur.thresholds, cur.rules]);
    if (removed.length === 0 && added.length === 0 && key(prev) === key(cur) && !limits) return;
    const parts = (lang: 'de' | 'en') => [
      ...removed.map((id) => (lang === 'de' ? `ohne ${label(id, lang)}` : `without ${label(id, lang)}`)),
      ...added.map((id) => (lang === 'de' ? `mit ${label(id, lang)}` : `with ${label(id, lang)}`)),
      ...(removed.length === 0 && added.length === 0 && key(prev) !== key(cur)
        ? [lang === 'de' ? 'andere Gewichtung' : 'different weighting']
        : []),
      ...(limits ? [lang === 'de' ? 'andere Klassengrenzen' : 'different class limits'] : []),
    ];
    out.push({
      year: e.year,
      kind: 'method',
      text: {
        de: `Index ab ${e.year} anders berechnet: ${parts('de').join(', ')}.`,
        en: `Index computed differently from ${e.year}: ${parts('en').join(', ')}.`,
      },
    });
  });
  return out;
}
