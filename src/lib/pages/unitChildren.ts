import type { LocalizedText } from '../../schemas/common.ts';
import { renderSubUnitMap, type SubUnitMapData } from '../charts/subUnitMap.ts';
import { formatNumber, type Lang } from '../format.ts';
import { langPrefix, pick, t } from '../i18n.ts';
import { unitRelations } from './unitRelations.ts';

/**
 * The sub-unit section of a unit page (UnitChildren.astro): the unit's sub-units in name order, numbered as on the
 * map, each with its own sub-units grouped under it (a Bezirk lists its Bezirksregionen and under each its
 * Planungsräume), and the map of the sub-units as links.
 */
export interface UnitChildrenView {
  /** Fragment id of the section (the old child list's anchor, so links to `#teilgebiete` keep working). */
  id: string;
  heading: string;
  /** "12 Bezirksregionen, 37 Planungsräume". */
  counts: string;
  groups: {
    no: number;
    name: string;
    href: string;
    /** The group's own sub-units, with a heading-like label ("Planungsräume in Reuterstraße (4)"); none if empty. */
    sub?: { label: string; items: { name: string; href: string }[] } | undefined;
  }[];
  /** The map (SVG markup, our own) and its key; undefined when the pipeline made none. */
  map?: { svg: string; key: string } | undefined;
  /**
   * Set when the unit has sub-units of more than one level (two boundary schemes, e.g. Bezirksregionen until 2020 and
   * Prognoseräume from 2021, which overlap): the heading of the mapped, numbered level ("Bezirksregionen (LOR bis
   * 2020) (10)") and a list per further level. The map shows the first level only.
   */
  levels?:
    { heading: string; others: { id: string; heading: string; items: { name: string; href: string }[] }[] } | undefined;
}

/** A unit as the site data lists it. */
interface SiteUnit {
  id: string;
  name: string;
  level: string;
  parent?: string | undefined;
  url: string;
}

/**
 * The view of a unit's sub-units in `lang`, or undefined when it has none. `units` is the site's unit list (the
 * grouping comes from it); `map` the pipeline's sub-unit map of the unit page model.
 */
export function buildUnitChildren(i: {
  unit: { id: string; name: string };
  units: readonly SiteUnit[];
  levels: readonly { id: string; label: LocalizedText; labelPlural: LocalizedText }[];
  map?: SubUnitMapData | undefined;
  /** The page model's child groups per level, with headings that name the scheme (unitSchemes.ts groupChildren). */
  childGroups?: readonly { level: string; heading: LocalizedText }[] | undefined;
  lang: Lang;
}): UnitChildrenView | undefined {
  const { lang } = i;
  const p = langPrefix(lang);
  const { childrenOf } = unitRelations(i.units);
  const byName = (a: SiteUnit, b: SiteUnit) => a.name.localeCompare(b.name, 'de');
  const all = [...(childrenOf.get(i.unit.id) ?? [])].sort(byName);
  if (all.length === 0) return undefined;
  // The first child level in the atlas's level order is mapped and numbered; further levels (another scheme) follow.
  const childLevels = i.levels.filter((l) => all.some((k) => k.level === l.id)).map((l) => l.id);
  const kids = all.filter((k) => k.level === childLevels[0]);
  const level = (id: string) => i.levels.find((l) => l.id === id);
  const n = (x: number) => formatNumber(x, 0, lang);
  const labelOf = (id: string, count: number) =>
    pick(count === 1 ? level(id)?.label : level(id)?.labelPlural, lang) || id;

  const groups = kids.map((k, idx) => {
    const sub = [...(childrenOf.get(k.id) ?? [])].sort(byName);
    const subLevel = sub[0]?.level;
    return {
      no: idx + 1,
      name: k.name,
      href: `${p}${k.url}`,
      sub: subLevel
        ? {
            label: t(lang, 'subUnitsIn', { levelPlural: labelOf(subLevel, 2), name: k.name, n: n(sub.length) }),
            items: sub.map((s) => ({ name: s.name, href: `${p}${s.url}` })),
          }
        : undefined,
    };
  });
  // Counts per level below the unit, in level order: "12 Bezirksregionen, 37 Planungsräume".
  const counts = new Map<string, number>();
  for (const k of all) {
    counts.set(k.level, (counts.get(k.level) ?? 0) + 1);
    for (const s of childrenOf.get(k.id) ?? []) counts.set(s.level, (counts.get(s.level) ?? 0) + 1);
  }
  const countText = i.levels
    .filter((l) => counts.has(l.id))
    .map((l) => {
      const c = counts.get(l.id) as number;
      return t(lang, 'subUnitsCount', { n: n(c), level: labelOf(l.id, c) });
    })
    .join(', ');

  const kidLevel = (kids[0] as SiteUnit).level;
  const kidPlural = labelOf(kidLevel, 2);
  const grandLevel = kids.flatMap((k) => childrenOf.get(k.id) ?? [])[0]?.level;
  const map = i.map
    ? {
        svg: renderSubUnitMap({
          map: i.map,
          links: new Map(
            groups.map((g, idx) => {
              const k = kids[idx] as SiteUnit;
              return [
                k.id,
                {
                  href: g.href,
                  no: g.no,
                  label: t(lang, 'subUnitsLinkLabel', { no: String(g.no), name: k.name, level: labelOf(kidLevel, 1) }),
                },
              ];
            }),
          ),
          label: t(lang, 'subUnitsMapLabel', { name: i.unit.name, n: n(kids.length), levelPlural: kidPlural }),
        }),
        key: [
          t(lang, 'subUnitsMapKey', { levelPlural: kidPlural }),
          grandLevel && i.map.inner ? t(lang, 'subUnitsMapKeyInner', { levelPlural: labelOf(grandLevel, 2) }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      }
    : undefined;
  const groupHeading = (level: string, count: number) => {
    const g = i.childGroups?.find((x) => x.level === level);
    return `${g ? pick(g.heading, lang) : labelOf(level, 2)} (${n(count)})`;
  };
  const levels =
    childLevels.length > 1
      ? {
          heading: groupHeading(kidLevel, kids.length),
          others: childLevels.slice(1).map((level) => {
            const items = all.filter((k) => k.level === level);
            return {
              id: `teilgebiete-${level}`,
              heading: groupHeading(level, items.length),
              items: items.map((k) => ({ name: k.name, href: `${p}${k.url}` })),
            };
          }),
        }
      : undefined;
  return {
    id: 'teilgebiete',
    heading: t(lang, 'subUnitsHeading', { name: i.unit.name }),
    counts: countText,
    groups,
    map,
    levels,
  };
}
