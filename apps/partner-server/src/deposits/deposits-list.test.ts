import { afterEach, describe, expect, it } from 'vitest';
import { depositListSchema, type DepositList } from '@passerelle/contracts';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import {
  createDepositAccount,
  infentInterchange,
  postDeposit,
  type DepositAccount,
} from '../testing/deposits';

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

  it('pages by cursor without losing or repeating a deposit, then gives what changed', async () => {
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
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: DepositList = await list(account, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.serverTime).toBe(t.clock.now().toISOString());
      expect(page.items.length).toBeLessThanOrEqual(2);
      // Counted on the first page only.
      expect(page.total).toBe(pages === 0 ? 5 : null);
      seen.push(...page.items.map((d) => d.id));
      pages += 1;
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids); // oldest change first, only this account's, each once

    // The DGFiP answers: from the last serverTime on, exactly the changed deposits come back.
    const before = (await list(account, 'limit=100')).serverTime;
    t.clock.advance(1000);
    expect(await t.runDgfip()).toBe(10);
    const changed = await list(account, `updatedSince=${before}`);
    // One round at one clock time: the same updatedAt, so in id order.
    expect(changed.items.map((d) => d.id)).toEqual([...ids].sort());
    expect(changed.items.every((d) => d.status === 'accepted')).toBe(true);
    expect(changed.nextCursor).toBeNull();
  });

  it('never stalls on many deposits changed at the same millisecond, nor misses new ones', async () => {
    t = await startTestPartner(dialect);
    const account = await createDepositAccount(t);
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push(await depositAt(account, `R${i}`)); // clock frozen
    const first = await list(account, 'limit=2');
    expect(first.items).toHaveLength(2);
    // A deposit arrives between two pages, at the same millisecond: it sorts by id among the
    // others, and is read once, on the page its id falls in or later, never twice.
    ids.push(await depositAt(account, 'R5'));
    const seen = first.items.map((d) => d.id);
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const page = await list(account, `limit=2&cursor=${cursor}`);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length); // never twice
    for (const id of ids.slice(0, 5)) expect(seen).toContain(id); // never missed
    // The late one is read when its id sorts after the first page (its keyset position);
    // otherwise the next poll's overlap (updatedSince 60 s back) brings it.
    const late = ids[5] ?? '';
    expect(seen.includes(late)).toBe(late > (first.items.at(-1)?.id ?? ''));
  });

  it('refuses a malformed query and an unknown deposit', async () => {
    t = await startTestPartner(dialect);
    const account = await createDepositAccount(t);
    const bad = await t.call('GET', '/api/v1/deposits?updatedSince=hier', {
      token: account.token,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'updatedSince' });
    const tooMany = await t.call('GET', '/api/v1/deposits?limit=201', { token: account.token });
    expect(tooMany.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'limit' });
    for (const cursor of ['inconnu', 'WyJzaWduYXR1cmVzIiwiYSIsImIiXQ', 'W10']) {
      const forged = await t.call('GET', `/api/v1/deposits?cursor=${cursor}`, {
        token: account.token,
      });
      expect(forged.statusCode).toBe(400);
      expect(forged.json()).toMatchObject({ code: 'VALIDATION_ERROR', field: 'cursor' });
    }
    for (const id of ['inconnu', '00000000-0000-4000-8000-000000000000']) {
      const missing = await t.call('GET', `/api/v1/deposits/${id}`, { token: account.token });
      expect(missing.statusCode).toBe(404);
    }
    expect((await t.call('GET', '/api/v1/deposits')).statusCode).toBe(401);
  });
});
