import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { DeclarantDatabase } from '../db/schema';
import { releaseLease, tryTakeLease } from './leases.repository';

/** What a lease needs: the shared database and the clock its expiries are read on. */
export interface LeaseDeps {
  db: Kysely<DeclarantDatabase>;
  now: () => Date;
}

/**
 * Runs `work` holding the lease `name` (shared by every instance on the database), or returns
 * `undefined` at once when someone else holds it. The lease lasts `ttlMs` at most: a holder that
 * crashed does not block others for longer.
 */
export async function withLeaseIfFree<T>(
  deps: LeaseDeps,
  name: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<{ value: T } | undefined> {
  const holder = randomUUID();
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  if (!(await tryTakeLease(deps.db, { name, holder, expiresAt }, now.toISOString())))
    return undefined;
  try {
    return { value: await work() };
  } finally {
    await releaseLease(deps.db, name, holder);
  }
}

/**
 * Runs `work` holding the lease `name`, waiting for it while another request (of this instance
 * or another) holds it: checked again every few milliseconds, then less often, for at most
 * `ttlMs` (by then a crashed holder's lease has ended).
 */
export async function withLease<T>(
  deps: LeaseDeps,
  name: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    const held = await withLeaseIfFree(deps, name, ttlMs, work);
    if (held) return held.value;
    if (Date.now() - started > ttlMs) throw new Error(`lease ${name} still held after ${ttlMs} ms`);
    await sleep(pause);
  }
}
