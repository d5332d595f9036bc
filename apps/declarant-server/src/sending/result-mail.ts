import { transmissionStatusLabels, type TransmissionStatus } from '@passerelle/contracts';
import type { AppContext } from '../context';
import { sendingResultMail } from '../mail/messages';
import { sendMail } from '../mail/send-mail';

/**
 * Emails the sender the DGFiP's answer for one transmission, if they asked for it (the default).
 * The row is claimed first (`result_notified_at`), so two instances, or a replayed poll, never
 * send it twice; a crash between the claim and the send loses that one email (at most once).
 */
export async function notifyResult(ctx: AppContext, transmissionId: string): Promise<void> {
  const at = ctx.now().toISOString();
  const claim = await ctx.db
    .updateTable('transmissions')
    .set({ result_notified_at: at })
    .where('id', '=', transmissionId)
    .where('result_notified_at', 'is', null)
    .executeTakeFirst();
  if (claim.numUpdatedRows === 0n) return;
  const row = await ctx.db
    .selectFrom('transmissions as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .innerJoin('declarations as d', 'd.id', 't.declaration_id')
    .innerJoin('dossiers as o', 'o.id', 'd.dossier_id')
    .innerJoin('exercises as e', 'e.id', 'd.exercise_id')
    .select([
      't.status',
      't.errors',
      't.declaration_id',
      'u.email',
      'u.status as user_status',
      'u.notify_sending_results',
      'o.name as dossier_name',
      'o.siren',
      'e.end_date',
    ])
    .where('t.id', '=', transmissionId)
    .executeTakeFirst();
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
