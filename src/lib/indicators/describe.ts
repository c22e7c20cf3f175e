import type { Indicator } from '../../schemas/atlasConfig.ts';
import { formatChange, formatNumber, type Lang } from '../format.ts';
import { pick, t } from '../i18n.ts';
import { hasNumber, type Value } from './store.ts';
import { suppressionText } from './suppress.ts';

/**
 * Text for one value in a language: "17,7 %", "mittel" (class), or the status in words
 * ("keine Angabe", "geheim gehalten (kleine Fallzahl)": a suppressed value says who suppressed it and why, see
 * suppress.ts). Never "0" for a missing or suppressed value.
 */
export function describeValue(
  ind: Indicator,
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

/**
 * One plain sentence summarising a series, for screen readers and readers without the chart:
 * "2019: 17,7 % in Tiergarten Süd (Berlin: 15,2 %); 2013 waren es 20,1 %."
 * Uses the latest and the first year with a number.
 */
export function summarizeSeries(
  ind: Indicator,
  unitName: string,
  cityName: string,
  series: readonly Value[],
  city: ReadonlyMap<number, Value>,
  lang: Lang,
): string {
  const withNumber = series.filter(hasNumber);
  const label = pick(ind.label, lang);
  if (withNumber.length === 0) {
    return lang === 'de'
      ? `${label}: für ${unitName} liegen keine Werte vor.`
      : `${label}: no values are available for ${unitName}.`;
  }
  const last = withNumber[withNumber.length - 1] as Value;
  const first = withNumber[0] as Value;
  const cityLast = city.get(last.year);
  const cityPart = hasNumber(cityLast) ? ` (${cityName}: ${describeValue(ind, cityLast, lang)})` : '';
  const lastText = describeValue(ind, last, lang);
  if (first.year === last.year) {
    return lang === 'de'
      ? `${label} in ${unitName} ${last.year}: ${lastText}${cityPart}.`
      : `${label} in ${unitName} in ${last.year}: ${lastText}${cityPart}.`;
  }
  const firstText = describeValue(ind, first, lang);
  return lang === 'de'
    ? `${label} in ${unitName} ${last.year}: ${lastText}${cityPart}; ${first.year} waren es ${firstText}.`
    : `${label} in ${unitName} in ${last.year}: ${lastText}${cityPart}; in ${first.year} it was ${firstText}.`;
}
