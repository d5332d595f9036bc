// Measures the declarant's signature-key operations, one at a time on one core: key pair +
// CSR generation (ECDSA P-256, RSA-2048), the Argon2id derivation that protects a stored key,
// wrapping and unwrapping that key, and a PKCS#12 export at 600,000 iterations. Prints the
// median and p95 (nearest rank) of each over `runs` runs, after one warm-up run.
// Run: npx tsx bench/signature-crypto.ts [runs]
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  DEFAULT_KEY_WRAP_PARAMS,
  DEFAULT_PKCS12_ITERATIONS,
  deriveWrappingKey,
  exportPkcs12,
  generateKeyPairAndCsr,
  unwrapPrivateKey,
  wrapPrivateKey,
} from '@passerelle/pki';
import { createTestCa, createTestHolder } from '@passerelle/pki/testing';

const runs = Number(process.argv[2] ?? 20);
const PASSWORD = 'quatre mots de passe français';
const CONTEXT = 'user:bench';

/** Milliseconds of each of `runs` awaited calls of `operation`, after one warm-up call. */
async function measure(operation: () => Promise<unknown>): Promise<number[]> {
  await operation();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await operation();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/** `median … ms, p95 … ms` of sorted times (p95 by nearest rank). */
function summary(sorted: number[]): string {
  const at = (index: number) => sorted[index] ?? Number.NaN;
  const middle = (sorted.length - 1) / 2;
  const median = (at(Math.floor(middle)) + at(Math.ceil(middle))) / 2;
  const p95 = at(Math.ceil(0.95 * sorted.length) - 1);
  return `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`;
}

const ca = await createTestCa('Bench CA');
const { privateKeyPkcs8: pkcs8, certificatePem } = await createTestHolder(ca, 'ECDSA-P256');
const wrapped = await wrapPrivateKey(pkcs8, PASSWORD, { associatedData: CONTEXT });
const { memoryKib, iterations, parallelism } = DEFAULT_KEY_WRAP_PARAMS;
const argon = `m=${memoryKib} KiB, t=${iterations}, p=${parallelism}`;

const cases: [string, () => Promise<unknown>][] = [
  ['ECDSA P-256 key pair + CSR', () => generateKeyPairAndCsr({ keyType: 'ECDSA-P256' })],
  ['RSA-2048 key pair + CSR', () => generateKeyPairAndCsr({ keyType: 'RSA-2048' })],
  [
    `Argon2id derivation (${argon})`,
    async () =>
      (await deriveWrappingKey(PASSWORD, randomBytes(16), DEFAULT_KEY_WRAP_PARAMS)).fill(0),
  ],
  [
    'wrapPrivateKey (ECDSA P-256 PKCS#8)',
    () => wrapPrivateKey(pkcs8, PASSWORD, { associatedData: CONTEXT }),
  ],
  ['unwrapPrivateKey', async () => (await unwrapPrivateKey(wrapped, PASSWORD, CONTEXT)).fill(0)],
  [
    `exportPkcs12 (${DEFAULT_PKCS12_ITERATIONS.toLocaleString('en')} iterations)`,
    () =>
      exportPkcs12({
        privateKeyPkcs8: pkcs8,
        certificatePem,
        chainPem: [ca.stored.certificatePem],
        password: PASSWORD,
        friendlyName: 'Anne Durand',
      }),
  ],
];

console.log(
  `signature crypto bench — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `${runs} runs each`,
);
for (const [name, operation] of cases) {
  console.log(`${name}: ${summary(await measure(operation))}`);
}
