import {
  bubbleFontSize,
  bubbleRadius,
  legendCounts,
  placeBubbleLabels,
  pointSymbolSize,
  symbolId,
  VULNERABILITY_SYMBOLS,
  type VulnerabilitySymbol,
} from '../charts/facilitySymbols.ts';
import { formatNumber, type Lang } from '../format.ts';
import { labelOf, langPrefix, pick, t } from '../i18n.ts';
import type { FacilityAreaMap, FacilityOverviewMap, TypeCounts } from './facilityMaps.ts';
import { symbolsWithTypes } from './pageGroups.ts';

/**
 * The facility maps (FacilityMapPage.astro, FacilityAreaMapPage.astro) in one language: the pipeline's map models
 * (facilityMaps.ts, one for both languages) with labels looked up, counts formatted, circles sized and the bubble
 * labels placed, so the components only draw them.
 */

/** What the map views need of the site. */
export interface FacilityMapViewContext {
  city: { de: string; en?: string | undefined };
  levels: readonly { id: string; label: { de: string; en?: string | undefined }; parent?: string | undefined }[];
  /** The directory's type vocabulary (labels, vulnerability); undefined without a directory. */
  types?:
    readonly { id: string; label?: { de: string; en?: string | undefined }; vulnerability?: number }[] | undefined;
}

/** A type in the filter and the table: its label and its count as shown. */
export interface TypeCountView {
  type: string;
  label: string;
  /** "1.234". */
  count: string;
}

/** An area of a map (a link) with its counts for the filter script (`data-counts`, `data-total`) and the table. */
export interface MapAreaView {
  name: string;
  path: string;
  /** Link of the area on the map (with language prefix). */
  href: string;
  /** Directory page of the area (with language prefix), the table's link. */
  directoryHref: string;
  /** "Mitte: 1.234 Einrichtungen" (aria-label). */
  label: string;
  /** "kita=12 schule=3" for the filter script. */
  counts: string;
  total: number;
  /** The total as shown. */
  count: string;
  /** The count per column type as shown (`0` where the area has none). */
  cells: string[];
}

/** `/einrichtungen/karte/` in one language. */
export interface OverviewMapView {
  title: string;
  summary: string;
  /** "Karte der Einrichtungen: …" (the map's aria-label). */
  mapLabel: string;
  city: string;
  /** Label of the areas' level (table heading) and of the bubbles' level (legend). */
  areaLevel: string;
  bubbleLevel: string;
  /** "Alle Arten (1.234)". */
  allTypes: string;
  total: string;
  types: TypeCountView[];
  areas: (MapAreaView & { mapLabel: string })[];
  bubbles: {
    x: number;
    y: number;
    r: number;
    counts: string;
    total: number;
    label: string;
    fontSize: number;
    /** False where the count does not fit or would overlap another: the label is drawn hidden. */
    labelled: boolean;
  }[];
  /** Circles of the size legend, largest first, in a square of `viewBox`. */
  legend: { viewBox: string; cx: number; cy: number; r: number; label: string }[];
}

/** `/einrichtungen/karte/<unit>/` in one language. */
export interface AreaMapView {
  title: string;
  summary: string;
  mapLabel: string;
  city: string;
  /** Label of the sub-units' level (table heading); "" on a one-level atlas. */
  childLevel: string;
  allTypes: string;
  total: string;
  /** Types with entries in the unit, in the model's order. */
  types: TypeCountView[];
  areas: MapAreaView[];
  /** Half-width of the point symbols. */
  symbolSize: number;
  /** One per entry, in the model's order: the symbol to use (`#fm-v3`) and the type ids for the filter script. */
  points: { x: number; y: number; href: string; types: string }[];
  /** The symbol key: one entry per vulnerability level that occurs, with the types it stands for. */
  symbols: (VulnerabilitySymbol & { label: string })[];
}

const encode = (counts: TypeCounts) =>
  Object.entries(counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

function areaView(
  a: FacilityOverviewMap['areas'][number],
  href: string,
  columns: readonly string[],
  n: (x: number) => string,
  lang: Lang,
): MapAreaView {
  return {
    name: a.name,
    path: a.path,
    href,
    directoryHref: `${langPrefix(lang)}${a.directoryUrl}`,
    label: t(lang, 'areaFacilities', { name: a.name, n: n(a.count) }),
    counts: encode(a.counts),
    total: a.count,
    count: n(a.count),
    cells: columns.map((x) => n(a.counts[x] ?? 0)),
  };
}

/** The overview map's view in `lang` (see {@link OverviewMapView}). */
export function buildOverviewMapView(
  map: FacilityOverviewMap,
  ctx: FacilityMapViewContext,
  lang: Lang,
): OverviewMapView {
  const p = langPrefix(lang);
  const n = (x: number) => formatNumber(x, 0, lang);
  const levelLabel = (id: string) => pick(ctx.levels.find((l) => l.id === id)?.label, lang);
  const city = pick(ctx.city, lang);
  const title = t(lang, 'facilityMap');
  const summary = t(lang, 'facilityMapSummary', {
    n: n(map.total),
    city,
    bubbleLevel: levelLabel(map.bubbleLevel),
    areaLevel: levelLabel(map.areaLevel),
  });
  const columns = map.types.map((x) => x.type);
  const bubbles = map.bubbles.map((b) => ({
    x: b.x,
    y: b.y,
    r: bubbleRadius(b.count, map.maxCount, map.maxRadius),
    count: b.count,
  }));
  const labelled = placeBubbleLabels(bubbles, n);
  const side = 2 * map.maxRadius + 2;
  return {
    title,
    summary,
    mapLabel: `${title}: ${summary}`,
    city,
    areaLevel: levelLabel(map.areaLevel),
    bubbleLevel: levelLabel(map.bubbleLevel),
    allTypes: `${t(lang, 'allTypes')} (${n(map.total)})`,
    total: n(map.total),
    types: map.types.map((x) => ({ type: x.type, label: labelOf(ctx.types, x.type, lang), count: n(x.count) })),
    areas: map.areas.map((a) => ({
      ...areaView(a, `${p}${a.mapUrl}`, columns, n, lang),
      mapLabel: `${t(lang, 'mapOf')} ${a.name}`,
    })),
    bubbles: bubbles.map((b, i) => ({
      x: b.x,
      y: b.y,
      r: b.r,
      counts: encode(map.bubbles[i]?.counts ?? {}),
      total: b.count,
      label: n(b.count),
      fontSize: bubbleFontSize(b.r),
      labelled: labelled[i] ?? false,
    })),
    legend: legendCounts(map.maxCount).map((c) => {
      const r = bubbleRadius(c, map.maxCount, map.maxRadius);
      return { viewBox: `0 0 ${side} ${side}`, cx: map.maxRadius + 1, cy: 2 * map.maxRadius + 1 - r, r, label: n(c) };
    }),
  };
}

/** The zoomed map's view in `lang` (see {@link AreaMapView}). */
export function buildAreaMapView(map: FacilityAreaMap, ctx: FacilityMapViewContext, lang: Lang): AreaMapView {
  const n = (x: number) => formatNumber(x, 0, lang);
  const vocab = ctx.types ?? [];
  const typeLabel = (x: string) => labelOf(vocab, x, lang);
  const typesUsed = Object.keys(map.counts);
  const childLevel = ctx.levels.find((l) => l.parent === map.unit.level);
  const title = `${t(lang, 'facilityMap')}: ${map.unit.name}`;
  const summary = t(lang, 'facilityAreaMapSummary', {
    n: n(map.count),
    name: map.unit.name,
    children: childLevel ? t(lang, 'facilityAreaMapChildren', { level: pick(childLevel.label, lang) }) : '',
  });
  return {
    title,
    summary,
    mapLabel: `${title}. ${summary}`,
    city: pick(ctx.city, lang),
    childLevel: pick(childLevel?.label, lang),
    allTypes: `${t(lang, 'allTypes')} (${n(map.count)})`,
    total: n(map.count),
    types: typesUsed.map((x) => ({ type: x, label: typeLabel(x), count: n(map.counts[x] ?? 0) })),
    areas: map.areas.map((a) => areaView(a, `${langPrefix(lang)}${a.directoryUrl}`, typesUsed, n, lang)),
    symbolSize: pointSymbolSize(map.width, map.height, map.points.length),
    points: map.points.map((pt) => ({ x: pt.x, y: pt.y, href: `#${symbolId('fm', pt.v)}`, types: pt.t.join(' ') })),
    symbols: symbolsWithTypes(VULNERABILITY_SYMBOLS, typesUsed, vocab).map((s) => ({
      ...s,
      label: `${t(lang, `vulnLevel_${s.v}` as 'vulnLevel_0')}: ${s.types.map(typeLabel).join(', ')}`,
    })),
  };
}
