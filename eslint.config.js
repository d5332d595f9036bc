// One lint configuration for the whole repository (servers, web UI, packages, tests, scripts).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'var/**', 'test-results/**', '.runtime/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.node },
      // Type-aware rules: each file is linted with the types of the tsconfig that includes it.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its errors (an unhandled rejection) and its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      // French typography (issue #14): U+00A0 before : ; ? ! » is written as such in the text
      // people read (strings, templates, JSX text); it stays forbidden in code and comments.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true },
      ],
      'no-console': 'off',
    },
  },
  {
    // Tests may assert presence with `!`: a wrong guess fails the test, which is the point.
    files: ['**/*.test.ts', '**/*.spec.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['apps/declarant-web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
