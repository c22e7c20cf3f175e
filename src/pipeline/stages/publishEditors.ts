import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import { buildDataPackage, DATA_PACKAGE_URL } from '../../lib/data/dataPackage.ts';
import { pick } from '../../lib/i18n.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { buildContactGaps, CONTACT_GAPS_URL } from '../../lib/pages/contactGaps.ts';
import { facilityUrl } from '../../lib/pages/facilityPage.ts';
import {
  atomFeed,
  cityFeedUrl,
  RELEASES_URL,
  releaseItems,
  unitFeedUrl,
  unitsConcerned,
  type ReleaseItem,
} from '../../lib/releases/releases.ts';
import type { Lang } from '../../lib/format.ts';
import type { Effects } from '../effects.ts';
import type { BoundariesResult } from './boundaries.ts';
import type { FacilitiesResult } from './facilities.ts';
import type { AtlasPage } from './publishFacilities.ts';
import type { PublishedOverlays } from './publishOverlays.ts';
import { unitUrl } from './render.ts';
import { facilitiesDataDate as dataDateOf } from '../../lib/facilities/dataDate.ts';
import { expandRedirects } from '../../lib/urls/registry.ts';
import type { RedirectsArtifact } from '../urlRegistry.ts';

/** The editors' artifacts below `build/` (read by `src/site/editors.ts`). */
export const EDITORS_BUILD_DIR = 'build/editors';
/** Path of the open-data page without language prefix. */
export const OPEN_DATA_URL = '/offene-daten/';

/** The editors' data the pages read (`build/editors/meta.json`). */
export interface EditorsMeta {
  /** The build's date: the retrieval date in citations. */
  buildDate: string;
  /** Number of releases (0: no feeds, no "Was ist neu" links). */
  releases: number;
  /** Date of the facility data: the latest confirmation or retrieval of any entry (ISO); undefined without a directory. */
  facilitiesDataDate?: string | undefined;
}

/**
 * Stage 6c (before `publish`): the releases page data and Atom feeds ("Was ist neu", city-wide and per unit), the
 * contact gaps of the directory, and the date of the facility data. Returns the pages for atlas.json.
 */
export async function publishEditors(
  config: AtlasConfig,
  b: BoundariesResult,
  facilities: FacilitiesResult | undefined,
  fx: Effects,
  /** The build's date (YYYY-MM-DD), the retrieval date in citations; default the atlas's data date. */
  today?: string,
): Promise<{ pages: AtlasPage[]; meta: EditorsMeta }> {
  const urls: { type: string; url: string }[] = [{ type: 'open-data', url: OPEN_DATA_URL }];
  const releases = config.releases ?? [];
  const units = new Map(b.units.map((u) => [u.id, { id: u.id, name: u.name, url: unitUrl(u), parent: u.parent }]));
  const facilityRefs = new Map(
    (facilities?.facilities ?? []).map((f) => [
      f.facility.id,
      { name: f.facility.name, url: facilityUrl(f.facility.id) },
    ]),
  );
  const ctx = { units, facilities: facilityRefs, markdown: (md: string) => renderMarkdown(md, 2) };
  const items: Record<Lang, ReleaseItem[]> = {
    de: releaseItems(releases, ctx, 'de'),
    en: releaseItems(releases, ctx, 'en'),
  };
  await fx.write(`${EDITORS_BUILD_DIR}/releases.json`, JSON.stringify(items));
  urls.push({ type: 'releases', url: RELEASES_URL });
  if (releases.length > 0) {
    // Which releases each unit's feed lists: those naming it or a unit below it, and those naming none.
    const concerned = releases.map((r) => unitsConcerned(r, ctx));
    for (const lang of ['de', 'en'] as const) {
      const prefix = lang === 'de' ? '' : '/en';
      const page = new URL(`${prefix}${RELEASES_URL}`, config.siteUrl).href;
      const title = pick(config.title, lang);
      const base = { page, author: config.publisher, lang, fallbackDate: config.dataDate };
      await fx.write(
        `public${cityFeedUrl(lang)}`,
        atomFeed({ ...base, title, self: new URL(cityFeedUrl(lang), config.siteUrl).href, items: items[lang] }),
      );
      for (const u of b.units) {
        const mine = items[lang].filter((it) => {
          const set = concerned[it.index];
          return set === undefined || set.has(u.id);
        });
        const self = new URL(unitFeedUrl(u.id, lang), config.siteUrl).href;
        await fx.write(
          `public${unitFeedUrl(u.id, lang)}`,
          atomFeed({ ...base, title: `${title}: ${u.name}`, self, items: mine }),
        );
      }
    }
  }
  let facilitiesDataDate: string | undefined;
  if (facilities) {
    const gaps = buildContactGaps(facilities.facilities, facilities.vocabulary.types);
    await fx.write(`${EDITORS_BUILD_DIR}/gaps.json`, JSON.stringify(gaps));
    urls.push({ type: 'contact-gaps', url: CONTACT_GAPS_URL });
    facilitiesDataDate = dataDateOf(facilities.facilities);
  }
  const redirects: RedirectsArtifact = { siteUrl: config.siteUrl, redirects: expandRedirects(config.redirects) };
  await fx.write(`${EDITORS_BUILD_DIR}/redirects.json`, JSON.stringify(redirects));
  const meta: EditorsMeta = {
    buildDate: today ?? config.dataDate,
    releases: releases.length,
    facilitiesDataDate,
  };
  await fx.write(`${EDITORS_BUILD_DIR}/meta.json`, JSON.stringify(meta));
  const pages: AtlasPage[] = (['de', 'en'] as const).flatMap((lang) =>
    urls.map((u) => ({ ...u, url: `${lang === 'en' ? '/en' : ''}${u.url}`, lang })),
  );
  return { pages, meta };
}

/**
 * Stage 6d (after `publish`): `/data/datapackage.json` and its shared schema files, describing every CSV and GeoJSON
 * download the publish stages wrote.
 */
export async function publishDataPackage(
  config: AtlasConfig,
  b: BoundariesResult,
  facilities: { referenceDate: string; licence: { de: string; odbl: boolean } } | undefined,
  overlays: PublishedOverlays | undefined,
  fx: Effects,
  /** True when publish wrote `/data/scheme-links.csv` (the atlas has successors across boundary schemes). */
  schemeLinks = false,
): Promise<void> {
  const { descriptor, files } = buildDataPackage({
    atlas: {
      id: config.id,
      title: pick(config.title, 'en'),
      description: pick(config.description, 'en'),
      siteUrl: config.siteUrl,
      publisher: config.publisher,
      dataDate: config.dataDate,
      licence: config.licence,
    },
    sources: config.sources,
    levels: config.levels.map((l) => l.id),
    units: b.units.map((u) => ({ id: u.id, name: u.name })),
    schemeLinks,
    facilities: facilities && {
      referenceDate: facilities.referenceDate,
      licence: facilities.licence.de,
      odbl: facilities.licence.odbl,
    },
    overlays: (overlays?.layers ?? []).map((l) => ({
      id: l.id,
      label: l.label,
      dataDate: l.dataDate,
      source: config.sources.find((s) => s.id === l.source),
      areas: l.areas.map((a) => ({ id: a.id, name: a.name })),
    })),
  });
  await fx.write(`public${DATA_PACKAGE_URL}`, JSON.stringify(descriptor));
  for (const [path, value] of Object.entries(files))
    await fx.write(`public/data/${path}`, JSON.stringify(value, null, 1));
}
