import type {
  SendingProgress,
  Transmission,
  TransmissionFileKind,
  TransmissionPage,
} from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import { requireDeclaration } from '../declarations/declarations.service';
import { wakeDeliveryWorker } from './delivery-worker';
import { toProgress, toTransmission } from './transmission-view';
import {
  countTransmissionsOfDeclaration,
  eventsOfTransmissions,
  findSending,
  findTransmission,
  findTransmissionView,
  moveTransmission,
  pageTransmissionsOfDeclaration,
  sendingCounts,
  type TransmissionListRow,
} from './transmissions.repository';

/** The counts of one "Envoyer" batch: what its progress bar shows. */
export async function sendingProgress(ctx: AppContext, id: string): Promise<SendingProgress> {
  const sending = await findSending(ctx.db, id);
  if (!sending) throw new AppError('NOT_FOUND', 'Envoi introuvable.');
  return toProgress(sending, await sendingCounts(ctx.db, id));
}

/** Transmission rows with each one's history. */
async function withHistory(ctx: AppContext, rows: TransmissionListRow[]): Promise<Transmission[]> {
  const events = await eventsOfTransmissions(
    ctx.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    toTransmission(
      row,
      events.filter((event) => event.transmission_id === row.id),
    ),
  );
}

/** One page of a declaration's transmissions, newest first, each with its history. */
export async function declarationTransmissions(
  ctx: AppContext,
  declarationId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<TransmissionPage> {
  await requireDeclaration(ctx, declarationId);
  const { rows, nextCursor } = await pageTransmissionsOfDeclaration(ctx.db, declarationId, query);
  const total =
    query.cursor === undefined
      ? await countTransmissionsOfDeclaration(ctx.db, declarationId)
      : null;
  return { items: await withHistory(ctx, rows), nextCursor, total };
}

/** One of a transmission's files: what was sent, the receipt, the DGFiP's returns. */
export async function transmissionFile(
  ctx: AppContext,
  id: string,
  file: TransmissionFileKind,
): Promise<{ filename: string; type: string; bytes: Buffer }> {
  const row = await findTransmission(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Transmission introuvable.');
  const base = `${row.interchange_reference}`;
  const missing = (what: string) => new AppError('NOT_FOUND', `${what} : pas encore reçu.`);
  switch (file) {
    case 'signed':
      return {
        filename: `${base}.p7m`,
        type: 'application/pkcs7-mime',
        bytes: Buffer.from(row.signed_bytes),
      };
    case 'receipt':
      if (!row.receipt) throw missing('Accusé de réception');
      return {
        filename: `${base}-accuse-reception.p7m`,
        type: 'application/pkcs7-mime',
        bytes: Buffer.from(row.receipt),
      };
    case 'contrl':
      if (row.contrl === null) throw new AppError('NOT_FOUND', 'Aucun CONTRL pour cet envoi.');
      return {
        filename: `${base}-contrl.edi`,
        type: 'application/edifact',
        bytes: Buffer.from(row.contrl, 'latin1'),
      };
    case 'cr':
      if (row.cr === null) throw missing('Compte rendu');
      return {
        filename: `${base}-compte-rendu.edi`,
        type: 'application/edifact',
        bytes: Buffer.from(row.cr, 'latin1'),
      };
  }
}

/**
 * "Relancer": a transmission whose retries ran out goes back in the queue with the same bytes
 * and the same id (the partner answers a replay with the receipt it already gave, so nothing is
 * deposited twice). The sender or an administrator may do it.
 */
export async function retryTransmission(
  ctx: AppContext,
  caller: Caller,
  id: string,
  ip: string,
): Promise<Transmission> {
  const row = await findTransmission(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Transmission introuvable.');
  if (row.user_id !== caller.user.id && caller.user.role !== 'administrator') {
    throw new AppError(
      'FORBIDDEN',
      'Seul l’expéditeur ou un administrateur peut relancer cet envoi.',
    );
  }
  const at = ctx.now().toISOString();
  const moved = await moveTransmission(ctx.db, {
    id,
    from: ['delivery_failed'],
    to: 'queued',
    at,
    changes: { attempts: 0, next_attempt_at: at, locked_until: null },
    events: [
      {
        status: 'queued',
        at,
        detail: `Relancé par ${caller.user.first_name} ${caller.user.last_name}`,
      },
    ],
  });
  if (!moved) {
    throw new AppError('TRANSMISSION_NOT_RETRYABLE', 'Seul un envoi en échec peut être relancé.');
  }
  await appendAuditEvent(
    ctx.db,
    {
      action: 'transmission.retried',
      actorUserId: caller.user.id,
      ip,
      details: { transmissionId: id },
    },
    new Date(at),
  );
  wakeDeliveryWorker(ctx);
  const view = await findTransmissionView(ctx.db, id);
  if (!view) throw new AppError('NOT_FOUND', 'Transmission introuvable.');
  const [transmission] = await withHistory(ctx, [view]);
  return transmission as Transmission;
}
