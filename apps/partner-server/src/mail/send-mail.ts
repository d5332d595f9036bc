import type { PartnerContext } from '../context';
import type { OutgoingMail } from './messages';

/**
 * Sends an email; a failure is logged (without the content, which may hold a code) and
 * reported to the caller, which decides whether the action still stands.
 */
export async function sendMail(ctx: PartnerContext, mail: OutgoingMail): Promise<boolean> {
  try {
    await ctx.mailer.send(mail);
    return true;
  } catch (error) {
    ctx.logger.error({ err: error, subject: mail.subject }, 'email not sent');
    return false;
  }
}
