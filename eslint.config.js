// One lint configuration for the whole repository (servers, web UI, packages, tests, scripts).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The query builder's entry points (Kysely): a call of one of them is a query. */
const QUERY_METHODS =
  '/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/';

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
    // Every query in a repository: only `*.repository.ts` and `db/` (the schema, migrations,
    // database opening, keyset paging) touch the query builder or raw SQL. Tests, test support
    // (`testing/`, `test/`), e2e and benches are exempt: they may read the database directly as
    // an oracle. `scripts/lib/query-placement.test.ts` proves the rule still catches a query.
    files: ['apps/*/src/**/*.ts', 'packages/*/src/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/db/**', '**/*.test.ts', '**/testing/**', '**/test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=${QUERY_METHODS}]`,
          message: 'Queries live in a `*.repository.ts` (or `db/`): call a repository function.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kysely',
              importNames: ['sql'],
              message: 'Raw SQL lives in a `*.repository.ts` (or `db/`).',
            },
          ],
        },
      ],
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
