import type { Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/** The rows this migration reads and fills, as they are at this point of the schema's history. */
interface Families {
  session_families: { id: string; kind: string; created_at: string; expires_at: string | null };
}

const HOUR = 3_600_000;

/**
 * Session lifetimes (issue #13): each session family gets the absolute end no refresh can move
 * (`expires_at`). Families opened before this migration get the defaults counted from their
 * sign-in: 12 hours for a portal session, 90 days for an API session — an API session older
 * than 90 days ends at its next use, and the declarant shows "Non connecté".
 */
export const migration0004: VersionedMigration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('session_families').addColumn('expires_at', 'text').execute();
    const families = db as unknown as Kysely<Families>;
    const rows = await families
      .selectFrom('session_families')
      .select(['id', 'kind', 'created_at'])
      .execute();
    for (const row of rows) {
      const lifetime = row.kind === 'portal' ? 12 * HOUR : 90 * 24 * HOUR;
      await families
        .updateTable('session_families')
        .set({ expires_at: new Date(Date.parse(row.created_at) + lifetime).toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
  },
};
