/**
 * `npm run serve`: serves the built site with the same headers a production host should send.
 *
 *   npx tsx scripts/serve.ts [folder]     folder defaults to dist/; port from PORT (default 4321)
 */
import { startStaticServer } from '../src/pipeline/staticServer.ts';

const root = process.argv[2] ?? 'dist';
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
