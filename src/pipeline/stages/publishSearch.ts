import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import { buildPlaceIndex, PLACE_INDEX_URL } from '../../lib/facilities/searchPlaces.ts';
import { SEARCH_INDEX_URL, type SearchIndexFile } from '../../lib/facilities/searchRecord.ts';
import { buildDirectorySearch, DIRECTORY_SEARCH_URL } from '../../lib/pages/directorySearch.ts';
import type { Unit } from '../../lib/types.ts';
import type { Effects } from '../effects.ts';
import type { FacilitiesResult } from './facilities.ts';
import type { AtlasPage } from './publishFacilities.ts';
import { mainLevels } from '../../lib/schemes/levels.ts';

/**
 * Writes the place finder's unit index (`public/data/search/units.json`: every unit with name, level and parent, see
 * `searchPlaces.ts`). Every atlas has one, with or without a facility directory; the header of every page searches it.
 */
export async function publishPlaceIndex(config: AtlasConfig, units: readonly Unit[], fx: Effects): Promise<void> {
  await fx.write(`public${PLACE_INDEX_URL}`, JSON.stringify(buildPlaceIndex(config.levels, units)));
}

/**
 * Stage 6b: writes the directory search's index `index` (`public/data/search/facilities.json`, the entries by column,
 * see `searchRecord.ts`; built once in build.ts, the radius file follows its rows) and the search page's model
 * (`build/directory/search.json`: the filters' choices).
 * @returns the search page in both languages for atlas.json `pages` (type `directory-search`).
 */
export async function publishSearch(
  config: AtlasConfig,
  facilities: FacilitiesResult,
  index: SearchIndexFile,
  units: readonly Unit[],
  fx: Effects,
): Promise<{ pages: AtlasPage[]; records: number }> {
  await fx.write(`public${SEARCH_INDEX_URL}`, JSON.stringify(index));
  const page = buildDirectorySearch(index, {
    levels: mainLevels(config.levels).map((l) => l.id),
    units,
    types: facilities.vocabulary.types,
    targetGroups: facilities.vocabulary.targetGroups,
  });
  await fx.write('build/directory/search.json', JSON.stringify(page));
  const pages: AtlasPage[] = [
    { type: 'directory-search', url: DIRECTORY_SEARCH_URL, lang: 'de' },
    { type: 'directory-search', url: `/en${DIRECTORY_SEARCH_URL}`, lang: 'en' },
  ];
  return { pages, records: page.total };
}
