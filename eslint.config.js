import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-demo', 'coverage', '.data', 'custom-elements.json', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/browser/**/*.ts', 'demo/**/*.ts', 'bench/browser/**/*.ts'],
    ...lit.configs['flat/recommended'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/**/*.ts', 'test/browser/**/*.ts', 'demo/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['server/**/*.ts', 'test/server/**/*.ts', 'test/node/**/*.ts', 'test/e2e/**/*.ts', 'test/e2e-firefox/**/*.ts', 'test/support/e2e/**/*.ts', 'scripts/**/*.mjs', '*.config.*', 'bench/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Elements render; the data client fetches (STYLE.md habit 4).
    files: ['src/components/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Elements never fetch: go through the data client.' },
        { name: 'indexedDB', message: 'Elements never touch IndexedDB: go through the data client.' }],
    },
  },
);
