import {
  DEFAULT_KEY_WRAP_PARAMS,
  PkiError,
  unwrapPrivateKey,
  wrapPrivateKey,
  wrappedKeyParams,
} from '@passerelle/pki';
import { AppError } from '@passerelle/server-kit';
import { appendAuditEvent } from '../audit/audit.repository';
import type { AppContext } from '../context';
import { signatureLockedMail } from '../mail/messages';
import { sendMail } from '../mail/send-mail';
import {
  countFailure,
  findSignatureById,
  lockSignature,
  replaceWrappedKey,
  resetFailures,
  type SignatureRow,
} from './signatures.repository';

/** The AES-GCM associated data of a wrapped key: a ciphertext moved to another row fails. */
export const wrappedKeyContext = (signatureId: string) => `passerelle-signature-key:${signatureId}`;

/** A signature opened with its password; the caller zeroes `privateKeyPkcs8` when done. */
export interface UnlockedSignature {
  row: SignatureRow;
  privateKeyPkcs8: Buffer;
}

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString('fr-FR', {
    timeZone: 'Europe/Paris',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * The signature `id` of `userId`, in a state where it may sign: it exists and is theirs, is
 * neither revoked nor expired, and is not locked.
 */
export async function findUsableSignature(
  ctx: AppContext,
  userId: string,
  id: string,
): Promise<SignatureRow> {
  const row = await findSignatureById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Signature introuvable.');
  if (row.user_id !== userId)
    throw new AppError('FORBIDDEN', 'Cette signature appartient à une autre personne.');
  const now = ctx.now();
  if (row.revoked_at) throw new AppError('SIGNATURE_REVOKED', 'Cette signature est révoquée.');
  if (Date.parse(row.not_after) <= now.getTime())
    throw new AppError('SIGNATURE_EXPIRED', 'Cette signature a expiré.');
  if (row.locked_until && Date.parse(row.locked_until) > now.getTime()) {
    const wait = Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000);
    throw new AppError(
      'SIGNATURE_LOCKED',
      `Signature bloquée après trop de mots de passe erronés, jusqu'à ${time(row.locked_until)}.`,
      { headers: { 'retry-after': String(wait) } },
    );
  }
  return row;
}

/**
 * Opens a signature's private key with its password (what sending, password change and export
 * use). Wrong passwords are counted per signature; the Nth consecutive one locks it for a while,
 * and the holder is told by email and the audit log. `field` names the password input.
 */
export async function unlockSignature(
  ctx: AppContext,
  input: { userId: string; signatureId: string; password: string; ip?: string; field: string },
): Promise<UnlockedSignature> {
  const row = await findUsableSignature(ctx, input.userId, input.signatureId);
  let privateKeyPkcs8: Buffer;
  try {
    privateKeyPkcs8 = await unwrapPrivateKey(
      row.wrapped_key,
      input.password,
      wrappedKeyContext(row.id),
    );
  } catch (error) {
    if (error instanceof PkiError && error.code === 'WRONG_PASSWORD') {
      throw await wrongPassword(ctx, row, input);
    }
    throw error;
  }
  await resetFailures(ctx.db, row.id);
  await raiseWrapParameters(ctx, row, input.password, privateKeyPkcs8);
  return { row, privateKeyPkcs8 };
}

/** Checks a signature's password without keeping the key (the key buffer is zeroed at once). */
export async function verifySignaturePassword(
  ctx: AppContext,
  input: { userId: string; signatureId: string; password: string; ip?: string; field: string },
): Promise<SignatureRow> {
  const { row, privateKeyPkcs8 } = await unlockSignature(ctx, input);
  privateKeyPkcs8.fill(0);
  return row;
}

async function wrongPassword(
  ctx: AppContext,
  row: SignatureRow,
  input: { userId: string; ip?: string; field: string },
): Promise<AppError> {
  const { maxFailures, lockMs } = ctx.config.signatureLock;
  const failures = await countFailure(ctx.db, row.id);
  const audit = { actorUserId: input.userId, ip: input.ip ?? null };
  const details = { signatureId: row.id, serial: row.serial, failures };
  await appendAuditEvent(
    ctx.db,
    { action: 'signature.wrong_password', ...audit, details },
    ctx.now(),
  );
  if (failures < maxFailures) {
    const left = maxFailures - failures;
    return new AppError(
      'WRONG_SIGNATURE_PASSWORD',
      `Mot de passe de la signature incorrect : encore ${left} essai${left > 1 ? 's' : ''} avant un blocage de ${Math.round(lockMs / 60_000)} minutes.`,
      { field: input.field },
    );
  }
  const until = new Date(ctx.now().getTime() + lockMs).toISOString();
  await lockSignature(ctx.db, row.id, until);
  await appendAuditEvent(
    ctx.db,
    { action: 'signature.locked', ...audit, details: { ...details, lockedUntil: until } },
    ctx.now(),
  );
  await sendMail(
    ctx,
    signatureLockedMail(ctx.config, row.holder_email, row.serial, failures, until),
  );
  return new AppError(
    'SIGNATURE_LOCKED',
    `Mot de passe de la signature incorrect pour la ${failures}e fois : la signature est bloquée jusqu'à ${time(until)}. Un email vous a été envoyé.`,
    { field: input.field, headers: { 'retry-after': String(Math.ceil(lockMs / 1000)) } },
  );
}

/** A key wrapped under weaker Argon2id settings than today's is re-wrapped at its next unlock. */
async function raiseWrapParameters(
  ctx: AppContext,
  row: SignatureRow,
  password: string,
  privateKeyPkcs8: Buffer,
): Promise<void> {
  const params = wrappedKeyParams(row.wrapped_key);
  const target = DEFAULT_KEY_WRAP_PARAMS;
  if (params.memoryKib >= target.memoryKib && params.iterations >= target.iterations) return;
  const next = await wrapPrivateKey(privateKeyPkcs8, password, {
    associatedData: wrappedKeyContext(row.id),
    params: target,
  });
  await replaceWrappedKey(
    ctx.db,
    row.id,
    row.wrapped_key,
    next,
    row.password_changed_at ?? row.issued_at,
  );
}
