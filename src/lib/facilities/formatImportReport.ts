import type { ImportReport } from './planImport.ts';

/**
 * The import report as text for the terminal (German, like all editor-facing output). Every skipped record and
 * every dropped value is listed with its reason; matches are summarised per source pair with their distances, the
 * least certain ones listed (all with `verbose`).
 */

const m = (d: number) => `${d.toFixed(0)} m`;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Formats the report; `verbose` lists every match. */
export function formatImportReport(report: ImportReport, options: { verbose?: boolean; weakest?: number } = {}): string {
  const out: string[] = ['Einrichtungs-Import', '', 'Quellen:'];
  for (const s of report.perSource) {
    out.push(`  ${s.label.padEnd(40)} ${String(s.features).padStart(5)} Datensätze, ${String(s.imported).padStart(5)} übernommen (${String(s.merged).padStart(3)} davon zusammengeführt), ${String(s.skipped).padStart(3)} übersprungen`);
  }
  const total = report.perSource.reduce((a, s) => a + s.features, 0);
  const imported = report.perSource.reduce((a, s) => a + s.imported, 0);
  out.push(`  ${'zusammen'.padEnd(40)} ${String(total).padStart(5)} Datensätze, ${String(imported).padStart(5)} übernommen → ${report.facilities} Einrichtungen`);

  out.push('', `Zusammengeführt (gleiche Einrichtung in zwei Quellen): ${report.matches.length}`);
  const pairs = [...new Set(report.matches.map((x) => x.pair))];
  for (const pair of pairs) {
    const ms = report.matches.filter((x) => x.pair === pair);
    const d = ms.map((x) => x.distanceM).sort((a, b) => a - b);
    out.push(`  ${pair}: ${ms.length} (Abstand Median ${m(quantile(d, 0.5))}, 90 % ≤ ${m(quantile(d, 0.9))}, max. ${m(d[d.length - 1] ?? 0)}; gleiche Adresse: ${ms.filter((x) => x.sameAddress).length})`);
  }
  const listed = options.verbose ? [...report.matches] : [...report.matches].sort((a, b) => a.score - b.score).slice(0, options.weakest ?? 15);
  if (listed.length > 0) {
    out.push(options.verbose ? '  Alle Zuordnungen:' : `  Die ${listed.length} unsichersten Zuordnungen (alle mit --verbose):`);
    for (const x of listed) {
      out.push(`    ${m(x.distanceM).padStart(5)}  Namensähnlichkeit ${x.nameSimilarity.toFixed(2)}${x.sameAddress ? ', gleiche Adresse' : ''}: „${x.aName}“ (${x.a}) = „${x.bName}“ (${x.b})`);
    }
  }

  out.push('', `Mögliche Dubletten (≤ 25 m, Namen verschieden, nicht zusammengeführt; bitte prüfen): ${report.possibleDuplicates.length}`);
  for (const x of report.possibleDuplicates) {
    out.push(`    ${m(x.distanceM).padStart(5)}${x.sameAddress ? ', gleiche Adresse' : ''}: „${x.aName}“ (${x.a}) / „${x.bName}“ (${x.b})`);
  }

  out.push('', `Übersprungen: ${report.skipped.length}`);
  const reasons = new Map<string, number>();
  const kind = (reason: string) => reason.replace(/ \(.*\)$/, '').replace(/".*"/, '…');
  for (const s of report.skipped) reasons.set(kind(s.reason), (reasons.get(kind(s.reason)) ?? 0) + 1);
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) out.push(`  ${String(n).padStart(5)} × ${reason}`);
  for (const s of report.skipped) out.push(`    ${s.source}: ${s.key ?? ''}${s.name ? ` „${s.name}“` : ''}: ${s.reason}`);

  out.push('', `Verworfene Einzelangaben (Datensatz übernommen, Feld leer gelassen): ${report.dropped.length}`);
  for (const d of report.dropped) out.push(`    ${d.key}: ${d.message}`);

  out.push('', `Von Trägern bearbeitete Angaben, beibehalten: ${report.providerEdits.length} Dateien`);
  for (const e of report.providerEdits) out.push(`    ${e.id}: ${[...e.fields, ...(e.body ? ['Text'] : [])].join(', ')}`);
  if (report.goneFromSources.length > 0) {
    out.push('', `Nicht mehr in den Quellen (Dateien unverändert gelassen, bitte prüfen): ${report.goneFromSources.length}`);
    for (const id of report.goneFromSources) out.push(`    ${id}`);
  }
  return out.join('\n');
}
