import {
  SIGNATURE_EXPIRING_DAYS,
  type DeclarantSignature,
  type SignatureStatus,
} from '@passerelle/contracts';
import type { SignatureRow } from './signatures.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The status shown for a signature at `now` (revoked > expired > locked > expiring > valid). */
export function signatureStatus(row: SignatureRow, now: Date): SignatureStatus {
  const t = now.getTime();
  if (row.revoked_at) return 'revoked';
  if (Date.parse(row.not_after) <= t) return 'expired';
  if (row.locked_until && Date.parse(row.locked_until) > t) return 'locked';
  if (Date.parse(row.not_after) - t <= SIGNATURE_EXPIRING_DAYS * DAY_MS) return 'expiring';
  return 'valid';
}

/** Each holder's newest usable signature among `rows`. */
function defaultsAmong(rows: SignatureRow[], now: Date): Set<string> {
  const sorted = [...rows].sort((a, b) => b.issued_at.localeCompare(a.issued_at));
  const defaults = new Set<string>();
  const seenHolders = new Set<string>();
  for (const row of sorted) {
    if (seenHolders.has(row.user_id) || !isUsable(row, now)) continue;
    seenHolders.add(row.user_id);
    defaults.add(row.id);
  }
  return defaults;
}

/** Whether the signature can sign now, apart from a temporary lock. */
export const isUsable = (row: SignatureRow, now: Date) =>
  !row.revoked_at &&
  Date.parse(row.not_after) > now.getTime() &&
  Date.parse(row.not_before) <= now.getTime();

/**
 * The API views of rows, newest first. Each holder's default is their newest usable signature
 * (a locked one stays the default: the lock ends by itself): found among `rows`, unless the
 * caller read `defaults` from the database (a page does not hold every signature of a holder).
 */
export function toSignatureViews(
  rows: SignatureRow[],
  now: Date,
  defaults: ReadonlySet<string> = defaultsAmong(rows, now),
): DeclarantSignature[] {
  const sorted = [...rows].sort((a, b) => b.issued_at.localeCompare(a.issued_at));
  return sorted.map((row) => {
    const status = signatureStatus(row, now);
    return {
      id: row.id,
      userId: row.user_id,
      holder: {
        firstName: row.holder_first_name,
        lastName: row.holder_last_name,
        email: row.holder_email,
      },
      serial: row.serial,
      keyType: row.key_type,
      issuedAt: row.issued_at,
      notBefore: row.not_before,
      notAfter: row.not_after,
      status,
      revokedAt: row.revoked_at,
      lockedUntil: status === 'locked' ? row.locked_until : null,
      isDefault: defaults.has(row.id),
    };
  });
}
