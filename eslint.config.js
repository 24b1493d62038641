// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { importBoundaries } from './eslint.boundaries.js';
import tseslint from 'typescript-eslint';

/**
 * ESLint for the whole repository: typescript-eslint's strict rules with type information for
 * TypeScript, eslint-plugin-astro for components, eslint-plugin-boundaries for the import map
 * between the top-level parts (`eslint.boundaries.js`). `npm run lint` allows no warning.
 */
export default defineConfig(
  {
    // Build output, dependencies, generated types and the editors' content are not code to lint.
    ignores: [
      'dist/**',
      'node_modules/**',
      '.astro/**',
      '.cache/**',
      '.tmp-admin/**',
      'admin/dist/**',
      'coverage/**',
      'content/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The team writes index-signature access with brackets (`process.env['X']`, `data['field']`),
      // which shows that the key may be missing.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      // `onClick={() => setOpen(false)}` is clear; the rule's complaint is for longer bodies.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // TypeScript itself reports undefined names, including the global types Astro declares.
      'no-undef': 'off',
      // The strict preset forbids `!`; this stylistic rule would ask for it instead of `as T`.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
      // Template literals with numbers are common and clear ("Strona 2 z 5").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Unused arguments named with a leading underscore are placeholders that a signature requires.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  importBoundaries,
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...astro.configs.recommended,
  {
    // Type information for .astro files comes from `astro check`; TypeScript's project service
    // does not load them, so the type-aware rules are off there.
    files: ['**/*.astro'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.astro/*.js', '**/*.astro/*.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
);
