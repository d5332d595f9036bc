import type { DepositReceipt } from '@passerelle/contracts';
import type { ReceiptSigner } from '../ca/receipt-signer';

/**
 * The receipt's bytes: JSON with its keys sorted and no spaces, UTF-8. Every value is a string
 * or a number, so this is also its RFC 8785 form: anyone can rebuild and compare it.
 */
export function canonicalReceiptBytes(receipt: DepositReceipt): Buffer {
  const entries = Object.entries(receipt).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const json = `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
  return Buffer.from(json, 'utf8');
}

/** Signs the receipt (CMS SignedData, DER) at its reception time. */
export function signReceipt(signer: ReceiptSigner, receipt: DepositReceipt): Promise<Buffer> {
  return signer.sign(canonicalReceiptBytes(receipt), new Date(receipt.receivedAt));
}
