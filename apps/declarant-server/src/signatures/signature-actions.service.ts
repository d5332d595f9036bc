import {
  generatedKeyTypes,
  type DeclarantSignature,
  type RevokeSignatureRequest,
  type SignatureOptions,
  type SignaturePage,
} from '@passerelle/contracts';
import { exportPkcs12, wrapPrivateKey } from '@passerelle/pki';
import { AppError, assertStrongPassword } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import { recordAction } from '../audit/record-action';
import type { Caller } from '../auth/session-guard';
import type { AppContext } from '../context';
import { unlockSignature, wrappedKeyContext } from './signature-unlock.service';
import { toSignatureViews } from './signature-view';
import {
  countSignatures,
  findDefaultSignatureIds,
  findSignatureById,
  markSignatureRevoked,
  pageSignatures,
  replaceWrappedKey,
} from './signatures.repository';

const personOf = (caller: Caller) => ({
  email: caller.user.email,
  firstName: caller.user.first_name,
  lastName: caller.user.last_name,
  firmName: caller.firm.name,
});

/**
 * One page of signatures, newest first: a user's own, or (undefined) every signature of the
 * firm for the administrator's view; never a secret.
 */
export async function signaturePage(
  ctx: AppContext,
  userId: string | undefined,
  query: { limit: number; cursor?: string | undefined },
): Promise<SignaturePage> {
  const now = ctx.now();
  const { rows, nextCursor } = await pageSignatures(ctx.db, userId, query);
  const holders = [...new Set(rows.map((row) => row.user_id))];
  const defaults = await findDefaultSignatureIds(ctx.db, holders, now.toISOString());
  const total = query.cursor === undefined ? await countSignatures(ctx.db, userId) : null;
  return { items: toSignatureViews(rows, now, defaults), nextCursor, total };
}

/** "Durée de validité" and the key types, from the partner's policy, through the user's session. */
export async function signatureOptions(ctx: AppContext, userId: string): Promise<SignatureOptions> {
  const policy = await ctx.partner.asUser(userId, (partner) => partner.getSignaturePolicy());
  const keyTypes = generatedKeyTypes.filter((type) => policy.keyTypes.includes(type));
  return {
    validityMonths: policy.validityMonths,
    keyTypes,
    defaultKeyType: keyTypes[0] ?? 'ECDSA-P256',
  };
}

/**
 * "Révoquer": the holder revokes their own signature, an administrator any signature of the
 * firm (a person who leaves). The partner revokes the certificate (CRL) before it is marked here.
 */
export async function revokeSignature(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: RevokeSignatureRequest,
  ip: string,
): Promise<DeclarantSignature> {
  const row = await findSignatureById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Signature introuvable.');
  if (row.user_id !== caller.user.id && caller.user.role !== 'administrator') {
    throw new AppError(
      'FORBIDDEN',
      'Vous ne pouvez révoquer que vos propres signatures (ou, administrateur, celles du cabinet).',
    );
  }
  if (row.revoked_at) throw new AppError('ALREADY_REVOKED', 'Cette signature est déjà révoquée.');
  const reason = input.reason ?? 'unspecified';
  await ctx.partner.asUser(caller.user.id, (partner) =>
    partner.revokeSignature(row.serial, { reason }).catch((error: unknown) => {
      // Revoked on the portal already: the partner and we now agree.
      if (error instanceof AppError && error.code === 'ALREADY_REVOKED') return undefined;
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        throw new AppError(
          'NOT_FOUND',
          'Le partenaire EDI ne connaît pas cette signature pour le compte client connecté : connectez-vous à l’espace client du cabinet qui l’a émise.',
        );
      }
      throw error;
    }),
  );
  const at = ctx.now().toISOString();
  await markSignatureRevoked(ctx.db, row.id, at, reason);
  await appendAuditEvent(
    ctx.db,
    {
      action: 'signature.revoked',
      actorUserId: caller.user.id,
      targetUserId: row.user_id,
      ip,
      details: { signatureId: row.id, serial: row.serial, reason },
    },
    ctx.now(),
  );
  const [view] = toSignatureViews(
    [{ ...row, revoked_at: at, revocation_reason: reason }],
    ctx.now(),
  );
  if (!view) throw new Error('unreachable');
  return { ...view, isDefault: false };
}

/**
 * What "Changer le mot de passe" and "Exporter (.p12)" share: the new password (the signature's
 * or the file's) must be strong, and the current one opens the key (counted like any unlock).
 */
function unlockForNewPassword(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: { currentPassword: string; password: string },
  ip: string,
) {
  assertStrongPassword(input.password, personOf(caller));
  return unlockSignature(ctx, {
    userId: caller.user.id,
    signatureId: id,
    password: input.currentPassword,
    ip,
    field: 'currentPassword',
  });
}

/** "Changer le mot de passe": opens the key with the current password and re-wraps it. */
export async function changeSignaturePassword(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: { currentPassword: string; password: string },
  ip: string,
): Promise<void> {
  const { row, privateKeyPkcs8 } = await unlockForNewPassword(ctx, caller, id, input, ip);
  let next: string;
  try {
    next = await wrapPrivateKey(privateKeyPkcs8, input.password, {
      associatedData: wrappedKeyContext(row.id),
    });
  } finally {
    privateKeyPkcs8.fill(0);
  }
  const at = ctx.now().toISOString();
  // `row` may have been re-wrapped with higher parameters by the unlock: compare with the stored one.
  const stored = await findSignatureById(ctx.db, row.id);
  if (!stored || !(await replaceWrappedKey(ctx.db, row.id, stored.wrapped_key, next, at))) {
    throw new AppError(
      'SIGNATURE_IN_PROGRESS',
      'Le mot de passe de cette signature vient de changer par une autre demande : réessayez.',
    );
  }
  await recordAction(ctx, caller, ip, 'signature.password_changed', {
    signatureId: row.id,
    serial: row.serial,
  });
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** "Exporter (.p12)": the key and its certificates in a PKCS#12 under a password the user chose. */
export async function exportSignature(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: { currentPassword: string; password: string },
  ip: string,
): Promise<{ filename: string; der: Buffer }> {
  const { row, privateKeyPkcs8 } = await unlockForNewPassword(ctx, caller, id, input, ip);
  let der: Buffer;
  try {
    der = await exportPkcs12({
      privateKeyPkcs8,
      certificatePem: row.certificate_pem,
      chainPem: row.chain_pem.match(PEM_CERTIFICATE) ?? [],
      password: input.password,
      friendlyName: `Signature EDI-TDFC ${row.holder_first_name} ${row.holder_last_name}`,
    });
  } finally {
    privateKeyPkcs8.fill(0);
  }
  await recordAction(ctx, caller, ip, 'signature.exported', {
    signatureId: row.id,
    serial: row.serial,
  });
  return { filename: `signature-${row.serial}.p12`, der };
}
