import { execFile } from 'node:child_process';
import { randomUUID, webcrypto } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DEPOSIT_BYTES } from '@passerelle/contracts';
import { generateKeyPairAndCsr } from '@passerelle/pki';
import { createOpensslFolder, opensslCmsVerify, type OpensslFolder } from '@passerelle/pki/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import { HOLDER, infentInterchange } from '../testing/deposits';

const run = promisify(execFile);

/** curl, asynchronously (the server answering it lives in this process); status and body. */
async function curl(args: string[]): Promise<{ status: number; body: string }> {
  const { stdout } = await run('curl', ['-sS', '-w', '\n%{http_code}', ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const cut = stdout.lastIndexOf('\n');
  return { status: Number(stdout.slice(cut + 1)), body: stdout.slice(0, cut) };
}

// Interoperability over a real socket: a deposit signed by `openssl cms -sign` and posted by
// curl, as an integrator without Passerelle would do it (the bench's baseline too).
describe('deposits over HTTP from openssl and curl', () => {
  let t: TestPartner;
  let folder: OpensslFolder;
  afterEach(async () => {
    await t.close();
    folder.remove();
  });

  it('takes an openssl-signed deposit, answers a receipt openssl verifies, and refuses a chunked 20 MiB + 1', async () => {
    t = await startTestPartner('sqlite');
    // openssl stamps the real time as signingTime: the partner's clock must be the real one.
    t.clock.advance(Date.now() - t.clock.now().getTime());
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    folder = createOpensslFolder();
    const { code } = await t.createVerifiedAccount();
    const { accessToken: token } = await t.signIn();
    const { csrPem, privateKey } = await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' });
    const issued = await t.call('POST', '/api/v1/signatures', {
      token,
      body: { csrPem, confidentialCode: code, validityMonths: 12, holder: HOLDER },
    });
    folder.write('holder.crt', issued.json().certificatePem);
    folder.write('holder.der', Buffer.from(await webcrypto.subtle.exportKey('pkcs8', privateKey)));
    folder.ok(['pkey', '-inform', 'DER', '-in', 'holder.der', '-out', 'holder.key']);
    folder.write('infent.edi', infentInterchange());
    folder.ok([
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-cades',
      '-md',
      'sha256',
      '-outform',
      'DER',
      '-in',
      'infent.edi',
      '-signer',
      'holder.crt',
      '-inkey',
      'holder.key',
      '-out',
      'deposit.p7m',
    ]);

    const key = randomUUID();
    const headers = [
      '-H',
      'Content-Type: application/pkcs7-mime',
      '-H',
      `Authorization: Bearer ${token}`,
      '-H',
      `Idempotency-Key: ${key}`,
    ];
    const posted = await curl([
      ...headers,
      '--data-binary',
      `@${join(folder.dir, 'deposit.p7m')}`,
      `${url}/api/v1/deposits`,
    ]);
    expect(posted.status, posted.body).toBe(202);
    const { deposit, receipt } = JSON.parse(posted.body);
    expect(deposit.status).toBe('received');

    folder.write('ca.pem', (await t.call('GET', '/api/v1/ca')).body);
    const verified = opensslCmsVerify(folder, 'receipt.p7m', Buffer.from(receipt, 'base64'), [
      '-purpose',
      'any',
    ]);
    expect(verified.status, verified.output).toBe(0);
    expect(JSON.parse(String(verified.content))).toMatchObject({
      depositId: deposit.id,
      transmissionId: key,
      bodySha256: deposit.bodySha256,
    });

    // No Content-Length to refuse on: the limit is counted as the bytes arrive.
    writeFileSync(join(folder.dir, 'large.bin'), Buffer.alloc(MAX_DEPOSIT_BYTES + 1));
    const large = await curl([
      ...headers.slice(0, 4),
      '-H',
      `Idempotency-Key: ${randomUUID()}`,
      '-H',
      'Transfer-Encoding: chunked',
      '--data-binary',
      `@${join(folder.dir, 'large.bin')}`,
      `${url}/api/v1/deposits`,
    ]);
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body).code).toBe('PAYLOAD_TOO_LARGE');
    expect(await t.ctx.db.selectFrom('deposits').select('id').execute()).toHaveLength(1);
  });
});
