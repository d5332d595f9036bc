import type { AppContext } from '../context';
import { deliver } from './delivery';
import { claimDueTransmissions } from './transmissions.repository';

/** Tells the context's delivery worker that transmissions are waiting (no-op when none runs). */
export function wakeDeliveryWorker(ctx: AppContext): void {
  ctx.deliveryBell.ring();
}

/** Claims up to `limit` due transmissions for this worker, leased for `delivery.leaseMs`. */
function claim(ctx: AppContext, limit: number) {
  const now = ctx.now();
  return claimDueTransmissions(
    ctx.db,
    ctx.dialect,
    now.toISOString(),
    new Date(now.getTime() + ctx.config.delivery.leaseMs).toISOString(),
    limit,
  );
}

/**
 * Delivers everything that is due now, `delivery.concurrency` at a time, and returns how many
 * attempts were made (tests and the CLI's one-shot runs use it; the server runs the loop below).
 */
export async function deliverDue(ctx: AppContext): Promise<number> {
  let attempts = 0;
  for (;;) {
    const claimed = await claim(ctx, ctx.config.delivery.concurrency);
    if (claimed.length === 0) return attempts;
    await Promise.all(claimed.map((row) => deliver(ctx, row)));
    attempts += claimed.length;
  }
}

/**
 * The delivery worker of a server process: keeps up to `delivery.concurrency` deliveries in
 * flight, claims more as soon as one ends or a batch is committed, and otherwise looks every
 * `delivery.intervalMs` (retries come due by themselves). Several instances are safe: claims
 * are leases (`FOR UPDATE SKIP LOCKED` on PostgreSQL). `stop()` stops claiming and waits for the
 * deliveries in flight.
 */
export function startDeliveryWorker(ctx: AppContext): { stop(): Promise<void> } {
  const { concurrency, intervalMs } = ctx.config.delivery;
  if (intervalMs === 0) return { stop: () => Promise.resolve() };
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  const bell = ctx.deliveryBell;

  const loop = async () => {
    while (!stopped) {
      const free = concurrency - inFlight.size;
      let claimedAll = false;
      if (free > 0) {
        try {
          const claimed = await claim(ctx, free);
          claimedAll = claimed.length === free;
          for (const row of claimed) {
            const delivery: Promise<void> = deliver(ctx, row)
              .catch((error: unknown) => ctx.logger.error({ err: error }, 'delivery crashed'))
              .finally(() => {
                inFlight.delete(delivery);
                bell.ring();
              });
            inFlight.add(delivery);
          }
        } catch (error) {
          ctx.logger.error({ err: error }, 'could not claim transmissions');
        }
      }
      if (stopped) break;
      // Full: wait for a slot. Nothing due: wait for a batch, a freed slot, or the interval.
      if (free > 0 && claimedAll) continue;
      await bell.wait(intervalMs);
    }
  };
  const done = loop();
  return {
    async stop() {
      stopped = true;
      bell.ring();
      await done;
      await Promise.allSettled([...inFlight]);
    },
  };
}
