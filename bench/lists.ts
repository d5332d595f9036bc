// Issue #12's "Measure": the lists of a big firm — 10,000 dossiers and 50,000 declarations
// seeded straight into the database (3 KiB of real liasse each, a mix of statuses) — asked of
// the real declarant process over HTTP, on SQLite and PostgreSQL: the first page (with its
// count), the next one, a deep page (the cursor after 40,000, reached by following cursors),
// the status and dossier filters, the dossiers' pages and search; the count queries alone; and
// `/api/health`'s latency while the largest imports allowed (1,000 declarations, JSON and
// INFENT) run. Figures are printed, never asserted.
// Run: npx tsx bench/lists.ts [--sqlite | --postgres] [runs]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { PAGE_SIZE_MAX } from '@passerelle/contracts';
import { openDatabase, type DatabaseTarget } from '@passerelle/server-kit';
import {
  countDeclarations,
  countDossiers,
  type DeclarantDatabase,
} from '@passerelle/declarant-server/testing';
import { startDeclarant } from '../e2e/support/declarant-process';
import { createE2eDatabase } from '../e2e/support/postgres-database';
import { ADMIN } from '../e2e/support/people';
import { seedAdministrator } from '../e2e/support/seed-declarant';
import { ApiSession } from './support/api-session';
import { infentImportFile, jsonImportBody } from './support/import-bodies';
import { healthDuring, showSpread, timeRuns, type Spread } from './support/latency';
import { childServerPid, peakRssMib } from './support/process-stats';
import { seedFirm } from './support/seed-firm';

const args = process.argv.slice(2);
const runs = Number(args.find((arg) => !arg.startsWith('--')) ?? 30);
const dialects: Array<'sqlite' | 'postgres'> = args.includes('--sqlite')
  ? ['sqlite']
  : args.includes('--postgres')
    ? ['postgres']
    : ['sqlite', 'postgres'];
const DOSSIERS = 10_000;
const DECLARATIONS = 50_000;

const log = (message: string) => console.error(`[lists] ${message}`);

interface Page {
  items: { id: string }[];
  nextCursor: string | null;
  total: number | null;
}

/** A fresh database of the dialect for the server (and this process, which seeds it). */
async function freshDatabase(dialect: 'sqlite' | 'postgres') {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-lists-'));
    const file = join(dir, 'declarant.sqlite');
    const target: DatabaseTarget = { dialect: 'sqlite', file };
    return { url: `sqlite:${file}`, target, drop: async () => rmSync(dir, { recursive: true }) };
  }
  const database = await createE2eDatabase('lists');
  const target: DatabaseTarget = { dialect: 'postgres', url: database.url };
  return { url: database.url, target, drop: database.drop };
}

/** Follows the cursor of `path` in pages of 200: the cursor after `after` items, and the time. */
async function walk(api: ApiSession, path: string, after: number) {
  const started = performance.now();
  let cursor: string | null = null;
  let read = 0;
  let cursorAfter: string | null = null;
  let pages = 0;
  do {
    const query: string = `limit=${PAGE_SIZE_MAX}${cursor ? `&cursor=${cursor}` : ''}`;
    const page: Page = await api.json<Page>(
      'GET',
      `${path}${path.includes('?') ? '&' : '?'}${query}`,
    );
    read += page.items.length;
    pages += 1;
    cursor = page.nextCursor;
    if (read === after) cursorAfter = cursor;
  } while (cursor !== null);
  return { read, pages, ms: performance.now() - started, cursorAfter };
}

async function benchDialect(dialect: 'sqlite' | 'postgres') {
  const database = await freshDatabase(dialect);
  const declarant = await startDeclarant({
    DATABASE_URL: database.url,
    STATUS_POLL_INTERVAL_MS: '0',
    DELIVERY_INTERVAL_MS: '0',
  });
  const counting = openDatabase<DeclarantDatabase>(database.target);
  try {
    const pid = childServerPid('apps/declarant-server/src/main.ts');
    const api = new ApiSession(
      declarant.url,
      await seedAdministrator(declarant.url, declarant.setupLink, ADMIN),
    );
    const { user } = await api.json<{ user: { id: string } }>('GET', '/api/session');
    log(`${dialect}: seeding ${DOSSIERS} dossiers and ${DECLARATIONS} declarations…`);
    const seeded = await seedFirm(database.target, {
      dossiers: DOSSIERS,
      declarations: DECLARATIONS,
      userId: user.id,
    });
    if (dialect === 'postgres') {
      // What autovacuum does soon after a bulk load: statistics for the planner, and the visibility
      // map that lets counts read the indexes only.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query('vacuum analyze');
      await client.end();
    }

    const rows: Array<[string, Spread, string]> = [];
    const get = async (label: string, path: string) => {
      let bytes = 0;
      const spread = await timeRuns(runs, async () => {
        const response = await fetch(`${declarant.url}${path}`, {
          headers: { cookie: api.cookie },
        });
        if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
        bytes = (await response.arrayBuffer()).byteLength;
      });
      rows.push([label, spread, `${(bytes / 1024).toFixed(1)} KiB`]);
    };
    const first = await api.json<Page>('GET', '/api/declarations');
    log(`${dialect}: walking every page of declarations and dossiers…`);
    const declarations = await walk(api, '/api/declarations', 40_000);
    const dossiers = await walk(api, '/api/dossiers', 8_000);

    await get('declarations, 1st page (50, with count)', '/api/declarations');
    await get('declarations, 2nd page (no count)', `/api/declarations?cursor=${first.nextCursor}`);
    await get(
      'declarations, page after 40,000',
      `/api/declarations?cursor=${declarations.cursorAfter}`,
    );
    await get('declarations, 200 per page', '/api/declarations?limit=200');
    for (const status of ['ready', 'draft', 'accepted', 'rejected', 'queued'])
      await get(`declarations status=${status}, 1st page`, `/api/declarations?status=${status}`);
    await get(
      "a dossier's declarations, 1st page",
      `/api/dossiers/${seeded.dossierIds[1234]}/declarations`,
    );
    await get('dossiers, 1st page (50, with count)', '/api/dossiers');
    await get('dossiers, page after 8,000', `/api/dossiers?cursor=${dossiers.cursorAfter}`);
    await get('dossiers, search "societe 0123"', '/api/dossiers?q=societe%200123');
    await get('dossiers, search SIREN "3001"', '/api/dossiers?q=3001');

    const counts: Array<[string, Spread, string]> = [];
    const count = async (label: string, work: () => Promise<number>) => {
      let n = 0;
      const spread = await timeRuns(runs, async () => (n = await work()));
      counts.push([label, spread, n.toLocaleString('fr-FR')]);
    };
    await count('count(*) declarations', () => countDeclarations(counting.db, {}));
    await count('count(*) status=ready', () => countDeclarations(counting.db, { status: 'ready' }));
    await count('count(*) status=rejected', () =>
      countDeclarations(counting.db, { status: 'rejected' }),
    );
    await count("count(*) one dossier's", () =>
      countDeclarations(counting.db, { dossierId: seeded.dossierIds[1234] }),
    );
    await count('count(*) dossiers', () => countDossiers(counting.db, undefined));
    await count('count(*) dossiers search', () => countDossiers(counting.db, 'societe 0123'));

    log(`${dialect}: health during the largest imports…`);
    const infentFile = infentImportFile(1000);
    const idle = await timeRuns(runs, () =>
      fetch(`${declarant.url}/api/health`).then((r) => r.text()),
    );
    const imports: Array<[string, { tookMs: number; health: Spread }, string]> = [];
    const json = await healthDuring(declarant.url, () =>
      api.json<{ declarations: unknown[] }>(
        'POST',
        '/api/declarations/import-json',
        jsonImportBody(1000),
        201,
      ),
    );
    imports.push([
      'JSON import, 1,000 declarations',
      json,
      `${json.result.declarations.length} created`,
    ]);
    const infent = await healthDuring(declarant.url, async () => {
      const response = await fetch(`${declarant.url}/api/declarations/import`, {
        method: 'POST',
        headers: {
          cookie: api.cookie,
          origin: declarant.url,
          'content-type': 'application/edifact',
        },
        body: infentFile,
      });
      return `${response.status}, ${(infentFile.length / 1024 / 1024).toFixed(1)} MiB`;
    });
    imports.push(['INFENT import, 1,000 declarations', infent, infent.result]);
    const tooMany = await healthDuring(declarant.url, async () => {
      const response = await fetch(`${declarant.url}/api/declarations/import-json`, {
        method: 'POST',
        headers: {
          cookie: api.cookie,
          origin: declarant.url,
          'content-type': 'application/json',
        },
        body: JSON.stringify(jsonImportBody(5000)),
      });
      return `${response.status} ${((await response.json()) as { code: string }).code}`;
    });
    imports.push(['JSON import, 5,000 (refused)', tooMany, tooMany.result]);

    console.log(
      `\n=== ${dialect}: ${DOSSIERS} dossiers, ${DECLARATIONS} declarations, ${runs} runs ===`,
    );
    console.log(
      `following every cursor (200/page): ${declarations.read} declarations in ${declarations.pages} pages, ${(declarations.ms / 1000).toFixed(2)} s; ${dossiers.read} dossiers in ${dossiers.pages} pages, ${(dossiers.ms / 1000).toFixed(2)} s`,
    );
    const width = 42;
    for (const [label, spread, extra] of rows)
      console.log(`${label.padEnd(width)} ${showSpread(spread)}  ${extra}`);
    for (const [label, spread, extra] of counts)
      console.log(`${label.padEnd(width)} ${showSpread(spread)}  = ${extra}`);
    console.log(`${'/api/health, idle'.padEnd(width)} ${showSpread(idle)}`);
    for (const [label, { tookMs, health }, extra] of imports)
      console.log(
        `${label.padEnd(width)} took ${(tookMs / 1000).toFixed(2)} s (${extra}); /api/health meanwhile: ${showSpread(health)} over ${health.n} asks`,
      );
    console.log(`declarant peak RSS: ${peakRssMib(pid).toFixed(0)} MiB`);
  } finally {
    await counting.close();
    await declarant.stop();
    await database.drop();
  }
}

for (const dialect of dialects) await benchDialect(dialect);
