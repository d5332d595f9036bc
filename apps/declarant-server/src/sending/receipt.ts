import {
  depositReceiptSchema,
  type DepositAccepted,
  type DepositReceipt,
} from '@passerelle/contracts';
import { PkiError, RECEIPT_SIGNER_EKU, verifyCms } from '@passerelle/pki';

/** The partner's receipt did not prove the deposit of what we sent (never marks "transmise"). */
export class ReceiptError extends Error {
  override readonly name = 'ReceiptError';
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;

/** The certificates of a PEM bundle (the chain received with our signature's certificate). */
export function certificatesOf(pemBundle: string): string[] {
  return pemBundle.match(PEM_BLOCK) ?? [];
}

/**
 * Checks a deposit receipt like an inbound signature (RFC 4130's signed-MDN model): a CMS
 * SignedData made by a certificate of the partner's CA — the one pinned when our signature was
 * issued — carrying the receipt-signer usage (a person's certificate from the same CA cannot
 * forge one), whose content names our transmission id and the SHA-256 of exactly the bytes we
 * sent. Returns the receipt and its DER bytes, kept as evidence.
 */
export async function checkReceipt(
  accepted: DepositAccepted,
  expected: { transmissionId: string; bodySha256: string; trustedCaPem: string[] },
): Promise<{ receipt: DepositReceipt; der: Buffer }> {
  const der = Buffer.from(accepted.receipt, 'base64');
  let content: Buffer;
  try {
    ({ content } = await verifyCms(der, {
      trustedCaPem: expected.trustedCaPem,
      requiredExtendedKeyUsage: RECEIPT_SIGNER_EKU,
    }));
  } catch (error) {
    if (error instanceof PkiError) {
      throw new ReceiptError(`Accusé de réception du partenaire refusé : ${error.message}`);
    }
    throw error;
  }
  let parsed: ReturnType<typeof depositReceiptSchema.safeParse>;
  try {
    parsed = depositReceiptSchema.safeParse(JSON.parse(content.toString('utf8')));
  } catch {
    throw new ReceiptError('Accusé de réception du partenaire illisible.');
  }
  if (!parsed.success) throw new ReceiptError('Accusé de réception du partenaire illisible.');
  const receipt = parsed.data;
  if (receipt.transmissionId !== expected.transmissionId) {
    throw new ReceiptError('L’accusé de réception concerne une autre transmission.');
  }
  if (receipt.bodySha256 !== expected.bodySha256) {
    throw new ReceiptError('L’accusé de réception ne porte pas l’empreinte du fichier envoyé.');
  }
  if (receipt.depositId !== accepted.deposit.id) {
    throw new ReceiptError('L’accusé de réception ne correspond pas au dépôt annoncé.');
  }
  return { receipt, der };
}
