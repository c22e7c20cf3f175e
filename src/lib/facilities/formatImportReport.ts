import type { FacilityMatch } from './matchFacilities.ts';
import type { ImportReport } from './planImport.ts';

/**
 * The import report as text for the terminal (German, like all editor-facing output). Every skipped record and
 * every dropped value is listed with its reason; matches are summarised per source pair with their distances, the
 * least certain ones listed (all with `verbose`).
 */

const m = (d: number) => `${d.toFixed(0)} m`;
const pad = (n: number, width: number) => String(n).padStart(width);

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function pairLine(x: FacilityMatch & { aName: string; bName: string }, separator: string): string {
  const similarity = separator === '=' ? `  Namensähnlichkeit ${x.nameSimilarity.toFixed(2)}` : '';
  const address = x.sameAddress ? ', gleiche Adresse' : '';
  return `    ${m(x.distanceM).padStart(5)}${similarity}${address}: „${x.aName}“ (${x.a}) ${separator} „${x.bName}“ (${x.b})`;
}

/** Formats the report; `verbose` lists every match, else the `weakest` (default 15) least certain ones. */
export function formatImportReport(
  report: ImportReport,
  options: { verbose?: boolean; weakest?: number } = {},
): string {
  const out: string[] = ['Einrichtungs-Import', '', 'Quellen:'];
  for (const s of report.perSource) {
    out.push(
      `  ${s.label.padEnd(40)} ${pad(s.features, 5)} Datensätze, ${pad(s.imported, 5)} übernommen ` +
        `(${pad(s.merged, 3)} davon zusammengeführt), ${pad(s.skipped, 3)} übersprungen` +
        (s.outside > 0 ? ` (${s.outside} außerhalb des Atlas)` : ''),
    );
  }
  const total = report.perSource.reduce((a, s) => a + s.features, 0);
  const imported = report.perSource.reduce((a, s) => a + s.imported, 0);
  const skipped = report.perSource.reduce((a, s) => a + s.skipped, 0);
  const outside = report.perSource.reduce((a, s) => a + s.outside, 0);
  out.push(
    `  ${'zusammen'.padEnd(40)} ${pad(total, 5)} Datensätze, ${pad(imported, 5)} übernommen → ${report.facilities} Einrichtungen`,
    `  Übernommen: ${imported}; übersprungen: ${skipped} (davon ${outside} außerhalb des Atlas-Gebiets).`,
  );

  out.push('', `Zusammengeführt (gleiche Einrichtung in zwei Quellen): ${report.matches.length}`);
  for (const pair of new Set(report.matches.map((x) => x.pair))) {
    const ms = report.matches.filter((x) => x.pair === pair);
    const d = ms.map((x) => x.distanceM).sort((a, b) => a - b);
    const same = ms.filter((x) => x.sameAddress).length;
    out.push(
      `  ${pair}: ${ms.length} (Abstand Median ${m(quantile(d, 0.5))}, 90 % ≤ ${m(quantile(d, 0.9))}, ` +
        `max. ${m(d[d.length - 1] ?? 0)}; gleiche Adresse: ${same})`,
    );
  }
  const byScore = [...report.matches].sort((a, b) => a.score - b.score);
  const listed = options.verbose ? report.matches : byScore.slice(0, options.weakest ?? 15);
  if (listed.length > 0) {
    out.push(
      options.verbose ? '  Alle Zuordnungen:' : `  Die ${listed.length} unsichersten Zuordnungen (alle mit --verbose):`,
    );
    for (const x of listed) out.push(pairLine(x, '='));
  }

  const dup = report.possibleDuplicates;
  out.push('', `Mögliche Dubletten (≤ 25 m, Namen verschieden, nicht zusammengeführt; bitte prüfen): ${dup.length}`);
  for (const x of dup) out.push(pairLine(x, '/'));

  out.push('', `Übersprungen: ${report.skipped.length}`);
  const kind = (reason: string) => reason.replace(/ \(.*\)$/, '').replace(/".*"/, '…');
  const reasons = new Map<string, number>();
  for (const s of report.skipped) reasons.set(kind(s.reason), (reasons.get(kind(s.reason)) ?? 0) + 1);
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) out.push(`  ${pad(n, 5)} × ${reason}`);
  for (const s of report.skipped)
    out.push(`    ${s.source}: ${s.key ?? ''}${s.name ? ` „${s.name}“` : ''}: ${s.reason}`);

  out.push('', `Verworfene Einzelangaben (Datensatz übernommen, Feld leer gelassen): ${report.dropped.length}`);
  for (const d of report.dropped) out.push(`    ${d.key}: ${d.message}`);

  out.push('', `Von Trägern bearbeitete Angaben, beibehalten: ${report.providerEdits.length} Dateien`);
  for (const e of report.providerEdits)
    out.push(`    ${e.id}: ${[...e.fields, ...(e.body ? ['Text'] : [])].join(', ')}`);
  const gone = report.goneFromSources;
  if (gone.length > 0) {
    out.push('', `Nicht mehr in den Quellen (Dateien unverändert gelassen, bitte prüfen): ${gone.length}`);
    for (const id of gone) out.push(`    ${id}`);
  }
  return out.join('\n');
}
