import {
  MAX_DEPOSIT_BYTES,
  type Deposit,
  type DepositList,
  type DepositPolicy,
  type Page,
} from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import type { AccountRow } from '../accounts/accounts.repository';
import type { PartnerContext } from '../context';
import { toDepositView } from './deposit-view';
import {
  countChangedDeposits,
  findAccountDeposit,
  listRefusalCounts,
  pageChangedDeposits,
  pageRecentDeposits,
} from './deposits.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the partner accepts: environment, size, EDI number. */
export function depositPolicy(ctx: PartnerContext): DepositPolicy {
  return {
    environment: ctx.config.edi.environment,
    maxBytes: MAX_DEPOSIT_BYTES,
    ediNumber: ctx.config.edi.number,
  };
}

/** One of the account's deposits; any other id (another account's too) is NOT_FOUND. */
export async function getDeposit(
  ctx: PartnerContext,
  account: AccountRow,
  id: string,
): Promise<Deposit> {
  const row = UUID.test(id) ? await findAccountDeposit(ctx.db, account.id, id) : undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Dépôt introuvable.');
  return toDepositView(row);
}

/**
 * One page of the account's deposits updated after `updatedSince`, oldest change first.
 * `serverTime` is read before the query, so a change committed while it runs is in the next poll.
 */
export async function listDeposits(
  ctx: PartnerContext,
  account: AccountRow,
  query: { updatedSince?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<DepositList> {
  const serverTime = ctx.now().toISOString();
  const since =
    query.updatedSince === undefined ? undefined : new Date(query.updatedSince).toISOString();
  const { rows, nextCursor } = await pageChangedDeposits(ctx.db, account.id, since, query);
  const total =
    query.cursor === undefined ? await countChangedDeposits(ctx.db, account.id, since) : null;
  return { items: rows.map(toDepositView), nextCursor, total, serverTime };
}

/** Deposits per page of the client space's "Dépôts" section. */
export const PORTAL_PAGE_SIZE = 50;

/** The client space's view: a page of deposits (newest first), the counts of refused ones. */
export async function depositsForPortal(
  ctx: PartnerContext,
  account: AccountRow,
  cursor: string | undefined,
): Promise<{ deposits: Page<Deposit>; refusals: Awaited<ReturnType<typeof listRefusalCounts>> }> {
  const { rows, nextCursor } = await pageRecentDeposits(ctx.db, account.id, {
    limit: PORTAL_PAGE_SIZE,
    cursor,
  });
  const total =
    cursor === undefined ? await countChangedDeposits(ctx.db, account.id, undefined) : null;
  const refusals = await listRefusalCounts(ctx.db, account.id);
  return { deposits: { items: rows.map(toDepositView), nextCursor, total }, refusals };
}

/** A return of one of the account's deposits as EDIFACT text; NOT_FOUND when there is none. */
export async function depositReturn(
  ctx: PartnerContext,
  account: AccountRow,
  id: string,
  kind: 'contrl' | 'cr',
): Promise<{ text: string; filename: string }> {
  const deposit = await getDeposit(ctx, account, id);
  const text = deposit[kind];
  if (text === null) {
    throw new AppError(
      'NOT_FOUND',
      kind === 'contrl'
        ? 'Ce dépôt n’a pas de CONTRL (il n’y en a qu’en cas d’erreur de syntaxe).'
        : 'Ce dépôt n’a pas encore de compte rendu de la DGFiP.',
    );
  }
  const name = (deposit.interchangeReference ?? deposit.id).replace(/[^\w-]/g, '_');
  return { text, filename: `${kind}-${name}.edi` };
}
