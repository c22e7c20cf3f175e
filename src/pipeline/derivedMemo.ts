/**
 * Boundaries, tables and the values derived from them, kept between builds (README "Incremental builds").
 *
 * Reading the indicator tables and deriving every sum, rate and protection took 10.8 of the 20 s of a rebuild of a
 * 5,000-unit atlas with 30 indicators and 10 years after one facility edit; with the boundaries, 1.5 s of a demo
 * rebuild. None of them depends on the facilities. So the boundaries as read, the problems the three stages reported
 * (warnings: a build with errors keeps nothing), the table report and the derived values, checks and protection
 * counts are kept under a key of every input but the facilities and the code (the pipeline's `salt`), in
 * `<cache>-stages/derived/<key>.v8`. A build with the same key replays the problems where the stages would have
 * reported them and takes the rest; any other key reads and derives again.
 *
 * The file is V8's serialisation (`node:v8`), not JSON: it keeps `undefined` fields, numbers such as NaN, Maps, and
 * the objects values share; and it is read in a fraction of the time. The values are packed first (packRecords.ts),
 * so that each text is written and read back once. An unreadable file counts as missing. The unit threads read the
 * file as well (unitWorkerMain.ts) instead of reading the tables.
 */
import { deserialize, serialize } from 'node:v8';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AggregationCheck } from '../lib/indicators/derive.ts';
import type { Value } from '../lib/indicators/store.ts';
import { packRecords, unpackRecords, type PackedRecords } from '../lib/packRecords.ts';
import type { ProtectionCounts } from '../lib/indicators/suppress.ts';
import type { Problem, SkippedCheck } from '../lib/problems.ts';
import type { TableReport } from './stages/tables.ts';
import type { BoundariesResult } from './stages/boundaries.ts';
import { createPolygonIndex } from '../lib/geo/pointIndex.ts';

/** Bumped when the shape below changes (the code is in the key as well; this guards a reader of another version). */
const VERSION = 2;

export interface Derived {
  /** The boundaries as read, without their point lookups ({@link packBoundaries}). */
  boundaries: Uint8Array;
  /** What reading the boundaries reported, in order. */
  boundaryProblems: Problem[];
  boundarySkips: SkippedCheck[];
  /** What the table and break checks reported, in order. */
  problems: Problem[];
  skipped: SkippedCheck[];
  /** What the data report shows of the tables. */
  report: TableReport;
  /** Every value of the store after deriving (before the composite indices), in the store's order. */
  values: Value[];
  checks: AggregationCheck[];
  protection?: ProtectionCounts | undefined;
}

/**
 * What the file holds: the values packed (each text once, see packRecords.ts), or as they are should a value hold
 * something packing does not take.
 */
interface Stored {
  version: number;
  derived: Omit<Derived, 'values'> & { values: { packed: PackedRecords } | { plain: Value[] } };
}

const fileOf = (stagesDir: string, key: string) => join(stagesDir, 'derived', `${key}.v8`);

/** The values kept under `key`, or undefined (none, another version, or unreadable). */
export async function readDerived(stagesDir: string, key: string): Promise<Derived | undefined> {
  try {
    const stored = deserialize(await readFile(fileOf(stagesDir, key))) as Stored;
    if (stored.version !== VERSION) return undefined;
    const { values, ...rest } = stored.derived;
    return {
      ...rest,
      // A typed array comes back as a view of the whole file read: a copy lets the file's bytes go.
      boundaries: rest.boundaries.slice(),
      values: 'packed' in values ? unpackRecords<Value>(values.packed) : values.plain,
    };
  } catch {
    return undefined;
  }
}

/** Keeps `derived` under `key` (written whole, then renamed) and removes what other keys kept. */
export async function writeDerived(stagesDir: string, key: string, derived: Derived): Promise<void> {
  const folder = join(stagesDir, 'derived');
  await mkdir(folder, { recursive: true });
  const file = fileOf(stagesDir, key);
  const packed = packRecords(derived.values);
  const stored: Stored = {
    version: VERSION,
    derived: { ...derived, values: packed ? { packed } : { plain: derived.values } },
  };
  await writeFile(`${file}.tmp`, serialize(stored));
  await rename(`${file}.tmp`, file);
  for (const name of await readdir(folder)) if (name !== `${key}.v8`) await rm(join(folder, name), { force: true });
}

/** The boundaries as read, serialised at once (later stages must not change what a later build takes). */
export function packBoundaries(b: BoundariesResult): Uint8Array {
  const { indexes: _made, ...rest } = b;
  return serialize(rest);
}

/** The boundaries packed by {@link packBoundaries}, with each level's point lookup made again from its features. */
export function unpackBoundaries(bytes: Uint8Array): BoundariesResult {
  const rest = deserialize(bytes) as Omit<BoundariesResult, 'indexes'>;
  const indexes = new Map([...rest.features].map(([level, features]) => [level, createPolygonIndex(features)]));
  return { ...rest, indexes };
}
