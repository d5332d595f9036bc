import { transmissionStatusLabels, type TransmissionStatus } from '@passerelle/contracts';
import type { AppContext } from '../context';
import { sendingResultMail } from '../mail/messages';
import { sendMail } from '../mail/send-mail';
import { claimResultMail, findResultMailFacts } from './result-mail.repository';

/**
 * Emails the sender the DGFiP's answer for one transmission, if they asked for it (the default).
 * The row is claimed first (`result_notified_at`), so two instances, or a replayed poll, never
 * send it twice; a crash between the claim and the send loses that one email (at most once).
 */
export async function notifyResult(ctx: AppContext, transmissionId: string): Promise<void> {
  const at = ctx.now().toISOString();
  if (!(await claimResultMail(ctx.db, transmissionId, at))) return;
  const row = await findResultMailFacts(ctx.db, transmissionId);
  if (!row || row.user_status !== 'active' || Number(row.notify_sending_results) !== 1) return;
  const errors = row.errors ? (JSON.parse(row.errors) as { severity: string }[]) : [];
  await sendMail(
    ctx,
    sendingResultMail(ctx.config, {
      to: row.email,
      declarationId: row.declaration_id,
      dossier: `${row.dossier_name} (SIREN ${row.siren})`,
      exerciseEnd: row.end_date,
      status: transmissionStatusLabels[row.status as TransmissionStatus],
      rejections: errors.filter((error) => error.severity === 'rejet').length,
      alerts: errors.filter((error) => error.severity !== 'rejet').length,
    }),
  );
}
