// Measures CMS SignedData signing (createCmsSigner: one key import, then sign() per message,
// self-check included) and verification (verifyCms: parse, digest, signature, CA signature,
// validity) of a ~20 KB declaration, for ECDSA P-256 and RSA-3072 signers, one at a time on
// one core. Prints messages per second and the median per message.
// Run: npx tsx bench/cms-sign-verify.ts [messages]
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createCmsSigner, verifyCms, type GeneratedKeyType } from '@passerelle/pki';
import { createTestCa, createTestHolder } from '@passerelle/pki/testing';

const messages = Number(process.argv[2] ?? 1000);
const CONTENT_BYTES = 20 * 1024;

/** Times `runs` awaited calls of `operation` (after 20 warm-up calls): per second and median. */
async function measure(runs: number, operation: () => Promise<unknown>): Promise<string> {
  for (let warm = 0; warm < 20; warm += 1) await operation();
  const times: number[] = [];
  const start = performance.now();
  for (let run = 0; run < runs; run += 1) {
    const one = performance.now();
    await operation();
    times.push(performance.now() - one);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  return `${((runs * 1000) / total).toFixed(0)}/s (median ${median.toFixed(2)} ms)`;
}

const ca = await createTestCa('Bench CA');
const content = randomBytes(CONTENT_BYTES);

console.log(
  `CMS sign/verify bench — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `${messages} messages of ${CONTENT_BYTES} bytes each; load average ${loadavg()[0]?.toFixed(1)} ` +
    `on ${cpus().length} cores (figures drop when others share the machine)`,
);
for (const keyType of ['ECDSA-P256', 'RSA-3072'] as GeneratedKeyType[]) {
  const { privateKeyPkcs8, certificatePem } = await createTestHolder(ca, keyType);
  const setup = performance.now();
  const signer = await createCmsSigner({ privateKeyPkcs8, certificatePem });
  const setupMs = performance.now() - setup;
  const signed = await signer.sign(content, new Date());
  const options = { trustedCaPem: [ca.stored.certificatePem] };
  console.log(
    `${keyType}: createCmsSigner ${setupMs.toFixed(1)} ms, message ${signed.length} bytes`,
  );
  console.log(
    `  sign (self-check included): ${await measure(messages, () => signer.sign(content, new Date()))}`,
  );
  console.log(
    `  verifyCms:                  ${await measure(messages, () => verifyCms(signed, options))}`,
  );
}
