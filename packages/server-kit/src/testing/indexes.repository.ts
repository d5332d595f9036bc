import { sql, type Kysely } from 'kysely';

/** The index names of a table in the current schema, on either engine (migration tests). */
export async function indexesOf(
  db: Kysely<unknown>,
  dialect: string,
  table: string,
): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'index' and tbl_name = ${table}`.execute(db)
      : await sql<{
          name: string;
        }>`select indexname as name from pg_indexes where tablename = ${table} and schemaname = current_schema()`.execute(
          db,
        );
  return rows.map((row) => row.name);
}
