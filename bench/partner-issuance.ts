// Certificate issuance through the partner's service (code check + CSR check + sign + store +
// notice email to a real SMTP inbox), and CRL publication with 10,000 revoked entries, on SQLite
// and PostgreSQL. Run: npx tsx bench/partner-issuance.ts [issuances]
import { performance } from 'node:perf_hooks';
import { generateKeyPairAndCsr, randomSerialHex } from '@passerelle/pki';
import { testDialects } from '@passerelle/server-kit/testing';
import {
  ACCOUNT,
  findAccountByEmail,
  issueSignature,
  publishCrl,
  startTestPartner,
} from '@passerelle/partner-server/testing';

const count = Number(process.argv[2] ?? 200);
const holder = { firstName: 'Bruno', lastName: 'Martin', email: 'bruno@cabinet.fr' };

for (const dialect of await testDialects()) {
  const t = await startTestPartner(dialect, { CODE_MAX_FAILURES: '100' });
  const { code } = await t.createVerifiedAccount();
  const account = await findAccountByEmail(t.ctx.db, ACCOUNT.adminEmail);
  if (!account) throw new Error('account not created');
  const csrs = await Promise.all(
    Array.from(
      { length: count },
      async () => (await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' })).csrPem,
    ),
  );
  const start = performance.now();
  for (const csrPem of csrs) {
    await issueSignature(
      t.ctx,
      { account, user: undefined },
      {
        csrPem,
        confidentialCode: code,
        validityMonths: 12,
        holder,
      },
    );
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${dialect}: ${count} issuances in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(1)} per second`,
  );

  const at = new Date().toISOString();
  const rows = Array.from({ length: 10_000 }, () => ({
    serial: randomSerialHex(),
    account_id: account.id,
    holder_first_name: 'X',
    holder_last_name: 'Y',
    holder_email: 'x@y.fr',
    certificate_pem: '(bench)',
    not_before: at,
    not_after: at,
    issued_at: at,
    revoked_at: at,
    revocation_reason: 'unspecified',
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await t.ctx.db
      .insertInto('signatures')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  const times: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const begin = performance.now();
    const der = await publishCrl(t.ctx);
    times.push(performance.now() - begin);
    if (run === 0)
      console.log(
        `${dialect}: CRL with ${rows.length} entries: ${(der.length / 1024).toFixed(0)} KiB`,
      );
  }
  times.sort((a, b) => a - b);
  console.log(
    `${dialect}: CRL publication (read + sign + store), median of 3: ${(times[1] ?? 0).toFixed(0)} ms`,
  );
  await t.close();
}
