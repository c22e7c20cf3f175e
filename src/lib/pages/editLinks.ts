import type { Lang } from '../format.ts';
import { formatDate } from '../format.ts';
import { t } from '../i18n.ts';
import { editFileUrl, reportUrl, type ResolvedRepository } from '../editing/repository.ts';

/**
 * The "Eintrag bearbeiten" / "Fehler melden" block of a page (component `EditReport.astro`): links into the
 * repository's web editor and a prefilled report, display-ready. Pure.
 */
export interface EditLinksModel {
  /** The file behind the page in the web editor; absent where no single file backs the page (unit pages). */
  edit?: { href: string; label: string; file: string } | undefined;
  /** A prefilled issue or e-mail. */
  report: { href: string; label: string; hint: string };
  /** Atom feed of the page's changes ("Was ist neu"), where the site has releases. */
  feed?: { href: string; label: string } | undefined;
}

/** What the block is about. */
export interface EditTarget {
  /** Name shown in the report's title, e.g. "Kita Regenbogen". */
  name: string;
  /** Absolute public address of the page (goes into the report). */
  pageUrl: string;
  /** The file behind the page, relative to the atlas folder, e.g. "content/facilities/kita-a.md". */
  file?: string | undefined;
  /** Path of the page's Atom feed, if any. */
  feed?: string | undefined;
}

/** Language prefix of a page path: "" for German, "/en" for English. */
function prefix(lang: Lang): string {
  return lang === 'de' ? '' : '/en';
}

/** The target of a unit page: no single file backs it (its figures come from tables); its feed if the site has releases. */
export function unitEditTarget(
  unit: { id: string; name: string; url: string },
  siteUrl: string,
  lang: Lang,
  feed?: string,
): EditTarget {
  return { name: unit.name, pageUrl: new URL(`${prefix(lang)}${unit.url}`, siteUrl).href, feed };
}

/** The target of a facility page: its file. */
export function facilityEditTarget(
  f: { name: string; url: string; file: string },
  siteUrl: string,
  lang: Lang,
): EditTarget {
  return { name: f.name, pageUrl: new URL(`${prefix(lang)}${f.url}`, siteUrl).href, file: f.file };
}

/** The links of one page; undefined when the atlas configures no repository. */
export function buildEditLinks(
  repo: ResolvedRepository | undefined,
  target: EditTarget,
  lang: Lang,
): EditLinksModel | undefined {
  if (!repo) return undefined;
  const title = t(lang, 'editReportTitle', { name: target.name });
  const body = t(lang, 'editReportBody', { url: target.pageUrl, file: target.file ?? '–' });
  return {
    edit: target.file
      ? { href: editFileUrl(repo, target.file), label: t(lang, 'editEntry'), file: target.file }
      : undefined,
    report: {
      href: reportUrl(repo, title, body),
      label: t(lang, 'editReport'),
      hint: repo.issueTemplate
        ? t(lang, 'editReportIssueHint')
        : t(lang, 'editReportEmailHint', { email: repo.email ?? '' }),
    },
    feed: target.feed ? { href: target.feed, label: t(lang, 'editFeed') } : undefined,
  };
}

/** Who keeps a facility entry and when it was last confirmed, as sentences for the facility page. */
export interface FacilityMaintenance {
  /** "Gepflegt von: Kita-Leitung" or the source that seeded it. */
  maintainer: string;
  /** ISO date and its display form. */
  lastConfirmed: { iso: string; text: string };
  /** "vor 120 Tagen" */
  age: string;
}

/**
 * The maintenance lines of a facility: the person or body that last confirmed it (`confirmedBy`), else the operator
 * for entries the facility made itself, else the atlas's editors with the source the entry was imported from.
 */
export function facilityMaintenance(
  f: {
    confirmedBy?: string | undefined;
    provider?: string | undefined;
    sources: readonly { attribution: string }[];
    lastConfirmed: string;
    ageDays: number;
  },
  lang: Lang,
): FacilityMaintenance {
  const maintainer = f.confirmedBy
    ? f.confirmedBy
    : f.sources.length === 0
      ? (f.provider ?? t(lang, 'editMaintainerSelf'))
      : t(lang, 'editMaintainerEditors', { sources: [...new Set(f.sources.map((s) => s.attribution))].join('; ') });
  return {
    maintainer,
    lastConfirmed: { iso: f.lastConfirmed, text: formatDate(f.lastConfirmed, lang) },
    age: t(lang, 'editAgeDays', { n: String(f.ageDays) }),
  };
}
