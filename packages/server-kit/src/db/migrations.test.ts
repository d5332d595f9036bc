import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';
import { MIGRATIONS_TABLE, migrateToLatest, type VersionedMigration } from './migrations';
import { createScratchDatabase, testDialects, type ScratchDatabase } from '../testing';

/** Migrations that record each run in a `runs` table, so a second run would show. */
function recordingMigrations(names: string[]): Record<string, VersionedMigration> {
  return Object.fromEntries(
    names.map((name, index) => [
      name,
      {
        async up(db: Kysely<unknown>) {
          if (index === 0) await sql`create table runs (name text not null)`.execute(db);
          await sql`insert into runs (name) values (${name})`.execute(db);
        },
      },
    ]),
  );
}

async function runs(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from runs`.execute(db);
  return rows.map((row) => row.name);
}

describe.each(await testDialects())('migrateToLatest (%s)', (dialect) => {
  let scratch: ScratchDatabase;
  const opened: Database<unknown>[] = [];
  const open = () => {
    const database = openDatabase<unknown>(scratch.target);
    opened.push(database);
    return database;
  };
  afterEach(async () => {
    for (const database of opened.splice(0)) await database.close();
    await scratch.drop();
  });

  it('applies pending migrations once, in name order, and nothing on the next start', async () => {
    scratch = await createScratchDatabase(dialect);
    const database = open();
    const migrations = recordingMigrations(['0001-a', '0002-b']);
    // Given out of order on purpose: names decide.
    const shuffled = { '0002-b': migrations['0002-b']!, '0001-a': migrations['0001-a']! };
    expect(await migrateToLatest(database.db, dialect, shuffled, database.schema)).toEqual([
      '0001-a',
      '0002-b',
    ]);
    expect(await migrateToLatest(database.db, dialect, shuffled, database.schema)).toEqual([]);
    const later = { ...shuffled, '0003-c': recordingMigrations(['x', '0003-c'])['0003-c']! };
    expect(await migrateToLatest(database.db, dialect, later, database.schema)).toEqual(['0003-c']);
    expect(await runs(database.db)).toEqual(['0001-a', '0002-b', '0003-c']);
  });

  it('rolls a failing migration back entirely and names it', async () => {
    scratch = await createScratchDatabase(dialect);
    const database = open();
    const migrations: Record<string, VersionedMigration> = {
      ...recordingMigrations(['0001-a']),
      '0002-broken': {
        async up(db) {
          await sql`create table half (id integer)`.execute(db);
          await sql`select * from missing_table`.execute(db);
        },
      },
    };
    await expect(
      migrateToLatest(database.db, dialect, migrations, database.schema),
    ).rejects.toThrow('La migration de la base de données a échoué (0002-broken).');
    await expect(sql`select * from half`.execute(database.db)).rejects.toThrow();
    const { rows } = await sql<{
      name: string;
    }>`select name from ${sql.table(MIGRATIONS_TABLE)}`.execute(database.db);
    expect(rows.map((row) => row.name)).toEqual(['0001-a']);
  });

  it('adopts the bookkeeping of databases first migrated by Kysely', async () => {
    scratch = await createScratchDatabase(dialect);
    const database = open();
    await sql`create table runs (name text not null)`.execute(database.db);
    await sql`create table kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)`.execute(
      database.db,
    );
    await sql`insert into kysely_migration values ('0001-a', '2026-01-01T00:00:00.000Z')`.execute(
      database.db,
    );
    const migrations = recordingMigrations(['0001-a', '0002-b']);
    expect(await migrateToLatest(database.db, dialect, migrations, database.schema)).toEqual([
      '0002-b',
    ]);
    expect(await runs(database.db)).toEqual(['0002-b']);
  });

  it.runIf(dialect === 'postgres')(
    'applies each migration once when several instances start together',
    async () => {
      scratch = await createScratchDatabase(dialect);
      const migrations = recordingMigrations(['0001-a', '0002-b', '0003-c']);
      const instances = [open(), open(), open(), open()];
      const results = await Promise.all(
        instances.map((database) =>
          migrateToLatest(database.db, dialect, migrations, database.schema),
        ),
      );
      expect(results.flat().sort()).toEqual(['0001-a', '0002-b', '0003-c']);
      expect((await runs(instances[0]!.db)).sort()).toEqual(['0001-a', '0002-b', '0003-c']);
    },
  );
});
