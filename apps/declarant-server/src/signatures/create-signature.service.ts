import { randomUUID } from 'node:crypto';
import {
  holderSchema,
  type CreateSignatureRequest,
  type DeclarantSignature,
} from '@passerelle/contracts';
import {
  certificateMatchesPrivateKey,
  exportPkcs8,
  generateKeyPairAndCsr,
  wrapPrivateKey,
  type GeneratedKeyType,
} from '@passerelle/pki';
import { AppError, assertStrongPassword } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import { withLeaseIfFree } from '../leases/lease';
import { PartnerUnavailableError } from '../partner/partner-api';
import type { PartnerCalls } from '../partner/partner-calls';
import { wrappedKeyContext } from './signature-unlock.service';
import { toSignatureViews } from './signature-view';
import { insertSignature } from './signatures.repository';

type CreateInput = Omit<CreateSignatureRequest, 'keyType'> & { keyType: GeneratedKeyType };

/**
 * Refuses, before any key is made or the partner is asked, a person the partner's CA could not
 * name: their names are checked with the partner's own holder schema (64 characters for "Prénom
 * Nom", no control character). Names typed before issue #13 may fail it; new ones cannot.
 */
function checkCertifiableHolder(user: Caller['user']): void {
  const holder = { firstName: user.first_name, lastName: user.last_name, email: user.email };
  const parsed = holderSchema.safeParse(holder);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Nom refusé pour un certificat.';
    throw new AppError('VALIDATION_ERROR', message);
  }
}

/**
 * A user's creation under way holds this lease, on every instance: a double submit is refused,
 * not doubled. Renewed while the creation runs; after a crash the user can try again this soon.
 */
const CREATION_LEASE_MS = 10_000;

/**
 * "Ajouter une signature": checks the password rules, generates the key pair and its CSR, wraps
 * the key under the password (Argon2id + AES-256-GCM), asks the partner's CA for the
 * certificate with the confidential code, and stores certificate and wrapped key. Nothing is
 * stored when the partner refuses; the clear key only ever lives in this function's memory.
 */
export async function createSignature(
  ctx: AppContext,
  caller: Caller,
  input: CreateInput,
  ip: string,
): Promise<DeclarantSignature> {
  const { user } = caller;
  if (user.status !== 'active')
    throw new AppError('ACCOUNT_INACTIVE', 'Seul un utilisateur actif peut créer une signature.');
  checkCertifiableHolder(user);
  assertStrongPassword(input.password, {
    email: user.email,
    firstName: user.first_name,
    lastName: user.last_name,
    firmName: caller.firm.name,
  });
  const created = await withLeaseIfFree(
    ctx,
    `signature-creation:${user.id}`,
    CREATION_LEASE_MS,
    async () => {
      try {
        return await ctx.partner.asUser(user.id, (partner) =>
          issueAndStore(ctx, caller, input, partner, ip),
        );
      } catch (error) {
        await appendAuditEvent(
          ctx.db,
          {
            action: 'signature.creation_failed',
            actorUserId: user.id,
            ip,
            details: { reason: error instanceof AppError ? error.code : 'unexpected' },
          },
          ctx.now(),
        );
        throw error;
      }
    },
  );
  if (!created)
    throw new AppError('SIGNATURE_IN_PROGRESS', 'Une création de signature est déjà en cours.');
  return created.value;
}

/**
 * Revokes the partner's certificate of `pkcs8`'s key, if the lost issuance created one. It was
 * issued a moment ago: it is among the account's newest (one page, newest first).
 */
async function revokeOrphan(
  ctx: AppContext,
  partner: PartnerCalls,
  pkcs8: Uint8Array,
): Promise<void> {
  try {
    const issued = await partner.listRecentSignatures();
    for (const signature of issued) {
      if (
        signature.status !== 'valid' ||
        !certificateMatchesPrivateKey(signature.certificatePem, pkcs8)
      )
        continue;
      await partner.revokeSignature(signature.serial, {
        reason: 'cessationOfOperation',
      });
      ctx.logger.warn({ serial: signature.serial }, 'certificate of a lost issuance revoked');
    }
  } catch (cause) {
    ctx.logger.error({ err: cause }, 'certificate of a lost issuance not checked');
  }
}

/** The partner's refusals of an issuance, placed on the form's fields. */
function issuanceRefusal(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  switch (error.code) {
    case 'CONFIDENTIAL_CODE_INVALID':
      return new AppError(error.code, error.message, { field: 'confidentialCode' });
    case 'RATE_LIMITED':
      // The partner locks the code after too many wrong ones; its message says for how long.
      return new AppError('CONFIDENTIAL_CODE_LOCKED', error.message, {
        field: 'confidentialCode',
        headers: error.headers,
      });
    case 'VALIDITY_NOT_ALLOWED':
      return new AppError(error.code, error.message, { field: 'validityMonths' });
    default:
      return error;
  }
}

async function issueAndStore(
  ctx: AppContext,
  caller: Caller,
  input: CreateInput,
  partner: PartnerCalls,
  ip: string,
): Promise<DeclarantSignature> {
  const { user } = caller;
  const policy = await partner.getSignaturePolicy();
  if (!policy.validityMonths.includes(input.validityMonths)) {
    throw new AppError(
      'VALIDITY_NOT_ALLOWED',
      `Durée de validité non proposée par le partenaire EDI : choisissez ${policy.validityMonths.map((m) => `${m} mois`).join(', ')}.`,
      { field: 'validityMonths' },
    );
  }
  if (!policy.keyTypes.includes(input.keyType))
    throw new AppError('KEY_REJECTED', 'Type de clé refusé par le partenaire EDI.', {
      field: 'keyType',
    });
  const id = randomUUID();
  const keys = await generateKeyPairAndCsr({ keyType: input.keyType });
  const pkcs8 = await exportPkcs8(keys.privateKey);
  try {
    // Wrapped before the partner is asked, so that once the certificate exists the only step
    // left is one insert.
    const wrapped = await wrapPrivateKey(pkcs8, input.password, {
      associatedData: wrappedKeyContext(id),
    });
    const holder = { firstName: user.first_name, lastName: user.last_name, email: user.email };
    const issued = await partner
      .issueSignature({
        csrPem: keys.csrPem,
        confidentialCode: input.confidentialCode,
        validityMonths: input.validityMonths,
        holder,
      })
      .catch(async (error: unknown) => {
        // No answer in time: the partner may have issued it anyway. Such a certificate's key
        // would die with this request, so it is looked for and revoked (best effort).
        if (error instanceof PartnerUnavailableError) await revokeOrphan(ctx, partner, pkcs8);
        throw issuanceRefusal(error);
      });
    if (!certificateMatchesPrivateKey(issued.certificatePem, pkcs8)) {
      throw new Error('the partner returned a certificate for another key');
    }
    const now = ctx.now();
    const row = {
      id,
      user_id: user.id,
      serial: issued.signature.serial.toLowerCase(),
      key_type: input.keyType,
      holder_first_name: holder.firstName,
      holder_last_name: holder.lastName,
      holder_email: holder.email,
      certificate_pem: issued.certificatePem,
      chain_pem: issued.chainPem.join(''),
      wrapped_key: wrapped,
      not_before: issued.signature.notBefore,
      not_after: issued.signature.notAfter,
      issued_at: now.toISOString(),
      revoked_at: null,
      revocation_reason: null,
      locked_until: null,
      password_changed_at: null,
    };
    try {
      await insertSignature(ctx.db, row);
    } catch (error) {
      // The certificate exists but its key is lost with this request: revoke it, best effort.
      await partner
        .revokeSignature(row.serial, { reason: 'cessationOfOperation' })
        .catch((cause: unknown) =>
          ctx.logger.error({ err: cause, serial: row.serial }, 'orphan certificate not revoked'),
        );
      throw error;
    }
    await appendAuditEvent(
      ctx.db,
      {
        action: 'signature.created',
        actorUserId: user.id,
        ip,
        details: {
          signatureId: id,
          serial: row.serial,
          keyType: input.keyType,
          validityMonths: input.validityMonths,
          notAfter: row.not_after,
        },
      },
      now,
    );
    const [view] = toSignatureViews([{ ...row, failed_attempts: 0 }], now);
    if (!view) throw new Error('unreachable');
    return view;
  } finally {
    pkcs8.fill(0);
  }
}
