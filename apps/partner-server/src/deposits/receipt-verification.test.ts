import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { depositAcceptedSchema } from '@passerelle/contracts';
import { createOpensslFolder, type OpensslFolder } from '@passerelle/pki/testing';
import { startTestPartner, type TestPartner } from '../testing/test-partner';
import { canonicalReceiptBytes } from './deposit-receipt';
import { createDepositAccount, infentInterchange, postDeposit } from '../testing/deposits';

const run = promisify(execFile);
const README = join(import.meta.dirname, '../../../../README.md');
const MARKER = '<!-- receipt-verification:';

/** The README's receipt verification commands, exactly as a reader copies them. */
function readmeCommands(): string {
  const text = readFileSync(README, 'utf8');
  const block = /```sh\n([\s\S]*?)```/.exec(text.slice(text.indexOf(MARKER)));
  if (text.indexOf(MARKER) < 0 || !block?.[1]) throw new Error('README: receipt commands missing');
  return block[1];
}

/** Runs the commands in `dir` as bash would with `set -e -o pipefail`; the exit status and output. */
async function runCommands(dir: string, partnerUrl: string) {
  try {
    const { stdout, stderr } = await run('bash', ['-e', '-o', 'pipefail', '-c', readmeCommands()], {
      cwd: dir,
      env: { ...process.env, PARTNER_URL: partnerUrl },
    });
    return { status: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

// The receipt as a third party checks it, with OpenSSL's default settings (issue #12, item 8):
// the partner listens on a real socket, curl fetches its CA, openssl verifies.
describe('verifying a deposit receipt with the README commands', () => {
  let t: TestPartner;
  let folder: OpensslFolder;
  afterEach(async () => {
    await t.close();
    folder.remove();
  });

  it('passes with openssl defaults on a real receipt, and stops on a person-signed receipt or another file', async () => {
    t = await startTestPartner('sqlite');
    // openssl checks certificates at the real time: the partner's clock must be the real one.
    t.clock.advance(Date.now() - t.clock.now().getTime());
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    folder = createOpensslFolder();
    const { token, signer } = await createDepositAccount(t);
    const body = await signer.sign(infentInterchange({ reference: 'VERIF01' }));
    const answer = await postDeposit(t, token, body);
    expect(answer.statusCode, answer.body).toBe(202);
    const { deposit, receipt } = depositAcceptedSchema.parse(answer.json());
    folder.write('receipt.p7m', Buffer.from(receipt, 'base64'));
    folder.write('deposit.p7m', body);

    const verified = await runCommands(folder.dir, url);
    expect(verified.output).toContain('CMS Verification successful');
    expect(verified.status, verified.output).toBe(0);
    // What the receipt says, as the README tells: this deposit, this transmission, these bytes.
    const signed = JSON.parse(folder.read('receipt.json'));
    expect(signed).toMatchObject({
      type: 'passerelle-deposit-receipt',
      depositId: deposit.id,
      transmissionId: deposit.transmissionId,
      bodySha256: deposit.bodySha256,
      receivedAt: deposit.receivedAt,
    });
    expect(folder.read('receipt.json')).toBe(canonicalReceiptBytes(signed).toString('utf8'));

    // The same JSON signed by a person's certificate of the same CA: openssl's S/MIME check
    // accepts it (people's certificates are S/MIME ones), step 3 refuses it.
    folder.write('receipt.p7m', await signer.sign(canonicalReceiptBytes(signed)));
    const forged = await runCommands(folder.dir, url);
    expect(forged.output).toContain('CMS Verification successful');
    expect(forged.status).not.toBe(0);

    // A genuine receipt, but for another file than the one in hand: step 4 refuses it.
    folder.write('receipt.p7m', Buffer.from(receipt, 'base64'));
    folder.write('deposit.p7m', await signer.sign(infentInterchange({ reference: 'AUTRE01' })));
    const otherFile = await runCommands(folder.dir, url);
    expect(otherFile.output).toContain('CMS Verification successful');
    expect(otherFile.status).not.toBe(0);
  });
});
