import type { Scheme } from '../../schemas/atlasConfig.ts';
import type { LocalizedText } from '../../schemas/common.ts';
import { formatDate, formatNumber, type Lang } from '../format.ts';
import { langPrefix, pick, t } from '../i18n.ts';
import type { SchemeLink, SchemeLinks } from '../schemes/links.ts';
import type { Unit } from '../types.ts';
import type { UnitRef } from './model.ts';

/** A level as the scheme section needs it. */
export interface SchemeLevel {
  id: string;
  label: LocalizedText;
  labelPlural: LocalizedText;
  scheme?: string | undefined;
}

/** Everything the scheme sections of an atlas share. */
export interface UnitSchemesContext {
  levels: readonly SchemeLevel[];
  /** Oldest first. */
  schemes: readonly Scheme[];
  links: SchemeLinks;
  units: ReadonlyMap<string, Unit>;
  urlOf(unit: Unit): string;
}

/** One linked unit, display-ready. */
export interface SchemeLinkItem {
  name: string;
  /** The unit's id, shown beside the name (names of different levels repeat, e.g. Prognoseraum and Bezirk Neukölln). */
  id: string;
  /** With language prefix. */
  href: string;
  /** "100 %". */
  share: string;
  /** "laut Zuordnungstabelle" / "aus den Grenzen berechnet". */
  basis: string;
}

/** The linked units of one level. */
export interface SchemeLinkGroup {
  heading: string;
  items: SchemeLinkItem[];
}

/** The scheme section of a unit page in one language. */
export interface UnitSchemesView {
  heading: string;
  /** Which scheme the unit belongs to, with its validity; or that it is the same in every scheme. */
  scheme: string;
  successors?: { intro: string; groups: SchemeLinkGroup[] } | undefined;
  predecessors?: { intro: string; groups: SchemeLinkGroup[] } | undefined;
  /** How the shares were found (only when there are links). */
  note?: string | undefined;
  /**
   * For a unit of a level that every scheme shares (a Bezirk): the years a newer scheme began, to be marked in its
   * charts as a note, not as a break (its own boundaries did not change; the levels below have a `boundary` break).
   */
  seriesMarks?: { year: number; text: string }[] | undefined;
}

/** The section in both languages. */
export type UnitSchemesData = Record<Lang, UnitSchemesView>;

/** The children of a unit, one group per level (a Bezirk has children in two schemes: never one mixed list). */
export interface ChildGroup {
  level: string;
  /** "Bezirksregionen (LOR bis 2020)", per language. */
  heading: Record<Lang, string>;
  units: UnitRef[];
}

/** "gültig vom 01.01.2006 bis 31.12.2020" / "gültig ab 01.01.2021" / "gültig bis 31.12.2020" (dates as given). */
export function schemeValidity(s: Scheme, lang: Lang): string {
  const from = s.validFrom && formatDate(s.validFrom, lang);
  const until = s.validUntil && formatDate(s.validUntil, lang);
  if (from && until) return t(lang, 'schemeValidFromUntil', { from, until });
  if (from) return t(lang, 'schemeValidFrom', { from });
  return t(lang, 'schemeValidUntil', { until: until ?? '' });
}

/** The label of a level's scheme, or "in allen Gebietsständen gleich" for a level without one (when there are schemes). */
export function schemeLabel(
  level: Pick<SchemeLevel, 'scheme'> | undefined,
  schemes: readonly Scheme[],
  lang: Lang,
): string | undefined {
  if (schemes.length === 0) return undefined;
  const s = schemes.find((x) => x.id === level?.scheme);
  return s ? pick(s.label, lang) : t(lang, 'schemeAll');
}

/**
 * The scheme section of one unit's page: its scheme, and its successors (a unit of an older scheme) or predecessors
 * (a unit of a newer one), grouped by level, each with its share of area and whether the crosswalk names it.
 * Undefined when the atlas declares no schemes.
 */
export function buildUnitSchemes(unit: Unit, ctx: UnitSchemesContext): UnitSchemesData | undefined {
  if (ctx.schemes.length === 0) return undefined;
  const level = ctx.levels.find((l) => l.id === unit.level);
  const view = (lang: Lang): UnitSchemesView => {
    const own = ctx.schemes.find((s) => s.id === level?.scheme);
    const levelLabel = pick(level?.label, lang);
    const scheme = own
      ? t(lang, 'schemeOfUnit', {
          level: levelLabel,
          scheme: pick(own.label, lang),
          validity: schemeValidity(own, lang),
        })
      : t(lang, 'schemeShared', {
          level: levelLabel,
          schemes: ctx.schemes.map((s) => `${pick(s.label, lang)}, ${schemeValidity(s, lang)}`).join('; '),
        });
    const out: UnitSchemesView = { heading: t(lang, 'schemesHeading'), scheme };
    if (!own)
      out.seriesMarks = ctx.schemes.flatMap((x) =>
        x.validFrom && x !== ctx.schemes[0]
          ? [{ year: Number(x.validFrom.slice(0, 4)), text: t(lang, 'schemeMark', { scheme: pick(x.label, lang) }) }]
          : [],
      );
    const successors = ctx.links.successors.get(unit.id) ?? [];
    const predecessors = ctx.links.predecessors.get(unit.id) ?? [];
    const group = (links: readonly SchemeLink[], share: (l: SchemeLink) => number, heading: (p: string) => string) =>
      ctx.levels
        .filter((l) => links.some((x) => x.level === l.id))
        .map((l) => ({
          heading: heading(pick(l.labelPlural, lang)),
          items: links
            .filter((x) => x.level === l.id)
            .flatMap((x) => {
              const u = ctx.units.get(x.unit);
              return u
                ? [
                    {
                      name: u.name,
                      id: u.id,
                      href: `${langPrefix(lang)}${ctx.urlOf(u)}`,
                      share: `${formatNumber(Math.round(share(x) * 100), 0, lang)}\u202f%`,
                      basis: t(lang, x.basis === 'crosswalk' ? 'basisCrosswalk' : 'basisGeometry'),
                    },
                  ]
                : [];
            }),
        }));
    const schemeOf = (id: string) => ctx.schemes.find((s) => s.id === id);
    if (successors.length > 0) {
      const next = schemeOf(ctx.levels.find((l) => l.id === successors[0]?.level)?.scheme ?? '');
      out.successors = {
        intro: t(lang, 'successorsIntro', {
          year: next?.validFrom?.slice(0, 4) ?? '',
          scheme: pick(next?.label, lang),
        }),
        groups: group(
          successors,
          (x) => x.shareOfOld,
          (levels) => t(lang, 'successorsGroup', { levels }),
        ),
      };
    }
    if (predecessors.length > 0) {
      const before = schemeOf(ctx.levels.find((l) => l.id === predecessors[0]?.level)?.scheme ?? '');
      const year = before?.validUntil?.slice(0, 4) ?? String(Number(own?.validFrom?.slice(0, 4) ?? '0') - 1);
      out.predecessors = {
        intro: t(lang, 'predecessorsIntro', { year, scheme: pick(before?.label, lang) }),
        groups: group(
          predecessors,
          (x) => x.shareOfOld,
          (levels) => t(lang, 'predecessorsGroup', { levels }),
        ),
      };
    }
    if (out.successors || out.predecessors) out.note = t(lang, 'linksNote');
    return out;
  };
  return { de: view('de'), en: view('en') };
}

/**
 * A unit's children grouped by level, in the order of `levels`; each group's heading names the level and, when the
 * atlas has schemes, the scheme ("Bezirksregionen (LOR bis 2020)", "Prognoseräume (Gebietsstand 2021)").
 */
export function groupChildren(
  children: readonly UnitRef[],
  levels: readonly SchemeLevel[],
  schemes: readonly Scheme[],
): ChildGroup[] {
  return levels
    .filter((l) => children.some((c) => c.level === l.id))
    .map((l) => {
      const heading = (lang: Lang) => {
        const plural = pick(l.labelPlural, lang);
        const scheme = schemes.length > 0 ? schemeLabel(l, schemes, lang) : undefined;
        return scheme && l.scheme ? t(lang, 'childGroup', { levels: plural, scheme }) : plural;
      };
      return {
        level: l.id,
        heading: { de: heading('de'), en: heading('en') },
        units: children.filter((c) => c.level === l.id),
      };
    });
}

/** The lists of linked units a scheme section shows: successors, then predecessors, each only when there are any. */
export function schemeLinkLists(v: UnitSchemesView): NonNullable<UnitSchemesView['successors']>[] {
  return [v.successors, v.predecessors].filter((x) => x !== undefined);
}
