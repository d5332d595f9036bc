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
  findSignatureById,
  lockSignature,
  replaceWrappedKey,
  reserveSignatureAttempt,
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
    throw lockedError(row.locked_until, now);
  }
  return row;
}

function lockedError(lockedUntil: string, now: Date): AppError {
  const wait = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
  return new AppError(
    'SIGNATURE_LOCKED',
    `Signature bloquée après trop de mots de passe erronés, jusqu’à ${time(lockedUntil)}.`,
    { headers: { 'retry-after': String(wait) } },
  );
}

/** One reserved password attempt: its rank, and the lock it set if it was the last allowed. */
interface Attempt {
  failures: number;
  lockUntil: string;
}

/**
 * Reserves an attempt before the password is tried (see `reserveSignatureAttempt`); a refusal
 * is `SIGNATURE_LOCKED` with the lock's end, as for a signature found locked.
 */
async function reserveAttempt(ctx: AppContext, id: string): Promise<Attempt> {
  const { maxFailures, lockMs } = ctx.config.signatureLock;
  // A refusal means a lock was in force; if it has been lifted since (its last attempt had the
  // right password), the reservation is tried again. Being refused three times so requires the
  // holder's right password three times meanwhile: the answer is then the usual lock duration.
  for (let round = 0; ; round += 1) {
    const now = ctx.now();
    const lockUntil = new Date(now.getTime() + lockMs).toISOString();
    const failures = await reserveSignatureAttempt(ctx.db, id, {
      max: maxFailures,
      now: now.toISOString(),
      lockUntil,
    });
    if (failures !== undefined) return { failures, lockUntil };
    const current = await findSignatureById(ctx.db, id);
    const lockedUntil = current?.locked_until;
    if (lockedUntil && Date.parse(lockedUntil) > now.getTime()) throw lockedError(lockedUntil, now);
    if (round === 2) throw lockedError(lockUntil, now);
  }
}

/**
 * Opens a signature's private key with its password (what sending, password change and export
 * use). Each try first reserves an attempt atomically, so simultaneous tries never exceed the
 * limit; wrong passwords are counted per signature; the Nth consecutive one locks it for a
 * while, and the holder is told by email and the audit log. `field` names the password input.
 */
export async function unlockSignature(
  ctx: AppContext,
  input: { userId: string; signatureId: string; password: string; ip?: string; field: string },
): Promise<UnlockedSignature> {
  const row = await findUsableSignature(ctx, input.userId, input.signatureId);
  const attempt = await reserveAttempt(ctx, row.id);
  let privateKeyPkcs8: Buffer;
  try {
    privateKeyPkcs8 = await unwrapPrivateKey(
      row.wrapped_key,
      input.password,
      wrappedKeyContext(row.id),
    );
  } catch (error) {
    if (error instanceof PkiError && error.code === 'WRONG_PASSWORD') {
      throw await wrongPassword(ctx, row, attempt, input);
    }
    throw error;
  }
  const isLast = attempt.failures >= ctx.config.signatureLock.maxFailures;
  await resetFailures(ctx.db, row.id, isLast ? attempt.lockUntil : undefined);
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

/**
 * The answer to a wrong password, whose attempt was already counted. The attempt that was the
 * last allowed has already locked the signature; its failure confirms the lock, and only then
 * are the holder and the audit log told.
 */
async function wrongPassword(
  ctx: AppContext,
  row: SignatureRow,
  attempt: Attempt,
  input: { userId: string; ip?: string; field: string },
): Promise<AppError> {
  const { maxFailures, lockMs } = ctx.config.signatureLock;
  const { failures } = attempt;
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
      `Mot de passe de la signature incorrect : encore ${left} essai${left > 1 ? 's' : ''} avant un blocage de ${Math.round(lockMs / 60_000)} minutes.`,
      { field: input.field },
    );
  }
  const until = attempt.lockUntil;
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
    `Mot de passe de la signature incorrect pour la ${failures}e fois : la signature est bloquée jusqu’à ${time(until)}. Un email vous a été envoyé.`,
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
