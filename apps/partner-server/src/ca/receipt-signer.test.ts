import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  RECEIPT_SIGNER_EKU,
  certificateInfo,
  createCmsSigner,
  hasReceiptSignerUsages,
  verifyCms,
} from '@passerelle/pki';
import {
  cmsVerifyArgs,
  createOpensslFolder,
  issueWithOpenssl,
  type OpensslFolder,
} from '@passerelle/pki/testing';
import { openSecret, sealSecret } from '@passerelle/server-kit';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import { loadOrCreateReceiptSigner } from './receipt-signer';

const DAY = 86_400_000;

describe.each(await testDialects())('receipt signer (%s)', (dialect) => {
  let t: TestPartner;
  let folder: OpensslFolder | undefined;
  afterEach(async () => {
    await t.close();
    folder?.remove();
    folder = undefined;
  });

  const load = () =>
    loadOrCreateReceiptSigner(
      t.ctx.db,
      t.ctx.keyring,
      t.ctx.ca,
      t.ctx.config.partnerName,
      t.clock.now,
    );

  it('is issued once by the CA with the receipt EKU and emailProtection, its key sealed, and loaded again at restart', async () => {
    t = await startTestPartner(dialect);
    const pem = t.ctx.receiptSigner.certificatePem;
    const certificate = new X509Certificate(pem);
    expect(certificate.checkIssued(new X509Certificate(t.ctx.ca.certificatePem))).toBe(true);
    expect(certificate.ca).toBe(false);
    expect(certificate.keyUsage).toEqual([RECEIPT_SIGNER_EKU, '1.3.6.1.5.5.7.3.4']);
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

  it('replaces at start a certificate stored without emailProtection; the CA declarants pinned vouches for both', async () => {
    t = await startTestPartner(dialect);
    // openssl signs with the real time: the partner's clock must be the real one.
    t.clock.advance(Date.now() - t.clock.now().getTime());
    const caPem = t.ctx.ca.certificatePem;
    // A receipt certificate as the first version issued it (the receipt EKU alone), made by
    // openssl with the CA's own key and stored in its row like an existing installation's.
    folder = createOpensslFolder();
    const caRow = await t.ctx.db
      .selectFrom('ca_keys')
      .select('private_key_sealed')
      .where('id', '=', 'current')
      .executeTakeFirstOrThrow();
    const { certificatePem: oldPem, privateKeyPkcs8: oldKey } = issueWithOpenssl(folder, {
      caPem,
      caKeyPkcs8: openSecret(t.ctx.keyring, caRow.private_key_sealed, 'ca-key:current'),
      extensions: `keyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=${RECEIPT_SIGNER_EKU}\n`,
      days: 365,
    });
    folder.write('ca.pem', caPem);
    expect(hasReceiptSignerUsages(oldPem)).toBe(false);
    await t.ctx.db
      .updateTable('ca_keys')
      .set({
        certificate_pem: oldPem,
        private_key_sealed: sealSecret(t.ctx.keyring, oldKey, 'ca-key:receipts'),
      })
      .where('id', '=', 'receipts')
      .execute();
    // openssl dated it at the real time, seconds after the clock was set: catch up with it.
    t.clock.advance(Date.now() - t.clock.now().getTime());
    const oldSigner = await createCmsSigner({ privateKeyPkcs8: oldKey, certificatePem: oldPem });
    const oldReceipt = await oldSigner.sign(Buffer.from('{"ancien":1}'), t.clock.now());

    // The next start replaces it, once, and every instance loads the replacement.
    const restarted = await load();
    expect(restarted.certificatePem).not.toBe(oldPem);
    expect(hasReceiptSignerUsages(restarted.certificatePem)).toBe(true);
    expect((await load()).certificatePem).toBe(restarted.certificatePem);
    const stored = await t.ctx.db
      .selectFrom('ca_keys')
      .select(['id', 'certificate_pem'])
      .orderBy('id')
      .execute();
    expect(stored.map((r) => r.id)).toEqual(['current', 'receipts']);
    expect(stored[1]!.certificate_pem).toBe(restarted.certificatePem);
    const newReceipt = await restarted.sign(Buffer.from('{"nouveau":1}'), t.clock.now());

    // The declarant's check (the CA pinned at its signature's issuance, the receipt EKU) takes
    // the old receipts and the new ones alike: the CA did not change.
    expect(t.ctx.ca.certificatePem).toBe(caPem);
    for (const receipt of [oldReceipt, newReceipt]) {
      await expect(
        verifyCms(receipt, { trustedCaPem: [caPem], requiredExtendedKeyUsage: RECEIPT_SIGNER_EKU }),
      ).resolves.toBeDefined();
    }
    // openssl's default purpose: why the old certificate had to go.
    const verify = (name: string, der: Buffer) => {
      folder!.write(name, der);
      return folder!.run([...cmsVerifyArgs(name, 'ca.pem'), '-out', `${name}.json`]);
    };
    expect(verify('old.p7m', oldReceipt).output).toContain('unsuitable certificate purpose');
    expect(verify('new.p7m', newReceipt).output).toContain('CMS Verification successful');
  });
});
