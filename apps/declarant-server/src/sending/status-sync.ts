import {
  finalTransmissionStatuses,
  type Deposit,
  type DepositStatus,
  type TransmissionStatus,
} from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import type { AppContext } from '../context';
import { notifyResult } from './result-mail';
import {
  connectedUsers,
  findTransmission,
  moveTransmission,
  pollCursor,
  savePollCursor,
  usersAwaitingResults,
} from './transmissions.repository';

/** The partner's deposit status → ours ("received" is what our "transmitted" already says). */
const STATUS_OF: Record<DepositStatus, TransmissionStatus> = {
  received: 'transmitted',
  sent_to_dgfip: 'deposited',
  syntax_rejected: 'syntax_rejected',
  accepted: 'accepted',
  partially_rejected: 'partially_rejected',
  rejected: 'rejected',
};
const RANK: Partial<Record<TransmissionStatus, number>> = { transmitted: 1, deposited: 2 };
const rankOf = (status: TransmissionStatus) =>
  finalTransmissionStatuses.includes(status) ? 3 : (RANK[status] ?? 0);

/**
 * Changes seen at the partner are asked again from this far back: a deposit updated in a
 * transaction that committed after a later one would otherwise be skipped. Applying a change
 * twice does nothing (statuses only move forward).
 */
const CURSOR_OVERLAP_MS = 60_000;

/**
 * Asks the partner for the deposits changed since the last look, for every user who has
 * transmissions waiting for the DGFiP's answer, and records what moved. When a sender's client
 * space is disconnected, another connected person of the firm looks instead: the partner shows
 * an account's deposits to any of its sessions, and a deposit is matched to its transmission by
 * our id, whoever asked. Returns the number of transmissions that changed.
 */
export async function syncStatuses(ctx: AppContext): Promise<number> {
  let changed = 0;
  const polled = new Set<string>();
  let stranded = false;
  for (const userId of await usersAwaitingResults(ctx.db)) {
    const result = await trySyncUser(ctx, userId);
    if (result === 'not_connected') stranded = true;
    else if (result !== 'failed') {
      polled.add(userId);
      changed += result;
    }
  }
  if (!stranded) return changed;
  for (const userId of await connectedUsers(ctx.db)) {
    if (polled.has(userId)) continue;
    const result = await trySyncUser(ctx, userId);
    if (typeof result === 'number') return changed + result;
  }
  return changed;
}

/** One user's look; a disconnected client space or an unreachable partner waits for next time. */
async function trySyncUser(
  ctx: AppContext,
  userId: string,
): Promise<number | 'not_connected' | 'failed'> {
  try {
    return await syncUser(ctx, userId);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    ctx.logger.warn({ userId, code: error.code }, 'status polling postponed');
    return error.code === 'CLIENT_SPACE_NOT_CONNECTED' ? 'not_connected' : 'failed';
  }
}

/**
 * One user's look: every page of the deposits changed since the saved time, following the
 * partner's cursor to the end; only then is the next time saved (a failure midway asks the
 * same changes again next time, which applying twice makes harmless).
 */
async function syncUser(ctx: AppContext, userId: string): Promise<number> {
  const updatedSince = await pollCursor(ctx.db, userId);
  let cursor: string | undefined;
  let changed = 0;
  for (;;) {
    const page = await ctx.partner.inBackground(userId, (partner) =>
      partner.listDeposits({
        updatedSince,
        limit: ctx.config.statusPollPageSize,
        cursor,
      }),
    );
    for (const deposit of page.items) {
      if (await applyDeposit(ctx, deposit)) changed++;
    }
    if (page.nextCursor !== null) {
      cursor = page.nextCursor;
      continue;
    }
    const next = new Date(Date.parse(page.serverTime) - CURSOR_OVERLAP_MS).toISOString();
    await savePollCursor(ctx.db, userId, next);
    return changed;
  }
}

/**
 * Records a deposit's progress on its transmission: the statuses it went through (with the
 * partner's times), its CONTRL or CR and their readable errors. Only forward moves are written,
 * and only for transmissions whose receipt was checked: a deposit the partner holds but whose
 * receipt we never got stays with the delivery worker, which will get that receipt.
 */
export async function applyDeposit(ctx: AppContext, deposit: Deposit): Promise<boolean> {
  const row = await findTransmission(ctx.db, deposit.transmissionId);
  if (!row || row.status === 'queued' || row.deposit_id !== deposit.id) return false;
  const target = STATUS_OF[deposit.status];
  if (rankOf(target) <= rankOf(row.status)) return false;
  const events = deposit.history
    .map((event) => ({ status: STATUS_OF[event.status], at: event.at }))
    .filter((event) => rankOf(event.status) > rankOf(row.status))
    .map((event) => ({ ...event, detail: detailOf(event.status, deposit) }));
  const moved = await moveTransmission(ctx.db, {
    id: row.id,
    from: [row.status],
    to: target,
    at: ctx.now().toISOString(),
    changes: {
      errors: JSON.stringify(deposit.errors),
      contrl: deposit.contrl,
      cr: deposit.cr,
    },
    events: events.length > 0 ? events : [{ status: target, at: deposit.updatedAt, detail: null }],
  });
  if (moved && finalTransmissionStatuses.includes(target)) {
    await notifyResult(ctx, row.id);
  }
  return moved;
}

function detailOf(status: TransmissionStatus, deposit: Deposit): string | null {
  const rejections = deposit.errors.filter((error) => error.severity === 'rejet').length;
  const alerts = deposit.errors.length - rejections;
  const count = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  switch (status) {
    case 'syntax_rejected':
      return `CONTRL : ${count(rejections, 'erreur')} de syntaxe.`;
    case 'accepted':
      return alerts > 0 ? `Compte rendu : ${count(alerts, 'alerte')}.` : null;
    case 'partially_rejected':
    case 'rejected':
      return `Compte rendu : ${count(rejections, 'rejet')}, ${count(alerts, 'alerte')}.`;
    default:
      return null;
  }
}

/** Polls every `statusPollIntervalMs` until stopped (0 disables it). */
export function startStatusSync(ctx: AppContext): { stop(): Promise<void> } {
  const interval = ctx.config.statusPollIntervalMs;
  if (interval === 0) return { stop: () => Promise.resolve() };
  let current: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (current) return; // the previous run is still going: skip this tick
    current = syncStatuses(ctx)
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'status polling failed'))
      .finally(() => (current = undefined));
  }, interval);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
