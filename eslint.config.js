// ESLint (flat config): typescript-eslint's recommended rules for TypeScript, eslint-plugin-astro's for .astro files.
// Formatting is Prettier's job (npm run format:check); this config checks code, not layout.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist.*/',
      '.atlas*/',
      '*-stages/',
      '.astro/',
      'test-results/',
      'test/fixtures/site/',
      'public/',
      // data/ holds the atlas's data; only the demo's own checks of it (data/berlin/verify/) are code.
      'data/*',
      '!data/berlin/',
      'data/berlin/*',
      '!data/berlin/verify/',
      'content/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: {
        // Node (scripts, pipeline, tests) and the browser (src/client): both are used in this project.
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        performance: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        structuredClone: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        document: 'readonly',
        window: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        history: 'readonly',
        caches: 'readonly',
        self: 'readonly',
        Blob: 'readonly',
        AbortController: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
