import type { Kysely } from 'kysely';
import type { DeclarantDatabase } from '../db/schema';

type Db = Kysely<DeclarantDatabase>;

/** Claims the result email of a transmission; false when it was claimed already (at most once). */
export async function claimResultMail(
  db: Db,
  transmissionId: string,
  at: string,
): Promise<boolean> {
  const claim = await db
    .updateTable('transmissions')
    .set({ result_notified_at: at })
    .where('id', '=', transmissionId)
    .where('result_notified_at', 'is', null)
    .executeTakeFirst();
  return claim.numUpdatedRows > 0n;
}

/** What the result email says: the answer, the sender and their choice, the declaration. */
export function findResultMailFacts(db: Db, transmissionId: string) {
  return db
    .selectFrom('transmissions as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('declarations as d', 'd.id', 't.declaration_id')
    .innerJoin('dossiers as o', 'o.id', 'd.dossier_id')
    .innerJoin('exercises as e', 'e.id', 'd.exercise_id')
    .select(['t.status', 't.errors', 't.declaration_id', 'o.siren', 'e.end_date'])
    .select(['u.email', 'u.status as user_status', 'u.notify_sending_results'])
    .select('o.name as dossier_name')
    .where('t.id', '=', transmissionId)
    .executeTakeFirst();
}
