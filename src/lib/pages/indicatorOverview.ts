import type { Indicator } from '../../schemas/atlasConfig.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import { formatNumber, type Lang } from '../format.ts';
import { langPrefix, pick, t } from '../i18n.ts';
import type { LevelInfo } from './indicatorPage.ts';
import { INDICATORS_PATH, indicatorLatestPath, indicatorYearPath, type Availability } from './indicatorRoutes.ts';

/** One indicator in the overview: its levels, each with a link to the latest year and to every year. */
export interface OverviewIndicator {
  id: string;
  /** Fragment id of its entry (`m-<id>`), linked from the pages' breadcrumbs. */
  anchor: string;
  label: string;
  definition: string;
  levels: {
    label: string;
    latest: { label: string; href: string };
    years: { label: string; href: string }[];
  }[];
}

export interface IndicatorOverviewData {
  lang: Lang;
  title: string;
  lede: string;
  summary: string;
  yearsLabel: string;
  definitionLabel: string;
  noPages: string;
  /** Label of the list of jump links to the topics. */
  topicsLabel: string;
  /** Topics in the order of their first indicator in the config; indicators without topic last. */
  groups: { topic: string; id: string; href: string; indicators: OverviewIndicator[] }[];
}

/**
 * The overview `/merkmale/`: every indicator of the config grouped by `topic` (in config order), each level with
 * data linked to its latest year and to every year. An indicator without figures for any unit is listed with a note.
 */
export function buildIndicatorOverview(
  indicators: readonly Indicator[],
  levels: readonly LevelInfo[],
  availability: Availability,
  cityName: LocalizedText,
  lang: Lang,
): IndicatorOverviewData {
  const p = langPrefix(lang);
  const groups = new Map<string, IndicatorOverviewData['groups'][number]>();
  const other = t(lang, 'indOtherTopic');
  let pages = 0;
  let withPages = 0;
  for (const ind of indicators) {
    const topic = ind.topic ? pick(ind.topic, lang) : other;
    const key = ind.topic ? pick(ind.topic, 'de') : '\u0000other';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { topic, id: '', href: '', indicators: [] }));
    const byLevel = availability.get(ind.id);
    const lv = [...(byLevel?.entries() ?? [])].map(([levelId, years]) => {
      pages += years.length;
      const latest = years[years.length - 1] as number;
      return {
        label: pick(levels.find((l) => l.id === levelId)?.labelPlural, lang),
        latest: {
          label: t(lang, 'indLatestYear', { year: String(latest) }),
          href: `${p}${indicatorLatestPath(ind.id, levelId)}`,
        },
        years: years.map((y) => ({ label: String(y), href: `${p}${indicatorYearPath(ind.id, levelId, y)}` })),
      };
    });
    if (lv.length > 0) withPages++;
    g.indicators.push({
      id: ind.id,
      anchor: `m-${ind.id}`,
      label: pick(ind.label, lang),
      definition: pick(ind.definition, lang),
      levels: lv,
    });
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(a === '\u0000other') - Number(b === '\u0000other'));
  return {
    lang,
    title: t(lang, 'indOverviewTitle'),
    lede: t(lang, 'indOverviewLede', { city: pick(cityName, lang) }),
    summary: t(lang, 'indOverviewSummary', {
      indicators: formatNumber(withPages, 0, lang),
      pages: formatNumber(pages, 0, lang),
    }),
    yearsLabel: t(lang, 'indYears'),
    topicsLabel: t(lang, 'indTopics'),
    definitionLabel: t(lang, 'definition'),
    noPages: t(lang, 'indNoPages'),
    groups: ordered.map(([, g], i) => ({ ...g, id: `thema-${i + 1}`, href: `#thema-${i + 1}` })),
  };
}

/** The overview's path with language prefix. */
export function indicatorOverviewHref(lang: Lang): string {
  return `${langPrefix(lang)}${INDICATORS_PATH}`;
}
