import type { MapFrame } from './mapFrame.ts';
import { escapeAttr, escapeText } from './svg.ts';

export interface LocatorInput {
  frame: MapFrame;
  /** Path data of the city's top-level units (precomputed once per atlas). */
  contextPaths: readonly string[];
  /** Path of the unit's parent, if any (drawn lighter). */
  parentPath?: string | undefined;
  unitPath: string;
  /** Accessible name, e.g. "Lage von Tiergarten Süd in Berlin". */
  label: string;
}

/**
 * A small locator map: the city in grey, the parent unit lighter, the unit in dark blue with a
 * black outline (visible without colour). Pure string building: no DOM needed.
 */
export function renderLocatorMap(i: LocatorInput): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${i.frame.width} ${i.frame.height}" role="img" aria-label="${escapeAttr(i.label)}" class="locator" focusable="false">`,
    `<title>${escapeText(i.label)}</title>`,
    `<g fill="#ececec" stroke="#8a8a8a" stroke-width="0.8">${i.contextPaths.map((d) => `<path d="${d}"/>`).join('')}</g>`,
  ];
  if (i.parentPath) parts.push(`<path d="${i.parentPath}" fill="#c6d8ea" stroke="#4a6f94" stroke-width="1"/>`);
  parts.push(`<path d="${i.unitPath}" fill="#0b4f8a" stroke="#000" stroke-width="1.2"/>`);
  parts.push('</svg>');
  return parts.join('');
}
