import type {
  DirectoryAreaData,
  DirectoryIndexData,
  DirectoryTypeData,
  FacilityPageData,
  FreshnessReport,
} from '../lib/pages/facilityModel.ts';
import type { UnitPageData } from '../lib/pages/model.ts';
import type { DirectorySearchData } from '../lib/pages/directorySearch.ts';
import type { SiteData } from '../pipeline/stages/publish.ts';
import type { BreakListData } from '../lib/pages/breakList.ts';
import { readArtifact } from './artifacts.ts';

/**
 * Read access for pages to the pipeline's artifacts (the cache folder's build/, through artifacts.ts). Pages render
 * these precomputed results and compute nothing themselves.
 */
function readBuild<T>(...path: string[]): T {
  return readArtifact<T>(path.join('/'));
}

/** A page model read by one page in each language: parsed once for both (see `readArtifact`). */
function readModel<T>(...path: string[]): T {
  return readArtifact<T>(path.join('/'), { recent: true });
}

/** Site-wide data: atlas, levels, indicators, sources, units, home map, texts, facility index. */
export function getSite(): SiteData {
  return readArtifact<SiteData>('site.json', { keep: true });
}

/** The page model of one unit. */
export function getUnitPage(id: string): UnitPageData {
  return readModel<UnitPageData>('units', `${id}.json`);
}

/** The page model of one facility of the directory. */
export function getFacilityPage(id: string): FacilityPageData {
  return readModel<FacilityPageData>('facilities', `${id}.json`);
}

/** The directory's start page: types and top-level units with counts. */
export function getDirectoryIndex(): DirectoryIndexData {
  return readBuild<DirectoryIndexData>('directory', 'index.json');
}

/** The directory page of one facility type. */
export function getDirectoryType(type: string): DirectoryTypeData {
  return readModel<DirectoryTypeData>('directory', 'types', `${type}.json`);
}

/** The directory page of one unit (top two levels). */
export function getDirectoryArea(unitId: string): DirectoryAreaData {
  return readModel<DirectoryAreaData>('directory', 'areas', `${unitId}.json`);
}

/** Stale directory entries for the editors' report; undefined when the atlas has no directory. */
export function getFreshness(): FreshnessReport | undefined {
  return getSite().facilities ? readBuild<FreshnessReport>('freshness.json') : undefined;
}

/** The directory search page's model: the filters' choices (see `buildDirectorySearch`). */
export function getDirectorySearch(): DirectorySearchData {
  return readBuild<DirectorySearchData>('directory', 'search.json');
}

/** The list of every declared series break, for /daten/ (written by the publish stage). */
export function getBreakList(): BreakListData {
  return readBuild<BreakListData>('breaks.json');
}
