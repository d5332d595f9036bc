import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Deposit } from '@passerelle/contracts';
import { readContrl, readFixture, readInfentCr, type Declaration } from '@passerelle/tdfc';
import { testDialects } from '@passerelle/server-kit/testing';
import {
  createDepositAccount,
  infentInterchange,
  postDeposit,
  type DepositAccount,
} from '../testing/deposits';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import { DGFIP_LEASE_MS, runDgfipRound } from './dgfip-worker';
import { claimDueDeposits, finishDeposit } from './dgfip.repository';

/** The simplified liasse with an edit. */
function liasse(edit: (d: Declaration) => void): Declaration {
  const declaration = readFixture('liasseSimplifiee');
  edit(declaration);
  return declaration;
}

/** A broken SIREN (Luhn key) in both places the declaration states it. */
function withSiren(siren: string) {
  return liasse((d) => {
    d.siren = siren;
    const aa = d.forms['F-IDENTIF']?.[0]?.AA;
    if (aa && typeof aa === 'object' && !Array.isArray(aa)) aa.id = siren;
  });
}

describe.each(await testDialects())('simulated DGFiP (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  async function deposit(account: DepositAccount, content: Uint8Array): Promise<Deposit> {
    const response = await postDeposit(t, account.token, await account.signer.sign(content));
    expect(response.statusCode, response.body).toBe(202);
    return response.json<{ deposit: Deposit }>().deposit;
  }

  async function view(account: DepositAccount, id: string): Promise<Deposit> {
    const response = await t.call('GET', `/api/v1/deposits/${id}`, { token: account.token });
    return response.json<{ deposit: Deposit }>().deposit;
  }

  it('hands a deposit over at once and answers it with a CR once the delay has passed', async () => {
    t = await startTestPartner(dialect, { DGFIP_DELAY_MS: '3000' });
    const account = await createDepositAccount(t);
    const { id, receivedAt } = await deposit(account, infentInterchange());
    expect(await t.runDgfip()).toBe(0);
    const handed = await view(account, id);
    expect(handed.status).toBe('sent_to_dgfip');
    expect(handed.history).toEqual([
      { status: 'received', at: receivedAt },
      { status: 'sent_to_dgfip', at: receivedAt },
    ]);
    t.clock.advance(2999);
    expect(await t.runDgfip()).toBe(0);
    t.clock.advance(1);
    expect(await t.runDgfip()).toBe(1);
    const answered = await view(account, id);
    const at = t.clock.now().toISOString();
    expect(answered).toMatchObject({ status: 'accepted', updatedAt: at, errors: [], contrl: null });
    expect(answered.history.map((e) => e.status)).toEqual([
      'received',
      'sent_to_dgfip',
      'accepted',
    ]);
    const cr = readInfentCr(answered.cr ?? '');
    expect(cr.status).toBe('ACC');
    expect(cr.envelope.recipient).toEqual(['73282932000074', '5', 'I']);
    expect(cr.reports[0]?.siren).toBe('843217654');
    // Nothing more happens to a final deposit.
    t.clock.advance(60_000);
    expect(await t.runDgfip()).toBe(0);
    expect((await view(account, id)).history).toHaveLength(3);
  });

  it('answers rejected, partially rejected and syntax-rejected interchanges with their returns', async () => {
    t = await startTestPartner(dialect, { DGFIP_DELAY_MS: '0' });
    const account = await createDepositAccount(t);
    const partial = await deposit(
      account,
      infentInterchange({
        declarations: [liasse((d) => ((d.forms['2033A'] ??= [{}])[0]!.AA = -5))],
      }),
    );
    const rejected = await deposit(
      account,
      infentInterchange({ declarations: [withSiren('843217655')], reference: 'R2' }),
    );
    // Addressed to another partner: refused by the syntax check, answered by a CONTRL.
    const misrouted = await deposit(
      account,
      infentInterchange({ partnerNumber: '1234567', reference: 'R3' }),
    );
    // A test interchange sent to a production partner.
    const test = await deposit(account, infentInterchange({ test: true, reference: 'R4' }));
    expect(test.testIndicator).toBe(true);
    expect(await t.runDgfip()).toBe(4);

    const p = await view(account, partial.id);
    expect(p.status).toBe('partially_rejected');
    expect(p.errors).toContainEqual(
      expect.objectContaining({
        level: 'integrability',
        severity: 'rejet',
        code: 'value.negative',
        form: '2033A',
        cell: 'AA',
      }),
    );
    expect(readInfentCr(p.cr ?? '').status).toBe('RJP');

    const r = await view(account, rejected.id);
    expect(r.status).toBe('rejected');
    expect(r.siren).toBe('843217655');
    expect(r.errors).toContainEqual(expect.objectContaining({ code: 'siren.invalid' }));
    expect(readInfentCr(r.cr ?? '').errors).toEqual(r.errors);

    for (const id of [misrouted.id, test.id]) {
      const s = await view(account, id);
      expect(s.status).toBe('syntax_rejected');
      expect(s.cr).toBeNull();
      expect(s.errors.length).toBeGreaterThan(0);
      expect(s.errors.every((e) => e.level === 'syntax' && e.severity === 'rejet')).toBe(true);
      expect(readContrl(s.contrl ?? '').envelope.sender).toBe('DGI_EDI_TDFC');
    }
  });

  it('finishes exactly once a deposit whose worker died holding it, after the lease expires', async () => {
    t = await startTestPartner(dialect, { DGFIP_DELAY_MS: '1000' });
    const account = await createDepositAccount(t);
    const second = await deposit(account, infentInterchange());
    expect(await t.runDgfip()).toBe(0);
    expect((await view(account, second.id)).status).toBe('sent_to_dgfip');
    // Its answer is due; a worker leases it, then dies before answering.
    t.clock.advance(1000);
    const now = t.clock.now();
    const claimed = await claimDueDeposits(t.ctx.db, t.ctx.dialect, {
      workerId: 'mort',
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + DGFIP_LEASE_MS).toISOString(),
      dueBefore: now.toISOString(),
      limit: 10,
    });
    expect(claimed).toEqual([second.id]);
    // While the lease runs, nobody else takes it.
    t.clock.advance(DGFIP_LEASE_MS - 1);
    expect(await t.runDgfip()).toBe(0);
    t.clock.advance(2);
    expect(await t.runDgfip()).toBe(1);
    const done = await view(account, second.id);
    expect(done.status).toBe('accepted');
    // The dead worker "wakes up": its late answer changes nothing.
    const late = await finishDeposit(t.ctx.db, second.id, 'mort', {
      status: 'rejected',
      errors: '[]',
      contrl: null,
      cr: null,
      history: '[]',
      at: t.clock.now().toISOString(),
    });
    expect(late).toBe(false);
    expect(await view(account, second.id)).toEqual(done);
    expect(done.history.map((e) => e.status)).toEqual(['received', 'sent_to_dgfip', 'accepted']);
  });

  it('shares the work between concurrent workers: every deposit answered once', async () => {
    t = await startTestPartner(dialect, { DGFIP_DELAY_MS: '0' });
    const account = await createDepositAccount(t);
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      ids.push((await deposit(account, infentInterchange({ reference: `R${i}` }))).id);
    }
    const answered = await Promise.all(
      Array.from({ length: 4 }, (_, i) => runDgfipRound(t.ctx, `worker-${i}`)),
    );
    expect(answered.reduce((a, b) => a + b, 0)).toBe(12);
    for (const id of ids) {
      const history = (await view(account, id)).history.map((e) => e.status);
      expect(history).toEqual(['received', 'sent_to_dgfip', 'accepted']);
    }
  });

  it('answers more deposits than one batch in a single round', async () => {
    t = await startTestPartner(dialect, { DGFIP_DELAY_MS: '0' });
    const account = await createDepositAccount(t);
    for (let i = 0; i < 60; i += 1) {
      const body = await account.signer.sign(infentInterchange({ reference: `LOT${i}` }));
      expect((await postDeposit(t, account.token, body)).statusCode).toBe(202);
    }
    expect(await t.runDgfip()).toBe(60);
    const statuses = await t.ctx.db.selectFrom('deposits').select('status').execute();
    expect(statuses.every((s) => s.status === 'accepted')).toBe(true);
  });

  it('runs by itself in the server process and stops with it', async () => {
    t = await startTestPartner(
      dialect,
      { DGFIP_DELAY_MS: '0', DGFIP_POLL_MS: '20' },
      { dgfipWorker: true },
    );
    const account = await createDepositAccount(t);
    const { id } = await deposit(account, infentInterchange());
    await vi.waitFor(async () => expect((await view(account, id)).status).toBe('accepted'), {
      timeout: 10_000,
      interval: 50,
    });
  });
});
