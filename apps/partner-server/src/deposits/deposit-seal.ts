import { X509Certificate } from 'node:crypto';
import { MAX_DEPOSIT_BYTES } from '@passerelle/contracts';
import { PkiError, verifyCms } from '@passerelle/pki';
import { AppError } from '@passerelle/server-kit';
import type { AccountRow } from '../accounts/accounts.repository';
import type { PartnerContext } from '../context';
import { findSignature } from '../signatures/signatures.repository';

/** id-kp-emailProtection: the extended key usage of the certificates our CA issues to people. */
const EMAIL_PROTECTION_EKU = '1.3.6.1.5.5.7.3.4';

/** How far in the future a signing time may be (the signer's clock against ours). */
export const SIGNING_TIME_SKEW_MS = 5 * 60_000;

/** What checks 1–2 establish about a deposit. */
export interface SealedDeposit {
  /** The signed content: the INFENT interchange. */
  content: Buffer;
  signerSerial: string;
  signingTime: Date;
}

const READABILITY = 'Contrôle de lisibilité : ';
const SEALING = 'Contrôle de sécurisation : ';

const unreadable = (why: string) => new AppError('DEPOSIT_UNREADABLE', `${READABILITY}${why}`);

const expired = (why: string) =>
  new AppError('DEPOSIT_CERTIFICATE_EXPIRED', `${SEALING}le certificat ${why}`);

const unknownCertificate = () =>
  new AppError(
    'DEPOSIT_CERTIFICATE_UNKNOWN',
    `${SEALING}le certificat du signataire n’a pas été délivré par ce partenaire.`,
  );

/** Check 1 and the signature of check 2, by @passerelle/pki; its refusals in our words. */
async function verifySignedData(ctx: PartnerContext, body: Buffer) {
  try {
    return await verifyCms(body, {
      trustedCaPem: [ctx.ca.certificatePem],
      // The usage our CA gives people's signing certificates (never the receipt signer's).
      requiredExtendedKeyUsage: EMAIL_PROTECTION_EKU,
      maxBytes: MAX_DEPOSIT_BYTES,
    });
  } catch (error) {
    if (!(error instanceof PkiError)) throw error;
    switch (error.code) {
      case 'CMS_SIGNATURE_INVALID':
        throw new AppError(
          'DEPOSIT_SEAL_INVALID',
          `${SEALING}la signature ne correspond pas au contenu (fichier modifié ou signature altérée).`,
        );
      case 'CMS_CERTIFICATE_UNTRUSTED':
        throw unknownCertificate();
      case 'CMS_CERTIFICATE_EXPIRED':
        throw expired('n’était pas valide à la date de signature.');
      default:
        throw unreadable(
          'le fichier n’est pas une signature CMS (SignedData DER, contenu inclus) lisible.',
        );
    }
  }
}

/**
 * Checks 1–2 of design §4, in the DGFiP's order: readability (DER, CMS structure, size), then
 * sealing: the signature, a certificate this partner issued (its chain and its row in the
 * issued certificates), valid at the signing time — a signing time neither in the future nor
 * older than the configured age, since it is only the signer's claim —, not revoked at
 * reception, and issued to the depositing account. Throws the first refusal as an AppError.
 */
export async function checkDepositSeal(
  ctx: PartnerContext,
  account: AccountRow,
  body: Buffer,
  receivedAt: Date,
): Promise<SealedDeposit> {
  if (body.length === 0) throw unreadable('le dépôt est vide.');
  const verified = await verifySignedData(ctx, body);
  const signingTime = verified.signingTime;
  // The declarant always states it (CAdES-BES); without it "valid at signing" means nothing.
  if (signingTime === null) {
    throw new AppError(
      'DEPOSIT_SEAL_INVALID',
      `${SEALING}la signature ne porte pas de date de signature (attribut signingTime).`,
    );
  }
  if (signingTime.getTime() > receivedAt.getTime() + SIGNING_TIME_SKEW_MS)
    throw expired('est présenté avec une date de signature dans le futur.');
  if (signingTime.getTime() < receivedAt.getTime() - ctx.config.edi.maxSignatureAgeMs) {
    const days = Math.round(ctx.config.edi.maxSignatureAgeMs / 86_400_000);
    throw new AppError(
      'DEPOSIT_SEAL_INVALID',
      `${SEALING}la signature date de plus de ${days} jours : signez le fichier à nouveau.`,
    );
  }
  const issued = await findSignature(ctx.db, verified.signerSerialHex.toLowerCase());
  // Same serial but other bytes: not a certificate of ours, whatever its chain says.
  if (!issued || !sameCertificate(issued.certificate_pem, verified.signerCertificatePem))
    throw unknownCertificate();
  const at = signingTime.toISOString();
  if (at < issued.not_before || at >= issued.not_after)
    throw expired('n’était pas valide à la date de signature.');
  if (issued.revoked_at !== null) {
    throw new AppError('DEPOSIT_CERTIFICATE_REVOKED', `${SEALING}le certificat a été révoqué.`);
  }
  if (issued.account_id !== account.id) {
    throw new AppError(
      'DEPOSIT_CERTIFICATE_FOREIGN',
      `${SEALING}le certificat a été délivré à un autre compte client.`,
    );
  }
  return {
    content: Buffer.from(verified.content),
    signerSerial: issued.serial,
    signingTime,
  };
}

function sameCertificate(storedPem: string, presentedPem: string): boolean {
  return new X509Certificate(storedPem).raw.equals(new X509Certificate(presentedPem).raw);
}
