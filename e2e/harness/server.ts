/**
 * The static server the browser tests visit the built site through. Its implementation stays in
 * `src/pipeline/staticServer.ts` because `npm run serve` and the Lighthouse run use the same server (one server, so
 * the tests see what the production host sends); the harness re-exports it so tests import browser and server from
 * one place.
 */
export {
  acceptsGzip,
  contentTypeFor,
  SECURITY_HEADERS,
  startStaticServer,
  type StaticServer,
} from '../../src/pipeline/staticServer.ts';
