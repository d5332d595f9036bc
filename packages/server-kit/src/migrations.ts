import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Logger } from 'pino';
import { openDatabase, type Database, type DatabaseTarget, type Dialect } from './database';

/** A versioned migration that may need to know the dialect (types, identity columns, triggers). */
export interface VersionedMigration {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

/**
 * Brings the schema to the latest version. Migrations are named `NNNN-what` and applied in name
 * order, each in its own transaction; Kysely's lock table stops two instances migrating at once.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: Dialect,
  migrations: Record<string, VersionedMigration>,
  schema?: string,
): Promise<string[]> {
  const provider = {
    getMigrations: async () =>
      Object.fromEntries(
        Object.entries(migrations).map(([name, m]): [string, Migration] => {
          const down = m.down?.bind(m);
          return [
            name,
            {
              up: (tx) => m.up(tx, dialect),
              ...(down ? { down: (tx: Kysely<unknown>) => down(tx, dialect) } : {}),
            },
          ];
        }),
      ),
  };
  // Kysely looks for its bookkeeping tables in every schema unless told which: name it, so a
  // database holding several schemas (tests, shared servers) cannot mislead it.
  const migrator = new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw new Error('La migration de la base de données a échoué.', { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Opens the database and brings its schema to the latest version (logged when anything ran). */
export async function openMigratedDatabase<DB>(
  target: DatabaseTarget,
  migrations: Record<string, VersionedMigration>,
  logger: Logger,
): Promise<Database<DB>> {
  const database = openDatabase<DB>(target);
  const applied = await migrateToLatest(
    database.db as Kysely<unknown>,
    database.dialect,
    migrations,
    database.schema,
  );
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  return database;
}
