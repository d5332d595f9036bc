import { sql, type Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';
import { searchText } from '../../dossiers/search-text';

/**
 * Indexes of the paged lists (issue #12): each serves one list's keyset order (sort key, then
 * id) with its filters in front, so a page reads `limit + 1` index entries wherever it starts,
 * and a list's count is an index-only scan. And the dossiers' search column.
 */
export const migration0008: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    // The raison sociale as the search compares it (accents and case folded by the app: the
    // engines' lower() differ), filled for the dossiers already there.
    await db.schema
      .alterTable('dossiers')
      .addColumn('name_search', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    const { rows } = await sql<{ id: string; name: string }>`select id, name from dossiers`.execute(
      db,
    );
    for (const row of rows) {
      await sql`update dossiers set name_search = ${searchText(row.name)} where id = ${row.id}`.execute(
        db,
      );
    }

    // "Déclarations": every dossier, newest first.
    await db.schema
      .createIndex('declarations_created')
      .on('declarations')
      .columns(['created_at', 'id'])
      .execute();
    // The status filter. The status a declaration shows is its latest transmission's once sent
    // (`transmission_status`), else its own (`status`): one partial index for each case, so a
    // page and a count both read one index range (an expression index on the coalesce would
    // not serve PostgreSQL's index-only counts).
    await db.schema
      .createIndex('declarations_unsent_status')
      .on('declarations')
      .columns(['status', 'created_at', 'id'])
      .where(sql.ref('transmission_status'), 'is', null)
      .execute();
    await db.schema
      .createIndex('declarations_sent_status')
      .on('declarations')
      .columns(['transmission_status', 'created_at', 'id'])
      .where(sql.ref('transmission_status'), 'is not', null)
      .execute();
    // A dossier's declarations.
    await db.schema
      .createIndex('declarations_dossier_created')
      .on('declarations')
      .columns(['dossier_id', 'created_at', 'id'])
      .execute();
    await db.schema.createIndex('dossiers_name').on('dossiers').columns(['name', 'id']).execute();
    await db.schema
      .createIndex('users_firm_name')
      .on('users')
      .columns(['firm_id', 'last_name', 'first_name', 'id'])
      .execute();
    await db.schema
      .createIndex('signatures_user_issued')
      .on('signatures')
      .columns(['user_id', 'issued_at', 'id'])
      .execute();
    await db.schema
      .createIndex('signatures_issued')
      .on('signatures')
      .columns(['issued_at', 'id'])
      .execute();
  },
};
