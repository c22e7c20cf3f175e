import { formatNumber, type Lang } from '../format.ts';
import { pick } from '../i18n.ts';
import type { SeriesBlock, UnitPageData } from './model.ts';
import type { LocalizedDrawing } from '../charts/svg.ts';

/**
 * What the unit page (UnitPage.astro, SeriesSection.astro) picks from its page model and the site in one language:
 * the level's label, the area as shown, the sources it cites, the charted series and the example anchor. Pure.
 */
export interface UnitPageView<T extends { id: string } = { id: string }> {
  /** "Bezirksregion". */
  levelLabel: string;
  /** "Moabit (Bezirksregion)": the page title. */
  title: string;
  /** "12,34 km² (aus der Geometrie berechnet)"; models without the marked text show the plain area. */
  areaText: string;
  /** The atlas's sources that the page's series come from, in the atlas's order. */
  sources: T[];
  /** "#alq-2019": an anchor of the page's first series (the permalink note's example); "#-" without series. */
  anchorExample: string;
}

/** The unit page's view in `lang` (see {@link UnitPageView}); `sources` are the atlas's sources. */
export function buildUnitPageView<T extends { id: string }>(
  page: Pick<UnitPageData, 'unit' | 'sources' | 'series'>,
  site: { levels: readonly { id: string; label: { de: string; en?: string | undefined } }[]; sources: readonly T[] },
  lang: Lang,
): UnitPageView<T> {
  const u = page.unit;
  const levelLabel = pick(site.levels.find((l) => l.id === u.level)?.label, lang);
  const first = page.series[0];
  return {
    levelLabel,
    title: `${u.name} (${levelLabel})`,
    areaText: u.areaText?.[lang] ?? `${formatNumber(u.areaKm2, 2, lang)} km²`,
    sources: site.sources.filter((s) => page.sources.includes(s.id)),
    anchorExample: `#${first?.indicator ?? ''}-${first?.rows.at(-1)?.year ?? ''}`,
  };
}

/** The series that have a chart: each gets a block of its own; the others share the topic tables. */
export function chartedSeries(series: readonly SeriesBlock[]): (SeriesBlock & { chart: LocalizedDrawing })[] {
  return series.filter((s): s is SeriesBlock & { chart: LocalizedDrawing } => s.chart !== undefined);
}
