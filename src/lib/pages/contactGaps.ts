import type { Lang } from '../format.ts';
import { formatDate, formatNumber } from '../format.ts';
import { t } from '../i18n.ts';
import { addressLine, facilityUrl, type PlacedFacility } from './facilityPage.ts';

/**
 * "Kontaktlücken" (`/einrichtungen/kontaktluecken/`), a page for editors: directory entries that cannot be reached
 * (no phone, no e-mail), most vulnerable first, counted by type and by top-level area, each with whether the operator's
 * contact can stand in. Pure: the pipeline stores the language-neutral data (`buildContactGaps`), the page builds its
 * display model from it (`contactGapsPage`).
 */

/** One entry without phone and e-mail. */
export interface GapEntry {
  id: string;
  name: string;
  types: string[];
  vulnerability: number;
  /** Top-level unit id. */
  area?: string | undefined;
  address: string;
  /** The operator's phone/e-mail/address is known (shown in crisis lists as fallback). */
  operatorContact: boolean;
  lastConfirmed: string;
}

/** Counts for one type or area. */
export interface GapCounts {
  total: number;
  noPhone: number;
  noEmail: number;
  /** Neither phone nor e-mail. */
  neither: number;
  /** Of those, with an operator contact to fall back on. */
  operatorFallback: number;
}

/** The stored data (`build/editors/gaps.json`). */
export interface ContactGaps {
  byType: { type: string; vulnerability: number; counts: GapCounts }[];
  byArea: { unit: string; counts: GapCounts }[];
  all: GapCounts;
  /** Entries without phone and e-mail: vulnerability descending, then type, area, name. */
  entries: GapEntry[];
}

function empty(): GapCounts {
  return { total: 0, noPhone: 0, noEmail: 0, neither: 0, operatorFallback: 0 };
}

function count(c: GapCounts, e: PlacedFacility): void {
  const f = e.facility;
  const op = f.providerContact;
  c.total++;
  if (!f.phone) c.noPhone++;
  if (!f.email) c.noEmail++;
  if (!f.phone && !f.email) {
    c.neither++;
    if (op && (op.phone || op.email || op.address)) c.operatorFallback++;
  }
}

/** Counts and lists the gaps of a directory. An entry with several types counts once under each. */
export function buildContactGaps(
  entries: readonly PlacedFacility[],
  types: readonly { id: string; vulnerability: number }[],
): ContactGaps {
  const vOf = (ids: readonly string[]) =>
    Math.max(0, ...ids.map((id) => types.find((x) => x.id === id)?.vulnerability ?? 0));
  const byType = new Map(types.map((x) => [x.id, empty()]));
  const byArea = new Map<string, GapCounts>();
  const all = empty();
  const list: GapEntry[] = [];
  for (const e of entries) {
    const f = e.facility;
    count(all, e);
    for (const ty of f.types) {
      const c = byType.get(ty) ?? byType.set(ty, empty()).get(ty);
      if (c) count(c, e);
    }
    const area = e.units[0];
    if (area !== undefined) count(byArea.get(area) ?? (byArea.set(area, empty()).get(area) as GapCounts), e);
    if (!f.phone && !f.email) {
      const op = f.providerContact;
      list.push({
        id: f.id,
        name: f.name,
        types: f.types,
        vulnerability: vOf(f.types),
        area,
        address: addressLine(f.address),
        operatorContact: Boolean(op && (op.phone || op.email || op.address)),
        lastConfirmed: f.lastConfirmed,
      });
    }
  }
  const typeOrder = new Map(types.map((x, i) => [x.id, i]));
  list.sort(
    (a, b) =>
      b.vulnerability - a.vulnerability ||
      (typeOrder.get(a.types[0] ?? '') ?? 99) - (typeOrder.get(b.types[0] ?? '') ?? 99) ||
      (a.area ?? '').localeCompare(b.area ?? '') ||
      a.name.localeCompare(b.name, 'de'),
  );
  return {
    byType: [...byType.entries()]
      .filter(([, c]) => c.total > 0)
      .map(([type, counts]) => ({ type, vulnerability: vOf([type]), counts }))
      .sort(
        (a, b) => b.vulnerability - a.vulnerability || (typeOrder.get(a.type) ?? 99) - (typeOrder.get(b.type) ?? 99),
      ),
    byArea: [...byArea.entries()]
      .map(([unit, counts]) => ({ unit, counts }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
    all,
    entries: list,
  };
}

/** A row of counts as display texts. */
export interface GapRow {
  label: string;
  href?: string | undefined;
  total: string;
  noPhone: string;
  noEmail: string;
  neither: string;
  operatorFallback: string;
}

/** The page's display model. */
export interface ContactGapsPage {
  summary: string;
  /** Entries of lower vulnerability not listed (counted above, all in facilities.csv). */
  rest?: string | undefined;
  typeRows: GapRow[];
  areaRows: GapRow[];
  totalRow: GapRow;
  /** Entries grouped by vulnerability (highest first), each group by type. */
  groups: {
    heading: string;
    anchor: string;
    items: {
      name: string;
      href: string;
      types: string;
      area: string;
      address: string;
      operator: string;
      lastConfirmed: string;
      lastConfirmedText: string;
    }[];
  }[];
}

/** Labels the page needs. */
export interface ContactGapsContext {
  typeLabel(id: string): string;
  unitName(id: string): string;
  unitUrl(id: string): string | undefined;
  lang: Lang;
}

/** The page as rendered: its model, the count columns and the two count tables (by type, by area). */
export interface ContactGapsView {
  m: ContactGapsPage;
  cols: { key: keyof GapRow; label: string }[];
  tables: { id: string; heading: string; head: string; rows: GapRow[] }[];
}

/** The Kontaktlücken page from the build's gaps, the atlas's units and the type labels, in `lang`. */
export function contactGapsView(
  g: ContactGaps,
  units: readonly { id: string; name: string; url: string }[],
  typeLabel: (id: string) => string,
  lang: Lang,
): ContactGapsView {
  const byId = new Map(units.map((u) => [u.id, u]));
  const m = contactGapsPage(g, {
    lang,
    typeLabel,
    unitName: (id) => byId.get(id)?.name ?? id,
    unitUrl: (id) => byId.get(id)?.url,
  });
  return {
    m,
    cols: [
      { key: 'total', label: t(lang, 'gapsColTotal') },
      { key: 'noPhone', label: t(lang, 'gapsColNoPhone') },
      { key: 'noEmail', label: t(lang, 'gapsColNoEmail') },
      { key: 'neither', label: t(lang, 'gapsColNeither') },
      { key: 'operatorFallback', label: t(lang, 'gapsColOperator') },
    ],
    tables: [
      { id: 'nach-art', heading: t(lang, 'gapsByType'), head: t(lang, 'facilityType'), rows: m.typeRows },
      { id: 'nach-gebiet', heading: t(lang, 'gapsByArea'), head: t(lang, 'gapsArea'), rows: m.areaRows },
    ],
  };
}

/** The display model of the Kontaktlücken page in one language. */
export function contactGapsPage(g: ContactGaps, ctx: ContactGapsContext): ContactGapsPage {
  const { lang } = ctx;
  const n = (x: number) => formatNumber(x, 0, lang);
  const p = lang === 'de' ? '' : '/en';
  const row = (label: string, c: GapCounts, href?: string): GapRow => ({
    label,
    href,
    total: n(c.total),
    noPhone: n(c.noPhone),
    noEmail: n(c.noEmail),
    neither: n(c.neither),
    operatorFallback: n(c.operatorFallback),
  });
  const groups = new Map<number, ContactGapsPage['groups'][number]>();
  const listed = g.entries.filter((e) => e.vulnerability >= LIST_MIN_VULNERABILITY);
  for (const e of listed) {
    let grp = groups.get(e.vulnerability);
    if (!grp) {
      grp = {
        heading: `${t(lang, `vulnerability_${e.vulnerability}` as 'vulnerability_0')} (${n(g.entries.filter((x) => x.vulnerability === e.vulnerability).length)})`,
        anchor: `stufe-${e.vulnerability}`,
        items: [],
      };
      groups.set(e.vulnerability, grp);
    }
    grp.items.push({
      name: e.name,
      href: `${p}${facilityUrl(e.id)}`,
      types: e.types.map(ctx.typeLabel).join(', '),
      area: e.area ? ctx.unitName(e.area) : '–',
      address: e.address,
      operator: e.operatorContact ? t(lang, 'gapsOperatorYes') : t(lang, 'gapsOperatorNo'),
      lastConfirmed: e.lastConfirmed,
      lastConfirmedText: formatDate(e.lastConfirmed, lang),
    });
  }
  const rest = g.entries.length - listed.length;
  return {
    rest: rest > 0 ? t(lang, 'gapsRest', { n: n(rest) }) : undefined,
    summary: t(lang, 'gapsSummary', { n: n(g.all.neither), total: n(g.all.total), phone: n(g.all.noPhone) }),
    typeRows: g.byType.map((x) =>
      row(ctx.typeLabel(x.type), x.counts, `${p}/einrichtungen/typ/${encodeURIComponent(x.type)}/`),
    ),
    areaRows: g.byArea.map((x) => {
      const url = ctx.unitUrl(x.unit);
      return row(ctx.unitName(x.unit), x.counts, url ? `${p}${url}` : undefined);
    }),
    totalRow: row(t(lang, 'gapsAll'), g.all),
    groups: [...groups.values()],
  };
}

/**
 * Entries listed one by one from this vulnerability up (care homes, hospitals, Kitas, schools); the others are
 * counted in the tables (a list of thousands of practices and pharmacies would bury the crisis-relevant ones).
 */
export const LIST_MIN_VULNERABILITY = 2;

/** Path of the page without language prefix. */
export const CONTACT_GAPS_URL = '/einrichtungen/kontaktluecken/';
