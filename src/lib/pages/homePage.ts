import { max, min } from 'd3';
import type { Indicator } from '../../schemas/atlasConfig.ts';
import { SCHEMES, renderChoropleth } from '../charts/choropleth.ts';
import type { MapFrame } from '../charts/mapFrame.ts';
import { classOf, quantileBreaks } from '../indicators/classify.ts';
import { describeValue } from '../indicators/describe.ts';
import { CITY, hasNumber, type ValueStore } from '../indicators/store.ts';
import { formatNumber, type Lang } from '../format.ts';
import { pick } from '../i18n.ts';
import type { Unit } from '../types.ts';

export interface MapRow {
  id: string;
  name: string;
  url: string;
  status: string;
  value?: number | undefined;
  classIndex?: number | undefined;
}

export interface IndicatorMapData {
  indicator: string;
  level: string;
  year: number;
  svg: { de: string; en: string };
  colors: string[];
  /** Class bounds as text per language, e.g. "12,5 bis unter 20,0". */
  legend: { de: string[]; en: string[] };
  counts: number[];
  noData: number;
  rows: MapRow[];
  summary: { de: string; en: string };
}

export interface IndicatorMapInput {
  indicator: Indicator;
  store: ValueStore;
  /** Units of the map level, in drawing order. */
  units: readonly Unit[];
  levelLabelPlural: { de: string; en?: string | undefined };
  cityName: { de: string; en: string };
  frame: MapFrame;
  paths: ReadonlyMap<string, string>;
  borders: readonly string[];
  year: number;
  urlOf(u: Unit, lang: Lang): string;
  idPrefix: string;
}

/**
 * A choropleth of one indicator on one level and year, with quantile classes in a colour-blind-safe
 * sequential scheme chosen by polarity, a "keine Daten" class, a table of every unit and one sentence
 * that says how many units lie above the city's value.
 */
export function buildIndicatorMap(i: IndicatorMapInput): IndicatorMapData {
  const ind = i.indicator;
  const colors = [...SCHEMES[ind.polarity]];
  const values = i.units.map((u) => i.store.get(ind.id, u.id, i.year));
  const numbers = values.filter(hasNumber).map((v) => v.value);
  const breaks =
    ind.type === 'class'
      ? (ind.classes ?? []).slice(1).map((c) => c.value)
      : quantileBreaks(numbers, colors.length, ind.decimals);
  const used = colors.slice(0, breaks.length + 1);
  const rows: MapRow[] = i.units.map((u, k) => {
    const v = values[k];
    return {
      id: u.id,
      name: u.name,
      url: i.urlOf(u, 'de'),
      status: v?.status ?? 'missing',
      value: v?.value,
      classIndex: hasNumber(v) ? classOf(v.value, breaks) : undefined,
    };
  });
  const counts = used.map((_, c) => rows.filter((r) => r.classIndex === c).length);
  const noData = rows.filter((r) => r.classIndex === undefined).length;
  const svg = (lang: Lang) =>
    renderChoropleth({
      frame: i.frame,
      colors: used,
      idPrefix: `${i.idPrefix}-${lang}`,
      label: `${pick(ind.label, lang)}, ${pick(i.levelLabelPlural, lang)}, ${i.year}`,
      overlayPaths: i.borders,
      units: i.units.map((u, k) => ({
        id: u.id,
        path: i.paths.get(u.id) ?? '',
        classIndex: rows[k]?.classIndex,
        label: `${u.name}: ${describeValue(ind, values[k], lang)}`,
        href: i.urlOf(u, lang),
      })),
    });
  const legend = (lang: Lang) =>
    ind.type === 'class'
      ? (ind.classes ?? []).map((c) => pick(c.label, lang))
      : used.map((_, c) => {
          const lo = c === 0 ? (min(numbers) as number) : (breaks[c - 1] as number);
          const hi = c === used.length - 1 ? (max(numbers) as number) : (breaks[c] as number);
          const f = (x: number) => formatNumber(x, ind.decimals, lang);
          const to = c === used.length - 1 ? (lang === 'de' ? 'bis' : 'to') : lang === 'de' ? 'bis unter' : 'to under';
          return `${f(lo)} ${to} ${f(hi)}`;
        });
  const city = i.store.get(ind.id, CITY, i.year);
  const summary = (lang: Lang) => {
    const n = numbers.length;
    const levels = pick(i.levelLabelPlural, lang);
    const cityName = i.cityName[lang];
    const nd = noData > 0 ? (lang === 'de' ? ` ${noData} ohne Daten.` : ` ${noData} without data.`) : '';
    if (hasNumber(city) && ind.type !== 'class') {
      const above = numbers.filter((x) => x > city.value).length;
      const cv = describeValue(ind, city, lang);
      return lang === 'de'
        ? `${pick(ind.label, lang)} ${i.year}: In ${above} der ${n} ${levels} liegt der Wert über dem Wert für ${cityName} (${cv}).${nd}`
        : `${pick(ind.label, lang)} ${i.year}: ${above} of ${n} ${levels} are above the value for ${cityName} (${cv}).${nd}`;
    }
    const top = [...rows]
      .filter((r) => r.value !== undefined)
      .sort((a, b) => (b.value as number) - (a.value as number))[0];
    return lang === 'de'
      ? `${pick(ind.label, lang)} ${i.year}: Werte für ${n} ${levels}${top ? `; höchster Wert in ${top.name} (${describeValue(ind, { status: 'value', value: top.value }, lang)})` : ''}.${nd}`
      : `${pick(ind.label, lang)} ${i.year}: values for ${n} ${levels}${top ? `; highest in ${top.name} (${describeValue(ind, { status: 'value', value: top.value }, lang)})` : ''}.${nd}`;
  };
  return {
    indicator: ind.id,
    level: i.units[0]?.level ?? '',
    year: i.year,
    svg: { de: svg('de'), en: svg('en') },
    colors: used,
    legend: { de: legend('de'), en: legend('en') },
    counts,
    noData,
    rows,
    summary: { de: summary('de'), en: summary('en') },
  };
}
