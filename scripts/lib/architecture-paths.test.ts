// ARCHITECTURE.md is the map of the repository and docs/*.md explain it: every path they name in
// backticks must exist, so that the map cannot drift as files move (issue #15). A path from the
// root (`apps/…`, `packages/…`, `e2e/…`…) must exist as written; a shorter one (`portal/html.ts`,
// `src/firm/`) must end some file's or folder's path; a bare file name (`keyset-page.test.ts`)
// must be some file's name.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './process.mjs';

const DOCUMENTS = [
  'ARCHITECTURE.md',
  ...readdirSync(join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** Folders a path from the root starts with. */
const ROOTS = ['apps/', 'packages/', 'e2e/', 'bench/', 'scripts/', 'docs/', '.ci/'];
const FILE_EXTENSION = /\.(ts|tsx|mjs|js|json|md|css|html|sql|yml|yaml)$/;
/** Not files of the repository: made at install, build or run time, or placeholders. */
const NOT_IN_REPOSITORY = [
  /(^|\/)dist(\/|$)/,
  /^\.runtime\//,
  /^node_modules\//,
  /^var\//,
  /^(bin|include|share)\//,
  /NNNN-what\.ts$/,
];

/** The backticked spans of a Markdown text that look like repository paths. */
function namedPaths(markdown: string): string[] {
  const withoutCodeBlocks = markdown.replace(/^```[\s\S]*?^```/gm, '');
  const paths = new Set<string>();
  for (const [, span = ''] of withoutCodeBlocks.matchAll(/`([^`]+)`/g)) {
    // A path cut at the end of a line inside its backticks: `packages/x/\ny.ts`.
    const text = span.replace(/\/\s*\n\s*/g, '/').trim();
    if (/[\s*…{}<>$=:?#@,;()'"]/.test(text) || /^(\/|-|\.\.\/)/.test(text)) continue;
    const fromRoot = ROOTS.some((root) => text.startsWith(root)) || text === '.ci/run';
    const looksLikeFile = FILE_EXTENSION.test(text);
    const looksLikeFolder = text.includes('/') && text.endsWith('/');
    if (!fromRoot && !looksLikeFile && !looksLikeFolder) continue;
    if (NOT_IN_REPOSITORY.some((pattern) => pattern.test(text))) continue;
    paths.add(text);
  }
  return [...paths];
}

function repositoryFiles(): string[] {
  const output = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return output.split('\n').filter((line) => line !== '');
}

function exists(path: string, files: string[]): boolean {
  const fromRoot = ROOTS.some((root) => path.startsWith(root)) || path === '.ci/run';
  if (fromRoot) {
    return path.endsWith('/')
      ? files.some((file) => file.startsWith(path))
      : files.some((file) => file === path || file.startsWith(`${path}/`));
  }
  if (!path.includes('/')) return files.some((file) => file === path || file.endsWith(`/${path}`));
  return path.endsWith('/')
    ? files.some((file) => file.startsWith(path) || file.includes(`/${path}`))
    : files.some((file) => file === path || file.endsWith(`/${path}`));
}

describe('the paths ARCHITECTURE.md and docs/ name', () => {
  const files = repositoryFiles();

  it.each(DOCUMENTS)('%s names only paths that exist', (document) => {
    const missing = namedPaths(readFileSync(join(repoRoot, document), 'utf8')).filter(
      (path) => !exists(path, files),
    );
    expect(
      missing,
      `${document} names ${missing.length} path(s) that do not exist (moved or deleted? fix the document):\n  ${missing.join('\n  ')}\n`,
    ).toEqual([]);
  });

  it('reads the paths of a text as a reader would', () => {
    expect(
      namedPaths(
        'See `apps/declarant-server/src/sending/` and `portal/html.ts`, `keyset-page.test.ts`, ' +
          '`packages/server-kit/src/http/\nunread-body.ts`; not `/api/health`, `*.repository.ts`, ' +
          '`application/pkcs7-mime`, `status = ?` nor `apps/declarant-web/dist/`.',
      ),
    ).toEqual([
      'apps/declarant-server/src/sending/',
      'portal/html.ts',
      'keyset-page.test.ts',
      'packages/server-kit/src/http/unread-body.ts',
    ]);
    expect(exists('apps/declarant-server/src/nothing-here.ts', files)).toBe(false);
    expect(exists('portal/html.ts', files)).toBe(true);
  });
});
