import { closeSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { ensurePrivateData } from '../data-permissions';

/** Which SQL engine a database runs on; migrations and a few queries branch on it. */
export type Dialect = 'sqlite' | 'postgres';

/** Where the data lives: a SQLite file (embedded default) or a PostgreSQL URL. */
export type DatabaseTarget =
  { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string; schema?: string };

/** A Kysely instance together with the dialect it speaks. */
export interface Database<DB> {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The PostgreSQL schema in use when one was chosen (tests), else undefined. */
  schema: string | undefined;
  close(): Promise<void>;
}

/**
 * Opens the database. SQLite runs in WAL mode with `synchronous=FULL` so that a committed
 * transaction survives a power loss, a 5 s busy timeout for concurrent writers, and foreign
 * keys on; its folder is created 0700 and its file 0600, and either one readable by others is
 * refused (`DataPermissionError`). PostgreSQL may be given a schema (used by tests to isolate
 * each run).
 */
export function openDatabase<DB>(target: DatabaseTarget): Database<DB> {
  if (target.dialect === 'sqlite') {
    const { file } = target;
    ensurePrivateData(dirname(file), [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]);
    // Created here 0600 when missing (the mode applies only to a new file): SQLite then gives
    // the -wal and -shm it creates the database file's own mode, whatever the process umask.
    closeSync(openSync(file, 'a', 0o600));
    const connection = new SQLite(file);
    connection.pragma('journal_mode = WAL');
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: connection }) });
    return { db, dialect: 'sqlite', schema: undefined, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: 10,
    ...(target.schema ? { options: `-c search_path=${target.schema}` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', schema: target.schema, close: () => db.destroy() };
}

/**
 * Reads `DATABASE_URL`: `postgres://…`/`postgresql://…` selects PostgreSQL; `sqlite:<path>` or
 * nothing selects a SQLite file (default `<dataDir>/<defaultFile>`).
 */
export function databaseTargetFrom(
  url: string | undefined,
  dataDir: string,
  defaultFile: string,
): DatabaseTarget {
  if (url === undefined) return { dialect: 'sqlite', file: `${dataDir}/${defaultFile}` };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', file: url.slice('sqlite:'.length) };
  throw new Error('DATABASE_URL doit commencer par postgres://, postgresql:// ou sqlite:');
}

/** True when the database answers a trivial query. */
export async function pingDatabase(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
