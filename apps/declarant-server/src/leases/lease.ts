import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { DeclarantDatabase } from '../db/schema';
import { releaseLease, renewLease, tryTakeLease } from './leases.repository';

const after = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** What a lease needs: the shared database and the clock its expiries are read on. */
export interface LeaseDeps {
  db: Kysely<DeclarantDatabase>;
  now: () => Date;
}

/**
 * Runs `work` holding the lease `name` (shared by every instance on the database), or returns
 * `undefined` at once when someone else holds it. While `work` runs, the holder renews the lease
 * every third of `ttlMs` (a heartbeat), so `ttlMs` does not bound the work: it bounds how long a
 * holder that crashed (kill -9, power cut) keeps blocking the others.
 */
export async function withLeaseIfFree<T>(
  deps: LeaseDeps,
  name: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<{ value: T } | undefined> {
  const holder = randomUUID();
  const now = deps.now();
  const expiresAt = after(now, ttlMs);
  if (!(await tryTakeLease(deps.db, { name, holder, expiresAt }, now.toISOString())))
    return undefined;
  const heartbeat = setInterval(
    () => {
      const renewed = { name, holder, expiresAt: after(deps.now(), ttlMs) };
      // A renewal that fails (database briefly unreachable) is tried again at the next beat.
      renewLease(deps.db, renewed).catch(() => undefined);
    },
    Math.max(Math.floor(ttlMs / 3), 20),
  );
  heartbeat.unref();
  try {
    return { value: await work() };
  } finally {
    clearInterval(heartbeat);
    await releaseLease(deps.db, name, holder);
  }
}

/** How long {@link withLease} waits for a held lease, and the error of a wait that ran out. */
export interface LeaseWait {
  maxWaitMs: number;
  /** The caller's refusal (an `AppError`: its code and French message reach the user). */
  busy: () => Error;
}

/**
 * Runs `work` holding the lease `name`, waiting for it while another request (of this instance
 * or another) holds it: checked again every few milliseconds, then less often, for at most
 * `wait.maxWaitMs` (a live holder's work is bounded by its own timeouts; a crashed holder's
 * lease ends `ttlMs` after its last heartbeat); then `wait.busy()` is thrown.
 */
export async function withLease<T>(
  deps: LeaseDeps,
  name: string,
  ttlMs: number,
  work: () => Promise<T>,
  wait: LeaseWait,
): Promise<T> {
  const started = Date.now();
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    const held = await withLeaseIfFree(deps, name, ttlMs, work);
    if (held) return held.value;
    if (Date.now() - started > wait.maxWaitMs) throw wait.busy();
    await sleep(pause);
  }
}
