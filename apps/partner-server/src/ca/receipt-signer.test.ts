import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { RECEIPT_SIGNER_EKU, certificateInfo, verifyCms } from '@passerelle/pki';
import { openSecret } from '@passerelle/server-kit';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../test/test-partner';
import { loadOrCreateReceiptSigner } from './receipt-signer';

const DAY = 86_400_000;

describe.each(await testDialects())('receipt signer (%s)', (dialect) => {
  let t: TestPartner;
  afterEach(async () => t.close());

  const load = () =>
    loadOrCreateReceiptSigner(
      t.ctx.db,
      t.ctx.keyring,
      t.ctx.ca,
      t.ctx.config.partnerName,
      t.clock.now,
    );

  it('is issued once by the CA for receipts only, its key sealed, and loaded again at restart', async () => {
    t = await startTestPartner(dialect);
    const pem = t.ctx.receiptSigner.certificatePem;
    const certificate = new X509Certificate(pem);
    expect(certificate.checkIssued(new X509Certificate(t.ctx.ca.certificatePem))).toBe(true);
    expect(certificate.ca).toBe(false);
    expect(certificate.keyUsage).toEqual([RECEIPT_SIGNER_EKU]);
    const info = certificateInfo(pem);
    expect(Math.round((info.notAfter.getTime() - info.notBefore.getTime()) / (30.44 * DAY))).toBe(
      24,
    );
    const row = await t.ctx.db
      .selectFrom('ca_keys')
      .selectAll()
      .where('id', '=', 'receipts')
      .executeTakeFirstOrThrow();
    expect(row.certificate_pem).toBe(pem);
    // Sealed for this row only: the CA row's purpose does not open it.
    expect(openSecret(t.ctx.keyring, row.private_key_sealed, 'ca-key:receipts').length).toBe(138);
    expect(() => openSecret(t.ctx.keyring, row.private_key_sealed, 'ca-key:current')).toThrow();
    // A second start (or instance) loads the same certificate, issues nothing.
    const again = await load();
    expect(again.certificatePem).toBe(pem);
    expect(await t.ctx.db.selectFrom('ca_keys').select('id').execute()).toHaveLength(2);
  });

  it('renews its certificate 30 days before the end, and the new one signs verifiable receipts', async () => {
    t = await startTestPartner(dialect);
    const signer = t.ctx.receiptSigner;
    const first = signer.certificatePem;
    const notAfter = certificateInfo(first).notAfter.getTime();
    t.clock.advance(notAfter - t.clock.now().getTime() - 29 * DAY);
    const receipt = await signer.sign(Buffer.from('{"test":1}'), t.clock.now());
    expect(signer.certificatePem).not.toBe(first);
    const verified = await verifyCms(receipt, {
      trustedCaPem: [t.ctx.ca.certificatePem],
      requiredExtendedKeyUsage: RECEIPT_SIGNER_EKU,
      at: t.clock.now(),
    });
    expect(verified.signerCertificatePem).toBe(signer.certificatePem);
    // Stored for the other instances, which load the renewed one.
    expect((await load()).certificatePem).toBe(signer.certificatePem);
  });
});
