// Issue #15 item 5: tests, e2e tests and benches reach another app or package only through its
// published entries (`@passerelle/<name>` and `@passerelle/<name>/testing`), never by a relative
// path into its folder; and production code never imports a `testing` entry (so no bundle or
// server ships test support). Module names are read with the TypeScript pre-processor: imports,
// re-exports, `import()` and `require()`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './process.mjs';

const SCANNED = ['apps', 'packages', 'e2e', 'bench'];
const SOURCE = /\.(?:ts|tsx|mts|mjs|js)$/;

/** The workspace package (`apps/x`, `packages/y`) a repository path belongs to, if any. */
function packageOf(path: string): string | undefined {
  const [top, name] = path.split('/');
  return (top === 'apps' || top === 'packages') && name ? `${top}/${name}` : undefined;
}

/**
 * Test code: tests, test support (a `testing/` folder, or a file named `…-test-fixtures.ts` or
 * `…-test-support.ts`), e2e tests, benches and a package's own scripts.
 */
function isTestCode(path: string): boolean {
  return (
    /\.(?:test|spec)\.tsx?$/.test(path) ||
    /-test-(?:fixtures|support)\.ts$/.test(path) ||
    /(^|\/)testing\//.test(path) ||
    /^(e2e|bench)\//.test(path) ||
    /^packages\/[^/]+\/scripts\//.test(path)
  );
}

/** What is wrong with one module name imported by `file` (both relative to the repository). */
export function importProblem(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) {
    const target = relative(repoRoot, resolve(repoRoot, dirname(file), specifier))
      .split(sep)
      .join('/');
    const into = packageOf(target);
    if (into && into !== packageOf(file))
      return `${specifier}: a path into ${into} (import @passerelle/… or its /testing entry)`;
    if (!isTestCode(file) && /(^|\/)testing(\/|$)/.test(target))
      return `${specifier}: test support imported by production code`;
    return undefined;
  }
  if (/^@passerelle\/[^/]+\/src(\/|$)/.test(specifier))
    return `${specifier}: a path into a package's src/ (import its entry)`;
  if (!isTestCode(file) && /^@passerelle\/[^/]+\/testing(\/|$)/.test(specifier))
    return `${specifier}: test support imported by production code`;
  return undefined;
}

/** Every module name a source file imports, re-exports, `import()`s or `require()`s. */
function specifiersOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!['node_modules', 'dist', '.runtime', 'test-results'].includes(entry.name))
        yield* sourceFiles(path);
    } else if (SOURCE.test(entry.name)) yield path;
  }
}

describe('imports between packages', () => {
  it.each([
    ['bench/lists.ts', '../apps/declarant-server/src/db/schema'],
    ['packages/cli/src/x.test.ts', '../../../apps/declarant-server/src/testing/test-app'],
    ['apps/declarant-server/src/testing/world.ts', '../../../partner-server/src/testing'],
    ['e2e/x.spec.ts', '../packages/tdfc/src/fixtures/fixtures'],
    ['e2e/x.spec.ts', '@passerelle/tdfc/src/fixtures/fixtures'],
    ['apps/declarant-server/src/app.ts', '@passerelle/tdfc/testing'],
    ['apps/declarant-server/src/app.ts', './testing/test-app'],
  ])('refuses %s importing %s', (file, specifier) => {
    expect(importProblem(file, specifier)).toBeDefined();
  });

  it.each([
    ['bench/lists.ts', '@passerelle/declarant-server/testing'],
    ['bench/support/send-world.ts', '../../e2e/support/declarant-process'],
    ['packages/cli/src/x.test.ts', '@passerelle/declarant-server/testing'],
    ['apps/declarant-server/src/users/users.test.ts', '../testing/test-app'],
    ['apps/declarant-server/src/testing/test-app.ts', '../app'],
    ['packages/pki/scripts/make.ts', '../src/testing/prng'],
    ['apps/declarant-server/src/app.ts', '@passerelle/tdfc'],
  ])('accepts %s importing %s', (file, specifier) => {
    expect(importProblem(file, specifier)).toBeUndefined();
  });

  it('no file of the tree reaches into another package or ships test support', () => {
    const problems: string[] = [];
    for (const dir of SCANNED)
      for (const file of sourceFiles(dir))
        for (const specifier of specifiersOf(readFileSync(join(repoRoot, file), 'utf8'))) {
          const problem = importProblem(file, specifier);
          if (problem) problems.push(`${file}: ${problem}`);
        }
    expect(problems).toEqual([]);
  });
});
