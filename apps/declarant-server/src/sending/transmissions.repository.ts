import type { Kysely, Selectable, Transaction } from 'kysely';
import type { TransmissionStatus } from '@passerelle/contracts';
import {
  countOf,
  keysetPage,
  type Dialect,
  type KeysetOrder,
  type KeysetPage,
} from '@passerelle/server-kit';
import type { DeclarantDatabase, TransmissionsTable } from '../db/schema';

type Db = Kysely<DeclarantDatabase> | Transaction<DeclarantDatabase>;
export type TransmissionRow = Selectable<TransmissionsTable>;

/** What the delivery worker needs of a claimed transmission. */
export type ClaimedTransmission = Pick<
  TransmissionRow,
  | 'id'
  | 'user_id'
  | 'declaration_id'
  | 'signature_id'
  | 'signed_bytes'
  | 'body_sha256'
  | 'attempts'
  | 'locked_until'
>;

/** A batch ("Envoyer"): its transmissions point to it, its progress bar counts them. */
export async function insertSending(
  db: Db,
  sending: { id: string; userId: string; total: number; at: string },
): Promise<void> {
  await db
    .insertInto('sendings')
    .values({
      id: sending.id,
      user_id: sending.userId,
      total: sending.total,
      created_at: sending.at,
    })
    .execute();
}

/** A signed declaration entering the outbox the delivery worker drains. */
export interface NewTransmission {
  id: string;
  sendingId: string;
  declarationId: string;
  userId: string;
  signatureId: string;
  /** The CMS SignedData (DER), sent as is at every attempt. */
  signedBytes: Buffer;
  bodySha256: string;
  interchangeReference: string;
  testMode: boolean;
  /** Its first history line (who signed it). */
  detail: string;
}

/** Queues a transmission, due at once, with its "queued" history event. */
export async function queueTransmission(db: Db, item: NewTransmission, at: string): Promise<void> {
  await db
    .insertInto('transmissions')
    .values({
      id: item.id,
      sending_id: item.sendingId,
      declaration_id: item.declarationId,
      user_id: item.userId,
      signature_id: item.signatureId,
      signed_bytes: item.signedBytes,
      body_sha256: item.bodySha256,
      interchange_reference: item.interchangeReference,
      test_mode: item.testMode ? 1 : 0,
      status: 'queued',
      attempts: 0,
      next_attempt_at: at,
      locked_until: null,
      last_error: null,
      deposit_id: null,
      receipt: null,
      receipt_received_at: null,
      errors: null,
      contrl: null,
      cr: null,
      result_notified_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await insertEvent(db, { transmission_id: item.id, status: 'queued', at, detail: item.detail });
}

export async function insertEvent(
  db: Db,
  event: { transmission_id: string; status: TransmissionStatus; at: string; detail: string | null },
): Promise<void> {
  await db.insertInto('transmission_events').values(event).execute();
}

/**
 * Claims up to `limit` queued transmissions that are due and not leased (or whose lease ran out:
 * their worker crashed), in one statement: each gets a lease until `leaseUntil` and one more
 * attempt. On PostgreSQL the candidates are locked with `FOR UPDATE SKIP LOCKED`, so instances
 * claiming at the same moment take different rows; SQLite has a single writer.
 */
export function claimDueTransmissions(
  db: Kysely<DeclarantDatabase>,
  dialect: Dialect,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<ClaimedTransmission[]> {
  return db
    .updateTable('transmissions')
    .set((eb) => ({ locked_until: leaseUntil, attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('transmissions')
        .select('id')
        .where('status', '=', 'queued')
        .where('next_attempt_at', '<=', now)
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', now)]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
    )
    .returning([
      'id',
      'user_id',
      'declaration_id',
      'signature_id',
      'signed_bytes',
      'body_sha256',
      'attempts',
      'locked_until',
    ])
    .execute();
}

/**
 * Moves a transmission from one of `from` to `to`, with its history event and its
 * declaration's status (when it is still the declaration's latest transmission), in one
 * transaction. False when the transmission had already moved on (another worker, a replay):
 * nothing is written then, so every step happens once.
 */
export async function moveTransmission(
  db: Kysely<DeclarantDatabase>,
  input: {
    id: string;
    from: readonly TransmissionStatus[];
    to: TransmissionStatus;
    at: string;
    /** Only while the worker's own lease holds (a late worker must not overwrite). */
    leasedUntil?: string | null;
    changes?: Partial<Omit<TransmissionRow, 'id' | 'status' | 'updated_at'>>;
    events: { status: TransmissionStatus; at: string; detail: string | null }[];
  },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    let update = tx
      .updateTable('transmissions')
      .set({ ...input.changes, status: input.to, updated_at: input.at })
      .where('id', '=', input.id)
      .where('status', 'in', [...input.from]);
    if (input.leasedUntil !== undefined) {
      update = update.where('locked_until', '=', input.leasedUntil);
    }
    const moved = await update.executeTakeFirst();
    if (moved.numUpdatedRows === 0n) return false;
    for (const event of input.events) {
      await insertEvent(tx, { transmission_id: input.id, ...event });
    }
    await tx
      .updateTable('declarations')
      .set({ transmission_status: input.to })
      .where('latest_transmission_id', '=', input.id)
      .where('transmission_status', 'is not', null)
      .execute();
    return true;
  });
}

/**
 * Puts a claimed transmission back in the queue for a later attempt (its lease must hold), and
 * writes the failed attempt in its history, so a retry that later succeeds still shows.
 */
export async function requeueTransmission(
  db: Kysely<DeclarantDatabase>,
  input: {
    id: string;
    leasedUntil: string | null;
    nextAttemptAt: string;
    lastError: string;
    detail: string;
    at: string;
  },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('transmissions')
      .set({
        next_attempt_at: input.nextAttemptAt,
        locked_until: null,
        last_error: input.lastError,
        updated_at: input.at,
      })
      .where('id', '=', input.id)
      .where('status', '=', 'queued')
      .where('locked_until', '=', input.leasedUntil)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await insertEvent(tx, {
      transmission_id: input.id,
      status: 'queued',
      at: input.at,
      detail: input.detail,
    });
    return true;
  });
}

/** The signed file (CMS SignedData, DER) of a transmission, if it exists. */
export async function findSignedBytes(db: Db, id: string): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('transmissions')
    .select('signed_bytes')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.signed_bytes;
}

export function findTransmission(db: Db, id: string): Promise<TransmissionRow | undefined> {
  return db.selectFrom('transmissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Transmissions whose DGFiP answer is awaited, by user (whose client space polls for them). */
export async function usersAwaitingResults(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('transmissions')
    .select('user_id')
    .distinct()
    .where('status', 'in', ['transmitted', 'deposited'])
    .execute();
  return rows.map((row) => row.user_id);
}

/** Users whose client-space connection is live (not lost), to poll for others. */
export async function connectedUsers(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('client_space_connections')
    .select('user_id')
    .where('lost_reason', 'is', null)
    .execute();
  return rows.map((row) => row.user_id);
}

export async function pollCursor(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('partner_poll_cursors')
    .select('updated_since')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.updated_since ?? null;
}

export async function savePollCursor(db: Db, userId: string, updatedSince: string): Promise<void> {
  await db
    .insertInto('partner_poll_cursors')
    .values({ user_id: userId, updated_since: updatedSince })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ updated_since: updatedSince }))
    .execute();
}

/** Counts of a batch's transmissions by status (the progress bar). */
export async function sendingCounts(
  db: Db,
  sendingId: string,
): Promise<{ status: TransmissionStatus; count: number }[]> {
  const rows = await db
    .selectFrom('transmissions')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .where('sending_id', '=', sendingId)
    .groupBy('status')
    .execute();
  return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}

export function findSending(db: Db, id: string) {
  return db.selectFrom('sendings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Transmissions as the timeline shows them, with the sender's name and signature serial. */
function transmissionViews(db: Db) {
  return db
    .selectFrom('transmissions as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('signatures as s', 's.id', 't.signature_id')
    .select([
      't.id',
      't.declaration_id',
      't.sending_id',
      't.status',
      't.created_at',
      't.updated_at',
      't.user_id',
      'u.first_name',
      'u.last_name',
      's.serial',
      't.test_mode',
      't.body_sha256',
      't.attempts',
      't.next_attempt_at',
      't.last_error',
      't.deposit_id',
      't.receipt_received_at',
      't.errors',
      't.contrl',
      't.cr',
    ]);
}
export type TransmissionListRow = Awaited<
  ReturnType<ReturnType<typeof transmissionViews>['execute']>
>[number];

/** Newest first (index `transmissions_declaration`). */
const NEWEST_FIRST: KeysetOrder<TransmissionListRow> = {
  list: 'transmissions',
  columns: [
    { column: 't.created_at', type: 'text', value: (row) => row.created_at },
    { column: 't.id', type: 'text', value: (row) => row.id },
  ],
  direction: 'desc',
};

/** One page of a declaration's transmissions, newest first. */
export function pageTransmissionsOfDeclaration(
  db: Db,
  declarationId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<KeysetPage<TransmissionListRow>> {
  const query = transmissionViews(db).where('t.declaration_id', '=', declarationId);
  return keysetPage(query, NEWEST_FIRST, page);
}

/** How many transmissions a declaration has had. */
export async function countTransmissionsOfDeclaration(db: Db, declarationId: string) {
  const row = await db
    .selectFrom('transmissions')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('declaration_id', '=', declarationId)
    .executeTakeFirst();
  return countOf(row);
}

/** One transmission as the timeline shows it. */
export function findTransmissionView(db: Db, id: string) {
  return transmissionViews(db).where('t.id', '=', id).executeTakeFirst();
}

/** The history of some transmissions (a page's), oldest event first. */
export function eventsOfTransmissions(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('transmission_events')
    .selectAll()
    .where('transmission_id', 'in', ids)
    .orderBy('seq')
    .execute();
}
