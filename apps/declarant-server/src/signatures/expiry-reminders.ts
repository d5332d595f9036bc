import { appendAuditEvent } from '../audit/audit.repository';
import type { AppContext } from '../context';
import { signatureExpiryMail } from '../mail/messages';
import { sendMail } from '../mail/send-mail';
import {
  claimReminder,
  findExpiringSignatures,
  hasRenewedSignature,
  markReminderSent,
  releaseReminder,
} from './expiry-reminders.repository';

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
  const candidates = await findExpiringSignatures(
    ctx.db,
    now.toISOString(),
    new Date(now.getTime() + widest * DAY_MS).toISOString(),
  );
  let sent = 0;
  for (const signature of candidates) {
    const msLeft = Date.parse(signature.not_after) - now.getTime();
    // The closest reminder that is due: at 5 days left only the 7-day one is sent.
    const due = days.filter((d) => msLeft <= d * DAY_MS).at(-1);
    if (due === undefined) continue;
    const validAfter = new Date(now.getTime() + due * DAY_MS).toISOString();
    if (await hasRenewedSignature(ctx.db, signature.user_id, signature.id, validAfter)) continue;
    if (!(await claimReminder(ctx.db, signature.id, due, now.toISOString()))) continue;
    const daysLeft = Math.max(1, Math.ceil(msLeft / DAY_MS));
    const mail = signatureExpiryMail(
      ctx.config,
      signature.holder_email,
      signature.serial,
      signature.not_after,
      daysLeft,
    );
    if (!(await sendMail(ctx, mail))) {
      await releaseReminder(ctx.db, signature.id, due);
      continue;
    }
    await markReminderSent(ctx.db, signature.id, due, ctx.now().toISOString());
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
