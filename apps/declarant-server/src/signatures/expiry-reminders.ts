import { appendAuditEvent } from '../audit/audit.repository';
import type { AppContext } from '../context';
import { signatureExpiryMail } from '../mail/messages';
import { sendMail } from '../mail/send-mail';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Sends the expiry reminders that are due (e.g. 30 and 7 days before). Each reminder is first
 * *claimed* by inserting its (signature, days) row, which only one run — of any instance, before
 * or after a restart — can do; so none is ever sent twice. A failed send gives the claim back for
 * the next run; a crash between the claim and the send loses that one reminder (at most once).
 * Holders who already renewed (another usable signature outlives the window), inactive users and
 * revoked or expired signatures get none. Returns how many emails were sent.
 */
export async function sendDueReminders(ctx: AppContext): Promise<number> {
  const days = ctx.config.reminderDays;
  const widest = days[0];
  if (widest === undefined) return 0;
  const now = ctx.now();
  const candidates = await ctx.db
    .selectFrom('signatures as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.serial', 's.holder_email', 's.not_after'])
    .where('s.revoked_at', 'is', null)
    .where('u.status', '=', 'active')
    .where('s.not_after', '>', now.toISOString())
    .where('s.not_after', '<=', new Date(now.getTime() + widest * DAY_MS).toISOString())
    .execute();
  let sent = 0;
  for (const signature of candidates) {
    const msLeft = Date.parse(signature.not_after) - now.getTime();
    // The closest reminder that is due: at 5 days left only the 7-day one is sent.
    const due = days.filter((d) => msLeft <= d * DAY_MS).at(-1);
    if (due === undefined) continue;
    const renewed = await ctx.db
      .selectFrom('signatures')
      .select('id')
      .where('user_id', '=', signature.user_id)
      .where('id', '!=', signature.id)
      .where('revoked_at', 'is', null)
      .where('not_after', '>', new Date(now.getTime() + due * DAY_MS).toISOString())
      .executeTakeFirst();
    if (renewed) continue;
    const claim = await ctx.db
      .insertInto('signature_reminders')
      .values({ signature_id: signature.id, days_before: due, claimed_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['signature_id', 'days_before']).doNothing())
      .executeTakeFirst();
    if (Number(claim.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
    const daysLeft = Math.max(1, Math.ceil(msLeft / DAY_MS));
    const mail = signatureExpiryMail(
      ctx.config,
      signature.holder_email,
      signature.serial,
      signature.not_after,
      daysLeft,
    );
    if (!(await sendMail(ctx, mail))) {
      await ctx.db
        .deleteFrom('signature_reminders')
        .where('signature_id', '=', signature.id)
        .where('days_before', '=', due)
        .execute();
      continue;
    }
    await ctx.db
      .updateTable('signature_reminders')
      .set({ sent_at: ctx.now().toISOString() })
      .where('signature_id', '=', signature.id)
      .where('days_before', '=', due)
      .execute();
    await appendAuditEvent(
      ctx.db,
      {
        action: 'signature.expiry_reminder_sent',
        targetUserId: signature.user_id,
        details: { signatureId: signature.id, serial: signature.serial, daysBefore: due },
      },
      ctx.now(),
    );
    sent += 1;
  }
  return sent;
}

/** Runs {@link sendDueReminders} now and then every interval; returns the stop function. */
export function startReminderScheduler(ctx: AppContext): () => void {
  const interval = ctx.config.reminderIntervalMs;
  if (interval === 0) return () => undefined;
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    sendDueReminders(ctx)
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'expiry reminders failed'))
      .finally(() => (running = false));
  };
  const first = setTimeout(run, 1000);
  const timer = setInterval(run, interval);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
