/**
 * A small static file server for the built site (`dist/`), used by `npm run serve` and the browser tests.
 *
 * It behaves like the static host the atlas is meant for: directory-style urls (`/x/` → `x/index.html`),
 * `/x` → 301 `/x/` when `x` is a folder, `404.html` as the not-found page, gzip when the client accepts it,
 * and the security headers a real deployment should send (see {@link SECURITY_HEADERS}). It never sets a cookie,
 * never lists a directory, never serves dot-files, and never serves a file outside `root` (no `..`, no symlink
 * escape).
 *
 * Node's `http` only, no framework.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/** Content types by lower-case file extension (without the dot). Unknown extensions: `application/octet-stream`. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  geojson: 'application/geo+json',
  topojson: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  pdf: 'application/pdf',
  zip: 'application/zip',
  wasm: 'application/wasm',
  webmanifest: 'application/manifest+json',
  mp4: 'video/mp4',
  webm: 'video/webm',
  vtt: 'text/vtt; charset=utf-8',
};

/** Extensions worth compressing on the fly. Images, fonts and video are already compressed. */
const COMPRESSIBLE = new Set([
  'html',
  'css',
  'js',
  'mjs',
  'json',
  'map',
  'geojson',
  'topojson',
  'csv',
  'txt',
  'md',
  'xml',
  'svg',
  'webmanifest',
  'wasm',
  'vtt',
  'ico',
]);

/**
 * Header-only Content-Security-Policy. A `<meta>` CSP cannot carry `frame-ancestors` (nor `report-uri`, `sandbox`),
 * see RELIABILITY.md §1.9, so the server sends it. It deliberately contains no `default-src`/`script-src`/`style-src`:
 * every policy is enforced on its own, so a header `script-src 'self'` would block the hashed inline scripts that
 * the page's own meta CSP allows. The other three directives repeat the meta policy for pages that lack one.
 */
export const HEADER_CSP = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/**
 * Security headers for every response. A production host should send the same (plus
 * `Strict-Transport-Security: max-age=31536000` over HTTPS, which browsers ignore over plain HTTP).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HEADER_CSP,
  'X-Content-Type-Options': 'nosniff',
  // Old browsers without frame-ancestors support.
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  // Only features Chromium recognises: an unknown feature name is logged as a console error on every page.
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /** Folder to serve, e.g. `dist`. Resolved against the working directory. */
  root: string;
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1` (not reachable from other machines). */
  host?: string;
}

/** A running server. */
export interface StaticServer {
  /** Origin without a trailing slash, e.g. `http://127.0.0.1:43127`. */
  url: string;
  port: number;
  /** Stops listening and drops open (keep-alive) connections. */
  close(): Promise<void>;
}

/** Content type for a file name, by extension (case-insensitive). */
export function contentTypeFor(fileName: string): string {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** True when an `Accept-Encoding` header value allows gzip (`gzip;q=0` forbids it). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  for (const part of acceptEncoding.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/**
 * Maps a request path to a path relative to the root, or `undefined` when it is not servable:
 * malformed percent-encoding, NUL bytes, backslashes, `..` segments (before or after decoding) or dot-files
 * (except `.well-known`).
 * @example safeRelativePath('/bezirke/mitte/') === 'bezirke/mitte/'
 */
export function safeRelativePath(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return undefined;
  const segments = decoded.split('/');
  for (const segment of segments) {
    if (segment === '..' || segment === '.') return undefined;
    if (segment.startsWith('.') && segment !== '.well-known') return undefined;
  }
  return decoded.slice(1);
}

interface Resolved {
  kind: 'file' | 'redirect' | 'missing';
  file?: string;
  location?: string;
}

async function isInside(root: string, file: string): Promise<boolean> {
  const real = await realpath(file);
  return real === root || real.startsWith(root + path.sep);
}

async function statOrUndefined(file: string) {
  try {
    return await stat(file);
  } catch {
    return undefined;
  }
}

async function resolveRequest(root: string, urlPath: string, search: string): Promise<Resolved> {
  const relative = safeRelativePath(urlPath);
  if (relative === undefined) return { kind: 'missing' };
  const target = path.join(root, relative);
  if (target !== root && !target.startsWith(root + path.sep)) return { kind: 'missing' };
  const info = await statOrUndefined(target);
  if (!info) return { kind: 'missing' };
  if (info.isDirectory()) {
    if (!urlPath.endsWith('/')) return { kind: 'redirect', location: `${urlPath}/${search}` };
    const index = path.join(target, 'index.html');
    const indexInfo = await statOrUndefined(index);
    if (!indexInfo?.isFile() || !(await isInside(root, index))) return { kind: 'missing' };
    return { kind: 'file', file: index };
  }
  if (!info.isFile() || !(await isInside(root, target))) return { kind: 'missing' };
  return { kind: 'file', file: target };
}

function baseHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status: number): Promise<void> {
  const info = await stat(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const type = contentTypeFor(file);
  const gzip =
    COMPRESSIBLE.has(path.extname(file).slice(1).toLowerCase()) && acceptsGzip(req.headers['accept-encoding']);
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (status === 200) {
    res.setHeader('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
  }
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  else res.setHeader('Content-Length', info.size);
  res.writeHead(status);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const source = createReadStream(file);
  await (gzip ? pipeline(source, createGzip(), res) : pipeline(source, res));
}

/**
 * Handles one request against `root` (an absolute, real path). Exported for tests that need no socket.
 */
export async function handleStaticRequest(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  baseHeaders(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method Not Allowed\n');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://static.invalid');
  const resolved = await resolveRequest(root, url.pathname, url.search);
  if (resolved.kind === 'redirect' && resolved.location) {
    res
      .writeHead(301, { Location: resolved.location, 'Content-Type': 'text/plain; charset=utf-8' })
      .end(`Moved to ${resolved.location}\n`);
    return;
  }
  if (resolved.kind === 'file' && resolved.file) {
    await sendFile(req, res, resolved.file, 200);
    return;
  }
  const notFoundPage = path.join(root, '404.html');
  if ((await statOrUndefined(notFoundPage))?.isFile()) {
    await sendFile(req, res, notFoundPage, 404);
    return;
  }
  res
    .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' })
    .end(req.method === 'HEAD' ? undefined : 'Not Found\n');
}

/**
 * Serves `root` over HTTP until `close()` is called.
 * @example const server = await startStaticServer({ root: 'dist', port: 0 }); // server.url → 'http://127.0.0.1:43127'
 * @throws when `root` is not a folder or the port is taken.
 */
export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = await realpath(path.resolve(options.root)).catch((error: unknown) => {
    throw new Error(`static server root not found: ${options.root}`, { cause: error });
  });
  if (!(await stat(root)).isDirectory()) throw new Error(`static server root is not a folder: ${root}`);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handleStaticRequest(root, req, res).catch(() => {
      // The client went away mid-stream, or the file vanished between stat and read.
      if (!res.headersSent)
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal Server Error\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostInUrl}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
