import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '@passerelle/server-kit/testing';
import { startSignatureWorld, type SignatureWorld } from '../testing/signature-world';
import { sendDueReminders } from './expiry-reminders';

const DAY = 86_400_000;

describe.each(await testDialects())('expiry reminders (%s)', (dialect) => {
  let w: SignatureWorld;
  afterEach(async () => {
    await w.close();
  });

  /** Moves the declarant's clock to `days` before the signature's expiry. */
  async function moveTo(days: number) {
    const row = await w.t.ctx.db
      .selectFrom('signatures')
      .select('not_after')
      .executeTakeFirstOrThrow();
    w.t.clock.advance(Date.parse(row.not_after) - days * DAY - w.t.clock.now().getTime());
    await w.signInAgain();
  }
  const remindersTo = () =>
    w.partner.inbox
      .messages()
      .filter((m) => m.to.includes('bruno@cabinet-test.fr') && /expire/.test(m.subject));

  it('sends the 30-day and the 7-day reminder once each, even with concurrent runs', async () => {
    w = await startSignatureWorld(dialect);
    const signature = await w.createSignature();
    await moveTo(31);
    expect(await sendDueReminders(w.t.ctx)).toBe(0);
    await moveTo(29.5);
    const concurrent = await Promise.all([sendDueReminders(w.t.ctx), sendDueReminders(w.t.ctx)]);
    expect(concurrent[0] + concurrent[1]).toBe(1);
    expect(await sendDueReminders(w.t.ctx)).toBe(0);
    const first = await w.partner.inbox.waitForMail(
      (m) => m.to.includes('bruno@cabinet-test.fr') && /expire/.test(m.subject),
    );
    expect(first.subject).toBe('Votre signature expire dans 30 jours — Passerelle');
    expect(first.text).toContain(signature.serial);
    const list = (await w.t.call('GET', '/api/me/signatures', { cookie: w.cookie })).json();
    expect(list.items[0].status).toBe('expiring');

    await moveTo(6.5);
    expect(await sendDueReminders(w.t.ctx)).toBe(1);
    expect(await sendDueReminders(w.t.ctx)).toBe(0);
    await w.partner.inbox.waitForMail((m) => /expire dans 7 jours/.test(m.subject));
    expect(remindersTo()).toHaveLength(2);
    const rows = await w.t.ctx.db
      .selectFrom('signature_reminders')
      .selectAll()
      .orderBy('days_before')
      .execute();
    expect(rows.map((r) => [r.days_before, r.sent_at !== null])).toEqual([
      [7, true],
      [30, true],
    ]);
    const audit = (await w.t.call('GET', '/api/audit-events', { cookie: w.adminCookie })).json();
    expect(
      audit.items.filter((e: { action: string }) => e.action === 'signature.expiry_reminder_sent'),
    ).toHaveLength(2);
  });

  it('gives the claim back when the email fails, and reminds nobody who already renewed', async () => {
    w = await startSignatureWorld(dialect);
    await w.createSignature();
    await moveTo(20);
    const mailer = w.t.ctx.mailer;
    w.t.ctx.mailer = { send: () => Promise.reject(new Error('SMTP down')), close: () => undefined };
    expect(await sendDueReminders(w.t.ctx)).toBe(0);
    expect(await w.t.ctx.db.selectFrom('signature_reminders').selectAll().execute()).toEqual([]);
    w.t.ctx.mailer = mailer;
    // Renewed meanwhile: a newer signature outlives the window, so no reminder is due.
    await w.createSignature({ validityMonths: 24 });
    expect(await sendDueReminders(w.t.ctx)).toBe(0);
    expect(remindersTo()).toHaveLength(0);
  });
});
