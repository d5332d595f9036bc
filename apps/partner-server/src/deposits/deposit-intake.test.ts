import { createHash, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { depositAcceptedSchema, depositReceiptSchema } from '@passerelle/contracts';
import { RECEIPT_SIGNER_EKU, verifyCms } from '@passerelle/pki';
import {
  cmsVerifyArgs,
  createOpensslFolder,
  opensslCmsVerify,
  type OpensslFolder,
} from '@passerelle/pki/testing';
import { testDialects } from '@passerelle/server-kit/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import { canonicalReceiptBytes } from './deposit-receipt';
import { createDepositAccount, infentInterchange, postDeposit } from '../testing/deposits';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(await testDialects())('deposit intake (%s)', (dialect) => {
  let t: TestPartner;
  let folder: OpensslFolder | undefined;
  afterEach(async () => {
    await t.close();
    folder?.remove();
    folder = undefined;
  });

  it('stores a signed deposit once and answers 202 with a receipt the CA vouches for', async () => {
    t = await startTestPartner(dialect);
    const { token, signer } = await createDepositAccount(t);
    const content = infentInterchange({ reference: 'REF2026030201' });
    const body = await signer.sign(content);
    const key = randomUUID();
    const response = await postDeposit(t, token, body, key);
    expect(response.statusCode, response.body).toBe(202);
    const { deposit, receipt } = depositAcceptedSchema.parse(response.json());
    const receivedAt = t.clock.now().toISOString();
    expect(deposit).toMatchObject({
      transmissionId: key,
      status: 'received',
      receivedAt,
      updatedAt: receivedAt,
      bodySha256: sha256(body),
      signerSerial: signer.serial,
      interchangeReference: 'REF2026030201',
      siren: '843217654',
      testIndicator: false,
      history: [{ status: 'received', at: receivedAt }],
      errors: [],
      contrl: null,
      cr: null,
    });

    // The exact bytes are kept, with the verified content beside them.
    const row = await t.ctx.db
      .selectFrom('deposits')
      .selectAll()
      .where('id', '=', deposit.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(row.body).equals(body)).toBe(true);
    expect(Buffer.from(row.content).equals(Buffer.from(content))).toBe(true);

    // The declarant's check: the CA it pinned, the receipt EKU, then the JSON itself.
    const caPem = (await t.call('GET', '/api/v1/ca')).body;
    const der = Buffer.from(receipt, 'base64');
    const verified = await verifyCms(der, {
      trustedCaPem: [caPem],
      requiredExtendedKeyUsage: RECEIPT_SIGNER_EKU,
    });
    const signed = depositReceiptSchema.parse(JSON.parse(verified.content.toString('utf8')));
    expect(signed).toEqual({
      type: 'passerelle-deposit-receipt',
      version: 1,
      depositId: deposit.id,
      transmissionId: key,
      accountId: (await t.call('GET', '/api/v1/accounts/current', { token })).json().account.id,
      bodySha256: sha256(body),
      receivedAt,
    });
    expect(verified.content.equals(canonicalReceiptBytes(signed))).toBe(true);
    expect(verified.signerCertificatePem).toBe(t.ctx.receiptSigner.certificatePem);
    // A user's certificate from the same CA cannot pass for the receipt signer.
    await expect(
      verifyCms(body, { trustedCaPem: [caPem], requiredExtendedKeyUsage: RECEIPT_SIGNER_EKU }),
    ).rejects.toMatchObject({ code: 'CMS_CERTIFICATE_UNTRUSTED' });

    // Another implementation agrees: openssl verifies the receipt against the CA alone, with
    // its default purpose (S/MIME signing), as a third party would.
    folder = createOpensslFolder();
    folder.write('ca.pem', caPem);
    const byOpenssl = opensslCmsVerify(folder, 'receipt.p7m', der);
    expect(byOpenssl.output).toContain('CMS Verification successful');
    expect(JSON.parse(String(byOpenssl.content))).toEqual(signed);
    // A receipt edited by one byte no longer verifies.
    const tampered = Buffer.from(der);
    const at = tampered.indexOf(Buffer.from(deposit.id));
    tampered[at] = tampered[at]! ^ 0x01;
    folder.write('tampered.p7m', tampered);
    expect(folder.run(cmsVerifyArgs('tampered.p7m', 'ca.pem')).status).not.toBe(0);
  });

  it('answers the same receipt byte for byte to the same key and body, 422 to another body, 409 to another key', async () => {
    t = await startTestPartner(dialect);
    const { token, signer } = await createDepositAccount(t);
    const body = await signer.sign(infentInterchange());
    const key = randomUUID();
    const first = await postDeposit(t, token, body, key);
    expect(first.statusCode).toBe(202);
    t.clock.advance(60_000);
    const again = await postDeposit(t, token, body, key);
    expect(again.statusCode).toBe(202);
    expect(again.json().receipt).toBe(first.json().receipt);
    expect(again.json().deposit.id).toBe(first.json().deposit.id);
    expect(again.json().deposit.receivedAt).toBe(first.json().deposit.receivedAt);
    // RFC 8551's parameters on the media type change nothing.
    const withParameters = await t.app.inject({
      method: 'POST',
      url: '/api/v1/deposits',
      headers: {
        'content-type': 'application/pkcs7-mime; smime-type=signed-data; name=smime.p7m',
        authorization: `Bearer ${token}`,
        'idempotency-key': key,
      },
      payload: body,
    });
    expect(withParameters.statusCode, withParameters.body).toBe(202);
    expect(withParameters.json().receipt).toBe(first.json().receipt);

    const other = await signer.sign(infentInterchange({ reference: 'AUTRE' }));
    const reused = await postDeposit(t, token, other, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('IDEMPOTENCY_KEY_REUSED');

    // The same body under another key is the same interchange again: refused, naming the first.
    const second = await postDeposit(t, token, body, randomUUID());
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: 'DEPOSIT_DUPLICATE',
      depositId: first.json().deposit.id,
    });
    const rows = await t.ctx.db.selectFrom('deposits').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('makes exactly one row of concurrent identical requests, all answering its receipt', async () => {
    t = await startTestPartner(dialect);
    const { token, signer } = await createDepositAccount(t);
    const body = await signer.sign(infentInterchange());
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => postDeposit(t, token, body, key)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(202));
    expect(new Set(answers.map((a) => a.json().receipt)).size).toBe(1);
    const rows = await t.ctx.db
      .selectFrom('deposits')
      .select('id')
      .where('idempotency_key', '=', key)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('keeps one key per account: another account may use the same key', async () => {
    t = await startTestPartner(dialect);
    const first = await createDepositAccount(t);
    const second = await createDepositAccount(t, {
      adminEmail: 'claire@cabinet-autre.fr',
      firmName: 'Cabinet Autre',
    });
    const key = randomUUID();
    const a = await postDeposit(t, first.token, await first.signer.sign(infentInterchange()), key);
    const b = await postDeposit(
      t,
      second.token,
      await second.signer.sign(infentInterchange({ reference: 'B' })),
      key,
    );
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    expect(a.json().deposit.id).not.toBe(b.json().deposit.id);
    // Each account sees only its own.
    const foreign = await t.call('GET', `/api/v1/deposits/${b.json().deposit.id}`, {
      token: first.token,
    });
    expect(foreign.statusCode).toBe(404);
    const own = await t.call('GET', `/api/v1/deposits/${a.json().deposit.id}`, {
      token: first.token,
    });
    expect(own.json()).toEqual({ deposit: a.json().deposit });
  });

  it('tells its policy: environment, size limit and EDI number from the configuration', async () => {
    t = await startTestPartner(dialect, { EDI_ENVIRONMENT: 'test', EDI_NUMBER: '1234567' });
    const policy = await t.call('GET', '/api/v1/deposit-policy');
    expect(policy.json()).toEqual({
      environment: 'test',
      maxBytes: 20 * 1024 * 1024,
      ediNumber: '1234567',
    });
  });
});
