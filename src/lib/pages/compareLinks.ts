import type { LocalizedText } from '../../schemas/common.ts';
import type { Lang } from '../format.ts';
import { pick, t } from '../i18n.ts';
import { compareUrl, MAX_COMPARE } from './comparePage.ts';
import { unitRelations } from './unitRelations.ts';

/** The "Zum Vergleich" box of a unit page: links that open the compare page with this unit preselected. */
export interface CompareLinks {
  heading: string;
  links: { href: string; label: string }[];
}

/**
 * Links to the compare page for one unit: the unit alone (the reader adds others there), the unit with its parent,
 * the unit with its siblings (the other units with the same parent, when they fit: at most {@link MAX_COMPARE} in
 * all), and the unit's sub-units when they fit. Siblings and sub-units in name order.
 */
export function buildCompareLinks(i: {
  unit: { id: string; name: string; level: string };
  units: readonly { id: string; name: string; level: string; parent?: string | undefined }[];
  levels: readonly { id: string; labelPlural: LocalizedText }[];
  lang: Lang;
}): CompareLinks {
  const { unit, lang } = i;
  const { byId, childrenOf } = unitRelations(i.units);
  const self = byId.get(unit.id);
  const parent = self?.parent ? byId.get(self.parent) : undefined;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');
  const plural = (level: string) => pick(i.levels.find((l) => l.id === level)?.labelPlural, lang);
  const links = [{ href: compareUrl([unit.id], lang), label: t(lang, 'compareWithOthers', { name: unit.name }) }];
  if (parent)
    links.push({
      href: compareUrl([unit.id, parent.id], lang),
      label: t(lang, 'compareWithParent', { name: unit.name, parent: parent.name }),
    });
  const siblings = parent
    ? (childrenOf.get(parent.id) ?? []).filter((u) => u.level === unit.level && u.id !== unit.id).sort(byName)
    : [];
  if (parent && siblings.length > 0 && siblings.length < MAX_COMPARE)
    links.push({
      href: compareUrl([unit.id, ...siblings.map((s) => s.id)], lang),
      label: t(lang, 'compareWithSiblings', { name: unit.name, levelPlural: plural(unit.level), parent: parent.name }),
    });
  const children = [...(childrenOf.get(unit.id) ?? [])].sort(byName);
  const childLevel = children[0]?.level;
  if (childLevel && children.length >= 2 && children.length <= MAX_COMPARE)
    links.push({
      href: compareUrl(
        children.map((c) => c.id),
        lang,
      ),
      label: t(lang, 'compareWithChildren', { levelPlural: plural(childLevel), name: unit.name }),
    });
  return { heading: t(lang, 'compareLinkHeading'), links };
}
