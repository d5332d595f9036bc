import { depositFinalRefusals } from '@passerelle/contracts';
import { AppError } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { AppContext } from '../context';
import { findSignatureChain } from '../signatures/signatures.repository';
import { retryDelayMs } from './backoff';
import { certificatesOf, checkReceipt, ReceiptError } from './receipt';
import {
  moveTransmission,
  requeueTransmission,
  type ClaimedTransmission,
} from './transmissions.repository';

/**
 * Final refusals: the partner's checks 1–2, where resending the same bytes would be refused
 * again, and DEPOSIT_DUPLICATE. We write a new interchange reference at every "Envoyer" and
 * resend only under the same id (which the partner replays), so a duplicate means the partner
 * holds this interchange from another deposit (a copy of our database sending too, say):
 * retrying would loop on it. "Refusée par le partenaire" shows its message naming that
 * deposit, and "Envoyer" again builds a new interchange.
 */
const REFUSALS: ReadonlySet<string> = new Set(depositFinalRefusals);

/**
 * One delivery attempt of a claimed transmission: post the stored signed bytes under the
 * transmission id, check the signed receipt, mark it "transmise". Any failure either refuses it
 * for good (the partner's checks 1–2), or puts it back in the queue with a growing delay, until
 * the attempts run out ("Échec d'envoi"). Every write is conditional on our lease, so a worker
 * that lost its lease (it was too slow, another took over) changes nothing.
 */
export async function deliver(ctx: AppContext, row: ClaimedTransmission): Promise<void> {
  try {
    const accepted = await ctx.partner.inBackground(row.user_id, (partner) =>
      partner.deposit(row.id, row.signed_bytes),
    );
    const { receipt, der } = await checkReceipt(accepted, {
      transmissionId: row.id,
      bodySha256: row.body_sha256,
      trustedCaPem: await trustedCas(ctx, row.signature_id),
    });
    const at = ctx.now().toISOString();
    await moveTransmission(ctx.db, {
      id: row.id,
      from: ['queued'],
      to: 'transmitted',
      at,
      leasedUntil: row.locked_until,
      changes: {
        deposit_id: receipt.depositId,
        receipt: der,
        receipt_received_at: receipt.receivedAt,
        locked_until: null,
        next_attempt_at: null,
        last_error: null,
      },
      // The partner's reception time, which it signed: the trusted time of the deposit (a
      // signer's own signingTime is only a claim), and the same clock as the DGFiP steps.
      events: [
        { status: 'transmitted', at: receipt.receivedAt, detail: `Dépôt n° ${receipt.depositId}` },
      ],
    });
  } catch (error) {
    await failed(ctx, row, error);
  }
}

/** The partner CA pinned when the signature's certificate was issued (its chain). */
async function trustedCas(ctx: AppContext, signatureId: string): Promise<string[]> {
  return certificatesOf(await findSignatureChain(ctx.db, signatureId));
}

async function failed(ctx: AppContext, row: ClaimedTransmission, error: unknown): Promise<void> {
  const at = ctx.now();
  const message = describe(ctx, row, error);
  if (error instanceof AppError && REFUSALS.has(error.code)) {
    await giveUp(ctx, row, 'partner_refused', message, at);
    return;
  }
  const exhausted = row.attempts >= ctx.config.delivery.maxAttempts;
  if (exhausted || (error instanceof AppError && error.code === 'IDEMPOTENCY_KEY_REUSED')) {
    await giveUp(ctx, row, 'delivery_failed', message, at);
    return;
  }
  const delay = retryDelayMs(row.attempts, ctx.config.delivery);
  const next = new Date(at.getTime() + delay);
  ctx.logger.warn(
    { transmissionId: row.id, attempt: row.attempts, code: codeOf(error), retryInMs: delay },
    'delivery attempt failed, will retry',
  );
  await requeueTransmission(ctx.db, {
    id: row.id,
    leasedUntil: row.locked_until,
    nextAttemptAt: next.toISOString(),
    lastError: message,
    detail: `Essai ${row.attempts} échoué : ${message} Nouvel essai à ${parisTime(next)}.`,
    at: at.toISOString(),
  });
}

async function giveUp(
  ctx: AppContext,
  row: ClaimedTransmission,
  to: 'partner_refused' | 'delivery_failed',
  message: string,
  at: Date,
): Promise<void> {
  const moved = await moveTransmission(ctx.db, {
    id: row.id,
    from: ['queued'],
    to,
    at: at.toISOString(),
    leasedUntil: row.locked_until,
    changes: { locked_until: null, next_attempt_at: null, last_error: message },
    events: [{ status: to, at: at.toISOString(), detail: message }],
  });
  if (!moved) return;
  await appendAuditEvent(
    ctx.db,
    {
      action: to === 'partner_refused' ? 'transmission.refused' : 'transmission.failed',
      actorUserId: row.user_id,
      details: {
        transmissionId: row.id,
        declarationId: row.declaration_id,
        attempts: row.attempts,
      },
    },
    at,
  );
}

const codeOf = (error: unknown) =>
  error instanceof AppError
    ? error.code
    : error instanceof ReceiptError
      ? 'RECEIPT_INVALID'
      : 'UNEXPECTED';

const parisTime = (date: Date) =>
  date.toLocaleTimeString('fr-FR', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The French reason kept on the transmission; unexpected errors are logged, not shown. */
function describe(ctx: AppContext, row: ClaimedTransmission, error: unknown): string {
  if (error instanceof AppError || error instanceof ReceiptError) return error.message;
  ctx.logger.error({ err: error, transmissionId: row.id }, 'delivery failed unexpectedly');
  return 'Erreur inattendue pendant l’envoi.';
}
