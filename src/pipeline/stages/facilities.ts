import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import type { FacilityVocabulary } from '../../schemas/facility.ts';
import { isStale, ageInDays } from '../../lib/facilities/freshness.ts';
import { locateFacility, type UnitLookup } from '../../lib/facilities/locateFacility.ts';
import { readFacilityDocument } from '../../lib/facilities/validateFacility.ts';
import { renderProviderMarkdown } from '../../lib/markdown.ts';
import { ProblemLog, type Problem } from '../../lib/problems.ts';
import { hashParts, type StageCache } from '../stageCache.ts';
import { mapLimit } from '../../lib/mapLimit.ts';
import type { Effects } from '../effects.ts';
import type { BoundariesResult } from './boundaries.ts';
import { FACILITIES_FILE } from './config.ts';
import { isMarkdownFileName, readUtf8Files, type ProviderFolder } from '../providerFiles.ts';
import { mainLevels } from '../../lib/schemes/levels.ts';
import type { PlacedFacility } from '../../lib/pages/facilityPage.ts';

/** The folder of the facility files inside an atlas folder. */
export const FACILITIES_DIR = 'content/facilities';
/** The template for providers in that folder; not an entry. */
export const TEMPLATE_FILE = '_template.md.txt';
/** Ids that would collide with the directory's own urls (`/einrichtungen/typ/…`, `/einrichtungen/gebiet/…`, the map and the radius query, the search). */
const RESERVED_IDS = new Set(['typ', 'gebiet', 'karte', 'umkreis', 'suche']);

/** The facility stage's result: the vocabulary, the reference date and the placed entries. */
export interface FacilitiesResult {
  vocabulary: FacilityVocabulary;
  /**
   * The date staleness is measured against: the build's date (`today` of the pipeline: `SOURCE_DATE_EPOCH` when set,
   * so builds are reproducible), or the atlas's `dataDate` when none is given (tests).
   */
  referenceDate: string;
  /** Sorted by id. */
  facilities: PlacedFacility[];
}

/**
 * Stage 4 (optional): reads the facility directory, `content/facilities/*.md`, when the atlas has a vocabulary
 * (`facilities` in atlas.yml or facilities.yml) and that folder. Every file is validated (front matter, schema,
 * vocabulary, id = file name); any other file than `*.md` and the template is refused (provider content is plain
 * Markdown, never MDX). Each entry is placed in the units of every level by its coordinates (outside the atlas:
 * error), its body rendered to sanitised HTML (what is not shown as written: warning) and marked stale by
 * `lastConfirmed`. With `locate: false` (the boundaries had errors) files are validated but not placed.
 * Returns undefined when the atlas has no directory.
 */
export async function readFacilities(
  config: AtlasConfig,
  boundaries: BoundariesResult,
  fx: Effects,
  log: ProblemLog,
  options: {
    locate?: boolean;
    cache?: StageCache | undefined;
    cacheSalt?: string | undefined;
    today?: string | undefined;
    /** Called after each file: how many of how many are read (for the build's progress line). */
    onFile?: ((done: number, total: number) => void) | undefined;
  } = {},
): Promise<FacilitiesResult | undefined> {
  const files = (await fx.exists(FACILITIES_DIR)) ? await fx.list(FACILITIES_DIR) : [];
  if (!config.facilities) {
    const entries = files.filter((f) => f.endsWith('.md'));
    if (entries.length > 0) {
      log.warn({
        file: FACILITIES_DIR,
        message: `${entries.length} Einrichtungsdateien, aber keine Wortliste: das Einrichtungsverzeichnis wird nicht gebaut.`,
        hint: `Arten und Zielgruppen in ${FACILITIES_FILE} (oder unter facilities: in atlas.yml) festlegen; siehe docs/atlas-folder.md, Abschnitt 4.7.`,
      });
    }
    return undefined;
  }
  if (!(await fx.exists(FACILITIES_DIR))) return undefined;
  const vocabulary: FacilityVocabulary = {
    types: config.facilities.types,
    targetGroups: config.facilities.targetGroups,
    staleAfterDays: config.facilities.staleAfterDays,
  };
  const units = new Map(boundaries.units.map((u) => [u.id, u]));
  const lookup: UnitLookup = {
    levels: mainLevels(config.levels).map((l) => l.id),
    find: (level, lon, lat) => boundaries.indexes.get(level)?.find(lon, lat),
    parentOf: (id) => units.get(id)?.parent,
  };
  const referenceDate = options.today ?? config.dataDate;
  const entryFiles = files.filter((file) => {
    const name = file.slice(FACILITIES_DIR.length + 1);
    return name !== TEMPLATE_FILE && isEntryFileName(name, file, log);
  });
  const facilities: PlacedFacility[] = [];
  const texts = await readUtf8Files(fx, entryFiles, log);
  const place = (file: string, text: string, fileLog: ProblemLog) =>
    placeFacility(file, text, fileLog, { vocabulary, lookup, referenceDate, locate: options.locate !== false });
  // With a packed cache (build.ts) the entries come from one file; else they are read many at once (one after the
  // other, the reads of 6,758 small files took seconds).
  const cache = options.cache;
  const keys = entryFiles.map((file, i) => {
    const text = texts[i];
    return text === undefined ? undefined : hashParts([options.cacheSalt ?? '', file, text]);
  });
  const hits = cache
    ? await mapLimit(keys, CACHE_READS, async (key) =>
        key === undefined ? undefined : await cache.get<CachedPlacement>(key),
      )
    : [];
  for (const [i, file] of entryFiles.entries()) {
    const text = texts[i];
    const key = keys[i];
    if (text === undefined || key === undefined) continue;
    const entry = cache ? await placeCached(cache, key, hits[i], file, text, log, place) : place(file, text, log);
    if (entry) facilities.push(entry);
    options.onFile?.(i + 1, entryFiles.length);
  }
  // Stored now, so a build that stops later (invalid input elsewhere) need not place the files again.
  await cache?.save();
  facilities.sort((a, b) => (a.facility.id < b.facility.id ? -1 : a.facility.id > b.facility.id ? 1 : 0));
  return { vocabulary, referenceDate, facilities };
}

interface PlaceContext {
  vocabulary: FacilityVocabulary;
  lookup: UnitLookup;
  referenceDate: string;
  locate: boolean;
}

/** One facility file: validated, placed in the units, its body rendered; undefined (and errors in `log`) if invalid. */
function placeFacility(file: string, text: string, log: ProblemLog, c: PlaceContext): PlacedFacility | undefined {
  const { vocabulary, lookup, referenceDate } = c;
  const read = readFacilityDocument(text, file, log, vocabulary);
  if (!read) return undefined;
  const f = read.facility;
  if (RESERVED_IDS.has(f.id)) {
    log.error({
      file,
      line: read.lineOf(['id']),
      field: 'id',
      message: `Die Kennung "${f.id}" ist für Seiten des Verzeichnisses reserviert.`,
      hint: 'Eine andere Kennung (und denselben Dateinamen) wählen, z. B. mit dem Namen der Einrichtung.',
    });
    return undefined;
  }
  let placed: string[] = [];
  if (c.locate) {
    const chain = locateFacility(f.location.lon, f.location.lat, lookup);
    if (!chain) {
      const swapped = locateFacility(f.location.lat, f.location.lon, lookup) !== undefined;
      log.error({
        file,
        line: read.lineOf(['location']),
        field: 'location',
        message: `Die Lage (lat ${f.location.lat}, lon ${f.location.lon}) liegt außerhalb des Atlas-Gebiets: kein Gebiet einer Ebene enthält sie.`,
        hint: swapped
          ? 'lat und lon sind offenbar vertauscht: lat ist die Breite (Nord), lon die Länge (Ost).'
          : 'Koordinaten in Grad (WGS84) prüfen, z. B. mit einer Online-Karte; Einrichtungen außerhalb der Stadt gehören nicht ins Verzeichnis.',
      });
      return undefined;
    }
    if (chain.length < lookup.levels.length) {
      log.warn({
        file,
        line: read.lineOf(['location']),
        field: 'location',
        message: `Die Lage liegt in keinem Gebiet der Ebene ${lookup.levels[chain.length]} (Lücke in deren Grenzdatei); zugeordnet bis ${chain.at(-1)}.`,
        hint: 'Grenzdateien der feineren Ebenen auf Lücken prüfen, oder die Koordinaten.',
      });
    }
    placed = chain;
  }
  const rendered = renderProviderMarkdown(read.body);
  for (const p of rendered.problems) {
    log.warn({
      file,
      line: p.line === undefined ? undefined : read.bodyLine + p.line - 1,
      field: 'Beschreibung',
      message: p.message,
      hint: 'Beschreibungen sind einfaches Markdown: Absätze, Listen, **fett**, Links auf https://…, mailto: oder tel:.',
    });
  }
  const ageDays = ageInDays(f.lastConfirmed, referenceDate);
  return {
    facility: f,
    file,
    html: rendered.html,
    units: placed,
    ageDays,
    stale: isStale(f.lastConfirmed, referenceDate, vocabulary.staleAfterDays),
  };
}

/**
 * {@link placeFacility} through the stage cache (`hit`: the entry under `key`, read beforehand): the key is the file's path and text plus the salt (code, boundaries,
 * vocabulary and reference date, see build.ts). A valid entry is stored with its warnings, which are reported again
 * when it is reused; a file with errors is never stored, so its errors are found anew on every build.
 */
async function placeCached(
  cache: StageCache,
  key: string,
  hit: CachedPlacement | undefined,
  file: string,
  text: string,
  log: ProblemLog,
  place: (file: string, text: string, log: ProblemLog) => PlacedFacility | undefined,
): Promise<PlacedFacility | undefined> {
  if (hit) {
    log.problems.push(...hit.problems);
    return hit.entry;
  }
  const fileLog = new ProblemLog();
  const entry = place(file, text, fileLog);
  log.merge(fileLog);
  if (entry && !fileLog.hasErrors)
    await cache.put(key, { entry, problems: fileLog.problems } satisfies CachedPlacement);
  return entry;
}

/** A placed facility in the stage cache, with the warnings its file gave. */
interface CachedPlacement {
  entry: PlacedFacility;
  problems: Problem[];
}

/** Cache entries read at once. */
const CACHE_READS = 64;

/** The facility folder as provider-file messages describe it (src/pipeline/providerFiles.ts). */
const FOLDER: ProviderFolder = {
  dir: FACILITIES_DIR,
  place: 'im Einrichtungsverzeichnis',
  expected: '<kennung>.md',
  template: TEMPLATE_FILE,
};

/** True for `<id>.md` directly in the folder; anything else is reported (MDX and other formats could run code). */
function isEntryFileName(name: string, file: string, log: ProblemLog): boolean {
  if (name.includes('/')) {
    log.error({
      file,
      message: 'Unterordner sind im Einrichtungsverzeichnis nicht vorgesehen.',
      hint: `Jede Einrichtung ist eine Datei <kennung>.md direkt in ${FACILITIES_DIR}/.`,
    });
    return false;
  }
  return isMarkdownFileName(name, file, log, FOLDER);
}
