import type { Indicator } from '../../schemas/atlasConfig.ts';
import { formatChange, formatDate, formatNumber, type Lang } from '../format.ts';
import { pick, t } from '../i18n.ts';
import { segmentOf, type ResolvedBreak } from './breaks.ts';
import { hasNumber, type Method, type Value } from './store.ts';
import { suppressionText } from './suppress.ts';

/**
 * Text for one value in a language: "17,7 %", "mittel" (class), or the status in words
 * ("keine Angabe", "geheim gehalten (kleine Fallzahl)": a suppressed value says who suppressed it and why, see
 * suppress.ts). Never "0" for a missing or suppressed value.
 */
export function describeValue(
  ind: Pick<Indicator, 'type' | 'classes' | 'unit' | 'decimals'>,
  v: (Pick<Value, 'status' | 'value'> & Partial<Pick<Value, 'suppression'>>) | undefined,
  lang: Lang,
): string {
  if (!v || v.status === 'missing') return t(lang, 'status_missing');
  if (v.status === 'suppressed')
    return v.suppression === undefined ? t(lang, 'status_suppressed') : suppressionText(v.suppression, lang);
  if (v.status === 'notApplicable') return t(lang, 'status_notApplicable');
  const value = v.status === 'zero' ? 0 : v.value;
  if (value === undefined) return t(lang, 'status_missing');
  if (ind.type === 'class') {
    const cls = ind.classes?.find((c) => c.value === value);
    return cls ? pick(cls.label, lang) : formatNumber(value, 0, lang);
  }
  const unit = pick(ind.unit, lang);
  const num = formatNumber(value, ind.decimals, lang);
  return unit ? `${num}${unit === '%' ? '\u202f' : ' '}${unit}` : num;
}

/** The unit of a change: percentage points for percent rates, else the indicator's unit. */
export function changeUnit(ind: Indicator, lang: Lang): string {
  const unit = pick(ind.unit, lang);
  if (unit === '%') return t(lang, 'percentPoints');
  return unit;
}

/** "+1,2 Prozentpunkte" / "−340 Personen". */
export function describeChange(ind: Indicator, delta: number | undefined, lang: Lang): string {
  if (delta === undefined) return '–';
  const u = changeUnit(ind, lang);
  return `${formatChange(delta, ind.decimals, lang)}${u ? ` ${u}` : ''}`;
}

/** A date as shown beside a value: "31.12.2018" (de) / "31 December 2018" (en); the year when there is none. */
export function describeDate(date: string | undefined, year: number, lang: Lang): string {
  return date === undefined ? String(year) : formatDate(date, lang);
}

/** A break in words, as in "nicht vergleichbar (Methodenwechsel 2019)": kind and year. */
export function describeBreak(b: Pick<ResolvedBreak, 'year' | 'kind'>, lang: Lang): string {
  return t(lang, `break_${b.kind}`, { year: String(b.year) });
}

/** How a value came about, for values of higher levels: "veröffentlicht", "Summe der Teilgebiete", … */
export function describeMethod(method: Method, lang: Lang): string {
  if (method === 'sum') return t(lang, 'seriesComputedSum');
  if (method === 'ratio') return t(lang, 'seriesComputedRatio');
  return t(lang, 'seriesPublished');
}

/** A comparison series beside the unit's (a parent unit or the city), named in the sentence's language. */
export interface SummaryContext {
  name: string;
  byYear: ReadonlyMap<number, Value>;
}

/**
 * One plain sentence summarising a series, for screen readers and readers without the chart:
 * "Kinderarmut in Reuterkiez 2019 (Stand 31.12.2018): 32,7 % (Reuterstraße: 39,0 %, Neukölln: 43,2 %); 2017 (Stand
 * 31.12.2016) waren es 35,1 %." It names the latest year with a number and, for comparison, the first year with a
 * number after the last break before it, never one across a break; when earlier values lie beyond a break, it says so.
 * Comparison values (parent units, the city) are named where they have a number in the latest year.
 */
export function summarizeSeries(
  ind: Indicator,
  unitName: string,
  series: readonly Value[],
  context: readonly SummaryContext[],
  breaks: readonly ResolvedBreak[],
  lang: Lang,
): string {
  const withNumber = series.filter(hasNumber);
  const label = pick(ind.label, lang);
  if (withNumber.length === 0) return t(lang, 'seriesNoValues', { label, unit: unitName });
  const last = withNumber[withNumber.length - 1] as Value;
  const segment = segmentOf(breaks, last.year);
  const comparable = withNumber.filter((v) => segmentOf(breaks, v.year) === segment);
  const first = comparable[0] as Value;
  const when = (v: Value) =>
    v.date === undefined
      ? String(v.year)
      : t(lang, 'seriesWhen', { year: String(v.year), date: formatDate(v.date, lang) });
  const others = context.flatMap((c) => {
    const cv = c.byYear.get(last.year);
    return hasNumber(cv) ? [`${c.name}: ${describeValue(ind, cv, lang)}`] : [];
  });
  let sentence = t(lang, 'seriesLatest', {
    label,
    unit: unitName,
    when: when(last),
    value: describeValue(ind, last, lang),
    context: others.length > 0 ? ` (${others.join(', ')})` : '',
  });
  if (first.year !== last.year)
    sentence += t(lang, 'seriesEarlier', { when: when(first), value: describeValue(ind, first, lang) });
  sentence += '.';
  // Earlier values exist, but a break lies between them and the comparable stretch: say why they are not compared.
  const cut = breaks.filter((b) => b.year <= first.year).at(-1);
  if (cut && withNumber.some((v) => v.year < cut.year))
    sentence += t(lang, 'seriesNotComparable', { reason: describeBreak(cut, lang), text: pick(cut.text, lang) });
  return sentence;
}
