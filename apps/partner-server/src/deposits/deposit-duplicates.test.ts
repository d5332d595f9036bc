import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import {
  createDepositAccount,
  foreignCaSigner,
  infentInterchange,
  postDeposit,
} from '../testing/deposits';

interface Refusal {
  code: string;
  message: string;
  depositId?: string;
}

describe.each(await testDialects())('duplicate deposits (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  const storedIds = async () =>
    (await t.ctx.db.selectFrom('deposits').select('id').execute()).map((row) => row.id);

  it('the same signed bytes under 50 new keys at once: one deposit, 49 DEPOSIT_DUPLICATE naming it', async () => {
    t = await startTestPartner(dialect);
    const { token, signer } = await createDepositAccount(t);
    const body = await signer.sign(infentInterchange({ reference: 'DOUBLON01' }));
    const keys = Array.from({ length: 50 }, () => randomUUID());
    const answers = await Promise.all(keys.map((key) => postDeposit(t, token, body, key)));

    const accepted = answers.filter((a) => a.statusCode === 202);
    expect(accepted).toHaveLength(1);
    const first = accepted[0]!.json<{ deposit: { id: string; transmissionId: string } }>();
    expect(await storedIds()).toEqual([first.deposit.id]);
    const refused = answers.filter((a) => a.statusCode !== 202);
    expect(refused.map((a) => a.statusCode)).toEqual(Array(49).fill(409));
    for (const answer of refused) {
      const error = answer.json<Refusal>();
      expect(error.code).toBe('DEPOSIT_DUPLICATE');
      expect(error.depositId).toBe(first.deposit.id);
      expect(error.message).toContain(`dépôt n° ${first.deposit.id}`);
    }
    const counts = await t.ctx.db
      .selectFrom('deposit_refusals')
      .select(['code', 'count'])
      .execute();
    expect(counts.map((c) => [c.code, Number(c.count)])).toEqual([['DEPOSIT_DUPLICATE', 49]]);

    // The winner's key with the same body is still a replay: the very same receipt bytes.
    const replayed = await postDeposit(t, token, body, first.deposit.transmissionId);
    expect(replayed.statusCode).toBe(202);
    expect(replayed.json().receipt).toBe(accepted[0]!.json().receipt);
    // A refused key was never stored: posting under it again is refused again, not replayed.
    const again = await postDeposit(
      t,
      token,
      body,
      keys.find((k) => k !== first.deposit.transmissionId)!,
    );
    expect(again.json<Refusal>()).toMatchObject({
      code: 'DEPOSIT_DUPLICATE',
      depositId: first.deposit.id,
    });
  });

  it('refuses the same interchange signed again, and another interchange reusing its reference', async () => {
    t = await startTestPartner(dialect, { DGFIP_DELAY_MS: '0' });
    const { token, signer } = await createDepositAccount(t);
    const content = infentInterchange({ reference: 'REF-A' });
    const first = await postDeposit(t, token, await signer.sign(content));
    expect(first.statusCode, first.body).toBe(202);
    const firstId = first.json().deposit.id as string;

    // Signed again a second later: other CMS bytes, the same interchange inside.
    t.clock.advance(1000);
    const resigned = await signer.sign(content);
    expect(resigned.equals(await signer.sign(content, new Date(0)))).toBe(false);
    const twice = await postDeposit(t, token, resigned);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Refusal>()).toMatchObject({ code: 'DEPOSIT_DUPLICATE', depositId: firstId });
    expect(twice.json<Refusal>().message).toMatch(/^Ce fichier EDI a déjà été déposé/);

    // Another interchange (another recipient here) under the same UNB reference.
    const sameReference = await postDeposit(
      t,
      token,
      await signer.sign(infentInterchange({ reference: 'REF-A', partnerNumber: '1234567' })),
    );
    expect(sameReference.statusCode).toBe(409);
    const error = sameReference.json<Refusal>();
    expect(error).toMatchObject({ code: 'DEPOSIT_DUPLICATE', depositId: firstId });
    expect(error.message).toMatch(/référence d’interchange REF-A/);

    // Once the DGFiP has answered, the same interchange is still one it already has.
    expect(await t.runDgfip()).toBe(1);
    t.clock.advance(1000);
    const afterAnswer = await postDeposit(t, token, await signer.sign(content));
    expect(afterAnswer.json<Refusal>()).toMatchObject({ code: 'DEPOSIT_DUPLICATE' });

    // A new reference is a new interchange.
    const next = await postDeposit(
      t,
      token,
      await signer.sign(infentInterchange({ reference: 'REF-B' })),
    );
    expect(next.statusCode, next.body).toBe(202);
    expect(await storedIds()).toHaveLength(2);
  });

  it('a deposit refused at checks 1–2 blocks nothing: the same interchange, signed right, is accepted', async () => {
    t = await startTestPartner(dialect);
    const { token, signer } = await createDepositAccount(t);
    const content = infentInterchange({ reference: 'CORRIGE01' });
    const key = randomUUID();
    const foreign = await foreignCaSigner(t);
    const refused = await postDeposit(t, token, await foreign.sign(content), key);
    expect(refused.json<Refusal>().code).toBe('DEPOSIT_CERTIFICATE_UNKNOWN');
    const corrected = await postDeposit(t, token, await signer.sign(content), key);
    expect(corrected.statusCode, corrected.body).toBe(202);
  });

  it('is per client account: another account may deposit the same interchange', async () => {
    t = await startTestPartner(dialect);
    const first = await createDepositAccount(t);
    const second = await createDepositAccount(t, {
      adminEmail: 'claire@cabinet-autre.fr',
      firmName: 'Cabinet Autre',
    });
    const content = infentInterchange({ reference: 'PARTAGE01' });
    const a = await postDeposit(t, first.token, await first.signer.sign(content));
    const b = await postDeposit(t, second.token, await second.signer.sign(content));
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    // Naming the other account's deposit would disclose it: each account only meets its own.
    const c = await postDeposit(t, second.token, await second.signer.sign(content));
    expect(c.json<Refusal>().depositId).toBe(b.json().deposit.id);
  });
});
