import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const appFolders = ['kiosk', 'counter-display', 'staff-console'];

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
  globalIgnores(['**/dist/**', '**/node_modules/**', '**/drizzle/**', 'data/**', 'eslint.config.js']),
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
