import { afterEach, describe, expect, it } from 'vitest';
import { depositListSchema, type DepositList } from '@passerelle/contracts';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../test/test-partner';
import {
  createDepositAccount,
  infentInterchange,
  postDeposit,
  type DepositAccount,
} from './deposit-test-support';

describe.each(await testDialects())('deposit list by change (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  async function list(account: DepositAccount, query: string): Promise<DepositList> {
    const response = await t.call('GET', `/api/v1/deposits?${query}`, { token: account.token });
    expect(response.statusCode, response.body).toBe(200);
    return depositListSchema.parse(response.json());
  }

  async function depositAt(account: DepositAccount, reference: string): Promise<string> {
    const body = await account.signer.sign(infentInterchange({ reference }));
    const response = await postDeposit(t, account.token, body);
    expect(response.statusCode, response.body).toBe(202);
    return response.json().deposit.id;
  }

  it('pages by updatedSince without losing or repeating a deposit, then gives what changed', async () => {
    t = await startTestPartner(dialect, { DGFIP_DELAY_MS: '0' });
    const account = await createDepositAccount(t);
    const other = await createDepositAccount(t, {
      adminEmail: 'claire@cabinet-autre.fr',
      firmName: 'Cabinet Autre',
    });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(await depositAt(account, `R${i}`));
      await depositAt(other, `O${i}`);
      t.clock.advance(1000);
    }
    const seen: string[] = [];
    let since: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await list(account, `limit=2${since ? `&updatedSince=${since}` : ''}`);
      expect(page.serverTime).toBe(t.clock.now().toISOString());
      seen.push(...page.deposits.map((d) => d.id));
      pages += 1;
      if (!page.hasMore) break;
      since = page.deposits.at(-1)?.updatedAt;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ids); // oldest change first, only this account's, each once

    // The DGFiP answers: from the last serverTime on, exactly the changed deposits come back.
    const before = (await list(account, 'limit=100')).serverTime;
    t.clock.advance(1000);
    expect(await t.runDgfip()).toBe(10);
    const changed = await list(account, `updatedSince=${before}`);
    // One round at one clock time: the same updatedAt, so in id order.
    expect(changed.deposits.map((d) => d.id)).toEqual([...ids].sort());
    expect(changed.deposits.every((d) => d.status === 'accepted')).toBe(true);
    expect(changed.hasMore).toBe(false);
  });

  it('never stalls on many deposits changed at the same millisecond', async () => {
    t = await startTestPartner(dialect);
    const account = await createDepositAccount(t);
    const ids = [];
    for (let i = 0; i < 4; i += 1) ids.push(await depositAt(account, `R${i}`)); // clock frozen
    const page = await list(account, 'limit=2');
    // The page runs to the end of its last time: the next, strictly after it, misses nothing.
    expect(page.deposits.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(page.hasMore).toBe(false);
    const next = await list(account, `limit=2&updatedSince=${page.deposits.at(-1)?.updatedAt}`);
    expect(next.deposits).toEqual([]);
  });

  it('refuses a malformed query and an unknown deposit', async () => {
    t = await startTestPartner(dialect);
    const account = await createDepositAccount(t);
    const bad = await t.call('GET', '/api/v1/deposits?updatedSince=hier', {
      token: account.token,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'updatedSince' });
    const tooMany = await t.call('GET', '/api/v1/deposits?limit=501', { token: account.token });
    expect(tooMany.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'limit' });
    for (const id of ['inconnu', '00000000-0000-4000-8000-000000000000']) {
      const missing = await t.call('GET', `/api/v1/deposits/${id}`, { token: account.token });
      expect(missing.statusCode).toBe(404);
    }
    expect((await t.call('GET', '/api/v1/deposits')).statusCode).toBe(401);
  });
});
