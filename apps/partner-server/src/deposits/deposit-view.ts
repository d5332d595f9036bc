import type { Deposit, DepositError } from '@passerelle/contracts';
import type { DepositViewRow } from './deposits.repository';

/** One step of a deposit's history. */
export type DepositEvent = Deposit['history'][number];

/** The API view of a deposit row (`GET /api/v1/deposits/{id}`). */
export function toDepositView(row: DepositViewRow): Deposit {
  return {
    id: row.id,
    transmissionId: row.idempotency_key,
    status: row.status,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    bodySha256: row.body_sha256,
    signerSerial: row.signer_serial,
    interchangeReference: row.interchange_reference,
    siren: row.siren,
    testIndicator: Number(row.test_indicator) === 1,
    history: JSON.parse(row.history) as DepositEvent[],
    errors: JSON.parse(row.errors) as DepositError[],
    contrl: row.contrl,
    cr: row.cr,
  };
}
