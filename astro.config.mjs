// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// Registers integrations and output settings only. The data pipeline (scripts/build.ts) runs first
// and hands its artifacts over through the cache folder (SOZIALATLAS_CACHE, default .atlas/).
const cache = process.env.SOZIALATLAS_CACHE ?? './.atlas';

export default defineConfig({
  outDir: process.env.SOZIALATLAS_OUT_DIR ?? './dist',
  // Vite's and Astro's own cache beside our artifacts, so two builds with different caches never share one. For
  // `astro dev` and `astro check`: `npm run build` (src/pipeline/astroBuild.ts) starts Astro while the pipeline still
  // replaces this folder, so it gives Astro a cache folder of its own (`<cache>-astro`) and no public folder, and
  // links the public folder into the output itself.
  cacheDir: `${cache}/astro-cache`,
  publicDir: `${cache}/public`,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Inline assets would need 'unsafe-inline' or hashes under the Content-Security-Policy.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  integrations: [mdx()],
});
