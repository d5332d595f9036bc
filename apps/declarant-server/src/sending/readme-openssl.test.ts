import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpensslFolder, type OpensslFolder } from '@passerelle/pki/testing';
import { startTestPartner } from '@passerelle/partner-server/testing';
import { SIGNATURE_PASSWORD } from '../testing/signature-world';
import { startSendingWorld, type SendingWorld } from '../testing/sending-world';
import { deliverDue } from './delivery-worker';

const README = readFileSync(join(import.meta.dirname, '../../../../README.md'), 'utf8');
const FILE_PASSWORD = 'écureuil lanterne boussole marée';

/**
 * The shell block that follows `<!-- <marker>` in the README, exactly as a reader copies it.
 * @param marker e.g. `openssl-check: p12`
 */
function readmeBlock(marker: string): string {
  const at = README.indexOf(`<!-- ${marker}`);
  const block = /```sh\n([\s\S]*?)```/.exec(README.slice(at));
  if (at < 0 || !block?.[1]) throw new Error(`README: no block after "${marker}"`);
  return block[1];
}

/** Runs a README block with `bash -e -o pipefail` in `dir`, `input` on its standard input. */
function runBlock(marker: string, dir: string, env: Record<string, string>, input = '') {
  return new Promise<{ status: number | null; output: string }>((resolve) => {
    // Asynchronous: the partner answering curl runs in this very process.
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', readmeBlock(marker)], {
      cwd: dir,
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.end(input);
    child.on('close', (status) => resolve({ status, output }));
  });
}

// Issue #14, item 4: every OpenSSL command the README gives is run here, on files made by the
// real declarant and the real partner (listening on a socket), with the real clock.
describe('the README commands that check files with OpenSSL', () => {
  let w: SendingWorld;
  let folder: OpensslFolder;

  it('the public addresses answer without an account', async () => {
    const partner = await startTestPartner('sqlite');
    const table = README.slice(README.indexOf('<!-- partner-addresses'));
    const paths = [
      ...table.slice(0, table.indexOf('\n\n')).matchAll(/http:\/\/localhost:3200(\/\S*)/g),
    ].map((match) => match[1]);
    expect(paths).toEqual([
      '/portail',
      '/api/v1/ca',
      '/api/v1/crl',
      '/api/v1/openapi.json',
      '/api/v1/docs',
    ]);
    for (const path of paths) {
      let answer = await partner.app.inject({ method: 'GET', url: path });
      // The portal's address sends a visitor to its sign-in page.
      if (answer.statusCode === 303) {
        answer = await partner.app.inject({ method: 'GET', url: String(answer.headers.location) });
      }
      expect(answer.statusCode, path).toBe(200);
    }
    const crl = await partner.app.inject({ method: 'GET', url: '/api/v1/crl' });
    expect(crl.rawPayload[0]).toBe(0x30); // DER, as the README says
    await partner.close();
  });

  afterEach(async () => {
    await w?.close();
    folder?.remove();
  });

  it('verify a signed file, its receipt, the certificate against the CRL and an exported .p12; after revocation the CRL checks fail', async () => {
    w = await startSendingWorld('sqlite', { count: 1, realClock: true });
    folder = createOpensslFolder();
    const env = { PARTNER_URL: w.t.ctx.config.partnerUrl };
    const sent = await w.send();
    expect(sent.statusCode, sent.body).toBe(202);
    expect(await deliverDue(w.t.ctx)).toBe(1);
    const [transmission] = (
      await w.t.call('GET', `/api/declarations/${w.declarationIds[0]}/transmissions`, {
        cookie: w.cookie,
      })
    ).json().items;
    const download = async (file: string) => {
      const answer = await w.t.call('GET', `/api/transmissions/${transmission.id}/files/${file}`, {
        cookie: w.cookie,
      });
      expect(answer.statusCode, answer.body).toBe(200);
      return answer.rawPayload;
    };
    folder.write('deposit.p7m', await download('signed'));
    folder.write('receipt.p7m', await download('receipt'));
    const exported = await w.t.call('POST', `/api/signatures/${w.signatureId}/export`, {
      cookie: w.cookie,
      body: {
        currentPassword: SIGNATURE_PASSWORD,
        password: FILE_PASSWORD,
        passwordConfirmation: FILE_PASSWORD,
      },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    folder.write('signature.p12', exported.rawPayload);

    const fetched = await runBlock('openssl-check: fetch-ca-crl', folder.dir, env);
    expect(fetched.status, fetched.output).toBe(0);
    expect(fetched.output).toContain('verify OK');
    expect(fetched.output).toMatch(/nextUpdate=/);

    const signed = await runBlock('openssl-check: signed-file', folder.dir, env);
    expect(signed.status, signed.output).toBe(0);
    expect(signed.output).toContain('CMS Verification successful');
    expect(signed.output).toContain('signer.pem: OK');
    // The interchange that was signed, byte for byte the declarant's.
    const interchange = await w.t.call(
      'GET',
      `/api/declarations/${w.declarationIds[0]}/interchange`,
      {
        cookie: w.cookie,
      },
    );
    expect(readFileSync(join(folder.dir, 'interchange.edi'))).toEqual(interchange.rawPayload);

    const receipt = await runBlock('receipt-verification', folder.dir, env);
    expect(receipt.status, receipt.output).toBe(0);

    const p12 = await runBlock('openssl-check: p12', folder.dir, env, `${FILE_PASSWORD}\n`);
    expect(p12.status, p12.output).toBe(0);
    expect(p12.output).toContain('MAC: sha256, Iteration 600000');
    expect(p12.output).toContain('signature-cert.pem: OK');
    expect(p12.output).not.toContain(FILE_PASSWORD);
    const wrong = await runBlock('openssl-check: p12', folder.dir, env, 'pas le bon\n');
    expect(wrong.status).not.toBe(0);

    // Revoked (from the declarant's "Révoquer"): a fresh CRL lists it, both CRL checks fail.
    const revoked = await w.t.call('POST', `/api/signatures/${w.signatureId}/revocation`, {
      cookie: w.cookie,
      body: { reason: 'keyCompromise' },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await runBlock('openssl-check: fetch-ca-crl', folder.dir, env)).status).toBe(0);
    const signedAfter = await runBlock('openssl-check: signed-file', folder.dir, env);
    expect(signedAfter.output).toContain('certificate revoked');
    expect(signedAfter.status).not.toBe(0);
    const p12After = await runBlock('openssl-check: p12', folder.dir, env, `${FILE_PASSWORD}\n`);
    expect(p12After.output).toContain('certificate revoked');
    expect(p12After.status).not.toBe(0);
  });
});
