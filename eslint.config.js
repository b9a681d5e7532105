import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { layers } from './server/layers.mjs';

const appFolders = ['kiosk', 'counter-display', 'staff-console'];

/** server/layers.mjs as eslint-plugin-boundaries elements: one type per layer, matched on the path from here. */
// A layer of single files (config.ts) is listed before root, whose pattern takes the other files of server/src.
const serverElements = Object.entries(layers).flatMap(([type, layer]) =>
  type === 'root'
    ? [{ type, pattern: 'server/src/*.ts', mode: 'file' }]
    : layer.files
      ? layer.files.map((file) => ({ type, pattern: `server/src/${file}`, mode: 'file' }))
      : layer.folders.map((folder) => ({ type, pattern: `server/src/${folder}/**`, partialMatch: false })),
);
const serverPolicies = Object.entries(layers).map(([type, layer]) => ({
  from: { element: { type } },
  allow: { to: { element: { types: { anyOf: layer.may.includes('*') ? Object.keys(layers) : [type, ...layer.may] } } } },
}));

// Plain JS files (e.g. scripts/*.mjs) run on Node and sit outside every tsconfig; `globals` is not a
// dependency, so the few Node globals they may use are listed here instead.
const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  Buffer: 'readonly',
  fetch: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  AbortController: 'readonly',
};

export default defineConfig(
  // __fixtures__: files that break the rules on purpose, linted only by the tests that expect the errors.
  globalIgnores(['**/dist/**', '**/node_modules/**', '**/drizzle/**', 'data/**', 'eslint.config.js', '**/__fixtures__/**']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is type-checked with the tsconfig of its own package, found by the project service.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Callback signatures (Fastify hooks, event handlers) often force a parameter we do not use;
      // a leading underscore marks that as deliberate.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Fastify plugins and handlers are async by contract (they return a promise or the reply value);
    // many need no await inside, so this rule would only push us to less idiomatic Fastify code.
    files: ['server/**/*.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // The server's folder rules (server/layers.mjs): a wrong arrow or a file in an unplaced folder fails lint.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': serverElements,
      // Elements are folders; the wiring files directly in server/src (app.ts, parts.ts, main.ts, config.ts) can
      // only be one through the legacy file mode, whose deprecation notice would print on every lint run.
      'boundaries/legacy-warnings': false,
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: serverPolicies }],
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // The apps and the React shell they share (@luot/shared/ui).
    files: [...appFolders.map((folder) => `${folder}/**/*.{ts,tsx}`), 'shared/src/ui/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
);
