import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databaseTargetFrom, openDatabase } from './database';
import { createScratchDatabase } from '../testing';

describe('openDatabase', () => {
  it('opens SQLite in WAL mode with full synchronous commits and foreign keys', async () => {
    const scratch = await createScratchDatabase('sqlite');
    const database = openDatabase(scratch.target);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(database.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(sync.rows[0]?.synchronous).toBe(2);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await database.close();
    await scratch.drop();
  });

  it('reads DATABASE_URL', () => {
    expect(databaseTargetFrom(undefined, '/data', 'x.sqlite')).toEqual({
      dialect: 'sqlite',
      file: '/data/x.sqlite',
    });
    expect(databaseTargetFrom('sqlite:/tmp/a.db', '/data', 'x')).toEqual({
      dialect: 'sqlite',
      file: '/tmp/a.db',
    });
    expect(databaseTargetFrom('postgresql://u@h/db', '/data', 'x')).toEqual({
      dialect: 'postgres',
      url: 'postgresql://u@h/db',
    });
    expect(() => databaseTargetFrom('mysql://x', '/data', 'x')).toThrow(/DATABASE_URL/);
  });
});
