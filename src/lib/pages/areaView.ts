import type { LocalizedText } from '../../schemas/common.ts';
import type { AreaFieldValue } from '../areas/areaFields.ts';
import type { AreaFacility, AreaIndexData, AreaLayerData, AreaLayerMeta, AreaPageData } from '../areas/areaModel.ts';
import { formatDate, formatNumber, type Lang } from '../format.ts';
import { langPrefix, type MessageKey, pick, t } from '../i18n.ts';
import type { LevelMeta } from './model.ts';
import { crisisContactCells, type CrisisContactCells } from './crisisContact.ts';
import { countVulnerable, groupByLevel, totalFacilities, vulnerabilityGroups } from './pageGroups.ts';

/**
 * Display models of the area overlay pages (`/gebiete/`, `/gebiete/<layer>/`, `/gebiete/<layer>/<area>/`) and the
 * areas section of a unit page: every number and date formatted, every count, group and filter decided here, so the
 * components only map and branch (thin templates). Pure.
 */

/** A date for a `<time>` element: the ISO value and its text. */
export interface DateText {
  iso: string;
  text: string;
}

/** A share 0–1 as a percentage: one decimal below 10 %, none above ("7,5 %", "42 %"). */
export function shareText(x: number, lang: Lang): string {
  return `${formatNumber(x * 100, x < 0.1 ? 1 : 0, lang)} %`;
}

/** An area in hectares, one decimal ("12,3"). */
export function hectaresText(x: number, lang: Lang): string {
  return formatNumber(x, 1, lang);
}

/** The Datenstand of a layer: the declared date, else "nicht angegeben" with the latest date of its date fields. */
export interface AreaDataDateView {
  /** The declared date, when there is one. */
  declared?: DateText | undefined;
  /** Without a declared date: the label of the field with the latest date, and that date (if any). */
  latest?: (DateText & { field: string }) | undefined;
}

/** See {@link AreaDataDateView}. */
export function areaDataDateView(layer: AreaLayerMeta, lang: Lang): AreaDataDateView {
  if (layer.dataDate) return { declared: { iso: layer.dataDate, text: formatDate(layer.dataDate, lang) } };
  const latest = layer.latestDate;
  if (!latest) return {};
  const field = layer.fields.find((f) => f.field === latest.field);
  return { latest: { field: pick(field?.label, lang), iso: latest.date, text: formatDate(latest.date, lang) } };
}

/** A row of the table of layers on `/gebiete/`. */
export interface AreaIndexRow {
  href: string;
  label: string;
  description?: string | undefined;
  areas: string;
  facilities: string;
  layer: AreaLayerMeta;
}

/** The rows of `/gebiete/`: one per layer, counts formatted; [] without overlays. */
export function areaIndexRows(index: AreaIndexData | undefined, lang: Lang): AreaIndexRow[] {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  return (index?.layers ?? []).map((l) => ({
    href: `${p}${l.layer.url}`,
    label: pick(l.layer.label, lang),
    description: l.layer.description ? pick(l.layer.description, lang) : undefined,
    areas: n(l.areas),
    facilities: n(l.facilities),
    layer: l.layer,
  }));
}

/** A row of the list of areas on a layer page. */
export interface AreaLayerRow {
  href: string;
  name: string;
  id: string;
  /** The value of the layer's first date field, formatted; "–" when the area has none. */
  date: string;
  hectares: string;
  facilities: string;
  vulnerable: string;
}

/** `/gebiete/<layer>/` as shown. */
export interface AreaLayerView {
  label: string;
  /** "12" areas. */
  count: string;
  /** "12 Gebiete mit zusammen 34 Einträgen …" (the sentence before the Datenstand). */
  summary: string;
  mapLabel: string;
  /** Label of the layer's first date field: the table has a column for it. */
  dateLabel?: string | undefined;
  rows: AreaLayerRow[];
}

/** Builds {@link AreaLayerView}; `city` is the atlas's city in `lang`. */
export function areaLayerView(d: AreaLayerData, city: string, lang: Lang): AreaLayerView {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  const label = pick(d.layer.label, lang);
  const dateField = d.layer.fields.find((f) => f.type === 'date');
  const count = n(d.areas.length);
  return {
    label,
    count,
    summary: t(lang, 'areaLayerSummary', { n: count, total: n(totalFacilities(d.areas)) }),
    mapLabel: t(lang, 'layerMapLabel', { layer: label, n: count, city }),
    dateLabel: dateField ? pick(dateField.label, lang) : undefined,
    rows: d.areas.map((a) => {
      const date = dateField ? a.fields[dateField.field] : undefined;
      return {
        href: `${p}${a.url}`,
        name: a.name,
        id: a.id,
        date: date === undefined ? '–' : formatDate(String(date), lang),
        hectares: hectaresText(a.hectares, lang),
        facilities: n(a.facilities),
        vulnerable: n(a.vulnerable),
      };
    }),
  };
}

/** A group of an area's facilities by vulnerability. */
export interface AreaFacilityGroup {
  /** Anchor of its heading, e.g. "stufe-3". */
  id: string;
  /** "Sehr hoch schutzbedürftig" (the level's label). */
  label: string;
  count: string;
  /** The types of its facilities, labelled and joined: "Kita, Schule". */
  types: string;
  /** Caption of its table: "<label>: <area>". */
  caption: string;
  items: AreaFacility[];
  /** Its table's rows, ready to render (see {@link areaFacilityTable}). */
  table: AreaFacilityTable;
}

/** One facility of an area's table: the facility, its link, its types labelled and joined, its contact cells. */
export interface AreaFacilityRow {
  f: AreaFacility;
  href: string;
  types: string;
  c: CrisisContactCells;
}

/** The rows of one vulnerability group's table, and the note on operator contacts when one stands in. */
export interface AreaFacilityTable {
  rows: AreaFacilityRow[];
  operatorNote?: string | undefined;
}

/** The table of an area's facilities (one vulnerability group) in `lang`. */
export function areaFacilityTable(
  items: readonly AreaFacility[],
  typeLabel: (id: string) => string,
  lang: Lang,
): AreaFacilityTable {
  const p = langPrefix(lang);
  const rows = items.map((f) => ({
    f,
    href: `${p}${f.url}`,
    types: f.types.map(typeLabel).join(', '),
    c: crisisContactCells(f, lang),
  }));
  return { rows, operatorNote: rows.find((r) => r.c.operator)?.c.operator?.note };
}

/** The units an area touches on one level. */
export interface AreaUnitTable {
  /** "Planungsräume" */
  caption: string;
  count: string;
  /** "Planungsraum" (the first column's heading). */
  levelLabel: string;
  units: { name: string; href: string; shareOfArea: string; shareOfUnit: string }[];
}

/** `/gebiete/<layer>/<area>/` as shown. */
export interface AreaPageView {
  layerLabel: string;
  title: string;
  hectares: string;
  summary: string;
  /** The layer's further fields that have a value for this area, formatted (dates, numbers with unit). */
  fields: { label: string; value: string }[];
  /** Facilities inside, and how many of them are vulnerable. */
  facilityCount: string;
  vulnerableCount: string;
  hasFacilities: boolean;
  facilitiesDate?: DateText | undefined;
  mapLabel: string;
  groups: AreaFacilityGroup[];
  levels: AreaUnitTable[];
}

/** The atlas context an area page needs. */
export interface AreaPageContext {
  levels: readonly Pick<LevelMeta, 'id' | 'label' | 'labelPlural'>[];
  /** A facility type's label in `lang`. */
  typeLabel: (type: string) => string;
}

/** A field's value as shown: dates formatted, numbers with their decimals as given and their unit, text as is. */
export function areaFieldText(
  f: { type: 'text' | 'date' | 'number'; unit?: LocalizedText | undefined },
  v: AreaFieldValue | undefined,
  lang: Lang,
): string | undefined {
  if (v === undefined) return undefined;
  if (f.type === 'date') return formatDate(String(v), lang);
  if (f.type === 'number' && typeof v === 'number')
    return `${formatNumber(v, String(v).split('.')[1]?.length ?? 0, lang)}${f.unit ? ` ${pick(f.unit, lang)}` : ''}`;
  return String(v);
}

/** Builds {@link AreaPageView}. */
export function areaPageView(a: AreaPageData, ctx: AreaPageContext, lang: Lang): AreaPageView {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  const layerLabel = pick(a.layer.label, lang);
  const facilityCount = n(a.facilities.length);
  const vulnerableCount = n(countVulnerable(a.facilities));
  const levels = groupByLevel(ctx.levels, a.units);
  const unitsSentence =
    levels
      .map((x) => `${n(x.items.length)} ${pick(x.items.length === 1 ? x.level.label : x.level.labelPlural, lang)}`)
      .join(', ') || t(lang, 'areaPageNoUnit');
  return {
    layerLabel,
    title: `${a.name} (${layerLabel})`,
    hectares: hectaresText(a.hectares, lang),
    summary: t(lang, 'areaSummary', { name: a.name, n: facilityCount, v: vulnerableCount, units: unitsSentence }),
    fields: a.layer.fields.flatMap((f) => {
      const value = areaFieldText(f, a.fields[f.field], lang);
      return value === undefined ? [] : [{ label: pick(f.label, lang), value }];
    }),
    facilityCount,
    vulnerableCount,
    hasFacilities: a.facilities.length > 0,
    facilitiesDate: a.facilitiesDate ? { iso: a.facilitiesDate, text: formatDate(a.facilitiesDate, lang) } : undefined,
    mapLabel: t(lang, 'areaMapLabel', { name: a.name, n: facilityCount }),
    groups: vulnerabilityGroups(a.facilities).map((g) => {
      const label = t(lang, `vulnerability_${g.v}` as MessageKey);
      return {
        id: `stufe-${g.v}`,
        label,
        count: n(g.items.length),
        types: g.types.map(ctx.typeLabel).join(', '),
        caption: `${label}: ${a.name}`,
        items: g.items,
        table: areaFacilityTable(g.items, ctx.typeLabel, lang),
      };
    }),
    levels: levels.map((x) => ({
      caption: pick(x.level.labelPlural, lang),
      count: n(x.items.length),
      levelLabel: pick(x.level.label, lang),
      units: x.items.map((u) => ({
        name: u.name,
        href: `${p}${u.url}`,
        shareOfArea: shareText(u.shareOfArea, lang),
        shareOfUnit: shareText(u.shareOfUnit, lang),
      })),
    })),
  };
}

/** An area listed on a unit page. */
export interface UnitAreaItem {
  href: string;
  name: string;
  layer: string;
  /** "bedeckt 12 % des Gebiets" */
  covers: string;
}

/** The areas touching a unit as listed on its page, in the given order. */
export function unitAreasView(
  areas: readonly { url: string; name: string; shareOfUnit: number; layerLabel: LocalizedText | undefined }[],
  lang: Lang,
): UnitAreaItem[] {
  const p = langPrefix(lang);
  return areas.map((a) => ({
    href: `${p}${a.url}`,
    name: a.name,
    layer: pick(a.layerLabel, lang),
    covers: t(lang, 'unitAreasCovers', { share: shareText(a.shareOfUnit, lang) }),
  }));
}
