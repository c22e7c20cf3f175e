import { formatNumber, type Lang } from '../format.ts';
import { labelOf, langPrefix, t } from '../i18n.ts';
import { typeAnchor } from './directory.ts';
import type { FacilityListItem, UnitFacilities } from './facilityModel.ts';

/**
 * The "Einrichtungen" section of a unit page (UnitFacilities.astro) in one language: the counts by type as shown,
 * each type linked to its list on this page (finest level) or on the unit's directory page, and the lists.
 */
export interface UnitFacilitiesView {
  /** "12 Einträge in Mitte" style sentence; undefined when the unit has no entry (the section says so). */
  summary?: string | undefined;
  /** True when the entries are listed on this page (the finest level). */
  listed: boolean;
  groups: {
    /** Fragment id of the type's list. */
    anchor: string;
    label: string;
    /** Link of the type's list; undefined when there is none (a level without a directory page). */
    href?: string | undefined;
    /** The count as shown. */
    count: string;
    items: FacilityListItem[];
  }[];
  /** The unit's directory page (with language prefix) and its link text; undefined for levels without one. */
  directory?: { href: string; text: string } | undefined;
}

/** The section's view in `lang`; `types` is the directory's type vocabulary (labels). */
export function buildUnitFacilitiesView(
  uf: UnitFacilities,
  unitName: string,
  types: readonly { id: string; label?: { de: string; en?: string | undefined } }[] | undefined,
  lang: Lang,
): UnitFacilitiesView {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  const listed = uf.byType.some((g) => g.items !== undefined);
  return {
    summary:
      uf.total === 0
        ? undefined
        : t(lang, 'unitFacilitiesSummary', { entries: t(lang, 'entriesCount', { n: n(uf.total) }), name: unitName }),
    listed,
    groups: uf.byType.map((g) => {
      const anchor = typeAnchor(g.type);
      return {
        anchor,
        label: labelOf(types, g.type, lang),
        href: listed ? `#${anchor}` : uf.directoryUrl ? `${p}${uf.directoryUrl}#${anchor}` : undefined,
        count: n(g.count),
        items: g.items ?? [],
      };
    }),
    directory: uf.directoryUrl
      ? {
          href: `${p}${uf.directoryUrl}`,
          text: `${t(lang, 'facilitiesIn', { name: unitName })}: ${t(lang, 'unitFacilitiesDirectoryPage')}`,
        }
      : undefined,
  };
}
