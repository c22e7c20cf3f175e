/**
 * Browser harness for the release gate (RELIABILITY.md §1.9, §4.5, §5, §6.3): visits pages of the built site in
 * Debian's Chromium through playwright-core and records everything the gate asserts on.
 *
 * One module per concern:
 * - browser.ts: launching Chromium, a fresh context per visit, the gate's viewports
 * - server.ts: the static server (re-exported from src/pipeline/staticServer.ts)
 * - visit.ts: opening a page and recording its events (console.ts, requests.ts, csp.ts, storage.ts hook in there)
 * - one module per gate check, each with the code collecting what it asserts on and its {@link GateCheck}:
 *   axe.ts, console.ts, requests.ts (`requests`, `resources`), storage.ts, csp.ts (`csp`, `cspMeta`), lang.ts,
 *   reflow.ts, cells.ts, keyboard.ts
 * - audit.ts: {@link auditPage} (every check on one page at one viewport) and {@link GATE_CHECKS} in report order
 * - pages.ts: choosing one page of every template from atlas.json; screenshot.ts: full-page screenshots
 */
export * from './audit.ts';
export * from './axe.ts';
export * from './browser.ts';
export * from './cells.ts';
export * from './console.ts';
export * from './csp.ts';
export * from './keyboard.ts';
export * from './lang.ts';
export * from './pages.ts';
export * from './reflow.ts';
export * from './requests.ts';
export * from './screenshot.ts';
export * from './server.ts';
export * from './storage.ts';
export * from './visit.ts';
