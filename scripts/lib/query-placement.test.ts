// The lint rule "every query in a repository" (eslint.config.js) must keep catching queries
// outside `*.repository.ts` and `db/`: a change of the config that silently drops it fails here.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
// The type-aware rules are off here: they need a program, this test needs only the syntax rules.
const eslint = new ESLint({
  cwd: root,
  overrideConfig: [
    { ...tseslint.configs.disableTypeChecked, files: ['**/*.ts'] },
    { languageOptions: { parserOptions: { projectService: false } } },
  ],
});

const query = `import type { Kysely } from 'kysely';
export function firm(db: Kysely<{ firms: { id: string } }>) {
  return db.selectFrom('firms').selectAll().executeTakeFirst();
}
`;
const rawSql = `import { sql } from 'kysely';
export const one = sql\`select 1\`;
`;

async function placementErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('lint: every query in a repository', () => {
  it('refuses a query or raw SQL in a service, a route or a package', async () => {
    for (const path of [
      'apps/declarant-server/src/firm/firm-settings.service.ts',
      'apps/partner-server/src/ca/ca.routes.ts',
      'packages/server-kit/src/anything.ts',
    ]) {
      expect(await placementErrors(query, path)).toEqual([
        expect.stringContaining('*.repository.ts'),
      ]);
      expect(await placementErrors(rawSql, path)).toEqual([
        expect.stringContaining('*.repository.ts'),
      ]);
    }
  });

  it('lets repositories, db/ and tests query', async () => {
    for (const path of [
      'apps/declarant-server/src/firm/firm-settings.repository.ts',
      'apps/declarant-server/src/db/migrations/0001-x.ts',
      'packages/server-kit/src/db/database.ts',
      'apps/declarant-server/src/firm/firm-settings.test.ts',
      'packages/server-kit/src/testing/indexes.ts',
    ]) {
      expect(await placementErrors(query, path)).toEqual([]);
      expect(await placementErrors(rawSql, path)).toEqual([]);
    }
  });
});
