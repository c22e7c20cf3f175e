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
import { mapLimit } from '../../lib/mapLimit.ts';
import type { OutputReuse } from '../outputReuse.ts';
import { hashParts } from '../stageCache.ts';

/** Facility files written or taken at once. */
const FILES_AT_ONCE = 64;

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
 * @param reuse a facility's page model depends on its placed entry and on what `salt` covers (code, boundaries,
 *   config, the build's date): it is taken from the previous build when both are unchanged (outputReuse.ts).
 */
export async function publishFacilities(
  config: AtlasConfig,
  facilities: FacilitiesResult,
  directory: Directory,
  rendered: RenderResult,
  fx: Effects,
  reuse?: { outputs: OutputReuse; salt: string },
): Promise<PublishedFacilities> {
  const entries = facilities.facilities;
  const files = entries.map((e) => `build/facilities/${e.facility.id}.json`);
  const keys = reuse ? entries.map((e) => hashParts([reuse.salt, JSON.stringify(e)])) : [];
  // Files overlap a batch at a time: thousands of small files, one at a time, would dominate the stage.
  await mapLimit(entries, FILES_AT_ONCE, async (e, i) => {
    const file = files[i] as string;
    const key = keys[i];
    if (reuse && key !== undefined && (await reuse.outputs.take([file], key))) return;
    await fx.write(file, JSON.stringify(rendered.facilityPage(e)));
    if (reuse && key !== undefined) reuse.outputs.note([file], key);
  });
  const count = entries.length;
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
