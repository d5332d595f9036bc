import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../db/database';

/** PostgreSQL used by tests; a fresh schema is made in it for every test database. */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let postgresReachable: Promise<boolean> | undefined;

async function probePostgres(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: TEST_POSTGRES_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The dialects a test file runs against. PostgreSQL is always included under `CI=true` (an
 * unreachable server then fails the tests instead of skipping them); elsewhere it is included
 * when it answers.
 */
export async function testDialects(): Promise<Array<'sqlite' | 'postgres'>> {
  if (process.env.CI === 'true') return ['sqlite', 'postgres'];
  postgresReachable ??= probePostgres();
  if (await postgresReachable) return ['sqlite', 'postgres'];
  console.warn(`PostgreSQL injoignable (${TEST_POSTGRES_URL}) : tests PostgreSQL ignorés.`);
  return ['sqlite'];
}

/** A throw-away database: a SQLite file in a temp folder, or a new PostgreSQL schema. */
export interface ScratchDatabase {
  target: DatabaseTarget;
  /** The temp folder of the SQLite file (also usable as a data dir), or undefined on PG. */
  dir: string | undefined;
  drop(): Promise<void>;
}

/** Makes a scratch database of the given dialect. */
export async function createScratchDatabase(
  dialect: 'sqlite' | 'postgres',
): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'passerelle-test-'));
    return {
      target: { dialect: 'sqlite', file: join(dir, 'test.sqlite') },
      dir,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    target: { dialect: 'postgres', url: TEST_POSTGRES_URL, schema },
    dir: undefined,
    drop: async () => {
      const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    },
  };
}
