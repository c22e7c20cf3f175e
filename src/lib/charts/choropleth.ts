import type { MapFrame } from './mapFrame.ts';
import { escapeAttr, escapeText } from './svg.ts';

/** ColorBrewer sequential schemes (colour-blind safe, Harrower & Brewer 2003), 5 classes, light → dark. */
export const SCHEMES = {
  /** For indicators where higher is worse. */
  negative: ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'],
  /** Higher is better. */
  positive: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  neutral: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
} as const;

export interface ChoroplethUnit {
  id: string;
  /** SVG path data in the frame. */
  path: string;
  /** Class index into `colors`, or undefined for "keine Daten" (drawn hatched, not a scale colour). */
  classIndex: number | undefined;
  /** Accessible name of the link, e.g. "Tiergarten Süd: 17,7 %". */
  label: string;
  href: string;
}

export interface ChoroplethInput {
  frame: MapFrame;
  units: readonly ChoroplethUnit[];
  colors: readonly string[];
  /** Accessible name of the whole map. */
  label: string;
  /** Prefix for ids inside the SVG (patterns), unique per page. */
  idPrefix: string;
  /** Outlines drawn on top (e.g. parent-level borders), not interactive. */
  overlayPaths?: readonly string[];
}

/**
 * A choropleth map as SVG in which every unit is a link to its page with an accessible name.
 * Units without data get a hatch pattern that is in the legend too, never a colour of the scale.
 */
export function renderChoropleth(i: ChoroplethInput): string {
  const hatch = `${i.idPrefix}-nodata`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${i.frame.width} ${i.frame.height}" class="choropleth" role="group" aria-label="${escapeAttr(i.label)}">`,
    `<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#767676" stroke-width="2"/></pattern></defs>`,
  ];
  for (const u of i.units) {
    const fill = u.classIndex === undefined ? `url(#${hatch})` : (i.colors[u.classIndex] ?? '#000');
    out.push(
      `<a href="${escapeAttr(u.href)}" aria-label="${escapeAttr(u.label)}"><path d="${u.path}" fill="${fill}"/><title>${escapeText(u.label)}</title></a>`,
    );
  }
  if (i.overlayPaths?.length) {
    out.push(
      `<g class="choropleth-borders" fill="none" stroke="#222" stroke-width="1.2" aria-hidden="true">${i.overlayPaths.map((d) => `<path d="${d}"/>`).join('')}</g>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

/** SVG markup of a legend swatch (also used for the hatch of "keine Daten"). */
export function renderSwatch(fill: string | 'nodata', idPrefix: string): string {
  const id = `${idPrefix}-sw`;
  if (fill === 'nodata') {
    return `<svg class="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><defs><pattern id="${id}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#767676" stroke-width="1.5"/></pattern></defs><rect x="0.5" y="0.5" width="15" height="15" fill="url(#${id})" stroke="#333"/></svg>`;
  }
  return `<svg class="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="15" height="15" fill="${fill}" stroke="#333"/></svg>`;
}
