// ESLint flat config; lives under scripts/ because the project's top level is fixed (see README).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist.partial/**',
      '.astro/**',
      '.bench/**',
      '.test-output/**',
      'node_modules/**',
      'content/drafts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Browser code: its own environment, no Node globals.
    files: ['src/client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
