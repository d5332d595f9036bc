import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestApp, type TestApp } from '../testing/test-app';
import { AppError } from '@passerelle/server-kit';
import { createPartnerGateway } from '../partner/partner-gateway';
import { withLease, withLeaseIfFree, type LeaseWait } from './lease';

const WAIT: LeaseWait = { maxWaitMs: 60_000, busy: () => new Error('busy') };

describe.each(await testDialects())(
  'leases shared by the instances of one database (%s)',
  (dialect) => {
    let t: TestApp;
    afterEach(async () => t.close());

    it('lets one of N simultaneous takers on two instances in, and the others after it', async () => {
      t = await startTestApp(dialect);
      const other = await t.startInstance();
      const contexts = [t.ctx, other.ctx];
      let inside = 0;
      let most = 0;
      const work = async () => {
        most = Math.max(most, ++inside);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inside--;
        return true;
      };
      // The first taker holds the lease until every other one was turned away (or 5 s passed).
      let open = () => {};
      const gate = new Promise<void>((resolve) => (open = resolve));
      const timer = setTimeout(open, 5000);
      let refused = 0;
      const tries = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          withLeaseIfFree(contexts[i % 2]!, 'job', 60_000, () => gate.then(() => true)).then(
            (taken) => {
              if (!taken && ++refused === 7) open();
              return taken;
            },
          ),
        ),
      );
      clearTimeout(timer);
      expect(tries.filter(Boolean)).toHaveLength(1);
      const waited = await Promise.all(
        Array.from({ length: 8 }, (_, i) => withLease(contexts[i % 2]!, 'job', 60_000, work, WAIT)),
      );
      expect(waited).toEqual(Array.from({ length: 8 }, () => true));
      expect(most).toBe(1);
      // Given back after each, even when the work fails.
      await expect(
        withLease(t.ctx, 'job', 60_000, () => Promise.reject(new Error('boom')), WAIT),
      ).rejects.toThrow('boom');
      expect(await t.ctx.db.selectFrom('leases').selectAll().execute()).toEqual([]);
    });

    it('ends the lease of a holder that crashed once its time is up', async () => {
      t = await startTestApp(dialect);
      await t.ctx.db
        .insertInto('leases')
        .values({
          name: 'job',
          holder: 'crashed',
          expires_at: new Date(t.clock.now().getTime() + 1000).toISOString(),
        })
        .execute();
      expect(await withLeaseIfFree(t.ctx, 'job', 60_000, async () => 1)).toBeUndefined();
      t.clock.advance(1000);
      expect(await withLeaseIfFree(t.ctx, 'job', 60_000, async () => 1)).toEqual({ value: 1 });
    });

    it('keeps the lease of a holder working longer than its time (heartbeat), on either instance', async () => {
      t = await startTestApp(dialect);
      const other = await t.startInstance();
      let release = () => {};
      const working = new Promise<void>((resolve) => (release = resolve));
      const holding = withLeaseIfFree(t.ctx, 'job', 90, () => working.then(() => 'done'));
      // Four times the lease's time, the clock moving with it: the heartbeat keeps it held.
      for (let i = 0; i < 6; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 60));
        t.clock.advance(60);
        expect(await withLeaseIfFree(other.ctx, 'job', 90, async () => 1)).toBeUndefined();
      }
      release();
      expect(await holding).toEqual({ value: 'done' });
      expect(await withLeaseIfFree(other.ctx, 'job', 90, async () => 1)).toEqual({ value: 1 });
    });

    it('answers 503 PARTNER_UNAVAILABLE to a partner exchange that waited past its wait', async () => {
      t = await startTestApp(dialect);
      // Another request of the same user holds the user's partner lease and does not let go.
      let release = () => {};
      let entered = () => {};
      const working = new Promise<void>((resolve) => (release = resolve));
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const holding = withLeaseIfFree(t.ctx, 'partner-session:u1', 10_000, () => {
        entered();
        return working;
      });
      await inside;
      const gateway = createPartnerGateway(t.ctx.config, { ...t.ctx, sessionWaitMs: 50 });
      const waited = await gateway.status('u1').catch((error: unknown) => error);
      expect(waited).toBeInstanceOf(AppError);
      expect(waited).toMatchObject({ code: 'PARTNER_UNAVAILABLE', status: 503 });
      expect((waited as AppError).message).toContain('réessayez');
      release();
      expect(await holding).toEqual({ value: undefined });
      // Free again: the lease module's own wait gives the caller's error, never a plain one.
      expect(await withLease(t.ctx, 'job', 60_000, async () => 2, WAIT)).toBe(2);
    });
  },
);
