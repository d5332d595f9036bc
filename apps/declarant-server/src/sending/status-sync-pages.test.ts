import { afterEach, describe, expect, it } from 'vitest';
import type { PartnerApi } from '../partner/partner-api';
import { startSendingWorld, type SendingWorld } from '../testing/sending-world';
import { testDialects } from '@passerelle/server-kit/testing';
import { deliverDue } from './delivery-worker';
import { syncStatuses } from './status-sync';

describe.each(await testDialects())('status polling over several pages (%s)', (dialect) => {
  let w: SendingWorld;
  afterEach(async () => w.close());

  it('follows the partner’s cursor to the last page before moving its own', async () => {
    // Two deposits per page: the five answers of the DGFiP come back in three pages.
    w = await startSendingWorld(dialect, { count: 5, env: { STATUS_POLL_PAGE_SIZE: '2' } });
    const sent = (await w.send()).json();
    expect(await deliverDue(w.t.ctx)).toBe(5);
    w.advance(2000);
    await w.partner.runDgfip();
    w.advance(2000);
    await w.partner.runDgfip();

    // Every page asked is recorded (the real client still does the asking).
    const asked: Array<Parameters<PartnerApi['listDeposits']>[1]> = [];
    const { api } = w.t.ctx.partner;
    w.t.ctx.partner = w.t.ctx.partner.with({
      api: Object.assign(Object.create(api) as PartnerApi, {
        listDeposits: (token: string, query: (typeof asked)[number]) => {
          asked.push(query);
          return api.listDeposits(token, query);
        },
      }),
    });
    const before = await w.t.ctx.db.selectFrom('partner_poll_cursors').selectAll().execute();

    expect(await syncStatuses(w.t.ctx)).toBe(5);
    expect(asked.map((query) => query.limit)).toEqual([2, 2, 2]);
    expect(asked[0]?.cursor).toBeUndefined();
    expect(asked.slice(1).every((query) => typeof query.cursor === 'string')).toBe(true);
    // The same `updatedSince` on every page: the cursor, not the time, moves through the list.
    expect(new Set(asked.map((query) => query.updatedSince)).size).toBe(1);
    const progress = (
      await w.t.call('GET', `/api/sendings/${sent.sending.id}`, { cookie: w.cookie })
    ).json().sending;
    expect(progress).toMatchObject({ total: 5, finished: 5, accepted: 5, done: true });
    const after = await w.t.ctx.db.selectFrom('partner_poll_cursors').selectAll().execute();
    expect(after).toHaveLength(1);
    expect(after[0]?.updated_since).not.toBe(before[0]?.updated_since);

    // Every answer is final: nobody waits, so the partner is not asked again.
    asked.length = 0;
    expect(await syncStatuses(w.t.ctx)).toBe(0);
    expect(asked).toEqual([]);
  });
});
