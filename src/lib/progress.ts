import { formatNumber } from './format.ts';

/**
 * What the build says while it runs, so an editor sees its stage and how far it is instead of minutes of silence.
 * Pure: the texts and the decision which counts a plain (non-terminal) log prints; the writer is
 * src/pipeline/progress.ts.
 */

/**
 * The `globalThis` key of the page counter that the Astro build thread (src/pipeline/astroWorkerMain.ts) sets before
 * the first page and src/middleware.ts calls once per rendered page (the two are bundled apart, so only a global is
 * shared); the thread passes each url on to the site build (src/pipeline/site.ts).
 */
export const PAGE_COUNTER = '__sozialatlasPageRendered';
/** Called with the page's decoded url path (`/bezirke/mitte/`). */
export type PageCounterHost = { [PAGE_COUNTER]?: ((url?: string) => void) | undefined };

/** The stages an editor sees, in German (the build's language, like its error messages). */
export const STAGE_LABELS: Readonly<Record<string, string>> = {
  config: 'Konfiguration lesen',
  boundaries: 'Gebietsgrenzen lesen',
  tables: 'Tabellen lesen',
  fingerprint: 'Zwischenspeicher prüfen',
  schemes: 'Gebietsstände verknüpfen',
  facilities: 'Einrichtungen lesen',
  assessments: 'Einschätzungen lesen',
  overlays: 'Flächenebenen verschneiden',
  derive: 'Kennzahlen ableiten',
  indices: 'Indizes berechnen',
  render: 'Seitenmodelle vorbereiten',
  publishFacilities: 'Verzeichnis schreiben',
  facilityMaps: 'Einrichtungskarten schreiben',
  publishSearch: 'Suchindex schreiben',
  publishPlaces: 'Ortssuche schreiben',
  publishOverlays: 'Flächenebenen schreiben',
  publishIndices: 'Indexseiten schreiben',
  publishEditors: 'Berichte für Redaktionen schreiben',
  publishIndicators: 'Merkmalskarten schreiben',
  unitWorkers: 'Gebietsseiten vorbereiten',
  publish: 'Gebietsdaten schreiben',
  dataPackage: 'Datenpaket schreiben',
  astro: 'Seiten erzeugen',
  offline: 'Offline-Paket schreiben',
  check: 'Links und Adressen prüfen',
};

/** A stage's label; an unknown stage keeps its name. */
export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage] ?? stage;
}

/** "Einrichtungen lesen: 17 s" (a stage that ended). */
export function stageDoneText(stage: string, seconds: number): string {
  return `${stageLabel(stage)}: ${formatNumber(seconds, seconds < 10 ? 1 : 0, 'de')} s`;
}

/** One count within a stage: `done` of `total` (undefined when the total is not known yet). */
export interface ProgressCount {
  stage: string;
  /** Plural noun of what is counted, e.g. "Seiten", "Gebiete", "Einrichtungen". */
  what: string;
  done: number;
  total?: number | undefined;
  /** True when `total` is an estimate (the number of the previous build). */
  estimated?: boolean | undefined;
  /** Seconds since the stage began. */
  seconds: number;
}

/**
 * "Seiten erzeugen: 1.234 von 16.825 Seiten (7 %), 12 s" · "Seiten erzeugen: 1.234 von etwa 16.825 Seiten, 12 s" ·
 * "Seiten erzeugen: 1.234 Seiten, 12 s". A percentage only for an exact total.
 */
export function progressText(c: ProgressCount): string {
  const n = (x: number) => formatNumber(x, 0, 'de');
  let count = `${n(c.done)} ${c.what}`;
  if (c.total !== undefined && c.total > 0) {
    count = c.estimated
      ? `${n(c.done)} von etwa ${n(c.total)} ${c.what}`
      : `${n(c.done)} von ${n(c.total)} ${c.what} (${Math.min(100, Math.floor((c.done / c.total) * 100))} %)`;
  }
  return `${stageLabel(c.stage)}: ${count}, ${n(Math.round(c.seconds))} s`;
}

/**
 * For a plain log (CI, a file): which counts deserve a line. A line at every tenth of an exact total, or when
 * `everySeconds` passed since the last line (unknown or estimated totals), never two for the same step.
 * @returns the step to remember, or undefined when nothing is to be printed
 */
export function plainStep(
  c: ProgressCount,
  last: { step: number; seconds: number },
  everySeconds = 15,
): { step: number; seconds: number } | undefined {
  if (c.total !== undefined && c.total > 0 && !c.estimated) {
    const step = Math.floor((Math.min(c.done, c.total) / c.total) * 10);
    return step > last.step ? { step, seconds: c.seconds } : undefined;
  }
  return c.seconds - last.seconds >= everySeconds ? { step: last.step, seconds: c.seconds } : undefined;
}
