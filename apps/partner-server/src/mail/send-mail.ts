import { sendOrLog } from '@passerelle/mail';
import type { PartnerContext } from '../context';
import type { OutgoingMail } from './messages';

/** Sends an email; a failure is logged and reported as `false` (see `sendOrLog`). */
export function sendMail(ctx: PartnerContext, mail: OutgoingMail): Promise<boolean> {
  return sendOrLog(ctx.mailer, ctx.logger, mail);
}

/**
 * Sends an email without making the request wait for the SMTP server: for answers that must
 * take the same time whether an email goes out or not (registration, "Mot de passe oublié ?"),
 * as OWASP's Forgot Password Cheat Sheet asks. A failure is logged.
 */
export function sendMailInBackground(ctx: PartnerContext, mail: OutgoingMail): void {
  void sendMail(ctx, mail);
}
