import type { MultiPolygon, Polygon } from 'geojson';
import type { AtlasConfig } from '../../schemas/atlasConfig.ts';
import type { ProblemLog } from '../../lib/problems.ts';
import { crosswalkIds, readCrosswalk, type CrosswalkRead } from '../../lib/schemes/crosswalk.ts';
import {
  computeSchemeLinks,
  linksFromJson,
  linksToJson,
  type CrosswalkInput,
  type SchemeLinks,
  type SchemeLinksJson,
} from '../../lib/schemes/links.ts';
import { hashParts, type StageCache } from '../stageCache.ts';
import type { Effects } from '../effects.ts';
import type { BoundariesResult } from './boundaries.ts';

/** What the schemes stage found: the crosswalks as read (`pairs`: distinct pairs) and the links between the schemes' units. */
export interface SchemesResult {
  crosswalks: (Omit<CrosswalkRead, 'pairs'> & { file: string; pairs: number })[];
  links: SchemeLinks;
}

/**
 * Stage 3a: reads the crosswalks between boundary schemes (every entry must name units of the atlas: errors with
 * file, line and field) and links the units of the schemes by the overlap of their boundaries (see
 * src/lib/schemes/links.ts). Crosswalk entries the boundaries do not confirm, and intersections that fail, are
 * reported as warnings. Without two schemes there is nothing to link.
 */
export async function readSchemes(
  config: AtlasConfig,
  b: BoundariesResult,
  fx: Effects,
  log: ProblemLog,
  options: { link?: boolean; cache?: StageCache | undefined; cacheSalt?: string } = {},
): Promise<SchemesResult> {
  const idsOf = (level: string) => b.units.filter((u) => u.level === level).map((u) => u.id);
  const inputs: CrosswalkInput[] = [];
  const crosswalks: SchemesResult['crosswalks'] = [];
  for (const x of config.crosswalks) {
    // A level whose boundaries could not be read has no units: every line of the table would look unknown.
    const failed = [x.from.level, x.to.level].filter((l) => b.failed.has(l));
    if (failed.length > 0) {
      log.skip({
        file: x.file,
        message: `die Zuordnungstabelle, weil die Grenzen der Ebene ${failed.join(', ')} nicht gelesen werden konnten.`,
      });
      continue;
    }
    let text: string;
    try {
      text = await fx.readText(x.file);
    } catch {
      log.error({
        file: x.file,
        message: 'Zuordnungstabelle nicht lesbar oder nicht vorhanden.',
        hint: 'Pfad in atlas.yml (crosswalks[].file) prüfen.',
      });
      continue;
    }
    const read = readCrosswalk(
      {
        text,
        crosswalk: x,
        file: x.file,
        fromIds: crosswalkIds(x.from, idsOf(x.from.level)),
        toIds: crosswalkIds(x.to, idsOf(x.to.level)),
      },
      log,
    );
    inputs.push({ crosswalk: x, file: x.file, pairs: read.pairs });
    const { pairs, ...rest } = read;
    // An entry may appear in both directions: count each pair once.
    crosswalks.push({ ...rest, file: x.file, pairs: new Set(pairs.map((p) => `${p.from}\u0000${p.to}`)).size });
  }
  const empty: SchemeLinks = {
    successors: new Map(),
    predecessors: new Map(),
    report: { pairs: [], unconfirmed: [], failed: [], withoutSuccessor: [] },
  };
  if (config.schemes.length < 2 || options.link === false || log.hasErrors) return { crosswalks, links: empty };
  // The intersections take seconds (polyclip-ts computes exactly): kept in the stage cache under a hash of the whole
  // atlas folder and the code, so a rebuild with unchanged boundaries reuses them.
  const key = hashParts([options.cacheSalt ?? '', 'scheme-links']);
  const cached = await options.cache?.get<SchemeLinksJson>(key);
  let links: SchemeLinks;
  if (cached) links = linksFromJson(cached);
  else {
    const geometry = new Map<string, Polygon | MultiPolygon>();
    for (const features of b.features.values()) for (const f of features) geometry.set(f.id, f.geometry);
    links = computeSchemeLinks({
      levels: config.levels,
      schemes: config.schemes,
      units: b.units,
      geometry,
      crosswalks: inputs,
    });
    await options.cache?.put(key, linksToJson(links));
  }
  for (const u of links.report.unconfirmed)
    log.warn({
      file: u.file,
      line: u.line,
      field: u.from,
      message: `Die Zuordnung "${u.from}" → "${u.to}" wird von den Grenzen nicht bestätigt (keine Überschneidung).`,
      hint: 'Zuordnungstabelle und Grenzdateien prüfen; die Seiten nennen nur Zuordnungen, deren Flächen sich überschneiden.',
    });
  if (links.report.failed.length > 0)
    log.warn({
      file: config.levels.find((l) => l.scheme !== undefined)?.boundaries.file ?? 'atlas.yml',
      message: `Die Überschneidung ließ sich für ${links.report.failed.length} Gebietspaare nicht berechnen: ${links.report.failed.slice(0, 5).join(', ')}.`,
      hint: 'Die Flächen auf Selbstüberschneidungen prüfen (z. B. mit mapshaper -clean).',
    });
  if (links.report.withoutSuccessor.length > 0)
    log.warn({
      file: 'atlas.yml',
      field: 'schemes',
      message: `${links.report.withoutSuccessor.length} Gebiete überschneiden sich mit keinem Gebiet des neueren Gebietsstands: ${links.report.withoutSuccessor.slice(0, 5).join(', ')}.`,
      hint: 'Liegen sie außerhalb der neuen Grenzen? Grenzdateien prüfen.',
    });
  return { crosswalks, links };
}
