import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditAction } from '@passerelle/contracts';
import {
  atOnce,
  countStatuses,
  testDialects,
  type JsonInjector,
} from '@passerelle/server-kit/testing';
import {
  SIGNATURE_PASSWORD,
  startSignatureWorld,
  type SignatureWorld,
} from '../testing/signature-world';

const FILE_PASSWORD = 'écureuil lanterne boussole marée';
const LOCKED_MAIL = 'Votre signature est bloquée temporairement — Passerelle';

// Every password actually tried (Argon2id run, AES-GCM tag checked) is audited as
// `signature.wrong_password`: counting those events counts the checks.
describe.each(await testDialects())('signature password limit (%s)', (dialect) => {
  let w: SignatureWorld;
  afterEach(async () => w.close());

  const exportWith = (call: JsonInjector, id: string, currentPassword = 'mauvais mot de passe') =>
    call('POST', `/api/signatures/${id}/export`, {
      cookie: w.cookie,
      body: { currentPassword, password: FILE_PASSWORD, passwordConfirmation: FILE_PASSWORD },
    });

  async function audited(action: AuditAction): Promise<number> {
    const rows = await w.t.ctx.db
      .selectFrom('audit_events')
      .select('seq')
      .where('action', '=', action)
      .execute();
    return rows.length;
  }

  /** 10 checked (9 told what is left, the 10th locks), 40 refused as locked; one email. */
  async function expectTenChecked(responses: LightMyRequestResponse[]) {
    const messages = responses.map((r) => r.json<{ message: string }>().message);
    expect({
      statuses: countStatuses(responses),
      checked: await audited('signature.wrong_password'),
      locks: await audited('signature.locked'),
      mails: w.partner.inbox.messages().filter((m) => m.subject === LOCKED_MAIL).length,
    }).toEqual({ statuses: { 403: 9, 423: 41 }, checked: 10, locks: 1, mails: 1 });
    const left = messages.filter((m) => m.startsWith('Mot de passe de la signature incorrect :'));
    expect(left.sort()).toEqual(
      [9, 8, 7, 6, 5, 4, 3, 2, 1]
        .map(
          (n) =>
            `Mot de passe de la signature incorrect : encore ${n} essai${n > 1 ? 's' : ''} avant un blocage de 15 minutes.`,
        )
        .sort(),
    );
    expect(messages.filter((m) => m.includes('pour la 10e fois'))).toHaveLength(1);
    const refused = messages.filter((m) =>
      /^Signature bloquée après trop de mots de passe erronés, jusqu’à \d\d:\d\d\.$/.test(m),
    );
    expect(refused).toHaveLength(40);
  }

  it('tries exactly 10 of 50 simultaneous wrong passwords; the other 40 get 423', async () => {
    w = await startSignatureWorld(dialect);
    const signature = await w.createSignature();
    const responses = await atOnce(50, () => exportWith(w.t.call, signature.id));
    await expectTenChecked(responses);
    const right = await exportWith(w.t.call, signature.id, SIGNATURE_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(Number(right.headers['retry-after'])).toBe(15 * 60);
  });

  it.runIf(dialect === 'postgres')(
    'tries exactly 10 of 25 + 25 simultaneous wrong passwords sent to two instances',
    async () => {
      w = await startSignatureWorld(dialect);
      const signature = await w.createSignature();
      const other = await w.t.startInstance();
      const responses = await atOnce(50, (i) =>
        exportWith(i % 2 === 0 ? w.t.call : other.call, signature.id),
      );
      await expectTenChecked(responses);
    },
  );

  it('lifts the lock set by the last allowed attempt when its password is right', async () => {
    w = await startSignatureWorld(dialect, { SIGNATURE_MAX_FAILURES: '3' });
    const signature = await w.createSignature();
    for (let i = 0; i < 2; i += 1) {
      expect((await exportWith(w.t.call, signature.id)).statusCode).toBe(403);
    }
    // The third attempt is the last allowed: it locks while it runs, and unlocks as it succeeds.
    expect((await exportWith(w.t.call, signature.id, SIGNATURE_PASSWORD)).statusCode).toBe(200);
    const list = (await w.t.call('GET', '/api/me/signatures', { cookie: w.cookie })).json();
    expect(list.items[0]).toMatchObject({ status: 'valid', lockedUntil: null });
    expect((await exportWith(w.t.call, signature.id)).json().message).toContain('encore 2 essais');
    expect(await audited('signature.locked')).toBe(0);
  });

  it('starts the count again once a lock has ended, even one left by an interrupted attempt', async () => {
    w = await startSignatureWorld(dialect, { SIGNATURE_MAX_FAILURES: '3' });
    const signature = await w.createSignature();
    // What a server stopped during the last allowed attempt leaves: the count full, the lock set.
    await w.t.ctx.db
      .updateTable('signatures')
      .set({
        failed_attempts: 3,
        locked_until: new Date(w.t.clock.now().getTime() + 60_000).toISOString(),
      })
      .execute();
    expect((await exportWith(w.t.call, signature.id, SIGNATURE_PASSWORD)).statusCode).toBe(423);
    w.t.clock.advance(60_000);
    const wrong = await exportWith(w.t.call, signature.id);
    expect(wrong.json()).toMatchObject({ code: 'WRONG_SIGNATURE_PASSWORD' });
    expect(wrong.json().message).toContain('encore 2 essais');
  });
});
