/**
 * `npm run serve`: serves the built site with the same headers a production host should send.
 *
 *   npm run serve -- [folder]      folder: the argument, else OUT_DIR, else dist/ in ATLAS_DIR (default:
 *                                          the project folder), as `npm run build` writes it; port from PORT (4321)
 */
import { resolve } from 'node:path';
import { startStaticServer } from '../src/pipeline/staticServer.ts';
import { defaultDirs, PROJECT_ROOT } from '../src/pipeline/site.ts';

const root =
  process.argv[2] ??
  defaultDirs(resolve(process.env['ATLAS_DIR'] ?? PROJECT_ROOT), { outDir: process.env['OUT_DIR'] }).outDir;
const port = Number(process.env['PORT'] ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid PORT: ${process.env['PORT']}`);
  process.exit(2);
}

try {
  const server = await startStaticServer({ root, port });
  console.log(`Serving ${root}/ on http://localhost:${server.port}/ (Ctrl+C to stop)`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (!process.argv[2]) console.error('Build the site first: npm run build');
  process.exit(1);
}
