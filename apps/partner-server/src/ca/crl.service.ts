import { createCrl } from '@passerelle/pki';
import type { PartnerContext } from '../context';
import { listRevoked } from '../signatures/signatures.repository';
import { findLatestCrl, insertCrl } from './crls.repository';

/** A CRL is re-issued at least this often, and at every revocation. */
const CRL_LIFETIME_MS = 7 * 24 * 3_600_000;
type RevocationReason = 'keyCompromise' | 'cessationOfOperation' | 'superseded' | 'unspecified';

/**
 * Signs a new CRL listing every revoked certificate, with the next CRL number, and stores it.
 * Numbers come from the table's key, so two instances cannot publish the same number.
 */
export async function publishCrl(ctx: PartnerContext): Promise<Buffer> {
  const revoked = await listRevoked(ctx.db);
  const last = await findLatestCrl(ctx.db);
  const crlNumber = Number(last?.crl_number ?? 0) + 1;
  const thisUpdate = ctx.now();
  const nextUpdate = new Date(thisUpdate.getTime() + CRL_LIFETIME_MS);
  const { der } = await createCrl({
    ca: ctx.ca,
    revoked: revoked.map((r) => ({
      serialHex: r.serial,
      revokedAt: new Date(r.revoked_at ?? thisUpdate.toISOString()),
      reason: (r.revocation_reason ?? 'unspecified') as RevocationReason,
    })),
    crlNumber,
    thisUpdate,
    nextUpdate,
  });
  await insertCrl(ctx.db, { crlNumber, der, thisUpdate, nextUpdate });
  return der;
}

/** The current CRL (DER), re-issued when none exists or the last one is past its next update. */
export async function currentCrl(ctx: PartnerContext): Promise<Buffer> {
  const last = await findLatestCrl(ctx.db);
  if (last && last.next_update > ctx.now().toISOString())
    return Buffer.from(last.der_base64, 'base64');
  return publishCrl(ctx);
}
