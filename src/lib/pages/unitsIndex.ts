import { formatNumber, type Lang } from '../format.ts';
import { langPrefix, pick, t } from '../i18n.ts';
import { foldText } from '../facilities/searchText.ts';
import type { LevelMeta } from './model.ts';

/**
 * Page model of the list of all areas (`/alle-gebiete/`), where the place finder's form leads without JavaScript.
 * Two ways in, both complete: the units grouped by the top level (Berlin: a folded section per Bezirk with its
 * Bezirksregionen and their Planungsräume), and every unit from A to Z under its initial letter, reached through a
 * letter index, each with its level and top-level unit. No "press Ctrl+F" needed on a phone.
 */

/** A unit in the list from A to Z. */
export interface IndexEntry {
  name: string;
  href: string;
  /** Level and top-level unit, e.g. "Planungsraum in Neukölln"; the level alone on the top level. */
  detail: string;
}

/** The units under one initial letter. */
export interface LetterSection {
  /** Anchor, e.g. "buchstabe-a". */
  id: string;
  /** What the letter index shows: "A", …, "#" for digits and other characters. */
  letter: string;
  /** Heading of the section: the letter, or "Ziffern und andere Zeichen". */
  heading: string;
  /** Accessible name of the letter index link, e.g. "Gebiete mit A". */
  linkLabel: string;
  entries: IndexEntry[];
}

/** A unit in the grouped list, with the units below it (by name). */
export interface TreeNode {
  name: string;
  href: string;
  children: TreeNode[];
}

/** A unit of the top level with everything below it. */
export interface IndexGroup {
  /** Anchor of its section, e.g. "gruppe-08". */
  id: string;
  name: string;
  href: string;
  /** "Bezirk" (its level). */
  level: string;
  /** What lies below, e.g. "10 Bezirksregionen, 40 Planungsräume"; "" when nothing. */
  counts: string;
  /** Units of the second level, by name, each with its own. */
  children: TreeNode[];
}

/** The list of all areas. */
export interface UnitsIndexModel {
  title: string;
  lede: string;
  lettersLabel: string;
  letters: LetterSection[];
  groupedId: string;
  groupedHeading: string;
  groups: IndexGroup[];
  alphabeticalId: string;
  alphabeticalHeading: string;
  backLabel: string;
  /** Anchor of the letter index. */
  lettersId: string;
}

/** Units as the site data lists them. */
type IndexUnit = { id: string; name: string; level: string; parent?: string | undefined; url: string };

const collator = new Intl.Collator('de');
const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);

/** The initial of a name for the letter index: its first letter folded ("Ö" → "O"), "#" for anything else. */
export function initialOf(name: string): string {
  const first = foldText(name.trim()).charAt(0).toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/** Builds the page model from the levels (top first) and every unit of the atlas. */
export function buildUnitsIndex(
  lang: Lang,
  levels: readonly Pick<LevelMeta, 'id' | 'label' | 'labelPlural'>[],
  units: readonly IndexUnit[],
): UnitsIndexModel {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  const levelOf = new Map(levels.map((l, i) => [l.id, { ...l, depth: i }]));
  const byId = new Map(units.map((u) => [u.id, u]));
  const childrenOf = new Map<string, IndexUnit[]>();
  for (const u of units)
    if (u.parent) (childrenOf.get(u.parent) ?? childrenOf.set(u.parent, []).get(u.parent))?.push(u);
  const topOf = (u: IndexUnit): IndexUnit => {
    let top = u;
    for (let up = byId.get(top.parent ?? ''); up; up = byId.get(up.parent ?? '')) top = up;
    return top;
  };
  const label = (level: string) => pick(levelOf.get(level)?.label, lang);
  const href = (u: IndexUnit) => `${p}${u.url}`;

  const sections = new Map<string, IndexEntry[]>();
  for (const u of [...units].sort(byName)) {
    const top = topOf(u);
    const entry: IndexEntry = {
      name: u.name,
      href: href(u),
      detail: t(lang, 'finderUnitDetail', { level: label(u.level), parents: top === u ? '' : top.name }),
    };
    const letter = initialOf(u.name);
    (sections.get(letter) ?? sections.set(letter, []).get(letter))?.push(entry);
  }
  const letters: LetterSection[] = [...sections]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([letter, entries]) => ({
      id: `buchstabe-${letter === '#' ? '0' : letter.toLowerCase()}`,
      letter,
      heading: letter === '#' ? t(lang, 'unitsIndexOtherDigits') : letter,
      linkLabel: t(lang, 'unitsIndexLetter', { letter: letter === '#' ? t(lang, 'unitsIndexOtherDigits') : letter }),
      entries,
    }));

  const tree = (u: IndexUnit): TreeNode => ({
    name: u.name,
    href: href(u),
    children: [...(childrenOf.get(u.id) ?? [])].sort(byName).map(tree),
  });
  const counts = (u: IndexUnit): string => {
    const perLevel = new Map<string, number>();
    const walk = (x: IndexUnit) => {
      for (const c of childrenOf.get(x.id) ?? []) {
        perLevel.set(c.level, (perLevel.get(c.level) ?? 0) + 1);
        walk(c);
      }
    };
    walk(u);
    return levels
      .filter((l) => perLevel.has(l.id))
      .map((l) => {
        const k = perLevel.get(l.id) ?? 0;
        return `${n(k)} ${pick(k === 1 ? l.label : l.labelPlural, lang)}`;
      })
      .join(', ');
  };
  const topLevel = levels[0];
  const groups: IndexGroup[] = units
    .filter((u) => u.level === topLevel?.id)
    .sort(byName)
    .map((u) => ({
      id: `gruppe-${u.id}`,
      name: u.name,
      href: href(u),
      level: label(u.level),
      counts: counts(u),
      children: tree(u).children,
    }));

  return {
    title: t(lang, 'unitsIndexTitle'),
    lede: t(lang, 'unitsIndexLede', {
      n: n(units.length),
      levels: levels.map((l) => pick(l.labelPlural, lang)).join(', '),
      top: pick(topLevel?.label, lang),
    }),
    lettersLabel: t(lang, 'unitsIndexLetters'),
    lettersId: 'buchstaben',
    letters,
    groupedId: 'nach-gruppe',
    groupedHeading: t(lang, 'unitsIndexGrouped', { level: pick(topLevel?.label, lang) }),
    groups,
    alphabeticalId: 'a-bis-z',
    alphabeticalHeading: t(lang, 'unitsIndexAlphabetical'),
    backLabel: t(lang, 'unitsIndexBackToLetters'),
  };
}
