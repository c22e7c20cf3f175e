/**
 * Lighthouse audit of the built site (issue "Public-sector quality", item 7): serves `dist/` with
 * {@link startStaticServer}, starts Debian's Chromium headless with a fresh profile and runs Lighthouse (Node API,
 * default config = mobile preset with simulated throttling) on one page of every template listed in
 * `dist/data/atlas.json`: every `pages[].type` in every language, and the first unit of every level. Nothing leaves
 * the machine: the site is served on 127.0.0.1 and Chromium runs with background networking, component updates and
 * sync switched off.
 *
 * The bar: accessibility 100, performance, best practices and SEO ≥ 95 (see {@link LIGHTHOUSE_BAR}).
 *
 * Lighthouse (npm `lighthouse`, a devDependency) is loaded on demand, so the rest of the pipeline does not need it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startStaticServer } from './staticServer.ts';

/** The categories audited, in report order. */
export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

/** Lowest acceptable score per category, 0–100. */
export const LIGHTHOUSE_BAR: Readonly<Record<LighthouseCategory, number>> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 95,
  seo: 95,
};

/** Short column titles for the table. */
const SHORT: Readonly<Record<LighthouseCategory, string>> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'bp',
  seo: 'seo',
};

/**
 * Chromium flags for a quiet, offline, root-safe headless run (as e2e/harness/browser.ts, plus what chrome-launcher adds for
 * stable Lighthouse timings). The caller adds `--remote-debugging-port` and `--user-data-dir`.
 */
export const LIGHTHOUSE_CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-hang-monitor',
  '--metrics-recording-only',
  '--mute-audio',
  '--password-store=basic',
  '--use-mock-keychain',
] as const;

/** Path of Chromium: `CHROME_PATH` (as chrome-launcher reads it), else `CHROMIUM_PATH`, else `/usr/bin/chromium`. */
export function lighthouseChromePath(env: NodeJS.ProcessEnv = process.env): string {
  return env['CHROME_PATH'] ?? env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

/** The part of `data/atlas.json` this module reads. */
export interface LighthouseAtlasJson {
  levels: { id: string }[];
  units: { level: string; name: string; url: string }[];
  pages: { type: string; url: string; lang?: string }[];
}

/** A page to audit. */
export interface LighthousePage {
  /** e.g. `home (de)`, `unit bezirk (de)`, `legal (de)`. */
  label: string;
  /** Url path, e.g. `/bezirk/12/`. */
  path: string;
}

const toPath = (url: string) => {
  const parsed = new URL(url, 'http://site.invalid');
  return `${parsed.pathname}${parsed.search}`;
};
const langOf = (page: { url: string; lang?: string }) =>
  page.lang ?? (/^\/en(\/|$)/.test(toPath(page.url)) ? 'en' : 'de');

/**
 * One page of every template: the first page of every `pages[].type` in every language (home first), and the first
 * unit of every level. Paths are unique.
 * @example selectLighthousePages(atlas)[0] // { label: 'home (de)', path: '/' }
 */
export function selectLighthousePages(atlas: LighthouseAtlasJson): LighthousePage[] {
  const out: LighthousePage[] = [];
  const seen = new Set<string>();
  const add = (label: string, url: string) => {
    const p = toPath(url);
    if (seen.has(p)) return;
    seen.add(p);
    out.push({ label, path: p });
  };
  const types = [...new Set(atlas.pages.map((page) => page.type))].sort(
    (a, b) => Number(b === 'home') - Number(a === 'home'),
  );
  const langs = [...new Set(atlas.pages.map(langOf))].sort((a, b) => Number(b === 'de') - Number(a === 'de'));
  for (const type of types.filter((t) => t === 'home'))
    for (const lang of langs) {
      const page = atlas.pages.find((p) => p.type === type && langOf(p) === lang);
      if (page) add(`${type} (${lang})`, page.url);
    }
  for (const level of atlas.levels) {
    const unit = atlas.units.find((u) => u.level === level.id);
    if (unit) add(`unit ${level.id} (de)`, unit.url);
  }
  for (const type of types.filter((t) => t !== 'home'))
    for (const lang of langs) {
      const page = atlas.pages.find((p) => p.type === type && langOf(p) === lang);
      if (page) add(`${type} (${lang})`, page.url);
    }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The parts of Lighthouse's API and result used here (lighthouse/types/lhr), so this file type-checks on its own.

interface LhrAudit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  details?: { type?: string; items?: Record<string, unknown>[] };
}
interface Lhr {
  lighthouseVersion: string;
  environment?: { benchmarkIndex?: number };
  userAgent: string;
  fetchTime: string;
  finalDisplayedUrl: string;
  runWarnings: string[];
  runtimeError?: { code: string; message: string };
  categories: Record<
    string,
    { id: string; title: string; score: number | null; auditRefs: { id: string; weight: number; group?: string }[] }
  >;
  audits: Record<string, LhrAudit>;
}
/** `lighthouse(url, flags)` of the npm package: resolves to `{ lhr }` (undefined when the run could not start). */
export type LighthouseRunner = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: Lhr } | undefined>;

/** Loads the `lighthouse` package (default export). */
export async function loadLighthouse(): Promise<LighthouseRunner> {
  const specifier = 'lighthouse';
  try {
    const module = (await import(specifier)) as { default: LighthouseRunner };
    return module.default;
  } catch (error) {
    throw new Error('the npm package "lighthouse" is missing: npm ci (it is a devDependency)', { cause: error });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Chromium with a DevTools port

/** A started Chromium: its DevTools port and version, and how to stop it (and delete its profile). */
export interface RunningChrome {
  port: number;
  version: string;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh temporary profile and a DevTools port chosen by Chromium. */
async function launchChrome(chromePath: string, flags: readonly string[]): Promise<RunningChrome> {
  const profile = await mkdtemp(path.join(tmpdir(), 'sozialatlas-lighthouse-'));
  const child: ChildProcess = spawn(
    chromePath,
    [...flags, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(
        () => reject(new Error(`Chromium printed no DevTools address within 30 s:\n${log.slice(-2000)}`)),
        30_000,
      );
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        if (log.length < 100_000) log += chunk;
        const match = /DevTools listening on ws:\/\/[^\s/]+:(\d+)\//.exec(log);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(
          new Error(`cannot start Chromium at ${chromePath} (apt-get install chromium, or set CHROME_PATH)`, {
            cause: error,
          }),
        );
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited (${code ?? signal}) before DevTools was ready:\n${log.slice(-2000)}`));
      });
    });
    const versionInfo = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { Browser?: string };
    return { port, version: versionInfo.Browser ?? 'unknown', close };
  } catch (error) {
    await close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Running and reporting

/** An audit that cost points in a category. */
export interface LighthouseFinding {
  category: LighthouseCategory;
  id: string;
  title: string;
  /** 0–1, as Lighthouse reports it. */
  score: number;
  /** Weight of the audit in the category score. */
  weight: number;
  displayValue?: string;
  /** Up to 5 items: element selector and snippet, or url, with Lighthouse's label. */
  items: string[];
}

export interface LighthousePageResult extends LighthousePage {
  url: string;
  /** 0–100 per category (performance: the median run); null when Lighthouse could not compute it. */
  scores: Record<LighthouseCategory, number | null>;
  /** Performance score of every run, in run order. */
  performanceRuns: (number | null)[];
  /** Lighthouse's CPU benchmark of this machine per run (higher is faster; a 2020s laptop is about 1500–2500). */
  benchmarkIndex: (number | null)[];
  /** Core metrics (display values), e.g. `{ 'largest-contentful-paint': '1.2 s' }`. */
  metrics: Record<string, string>;
  /** Every weighted audit below 1 in an audited category. */
  findings: LighthouseFinding[];
  warnings: string[];
  error?: string;
}

export interface LighthouseReport {
  lighthouseVersion: string;
  browser: string;
  fetchTime: string;
  formFactor: 'mobile';
  /**
   * The machine: CPU count and 1-minute load average before and after the run. Performance (Total Blocking Time under
   * a 4× CPU slowdown) drops when other processes use the CPU; compare with `benchmarkIndex` of each page.
   */
  machine: { cpus: number; loadBefore: number; loadAfter: number };
  bar: Readonly<Record<LighthouseCategory, number>>;
  pages: LighthousePageResult[];
  /** Readable lines, one per page and category below the bar (empty = the site meets the bar). */
  belowBar: string[];
}

export interface LighthouseOptions {
  /** Built site to serve, default `dist`. */
  dist?: string;
  /** Pages to audit; default {@link selectLighthousePages} of the site's `data/atlas.json`. */
  pages?: LighthousePage[];
  chromePath?: string;
  /** Default {@link loadLighthouse}. */
  lighthouse?: LighthouseRunner;
  /** Progress lines, e.g. `console.log`. */
  log?: (line: string) => void;
  /** Starts Chromium with the given path and flags; default: a fresh temporary profile each time (tests pass a fake). */
  launch?: (chromePath: string, flags: readonly string[]) => Promise<RunningChrome>;
  /**
   * Lighthouse runs per page, default 3: the first audits every category, the others performance only; the page's
   * performance score, metrics and findings are those of the median run (performance varies from run to run, the
   * other categories do not).
   */
  runs?: number;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

function describeItem(item: Record<string, unknown>): string {
  const node = item['node'] as { selector?: string; snippet?: string; explanation?: string } | undefined;
  if (node && (node.selector || node.snippet)) {
    const snippet = (node.snippet ?? '').replace(/\s+/g, ' ').slice(0, 160);
    return (
      `${node.selector ?? ''} ${snippet}`.trim() +
      (node.explanation ? ` — ${node.explanation.replace(/\s+/g, ' ').slice(0, 240)}` : '')
    );
  }
  for (const key of ['url', 'source', 'description', 'label', 'value']) {
    const value = item[key];
    if (typeof value === 'string' && value) return value.slice(0, 200);
    if (value && typeof value === 'object' && 'url' in value && typeof (value as { url: unknown }).url === 'string')
      return (value as { url: string }).url;
  }
  return JSON.stringify(item).slice(0, 200);
}

/** Category scores (0–100), metrics and weighted audits below 1, from one Lighthouse result. */
export function summariseLhr(lhr: Lhr): Pick<LighthousePageResult, 'scores' | 'metrics' | 'findings' | 'warnings'> {
  const scores = {} as Record<LighthouseCategory, number | null>;
  const findings: LighthouseFinding[] = [];
  for (const category of LIGHTHOUSE_CATEGORIES) {
    const entry = lhr.categories[category];
    scores[category] = entry?.score === null || entry?.score === undefined ? null : Math.round(entry.score * 100);
    for (const ref of entry?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      if (['notApplicable', 'manual', 'informative', 'error'].includes(audit.scoreDisplayMode)) continue;
      const items = (audit.details?.items ?? []).slice(0, 5).map(describeItem);
      findings.push({
        category,
        id: audit.id,
        title: audit.title,
        score: audit.score,
        weight: ref.weight,
        ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
        items,
      });
    }
  }
  const metrics: Record<string, string> = {};
  for (const id of METRICS) {
    const audit = lhr.audits[id];
    if (audit?.displayValue) metrics[id] = audit.displayValue;
  }
  return { scores, metrics, findings, warnings: lhr.runWarnings };
}

const perfScore = (lhr: Lhr): number | null => {
  const score = lhr.categories['performance']?.score;
  return score === null || score === undefined ? null : Math.round(score * 100);
};

/** The run with the median performance score (the lower middle one for an even count). */
function medianRun(lhrs: readonly Lhr[]): Lhr {
  const sorted = [...lhrs].sort((a, b) => (perfScore(a) ?? -1) - (perfScore(b) ?? -1));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error('no Lighthouse run');
  return median;
}

/** Lines for the categories of one page below {@link LIGHTHOUSE_BAR}. */
export function belowBar(page: Pick<LighthousePageResult, 'label' | 'path' | 'scores' | 'error'>): string[] {
  if (page.error) return [`${page.label} ${page.path}: ${page.error}`];
  return LIGHTHOUSE_CATEGORIES.flatMap((category) => {
    const score = page.scores[category];
    return score === null || score < LIGHTHOUSE_BAR[category]
      ? [`${page.label} ${page.path}: ${category} ${score ?? 'no score'} < ${LIGHTHOUSE_BAR[category]}`]
      : [];
  });
}

/** Whether the Lighthouse suite runs, is skipped (only on request) or fails (Lighthouse could not be loaded). */
export type LighthouseSuitePlan = { run: LighthouseRunner } | { skip: string } | { fail: string };

/**
 * Decides the Lighthouse suite from `SOZIALATLAS_SKIP_LIGHTHOUSE` and `load` (default {@link loadLighthouse}, not
 * called when skipped): skipped only when the variable is `1`; a Lighthouse that cannot be loaded (it is a
 * devDependency) fails with its error, never turns into a skipped suite.
 */
export async function lighthouseSuitePlan(
  env: NodeJS.ProcessEnv,
  load: () => Promise<LighthouseRunner> = loadLighthouse,
): Promise<LighthouseSuitePlan> {
  if (env['SOZIALATLAS_SKIP_LIGHTHOUSE'] === '1') return { skip: 'SOZIALATLAS_SKIP_LIGHTHOUSE=1' };
  try {
    return { run: await load() };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return {
      fail: `Lighthouse could not be loaded: ${error instanceof Error ? error.message : String(error)}${cause}`,
    };
  }
}

/**
 * Lines `<url>: <error>`, one per page that did not load or got no score at all, or one for the whole audit when it
 * stopped (`auditError`, e.g. no built site or no Chromium, with the served folder `dist`). Empty: every page loaded.
 */
export function lighthouseLoadFailures(
  report: Pick<LighthouseReport, 'pages'> | undefined,
  auditError?: { dist: string; error: unknown },
): string[] {
  if (auditError) {
    const { dist, error } = auditError;
    return [`${dist}/: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (!report) return ['no Lighthouse report'];
  if (report.pages.length === 0) return ['no page audited'];
  return report.pages.flatMap((p) => {
    if (p.error !== undefined) return [`${p.url}: ${p.error}`];
    return LIGHTHOUSE_CATEGORIES.every((c) => p.scores[c] === null) ? [`${p.url}: no score in any category`] : [];
  });
}

/** Attempts per Lighthouse run of a page (see {@link runLighthouseAudit}). */
const ATTEMPTS = 3;

/**
 * Serves `dist`, runs Lighthouse on every page one after the other in one Chromium (started anew after a failed
 * attempt), and returns the report.
 * @throws when the site, Chromium or Lighthouse is missing; a failed page is recorded in its `error` instead.
 */
export async function runLighthouseAudit(options: LighthouseOptions = {}): Promise<LighthouseReport> {
  const dist = options.dist ?? 'dist';
  const log = options.log ?? (() => undefined);
  const lighthouse = options.lighthouse ?? (await loadLighthouse());
  const pages =
    options.pages ??
    selectLighthousePages(
      JSON.parse(await readFile(path.join(dist, 'data', 'atlas.json'), 'utf8')) as LighthouseAtlasJson,
    );
  const loadBefore = loadavg()[0] ?? 0;
  const server = await startStaticServer({ root: dist, port: 0 });
  let chrome: RunningChrome | undefined;
  const launch = options.launch ?? launchChrome;
  const chromePath = options.chromePath ?? lighthouseChromePath();
  try {
    chrome = await launch(chromePath, LIGHTHOUSE_CHROME_FLAGS);
    log(
      `Lighthouse on ${pages.length} pages of ${dist}/ served at ${server.url}, ${chrome.version} (mobile, simulated throttling)`,
    );
    const results: LighthousePageResult[] = [];
    let version = '';
    let fetchTime = '';
    const runs = Math.max(1, Math.floor(options.runs ?? 3));
    for (const page of pages) {
      const url = `${server.url}${page.path}`;
      const started = Date.now();
      const lhrs: Lhr[] = [];
      const runErrors: string[] = [];
      let error: string | undefined;
      // A run can fail for reasons outside the page (e.g. NO_NAVSTART, a trace Chromium did not finish, which the same
      // Chromium may repeat): each run gets two more attempts, each in a newly started Chromium with a fresh profile;
      // a failed extra performance run is left out and noted, a failed first run fails the page.
      for (let run = 0; run < runs && error === undefined; run++) {
        const categories = run === 0 ? [...LIGHTHOUSE_CATEGORIES] : ['performance'];
        for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
          try {
            if (attempt > 1) {
              const old = chrome;
              chrome = undefined;
              await old.close();
              chrome = await launch(chromePath, LIGHTHOUSE_CHROME_FLAGS);
            }
            const result = await lighthouse(url, {
              port: chrome.port,
              output: 'json',
              logLevel: 'error',
              onlyCategories: categories,
            });
            if (!result) throw new Error('Lighthouse returned no result');
            if (result.lhr.runtimeError)
              throw new Error(`${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
            lhrs.push(result.lhr);
            break;
          } catch (caught) {
            const message = caught instanceof Error ? caught.message : String(caught);
            runErrors.push(`run ${run + 1}, attempt ${attempt}: ${message}`);
            if (attempt === ATTEMPTS && run === 0) error = message;
            // Without a Chromium no further page can be audited: the audit stops with the reason.
            if (!chrome) throw caught;
          }
        }
      }
      const first = lhrs[0];
      if (!first || error !== undefined) {
        results.push({
          ...page,
          url,
          scores: { performance: null, accessibility: null, 'best-practices': null, seo: null },
          performanceRuns: lhrs.map((l) => perfScore(l)),
          benchmarkIndex: lhrs.map((l) => l.environment?.benchmarkIndex ?? null),
          metrics: {},
          findings: [],
          warnings: runErrors,
          error: error ?? 'no Lighthouse result',
        });
      } else {
        version ||= first.lighthouseVersion;
        fetchTime ||= first.fetchTime;
        const median = medianRun(lhrs);
        const all = summariseLhr(first);
        const perf = summariseLhr(median);
        results.push({
          ...page,
          url,
          scores: { ...all.scores, performance: perf.scores.performance },
          performanceRuns: lhrs.map((l) => perfScore(l)),
          benchmarkIndex: lhrs.map((l) => l.environment?.benchmarkIndex ?? null),
          metrics: perf.metrics,
          findings: [
            ...perf.findings.filter((f) => f.category === 'performance'),
            ...all.findings.filter((f) => f.category !== 'performance'),
          ],
          warnings: [...new Set(lhrs.flatMap((l) => l.runWarnings)), ...runErrors],
        });
      }
      const last = results.at(-1);
      const perfRuns = runs > 1 ? ` (runs ${last?.performanceRuns.map((r) => r ?? '–').join('/')})` : '';
      log(
        `  ${page.label} ${page.path}: ${LIGHTHOUSE_CATEGORIES.map((c) => `${SHORT[c]} ${last?.scores[c] ?? '–'}`).join(', ')}${perfRuns}, ${((Date.now() - started) / 1000).toFixed(0)} s${last?.error ? ` – ${last.error}` : ''}`,
      );
    }
    return {
      lighthouseVersion: version,
      browser: chrome.version,
      fetchTime,
      formFactor: 'mobile',
      machine: {
        cpus: availableParallelism(),
        loadBefore: Number(loadBefore.toFixed(2)),
        loadAfter: Number((loadavg()[0] ?? 0).toFixed(2)),
      },
      bar: LIGHTHOUSE_BAR,
      pages: results,
      belowBar: results.flatMap(belowBar),
    };
  } finally {
    await chrome?.close();
    await server.close();
  }
}

/** The scores as a fixed-width table, one row per page; a `!` marks a score below the bar. */
export function formatLighthouseTable(report: LighthouseReport): string {
  const head = ['page', 'path', ...LIGHTHOUSE_CATEGORIES.map((c) => `${SHORT[c]} ≥${LIGHTHOUSE_BAR[c]}`)];
  const rows = report.pages.map((p) => [
    p.label,
    p.path,
    ...LIGHTHOUSE_CATEGORIES.map((c) => {
      const score = p.scores[c];
      return score === null ? 'error' : `${score}${score < LIGHTHOUSE_BAR[c] ? ' !' : ''}`;
    }),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Readable lines for every finding of every page below the bar (what to fix), grouped by audit. */
export function formatLighthouseFindings(report: LighthouseReport): string[] {
  const byAudit = new Map<string, { finding: LighthouseFinding; pages: string[] }>();
  for (const page of report.pages) {
    for (const finding of page.findings) {
      const key = `${finding.category} ${finding.id}`;
      const entry = byAudit.get(key) ?? { finding, pages: [] };
      entry.pages.push(
        `${page.path} (${finding.displayValue ? `${finding.displayValue}, ` : ''}score ${finding.score.toFixed(2)})`,
      );
      byAudit.set(key, entry);
    }
  }
  const lines: string[] = [];
  for (const [key, { finding, pages }] of byAudit) {
    lines.push(`${key}: ${finding.title} (weight ${finding.weight}) on ${pages.join(', ')}`);
    for (const item of finding.items) lines.push(`    ${item}`);
  }
  return lines;
}
