import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import type { IndicesResult } from '../../lib/indicators/compositeIndexResults.ts';
import { pick } from '../../lib/i18n.ts';
import {
  buildIndexMethodPage,
  buildIndexOverview,
  INDEX_OVERVIEW_PATH,
  indexMethodPath,
  type IndexPageContext,
} from '../../lib/pages/indexMethod.ts';
import type { Unit } from '../../lib/types.ts';
import type { Effects } from '../effects.ts';
import type { AtlasPage } from './publishFacilities.ts';
import { unitUrl } from './render.ts';

/** The method pages' artifacts below `build/` (read by `src/site/indices.ts`). */
export const INDICES_BUILD_DIR = 'build/indices';

/** One index as atlas.json lists it. */
export interface AtlasJsonIndex {
  id: string;
  label: string;
  /** `computed` (z-scores and thresholds) or `pair` (crossed classes of two indices). */
  kind: 'computed' | 'pair';
  level: string;
  /** The method page, German and English. */
  url: string;
  urlEn: string;
  /** The result indicators (see `indicators`). */
  indicators: { value?: string | undefined; class: string };
  pair?: [string, string] | undefined;
  editions: {
    year: number;
    classified: number;
    unclassified: number;
    /** The published class indicator compared with, when there is one. */
    comparedWith?: string | undefined;
    /** Units with both a computed and a published class. */
    compared?: number | undefined;
    /** Share of the compared units whose computed class equals the published one (0–1). */
    agreement?: number | undefined;
    disagreements?: number | undefined;
  }[];
}

/** What the indices add to atlas.json. */
export interface PublishedIndices {
  pages: AtlasPage[];
  indices: AtlasJsonIndex[];
}

/**
 * Stage `publishIndices`: the page models of every index's method page (`build/indices/<id>.json`, German and
 * English) and of their overview (`build/indices/index.json`), and what atlas.json lists (pages of type
 * `index-method` and `index-overview`, and `indices` with the agreement per edition). Nothing without indices.
 */
export async function publishIndices(
  config: AtlasConfig,
  indices: IndicesResult,
  units: readonly Unit[],
  fx: Effects,
): Promise<PublishedIndices | undefined> {
  if (indices.indices.length === 0) return undefined;
  const ctx: IndexPageContext = {
    results: indices.indices,
    indicators: new Map(config.indicators.map((i) => [i.id, i])),
    units: new Map(units.map((u) => [u.id, { name: u.name, url: unitUrl(u) }])),
    levels: new Map(config.levels.map((l) => [l.id, { label: l.label, labelPlural: l.labelPlural }])),
    sources: new Map(config.sources.map((s) => [s.id, { title: s.title, attribution: s.attribution }])),
    cityName: config.city,
  };
  const pages: AtlasPage[] = [];
  const both = (path: string, type: string) =>
    pages.push({ type, url: path, lang: 'de' }, { type, url: `/en${path}`, lang: 'en' });
  await fx.write(
    `${INDICES_BUILD_DIR}/index.json`,
    JSON.stringify({ de: buildIndexOverview(ctx, 'de'), en: buildIndexOverview(ctx, 'en') }),
  );
  both(INDEX_OVERVIEW_PATH, 'index-overview');
  for (const r of indices.indices) {
    await fx.write(
      `${INDICES_BUILD_DIR}/${r.index.id}.json`,
      JSON.stringify({ de: buildIndexMethodPage(r, ctx, 'de'), en: buildIndexMethodPage(r, ctx, 'en') }),
    );
    both(indexMethodPath(r.index.id), 'index-method');
  }
  return {
    pages,
    indices: indices.indices.map((r) => ({
      id: r.index.id,
      label: pick(r.index.label, 'de'),
      kind: r.pair ? 'pair' : 'computed',
      level: r.level,
      url: indexMethodPath(r.index.id),
      urlEn: `/en${indexMethodPath(r.index.id)}`,
      indicators: r.outputs,
      pair: r.pair,
      editions: r.editions.map((e) => ({
        year: e.year,
        classified: e.classified.length,
        unclassified: e.unclassified.length,
        comparedWith: e.comparison?.indicator,
        compared: e.comparison?.compared,
        agreement: e.comparison?.share,
        disagreements: e.comparison?.disagreements.length,
      })),
    })),
  };
}
