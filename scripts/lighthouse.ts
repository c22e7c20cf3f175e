/**
 * `npm run lighthouse [-- folder] [--runs N]`: Lighthouse (mobile, offline on 127.0.0.1) on one page of every template
 * of the built site (default `dist/`), see src/pipeline/lighthouse.ts. Performance is the median of N runs (default 3).
 * Prints a table of scores and the audits that cost points, writes the whole summary to
 * `test-results/lighthouse.json`. Exit code 1 when a score is below the bar (accessibility 100; performance, best
 * practices, SEO ≥ 95), 2 when the audit could not run.
 *
 * Chromium: `CHROME_PATH` (default /usr/bin/chromium).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatLighthouseFindings, formatLighthouseTable, runLighthouseAudit } from '../src/pipeline/lighthouse.ts';

function parseArgs(argv: readonly string[]): { dist: string; runs: number } {
  let dist = 'dist';
  let runs = 3;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--runs') runs = Number(argv[++i]);
    else if (arg.startsWith('--runs=')) runs = Number(arg.slice('--runs='.length));
    else if (arg.startsWith('-'))
      throw new Error(`unknown option ${arg} (usage: npm run lighthouse -- [folder] [--runs N])`);
    else dist = arg;
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number ≥ 1');
  return { dist, runs };
}

async function main(): Promise<number> {
  const { dist, runs } = parseArgs(process.argv.slice(2));
  const report = await runLighthouseAudit({ dist, runs, log: (line) => console.log(line) });
  const out = path.resolve('test-results', 'lighthouse.json');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  const { cpus, loadBefore, loadAfter } = report.machine;
  console.log(
    `\nLighthouse ${report.lighthouseVersion}, ${report.browser}, ${report.formFactor}; ${cpus} CPUs, load ${loadBefore} → ${loadAfter}\n`,
  );
  console.log(formatLighthouseTable(report));
  const findings = formatLighthouseFindings(report);
  if (findings.length > 0) {
    console.log('\nAudits that cost points:');
    for (const line of findings) console.log(`  ${line}`);
  }
  console.log(`\nWritten: ${path.relative(process.cwd(), out)}`);
  if (report.belowBar.length === 0) {
    console.log('Every page meets the bar.');
    return 0;
  }
  console.error(`\n${report.belowBar.length} scores below the bar:`);
  for (const line of report.belowBar) console.error(`  ${line}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof Error && error.cause instanceof Error) console.error(`  cause: ${error.cause.message}`);
    process.exit(2);
  },
);
