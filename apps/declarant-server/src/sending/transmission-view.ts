import {
  depositErrorSchema,
  finalTransmissionStatuses,
  type SendingProgress,
  type Transmission,
  type TransmissionStatus,
} from '@passerelle/contracts';
import { z } from 'zod';
import type { TransmissionListRow } from './transmissions.repository';

const storedErrors = z.array(depositErrorSchema);

/** A transmission as the declaration page shows it (never its bytes: they are downloads). */
export function toTransmission(
  row: TransmissionListRow,
  events: { status: TransmissionStatus; at: string; detail: string | null }[],
): Transmission {
  return {
    id: row.id,
    declarationId: row.declaration_id,
    sendingId: row.sending_id,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sender: { id: row.user_id, name: `${row.first_name} ${row.last_name}` },
    signatureSerial: row.serial,
    testMode: Number(row.test_mode) === 1,
    bodySha256: row.body_sha256,
    attempts: Number(row.attempts),
    nextAttemptAt: row.status === 'queued' ? row.next_attempt_at : null,
    lastError: row.last_error,
    receipt:
      row.deposit_id && row.receipt_received_at
        ? {
            depositId: row.deposit_id,
            receivedAt: row.receipt_received_at,
            bodySha256: row.body_sha256,
          }
        : null,
    history: events.map((event) => ({ status: event.status, at: event.at, detail: event.detail })),
    errors: row.errors ? storedErrors.parse(JSON.parse(row.errors)) : [],
    hasContrl: row.contrl !== null,
    hasCr: row.cr !== null,
  };
}

const ACCEPTED: readonly TransmissionStatus[] = ['accepted'];
const REJECTED: readonly TransmissionStatus[] = [
  'partially_rejected',
  'rejected',
  'syntax_rejected',
];
const FAILED: readonly TransmissionStatus[] = ['partner_refused', 'delivery_failed'];

/** The progress bar's numbers, from the batch's counts by status. */
export function toProgress(
  sending: { id: string; created_at: string; total: number },
  counts: { status: TransmissionStatus; count: number }[],
): SendingProgress {
  const sum = (statuses: readonly TransmissionStatus[]) =>
    counts.filter((c) => statuses.includes(c.status)).reduce((total, c) => total + c.count, 0);
  const finished = sum(finalTransmissionStatuses);
  const total = Number(sending.total);
  return {
    id: sending.id,
    createdAt: sending.created_at,
    total,
    queued: sum(['queued']),
    transmitted: total - sum(['queued']) - sum(FAILED),
    finished,
    accepted: sum(ACCEPTED),
    rejected: sum(REJECTED),
    failed: sum(FAILED),
    done: finished === total,
  };
}
