import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import type { Lang } from '../format.ts';
import { createBreakIndex } from '../indicators/breaks.ts';
import { langPrefix, pick, t } from '../i18n.ts';
import type { Unit } from '../types.ts';

/** The list of every declared series break on `/daten/`, per language, ready to show. */
export type BreakListData = Record<Lang, BreakListView>;

export interface BreakListView {
  heading: string;
  lede: string;
  /** Set when the atlas declares no break. */
  none?: string | undefined;
  caption: string;
  headers: { year: string; kind: string; text: string; indicators: string; scope: string };
  rows: {
    year: string;
    kind: string;
    text: string;
    /** The indicators concerned, each linked to its row in the indicator table of the same page. */
    indicators: { label: string; href: string; comparable?: string | undefined }[];
    /** Levels and units concerned (units linked to their pages); "alle" when the break concerns every unit. */
    scope: { label: string; href?: string | undefined }[];
  }[];
}

/**
 * Every break of the config (those of indicators first, then the top-level ones, each in the order of atlas.yml),
 * ascending by year, with the indicators, levels and units it concerns.
 */
export function buildBreakList(
  config: Pick<AtlasConfig, 'indicators' | 'breaks' | 'levels'>,
  units: ReadonlyMap<string, Pick<Unit, 'id' | 'name' | 'level'>>,
  urlOf: (u: Pick<Unit, 'id' | 'level'>) => string,
): BreakListData {
  const all = [...createBreakIndex(config).all].sort((a, b) => a.year - b.year);
  const indicators = new Map(config.indicators.map((i) => [i.id, i]));
  const view = (lang: Lang): BreakListView => ({
    heading: t(lang, 'breakListHeading'),
    lede: t(lang, 'breakListLede'),
    none: all.length === 0 ? t(lang, 'breakListNone') : undefined,
    caption: t(lang, 'breakListCaption'),
    headers: {
      year: t(lang, 'breakListYear'),
      kind: t(lang, 'breakListKind'),
      text: t(lang, 'breakListText'),
      indicators: t(lang, 'breakListIndicators'),
      scope: t(lang, 'breakListScope'),
    },
    rows: all.map((b) => ({
      year: String(b.year),
      kind: t(lang, `breakKind_${b.kind}`),
      text: pick(b.text, lang),
      indicators: b.indicators.map((id) => {
        const ind = indicators.get(id);
        const comparable = ind?.comparableChange ? indicators.get(ind.comparableChange) : undefined;
        return {
          label: pick(ind?.label, lang) || id,
          href: `#merkmal-${id}`,
          comparable: comparable && t(lang, 'breakListComparable', { label: pick(comparable.label, lang) }),
        };
      }),
      scope: [
        ...(b.levels ?? []).map((id) => ({
          label: pick(config.levels.find((l) => l.id === id)?.labelPlural, lang) || id,
        })),
        ...(b.units ?? []).map((id) => {
          const u = units.get(id);
          return u ? { label: `${u.name} (${u.id})`, href: `${langPrefix(lang)}${urlOf(u)}` } : { label: id };
        }),
        ...(b.levels || b.units ? [] : [{ label: t(lang, 'breakListAll') }]),
      ],
    })),
  });
  return { de: view('de'), en: view('en') };
}
