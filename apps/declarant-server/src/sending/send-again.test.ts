import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { startSendingWorld, type SendingWorld } from '../testing/sending-world';
import { deliverDue } from './delivery-worker';

// The partner refuses an interchange it already holds (DEPOSIT_DUPLICATE, issue #12): the
// declarant's own ways of sending again must never run into it, and when it does meet it, it
// must stop rather than loop.
describe.each(await testDialects())('sending a declaration again (%s)', (dialect) => {
  let w: SendingWorld;
  afterEach(async () => {
    await w.close();
  });

  const rows = () =>
    w.t.ctx.db.selectFrom('transmissions').selectAll().orderBy('created_at').execute();
  const partnerDeposits = () =>
    w.partner.ctx.db
      .selectFrom('deposits')
      .select(['id', 'idempotency_key', 'interchange_reference', 'content_sha256'])
      .orderBy('received_at')
      .execute();
  const declarationStatus = async () =>
    (await w.t.call('GET', `/api/declarations/${w.declarationIds[0]}`, { cookie: w.cookie })).json()
      .declaration.status;

  it('after a DGFiP rejection, "Envoyer" again makes a new interchange the partner accepts', async () => {
    w = await startSendingWorld(dialect, { sirens: ['999999998'] });
    expect((await w.send()).statusCode).toBe(202);
    await w.runEverything();
    expect(await declarationStatus()).toBe('rejected');

    w.advance(1000);
    expect((await w.send()).statusCode).toBe(202);
    expect(await deliverDue(w.t.ctx)).toBe(1);
    const [first, second] = await rows();
    expect(second!.status).toBe('transmitted');
    // A new reference, so new signed bytes and a new interchange: a second deposit.
    expect(second!.interchange_reference).not.toBe(first!.interchange_reference);
    expect(second!.body_sha256).not.toBe(first!.body_sha256);
    const deposits = await partnerDeposits();
    expect(deposits.map((d) => d.idempotency_key)).toEqual([first!.id, second!.id]);
    expect(deposits.map((d) => d.interchange_reference)).toEqual([
      first!.interchange_reference,
      second!.interchange_reference,
    ]);
    expect(deposits[0]!.content_sha256).not.toBe(deposits[1]!.content_sha256);
  });

  it('DEPOSIT_DUPLICATE is a final refusal after one attempt, naming the first deposit; "Envoyer" again works', async () => {
    w = await startSendingWorld(dialect, { count: 1 });
    await w.send();
    expect(await deliverDue(w.t.ctx)).toBe(1);
    const [delivered] = await rows();
    expect(delivered!.status).toBe('transmitted');

    // The same signed bytes queued under another id, as a copy of this database would send
    // them: the partner already holds that interchange.
    const copyId = randomUUID();
    const at = w.t.clock.now().toISOString();
    await w.t.ctx.db
      .insertInto('transmissions')
      .values({
        ...delivered!,
        id: copyId,
        status: 'queued',
        attempts: 0,
        next_attempt_at: at,
        locked_until: null,
        deposit_id: null,
        receipt: null,
        receipt_received_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await w.t.ctx.db
      .updateTable('declarations')
      .set({ latest_transmission_id: copyId, transmission_status: 'queued' })
      .where('id', '=', w.declarationIds[0]!)
      .execute();

    expect(await deliverDue(w.t.ctx)).toBe(1);
    const copy = (await rows()).find((r) => r.id === copyId)!;
    expect(copy).toMatchObject({ status: 'partner_refused', attempts: 1, next_attempt_at: null });
    expect(copy.last_error).toMatch(/^Ce fichier EDI a déjà été déposé/);
    expect(copy.last_error).toContain(`dépôt n° ${delivered!.deposit_id}`);
    // Final: nothing is due any more, however long one waits.
    w.advance(3_600_000);
    expect(await deliverDue(w.t.ctx)).toBe(0);
    expect(await partnerDeposits()).toHaveLength(1);
    await w.signInAgain(); // an hour later: the session ended
    expect(await declarationStatus()).toBe('partner_refused');

    // The person may send it again: a new interchange, which the partner takes.
    expect((await w.send()).statusCode).toBe(202);
    expect(await deliverDue(w.t.ctx)).toBe(1);
    expect((await rows()).at(-1)!.status).toBe('transmitted');
    expect(await partnerDeposits()).toHaveLength(2);
  });
});
