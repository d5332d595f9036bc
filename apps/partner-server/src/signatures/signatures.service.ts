import {
  CERTIFICATE_NAME_MAX_LENGTH,
  certificateHolderName,
  characterCount,
  forbiddenCharacterMessage,
  type IssueSignatureRequest,
  type PartnerSignaturePage,
  type RevokeSignatureRequest,
  type Signature,
} from '@passerelle/contracts';
import { issueCertificate, PkiError, verifyCsr } from '@passerelle/pki';
import { AppError } from '@passerelle/server-kit';
import { publishCrl } from '../ca/crl.service';
import type { PartnerContext } from '../context';
import { signatureIssuedMail, signatureRevokedMail } from '../mail/messages';
import type { AccountRow } from '../accounts/accounts.repository';
import { sendMail } from '../mail/send-mail';
import type { Principal } from '../sessions/sessions.service';
import { checkConfidentialCode } from '../subscription/subscription.service';
import {
  countSignatures,
  findSignature,
  insertSignature,
  markRevoked,
  pageSignatures,
  type SignatureRow,
} from './signatures.repository';

/** The API view of a certificate row, with its status at `now`. */
export function toSignatureView(row: SignatureRow, now: Date): Signature {
  const status = row.revoked_at
    ? 'revoked'
    : row.not_after <= now.toISOString()
      ? 'expired'
      : 'valid';
  return {
    serial: row.serial,
    holder: {
      firstName: row.holder_first_name,
      lastName: row.holder_last_name,
      email: row.holder_email,
    },
    notBefore: row.not_before,
    notAfter: row.not_after,
    status,
    revokedAt: row.revoked_at,
    issuedAt: row.issued_at,
    certificatePem: row.certificate_pem,
    portalUserId: row.portal_user_id,
  };
}

/**
 * Refuses an account whose firm name cannot be a certificate's organizationName, before any code
 * is counted: accounts created before the 64-character bound of issue #13 may have one.
 */
function checkFirmNameFitsCertificate(firmName: string): void {
  const length = characterCount(firmName);
  const problem =
    forbiddenCharacterMessage('Raison sociale du compte client', firmName) ??
    (length > CERTIFICATE_NAME_MAX_LENGTH
      ? `Raison sociale du compte client trop longue pour un certificat de signature : ` +
        `${length} caractères, ${CERTIFICATE_NAME_MAX_LENGTH} au plus.`
      : undefined);
  if (problem) throw new AppError('VALIDATION_ERROR', problem);
}

/**
 * Issues a signature certificate: the validity must be one the policy offers, the confidential
 * code must match (wrong codes counted), the CSR's self-signature and key must pass; then the
 * certificate is signed, recorded, and the administrator is told by email.
 */
export async function issueSignature(
  ctx: PartnerContext,
  { account, user }: Principal,
  input: IssueSignatureRequest,
): Promise<{ row: SignatureRow; chainPem: string[] }> {
  if (!ctx.config.validityMonths.includes(input.validityMonths)) {
    throw new AppError(
      'VALIDITY_NOT_ALLOWED',
      `Durée de validité refusée : choisissez ${ctx.config.validityMonths.map((m) => `${m} mois`).join(', ')}.`,
      { field: 'validityMonths' },
    );
  }
  checkFirmNameFitsCertificate(account.firm_name);
  await checkConfidentialCode(ctx, account, input.confidentialCode);
  let csr;
  try {
    csr = await verifyCsr(input.csrPem);
  } catch (error) {
    if (error instanceof PkiError) {
      const code = error.code === 'KEY_REJECTED' ? 'KEY_REJECTED' : 'CSR_INVALID';
      throw new AppError(code, error.message, { field: 'csrPem' });
    }
    throw error;
  }
  const now = ctx.now();
  const issued = await issueCertificate({
    ca: ctx.ca,
    csrPublicKey: csr.publicKey,
    holder: input.holder,
    organization: account.firm_name,
    validityMonths: input.validityMonths,
    crlUrl: `${ctx.config.publicUrl}/api/v1/crl`,
    now,
  });
  const row: SignatureRow = {
    serial: issued.serialHex,
    account_id: account.id,
    holder_first_name: input.holder.firstName,
    holder_last_name: input.holder.lastName,
    holder_email: input.holder.email,
    certificate_pem: issued.certificatePem,
    not_before: issued.notBefore.toISOString(),
    not_after: issued.notAfter.toISOString(),
    issued_at: now.toISOString(),
    revoked_at: null,
    revocation_reason: null,
    // Recorded against the person whose connection asked for it: revoking them revokes it.
    portal_user_id: user?.id ?? null,
  };
  await insertSignature(ctx.db, row);
  const holder = certificateHolderName(input.holder.firstName, input.holder.lastName);
  await sendMail(
    ctx,
    signatureIssuedMail(
      ctx.config,
      account.admin_email,
      holder,
      row.serial,
      row.not_after.slice(0, 10),
    ),
  );
  return { row, chainPem: [ctx.ca.certificatePem] };
}

/** One page of the account's signatures, newest first, with their count on the first page. */
export async function signaturePage(
  ctx: PartnerContext,
  account: AccountRow,
  query: { limit: number; cursor?: string | undefined },
): Promise<PartnerSignaturePage> {
  const now = ctx.now();
  const { rows, nextCursor } = await pageSignatures(ctx.db, account.id, query);
  const total = query.cursor === undefined ? await countSignatures(ctx.db, account.id) : null;
  return { items: rows.map((row) => toSignatureView(row, now)), nextCursor, total };
}

/**
 * Revokes one of the account's signatures, re-issues the CRL and tells the administrator. A
 * personal portal user revokes only the signatures obtained through their own connection.
 */
export async function revokeSignature(
  ctx: PartnerContext,
  { account, user }: Principal,
  serial: string,
  input: RevokeSignatureRequest,
): Promise<Signature> {
  const row = await findSignature(ctx.db, serial.toLowerCase());
  // Another account's serial (or, for a personal user, a colleague's) reads as unknown.
  if (!row || row.account_id !== account.id || (user && row.portal_user_id !== user.id))
    throw new AppError('NOT_FOUND', 'Signature introuvable.');
  const at = ctx.now().toISOString();
  if (!(await markRevoked(ctx.db, row.serial, at, input.reason ?? 'unspecified'))) {
    throw new AppError('ALREADY_REVOKED', 'Cette signature est déjà révoquée.');
  }
  await publishCrl(ctx);
  const holder = `${row.holder_first_name} ${row.holder_last_name}`;
  await sendMail(ctx, signatureRevokedMail(ctx.config, account.admin_email, holder, row.serial));
  return toSignatureView(
    { ...row, revoked_at: at, revocation_reason: input.reason ?? 'unspecified' },
    ctx.now(),
  );
}
