import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DepositStatus } from '@passerelle/contracts';
import type { Dialect } from '@passerelle/server-kit';
import type { PartnerDatabase } from '../db/schema';

type Db = Kysely<PartnerDatabase>;

/** Deposits just received, oldest first: the next to hand to the DGFiP. */
export function listReceived(db: Db, limit: number) {
  return db
    .selectFrom('deposits')
    .select(['id', 'history'])
    .where('status', '=', 'received')
    .orderBy('received_at')
    .limit(limit)
    .execute();
}

/**
 * `received` → `sent_to_dgfip`, conditional on the status still being `received`: whichever
 * worker runs it first moves it, any other (or a re-run) changes nothing. One statement.
 */
export async function markSentToDgfip(
  db: Db,
  id: string,
  history: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('deposits')
    .set({ status: 'sent_to_dgfip', history, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'received')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Leases up to `limit` deposits handed to the DGFiP whose answer is due (received at or before
 * `dueBefore`) and that nobody holds (no lease, or an expired one: its worker died). PostgreSQL
 * skips rows another worker is claiming (`FOR UPDATE SKIP LOCKED`); on both dialects the
 * update re-checks the lease, so two workers never hold one deposit. Returns the leased ids.
 */
export async function claimDueDeposits(
  db: Db,
  dialect: Dialect,
  claim: { workerId: string; now: string; leaseUntil: string; dueBefore: string; limit: number },
): Promise<string[]> {
  const unleased = (eb: ExpressionBuilder<PartnerDatabase, 'deposits'>) =>
    eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', claim.now)]);
  const rows = await db
    .updateTable('deposits')
    .set({ locked_by: claim.workerId, locked_until: claim.leaseUntil })
    .where('id', 'in', (eb) => {
      const due = eb
        .selectFrom('deposits')
        .select('id')
        .where('status', '=', 'sent_to_dgfip')
        .where('received_at', '<=', claim.dueBefore)
        .where(unleased)
        .orderBy('received_at')
        .limit(claim.limit);
      return dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
    })
    .where('status', '=', 'sent_to_dgfip')
    .where(unleased)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** What the DGFiP step reads of a deposit it holds (undefined when the lease was lost). */
export function findLeasedDeposit(db: Db, id: string, workerId: string) {
  return db
    .selectFrom('deposits')
    .select(['id', 'history', 'content', 'test_indicator'])
    .where('id', '=', id)
    .where('status', '=', 'sent_to_dgfip')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
}

/** The DGFiP's answer: final status, errors, returns, history, and the lease released. */
export interface DgfipOutcome {
  status: DepositStatus;
  errors: string;
  contrl: string | null;
  cr: string | null;
  history: string;
  at: string;
}

/**
 * Stores the final outcome if this worker still holds the deposit and it is still waiting:
 * a worker whose lease expired (and whose deposit another worker took) changes nothing, so
 * the outcome is written exactly once. One statement.
 */
export async function finishDeposit(
  db: Db,
  id: string,
  workerId: string,
  outcome: DgfipOutcome,
): Promise<boolean> {
  const result = await db
    .updateTable('deposits')
    .set({
      status: outcome.status,
      errors: outcome.errors,
      contrl: outcome.contrl,
      cr: outcome.cr,
      history: outcome.history,
      updated_at: outcome.at,
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'sent_to_dgfip')
    .where('locked_by', '=', workerId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
