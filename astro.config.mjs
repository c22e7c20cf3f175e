// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// Registers integrations and output settings only. The data pipeline (scripts/build.ts) runs first
// and hands its artifacts over through the cache folder (SOZIALATLAS_CACHE, default .atlas/).
const cache = process.env.SOZIALATLAS_CACHE ?? './.atlas';

export default defineConfig({
  outDir: process.env.SOZIALATLAS_OUT_DIR ?? './dist',
  // Vite's and Astro's own cache beside our artifacts, so two builds with different caches never share one.
  cacheDir: `${cache}/astro-cache`,
  publicDir: `${cache}/public`,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Inline assets would need 'unsafe-inline' or hashes under the Content-Security-Policy.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  integrations: [mdx()],
});
