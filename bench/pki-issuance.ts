// Measures the partner CA alone (no database): certificate issuances per second (verifyCsr +
// issueCertificate, one at a time, ECDSA P-256 CSRs made in advance) and the time to sign a
// CRL listing 10,000 revoked certificates (median of a few runs).
// Run: npx tsx bench/pki-issuance.ts [issuances] [crlRuns]
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  createCertificateAuthority,
  createCrl,
  generateKeyPairAndCsr,
  issueCertificate,
  loadCertificateAuthority,
  randomSerialHex,
  verifyCsr,
  type RevokedCertificate,
} from '@passerelle/pki';

const issuances = Number(process.argv[2] ?? 2000);
const crlRuns = Number(process.argv[3] ?? 5);
const REVOKED = 10_000;
const WARM_UP = 100;

const ca = await loadCertificateAuthority(
  await createCertificateAuthority({ commonName: 'Bench CA', organization: 'Bench' }),
);
const csrs: string[] = [];
for (let i = 0; i < issuances + WARM_UP; i += 1) {
  csrs.push((await generateKeyPairAndCsr({ keyType: 'ECDSA-P256' })).csrPem);
}

/** verifyCsr then issueCertificate for each CSR; returns the milliseconds each part took. */
async function issueAll(batch: string[]): Promise<{ verify: number; issue: number }> {
  let verify = 0;
  let issue = 0;
  for (const csrPem of batch) {
    const t0 = performance.now();
    const csr = await verifyCsr(csrPem);
    const t1 = performance.now();
    await issueCertificate({
      ca,
      csrPublicKey: csr.publicKey,
      holder: { firstName: 'Anne', lastName: 'Durand', email: 'anne.durand@cabinet.fr' },
      organization: 'Cabinet Durand',
      validityMonths: 24,
      crlUrl: 'https://partenaire.example/api/v1/crl',
    });
    verify += t1 - t0;
    issue += performance.now() - t1;
  }
  return { verify, issue };
}

await issueAll(csrs.slice(0, WARM_UP));
const { verify, issue } = await issueAll(csrs.slice(WARM_UP));
const total = verify + issue;

const revoked: RevokedCertificate[] = Array.from({ length: REVOKED }, () => ({
  serialHex: randomSerialHex(),
  revokedAt: new Date(),
  reason: 'keyCompromise',
}));
const crlTimes: number[] = [];
let crlBytes = 0;
for (let run = 0; run < crlRuns; run += 1) {
  const start = performance.now();
  const { der } = await createCrl({ ca, revoked, crlNumber: run + 1 });
  crlTimes.push(performance.now() - start);
  crlBytes = der.length;
}
crlTimes.sort((a, b) => a - b);
const median = crlTimes[Math.floor(crlTimes.length / 2)] ?? Number.NaN;

console.log(`pki bench — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, one core`);
console.log(
  `issuance: ${(issuances / (total / 1000)).toFixed(0)} certificates/s over ${issuances} ` +
    `(verifyCsr ${(verify / issuances).toFixed(3)} ms + issueCertificate ` +
    `${(issue / issuances).toFixed(3)} ms each, ECDSA P-256 CSRs, CA ECDSA P-256/SHA-256)`,
);
console.log(
  `CRL with ${REVOKED.toLocaleString('en')} revoked: median ${median.toFixed(0)} ms over ` +
    `${crlRuns} runs (min ${crlTimes[0]?.toFixed(0)} ms, max ${crlTimes.at(-1)?.toFixed(0)} ms), ` +
    `${(crlBytes / 1024).toFixed(0)} KiB DER`,
);
