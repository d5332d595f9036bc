import { randomUUID } from 'node:crypto';
import type { PartnerContext } from '../context';
import type { DepositEvent } from '../deposits/deposit-view';
import { answerDeposit } from './simulated-dgfip';
import {
  claimDueDeposits,
  findLeasedDeposit,
  finishDeposit,
  listReceived,
  markSentToDgfip,
} from './dgfip.repository';

/** How long a worker holds a deposit; past it, the deposit is another worker's to finish. */
export const DGFIP_LEASE_MS = 60_000;
/** Deposits taken per round and step. */
const BATCH = 50;

function withEvent(history: string, event: DepositEvent): string {
  return JSON.stringify([...(JSON.parse(history) as DepositEvent[]), event]);
}

/**
 * Step 1: received deposits are handed to the DGFiP (status `sent_to_dgfip`), a batch at a
 * time; returns how many were seen (another worker may have moved some first).
 */
async function handOver(ctx: PartnerContext): Promise<number> {
  const rows = await listReceived(ctx.db, BATCH);
  for (const row of rows) {
    const at = ctx.now().toISOString();
    const history = withEvent(row.history, { status: 'sent_to_dgfip', at });
    await markSentToDgfip(ctx.db, row.id, history, at);
  }
  return rows.length;
}

/** Step 2 for one leased deposit; false when its lease was lost meanwhile. */
async function answerLeased(ctx: PartnerContext, id: string, workerId: string): Promise<boolean> {
  const leased = await findLeasedDeposit(ctx.db, id, workerId);
  if (!leased) return false;
  const now = ctx.now();
  // Read again for each deposit (one count): a pack the operator just installed serves at once.
  const { combined } = await ctx.dictionaries.refresh();
  const answer = answerDeposit(ctx.config, leased.content, now, combined);
  const at = now.toISOString();
  const finished = await finishDeposit(ctx.db, id, workerId, {
    status: answer.status,
    errors: JSON.stringify(answer.errors),
    contrl: answer.contrl,
    cr: answer.cr,
    history: withEvent(leased.history, { status: answer.status, at }),
    at,
  });
  if (finished) ctx.logger.info({ depositId: id, status: answer.status }, 'DGFiP answered');
  return finished;
}

/**
 * One round of the simulated DGFiP: hands received deposits over, then answers those whose
 * delay has passed, each under a lease (several workers and instances share the work; a
 * deposit whose worker died is taken again once its lease expires). Each step is one
 * conditional statement, so a re-run after a crash repeats nothing. Returns how many deposits
 * this round answered.
 */
export async function runDgfipRound(
  ctx: PartnerContext,
  workerId: string = randomUUID(),
): Promise<number> {
  let answered = 0;
  for (;;) {
    const handed = await handOver(ctx);
    const now = ctx.now();
    const ids = await claimDueDeposits(ctx.db, ctx.dialect, {
      workerId,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + DGFIP_LEASE_MS).toISOString(),
      dueBefore: new Date(now.getTime() - ctx.config.edi.dgfipDelayMs).toISOString(),
      limit: BATCH,
    });
    for (const id of ids) {
      try {
        if (await answerLeased(ctx, id, workerId)) answered += 1;
      } catch (error) {
        // The lease stays: the deposit is tried again when it expires, not in a tight loop.
        ctx.logger.error({ err: error, depositId: id }, 'DGFiP processing failed');
      }
    }
    if (handed < BATCH && ids.length < BATCH) return answered;
  }
}

/** A running worker; `stop` waits for the round in progress. */
export interface DgfipWorker {
  stop(): Promise<void>;
}

/**
 * Runs {@link runDgfipRound} every DGFIP_POLL_MS in this process (0: not at all). Each worker
 * has its own id, so its leases are its own.
 */
export function startDgfipWorker(ctx: PartnerContext): DgfipWorker {
  const interval = ctx.config.edi.dgfipPollMs;
  if (interval === 0) return { stop: async () => undefined };
  const workerId = randomUUID();
  let current: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (current || stopped) return;
    current = runDgfipRound(ctx, workerId)
      .then(() => undefined)
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'DGFiP round failed'))
      .finally(() => (current = undefined));
  };
  const timer = setInterval(run, interval);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
