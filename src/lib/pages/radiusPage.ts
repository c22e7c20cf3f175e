import { DEFAULT_RADIUS, RADIUS_PRESETS } from '../facilities/radiusQuery.ts';
import { formatDate, formatNumber, type Lang } from '../format.ts';
import { labelOf, langPrefix, pick } from '../i18n.ts';
import type { DirectoryIndexData } from './facilityModel.ts';
import type { FacilityOverviewMap } from './facilityMaps.ts';
import { groupByLevel, sortedByName } from './pageGroups.ts';

/**
 * The radius query page (RadiusPage.astro) in one language: the no-script lists, the area choice grouped by level,
 * the radius presets and the directory's data date, ready to show. The query itself runs in the browser.
 */
export interface RadiusPageView {
  /** The directory's data date: the `data-data-date` attribute (ISO) and as shown. */
  dataDate: { iso: string; text: string };
  /** Top-level units with their counts (the no-script list). */
  areas: { name: string; href: string; count: string }[];
  /** Types with entries: the no-script links and the type filter. */
  types: { type: string; label: string; href: string }[];
  /** Units with a point inside, by level (top first), by name within a level: the `<optgroup>`s of the area choice. */
  poleGroups: { label: string; items: { name: string; value: string }[] }[];
  /** The radius presets: "500 m", the default checked. */
  presets: { value: number; text: string; checked: boolean }[];
}

/** What the radius page needs of the site. */
export interface RadiusPageInput {
  levels: readonly { id: string; labelPlural: { de: string; en?: string | undefined } }[];
  /** The directory's type vocabulary (labels). */
  types?: readonly { id: string; label?: { de: string; en?: string | undefined } }[] | undefined;
  directory: Pick<DirectoryIndexData, 'areas' | 'types'>;
  poles: FacilityOverviewMap['poles'];
  /** The directory's data date, else the atlas's (ISO). */
  dataDate: string;
}

/** The radius page's view in `lang` (see {@link RadiusPageView}). */
export function buildRadiusPageView(i: RadiusPageInput, lang: Lang): RadiusPageView {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  return {
    dataDate: { iso: i.dataDate, text: formatDate(i.dataDate, lang) },
    areas: i.directory.areas.map((a) => ({ name: a.unit.name, href: `${p}${a.url}`, count: n(a.count) })),
    types: i.directory.types.map((x) => ({
      type: x.type,
      label: labelOf(i.types, x.type, lang),
      href: `${p}${x.url}`,
    })),
    poleGroups: groupByLevel(i.levels, sortedByName(i.poles)).map((g) => ({
      label: pick(g.level.labelPlural, lang),
      items: g.items.map((u) => ({ name: u.name, value: `${u.lat},${u.lon}` })),
    })),
    presets: RADIUS_PRESETS.map((r) => ({ value: r, text: `${n(r)} m`, checked: r === DEFAULT_RADIUS })),
  };
}
