import { sendOrLog } from '@passerelle/mail';
import type { AppContext } from '../context';
import type { OutgoingMail } from './messages';

/** Sends an email; a failure is logged and reported as `false` (see `sendOrLog`). */
export function sendMail(ctx: AppContext, mail: OutgoingMail): Promise<boolean> {
  return sendOrLog(ctx.mailer, ctx.logger, mail);
}
