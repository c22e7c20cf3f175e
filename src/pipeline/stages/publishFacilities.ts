import { writeCsv } from '../../lib/csv/writeCsv.ts';
import { facilitiesCsvSchema, fieldNames } from '../../lib/data/tableSchemas.ts';
import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import { facilitiesCsvRows, facilitiesGeoJson, feedLicence } from '../../lib/facilities/facilityFeed.ts';
import { pick } from '../../lib/i18n.ts';
import type { Directory } from '../../lib/pages/directory.ts';
import type { FacilityIndex } from '../../lib/pages/facilityModel.ts';
import { facilityUrl } from '../../lib/pages/facilityPage.ts';
import type { Effects } from '../effects.ts';
import type { FacilitiesResult } from './facilities.ts';
import type { RenderResult } from './render.ts';
import { mainLevels } from '../../lib/schemes/levels.ts';

/** Public download paths of the directory (listed in atlas.json under `downloads`). */
export const FACILITY_DOWNLOADS = {
  facilitiesGeojson: '/data/facilities.geojson',
  facilitiesCsv: '/data/facilities.csv',
} as const;

/** A page as listed in `atlas.json` → `pages`. */
export interface AtlasPage {
  type: string;
  url: string;
  lang: 'de' | 'en';
}

/** What the directory adds to site.json and atlas.json (written by the publish stage). */
export interface PublishedFacilities {
  /** The compact index for site.json. */
  index: FacilityIndex;
  /** Directory and facility pages for atlas.json, German and English. */
  pages: AtlasPage[];
  downloads: typeof FACILITY_DOWNLOADS;
  /** The feeds' licence notice, for atlas.json. */
  licence: { de: string; en: string; odbl: boolean };
  /** Facility pages per language. */
  count: number;
}

/**
 * Stage 6a: writes the facility directory's artifacts below the cache folder: one page model per facility
 * (`build/facilities/<id>.json`), the directory pages (`build/directory/…`), the freshness report
 * (`build/freshness.json`) and the public feeds (`public/data/facilities.geojson`, `.csv`).
 */
export async function publishFacilities(
  config: AtlasConfig,
  facilities: FacilitiesResult,
  directory: Directory,
  rendered: RenderResult,
  fx: Effects,
): Promise<PublishedFacilities> {
  let count = 0;
  let pending: Promise<void>[] = [];
  for (const page of rendered.facilityPages()) {
    pending.push(fx.write(`build/facilities/${page.id}.json`, JSON.stringify(page)));
    count++;
    // Writes overlap a batch at a time: thousands of small files, one at a time, would dominate the stage.
    if (pending.length >= 64) {
      await Promise.all(pending);
      pending = [];
    }
  }
  await Promise.all(pending);
  await fx.write('build/directory/index.json', JSON.stringify(directory.index));
  for (const t of directory.types) await fx.write(`build/directory/types/${t.type}.json`, JSON.stringify(t));
  for (const a of directory.areas) await fx.write(`build/directory/areas/${a.unit.id}.json`, JSON.stringify(a));
  await fx.write('build/freshness.json', JSON.stringify(directory.freshness, null, 1));

  const feed = {
    levels: mainLevels(config.levels).map((l) => l.id),
    siteUrl: config.siteUrl,
    title: pick(config.title, 'de'),
    dataDate: config.dataDate,
  };
  await fx.write(
    `public${FACILITY_DOWNLOADS.facilitiesGeojson}`,
    JSON.stringify(facilitiesGeoJson(facilities.facilities, feed)),
  );
  await fx.write(
    `public${FACILITY_DOWNLOADS.facilitiesCsv}`,
    writeCsv(fieldNames(facilitiesCsvSchema(feed.levels)), facilitiesCsvRows(facilities.facilities, feed)),
  );

  const urls = [
    { type: 'directory', url: '/einrichtungen/' },
    // The offline page (the service worker's answer for facility pages it has not stored; src/pipeline/offline.ts).
    { type: 'offline', url: '/offline/' },
    ...directory.types.map((t) => ({ type: 'directory-type', url: t.url })),
    ...directory.areas.map((a) => ({ type: 'directory-area', url: a.url })),
    ...facilities.facilities.map((f) => ({ type: 'facility', url: facilityUrl(f.facility.id) })),
  ];
  const pages: AtlasPage[] = (['de', 'en'] as const).flatMap((lang) =>
    urls.map((u) => ({ ...u, url: `${lang === 'en' ? '/en' : ''}${u.url}`, lang })),
  );
  return {
    index: directory.siteIndex,
    pages,
    downloads: FACILITY_DOWNLOADS,
    licence: feedLicence(facilities.facilities),
    count,
  };
}
