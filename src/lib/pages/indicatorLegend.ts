import type { Indicator } from '../../schemas/atlasConfig.ts';
import { renderSwatch, type UnitFill } from '../charts/choropleth.ts';
import type { BinRef, ColorScale } from '../indicators/classify.ts';
import { formatNumber, type Lang } from '../format.ts';
import { pick, t } from '../i18n.ts';

/** One legend entry: swatch SVG, label, count as text ("12 Gebiete"). */
export interface LegendEntry {
  /** `bin-<i>`, `status-<status>` or `marker`. */
  key: string;
  swatch: string;
  label: string;
  count: string;
}

/** The legend of a choropleth, display-ready (ChoroplethLegend.astro renders it). */
export interface LegendData {
  heading: string;
  entries: LegendEntry[];
  /** How the classes were made, what the hatchings mean. */
  notes: string[];
}

/** "12,5 bis unter 20,0", the last bin "20,0 bis 31,4" (or "7,0" when it holds one value); class bins by label. */
export function binLabel(
  ind: Pick<Indicator, 'classes' | 'decimals'>,
  scale: ColorScale,
  index: number,
  lang: Lang,
): string {
  const bin = scale.bins[index];
  if (!bin) return '';
  if (scale.method === 'classes') {
    const c = ind.classes?.find((x) => x.value === bin.classValue);
    return c ? pick(c.label, lang) : formatNumber(bin.min, 0, lang);
  }
  const lo = formatNumber(bin.min, ind.decimals, lang);
  const hi = formatNumber(bin.max, ind.decimals, lang);
  if (bin.closedMax) return lo === hi ? lo : t(lang, 'indRangeClosed', { lo, hi });
  return t(lang, 'indRange', { lo, hi });
}

/** How the map fills a unit in a bin: the bin's colour, or the hatching of a status. */
export function fillOf(scale: ColorScale, ref: BinRef): UnitFill {
  return ref.kind === 'value' ? { color: scale.bins[ref.index]?.color ?? '#000' } : { status: ref.status };
}

/** "1 Gebiet", "12 Gebiete". */
export function unitCountText(count: number, lang: Lang): string {
  return t(lang, 'indUnitCount', { n: formatNumber(count, 0, lang), one: count === 1 });
}

/**
 * The legend of a map from the same bins that coloured it: one entry per value bin (bounds and count, also when
 * empty), one per status without a number that occurs (its hatching and count), one for the markers of tiny units;
 * then how the classes were made and what the hatchings mean.
 */
export function buildLegend(
  ind: Pick<Indicator, 'classes' | 'decimals'>,
  scale: ColorScale,
  markers: number,
  lang: Lang,
  idPrefix: string,
): LegendData {
  const entries: LegendEntry[] = scale.bins.map((b) => ({
    key: `bin-${b.index}`,
    swatch: renderSwatch({ color: b.color }, `${idPrefix}-b${b.index}`),
    label: binLabel(ind, scale, b.index, lang),
    count: unitCountText(b.count, lang),
  }));
  for (const s of scale.statusBins) {
    if (s.count === 0) continue;
    entries.push({
      key: `status-${s.status}`,
      swatch: renderSwatch({ status: s.status }, `${idPrefix}-${s.status}`),
      label: t(lang, `status_${s.status}`),
      count: unitCountText(s.count, lang),
    });
  }
  if (markers > 0)
    entries.push({
      key: 'marker',
      swatch: renderSwatch({ marker: true }, `${idPrefix}-marker`),
      label: t(lang, 'indMarkerLegend'),
      count: unitCountText(markers, lang),
    });
  const notes = [t(lang, scale.method === 'classes' ? 'indBinningClasses' : 'indBinningQuantile')];
  if (scale.statusBins.some((s) => s.count > 0)) notes.push(t(lang, 'indHatchNote'));
  return { heading: t(lang, 'legend'), entries, notes };
}
