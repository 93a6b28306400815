// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Correctness rules only: layout is prettier's job (npm run lint runs both), so no stylistic rule
 * is enabled here. TypeScript files are linted with type information (the tsconfig's project).
 */
export default defineConfig(
  { ignores: ['data/', 'node_modules/', 'coverage/', '.tap/', 'dist/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Every switch on a union names every member (STYLE.md: default assigns to never).
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // `import type` / inline `type`: erased imports stay erased (verbatimModuleSyntax).
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': [
        'error',
        // tap queues each t.test() itself and finishes it before the file ends.
        { allowForKnownSafePromises: [{ from: 'package', package: '@tapjs/core', name: 'PromiseWithSubtest' }] },
      ],
      // An async function without await is how a callback promises a result (kysely migration
      // providers, fastify handlers, tap subtests); flagging it would only add noise.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a binding kept on purpose (e.g. a property dropped by destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], extends: [tseslint.configs.disableTypeChecked] },
  {
    // The audit and report pages' scripts and the module they share (src/api/pages/assets) run in
    // the browser, served as they are (no build step).
    files: ['src/api/audit/page/**/*.js', 'src/api/reports/page/**/*.js', 'src/api/pages/assets/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'atob',
          'document',
          'fetch',
          'location',
          'sessionStorage',
          'setTimeout',
          'TextDecoder',
          'URL',
          'URLSearchParams',
          'window',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
);
