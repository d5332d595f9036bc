import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { VersionedMigration } from '@passerelle/server-kit';

/** The columns this migration reads and writes, as they are at this version. */
interface DepositsAtThisVersion {
  deposits: {
    id: string;
    account_id: string;
    received_at: string;
    interchange_reference: string | null;
    content: Buffer;
    content_sha256: string | null;
    duplicate_of: string | null;
  };
}

/**
 * One interchange is deposited once per client account (issue #12): `content_sha256` (SHA-256
 * of the signed interchange, so the same interchange signed again is the same) and the UNB
 * reference are unique per account. Deposits accepted before the rule are kept as evidence:
 * each later copy of an earlier one is marked `duplicate_of` it and left out of both indexes.
 */
export const migration0003: VersionedMigration = {
  async up(unknownDb: Kysely<unknown>) {
    const db = unknownDb as Kysely<DepositsAtThisVersion>;
    await db.schema.alterTable('deposits').addColumn('content_sha256', 'text').execute();
    await db.schema.alterTable('deposits').addColumn('duplicate_of', 'text').execute();

    // One row's content at a time: deposits go up to 20 MiB each.
    const ids = await db
      .selectFrom('deposits')
      .select(['id', 'account_id', 'interchange_reference'])
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    const firstOf = new Map<string, string>();
    for (const row of ids) {
      const { content } = await db
        .selectFrom('deposits')
        .select('content')
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      const contentSha256 = createHash('sha256').update(content).digest('hex');
      const byContent = `${row.account_id}\ncontent\n${contentSha256}`;
      const byReference =
        row.interchange_reference === null
          ? undefined
          : `${row.account_id}\nreference\n${row.interchange_reference}`;
      const earlier =
        firstOf.get(byContent) ?? (byReference ? firstOf.get(byReference) : undefined);
      if (earlier === undefined) {
        firstOf.set(byContent, row.id);
        if (byReference) firstOf.set(byReference, row.id);
      }
      await db
        .updateTable('deposits')
        .set({ content_sha256: contentSha256, duplicate_of: earlier ?? null })
        .where('id', '=', row.id)
        .execute();
    }

    await db.schema
      .createIndex('deposits_account_content')
      .unique()
      .on('deposits')
      .columns(['account_id', 'content_sha256'])
      .where(sql.ref('duplicate_of'), 'is', null)
      .execute();
    // NULL references (an unreadable UNB) are distinct on both dialects: they never collide.
    await db.schema
      .createIndex('deposits_account_reference')
      .unique()
      .on('deposits')
      .columns(['account_id', 'interchange_reference'])
      .where(sql.ref('duplicate_of'), 'is', null)
      .execute();
  },
};
