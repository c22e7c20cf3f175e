import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RENDER_SCOPE, type RenderScopeHost } from '../lib/renderScope.ts';

/**
 * The one way pages read the pipeline's artifacts (the cache folder's `build/`, SOZIALATLAS_CACHE). Each read is
 * told to the site build's render scope, so an incremental build knows which pages an artifact feeds (see
 * src/lib/renderScope.ts); a read outside a page (in `getStaticPaths`) only decides which pages exist.
 */
const BUILD = join(process.env.SOZIALATLAS_CACHE ?? '.atlas', 'build');

const kept = new Map<string, unknown>();
/** The last artifacts read with `recent` (a page's models, read again by the page in the other language). */
const recent: { path: string; value: unknown }[] = [];
const RECENT = 4;

function record(path: string): void {
  (globalThis as RenderScopeHost)[RENDER_SCOPE]?.read(path);
}

/**
 * The parsed JSON artifact at `path` (posix, relative to `build/`). Pages treat it as read-only.
 * @param o.keep keep the parsed value for later calls (site-wide files read by every page); still recorded each call.
 * @param o.recent keep the last few values read this way: a page model read by the same page in both languages
 *   (which Astro renders one after the other, see routes.ts) is read and parsed once.
 */
export function readArtifact<T>(path: string, o: { keep?: boolean; recent?: boolean } = {}): T {
  record(path);
  if (o.keep && kept.has(path)) return kept.get(path) as T;
  const hit = o.recent ? recent.find((r) => r.path === path) : undefined;
  if (hit) return hit.value as T;
  const value = JSON.parse(readFileSync(join(BUILD, ...path.split('/')), 'utf8')) as T;
  if (o.keep) kept.set(path, value);
  if (o.recent && recent.unshift({ path, value }) > RECENT) recent.pop();
  return value;
}

/** The artifact at `path` if it exists (an optional artifact), else undefined; recorded either way. */
export function readOptionalArtifact<T>(path: string, o: { keep?: boolean } = {}): T | undefined {
  record(path);
  if (o.keep && kept.has(path)) return kept.get(path) as T | undefined;
  const value = existsSync(join(BUILD, ...path.split('/'))) ? readArtifact<T>(path) : undefined;
  if (o.keep) kept.set(path, value);
  return value;
}
