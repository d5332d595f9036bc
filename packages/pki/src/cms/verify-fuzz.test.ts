// Mutation fuzzing of verifyCms: whatever happens to the bytes of a valid message, the answer
// is either the identical content or a PkiError with one of the four CMS codes — never another
// exception, never other content. Seeded, so that a failure replays.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCmsSigner } from './sign';
import {
  createTestCa,
  createTestHolder,
  opensslCmsSign,
  type TestCa,
} from '../testing/cms-fixtures';
import { verifyCms } from './verify';
import { PkiError, type PkiErrorCode } from '../pki-error';
import { createOpensslFolder, type OpensslFolder } from '../testing/openssl';

const MUTATIONS = 2_000;
const CMS_CODES: readonly PkiErrorCode[] = [
  'CMS_UNREADABLE',
  'CMS_SIGNATURE_INVALID',
  'CMS_CERTIFICATE_UNTRUSTED',
  'CMS_CERTIFICATE_EXPIRED',
];

/** mulberry32: a small seeded PRNG, enough to pick positions and bytes. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One random mutation: a flipped byte, a truncation, an inserted or a deleted byte. */
function mutate(message: Buffer, random: () => number): { bytes: Buffer; what: string } {
  const index = Math.floor(random() * message.length);
  const byte = 1 + Math.floor(random() * 255);
  const kind = Math.floor(random() * 4);
  if (kind === 0) {
    const bytes = Buffer.from(message);
    bytes[index] = (bytes[index] ?? 0) ^ byte;
    return { bytes, what: `xor 0x${byte.toString(16)} at ${index}` };
  }
  if (kind === 1) return { bytes: message.subarray(0, index), what: `truncated to ${index}` };
  if (kind === 2) {
    const bytes = Buffer.concat([
      message.subarray(0, index),
      Buffer.from([byte]),
      message.subarray(index),
    ]);
    return { bytes, what: `0x${byte.toString(16)} inserted at ${index}` };
  }
  const bytes = Buffer.concat([message.subarray(0, index), message.subarray(index + 1)]);
  return { bytes, what: `byte ${index} deleted` };
}

let openssl: OpensslFolder;
let ca: TestCa;
const messages = new Map<string, { message: Buffer; content: Buffer }>();

beforeAll(async () => {
  openssl = createOpensslFolder();
  ca = await createTestCa();
  const ecdsa = await createTestHolder(ca, 'ECDSA-P256');
  const rsa = await createTestHolder(ca, 'RSA-2048');
  // Small content: most mutations then land in the structure, not in the content.
  const content = randomBytes(200);
  const at = new Date(ecdsa.notBefore.getTime() + 3_600_000);
  messages.set('ours, ECDSA P-256', {
    message: await (await createCmsSigner(ecdsa)).sign(content, at),
    content,
  });
  const withChain = await createCmsSigner({
    ...rsa,
    extraCertificatesPem: [ca.stored.certificatePem],
  });
  messages.set('ours, RSA-2048 with the CA certificate', {
    message: await withChain.sign(content, at),
    content,
  });
  messages.set('openssl -cades, RSA-2048', {
    message: opensslCmsSign(openssl, 'fuzz', content, [rsa]),
    content,
  });
});
afterAll(() => openssl.remove());

describe('verifyCms under mutation', () => {
  it.each([
    ['ours, ECDSA P-256', 1],
    ['ours, RSA-2048 with the CA certificate', 2],
    ['openssl -cades, RSA-2048', 3],
  ])(`%s: ${MUTATIONS} mutations give the same content or a CMS PkiError`, async (name, seed) => {
    const entry = messages.get(name);
    if (!entry) throw new Error(name);
    const options = { trustedCaPem: [ca.stored.certificatePem] };
    expect((await verifyCms(entry.message, options)).content).toEqual(entry.content);
    const random = prng(seed);
    const codes = new Map<string, number>();
    for (let run = 0; run < MUTATIONS; run += 1) {
      const { bytes, what } = mutate(entry.message, random);
      const outcome = await verifyCms(bytes, options).then(
        (verified) => ({ verified, error: undefined }),
        (error: unknown) => ({ verified: undefined, error }),
      );
      if (outcome.verified) {
        // Accepted only if what was signed is intact (e.g. a byte of an unsigned field).
        expect(outcome.verified.content, `seed ${seed}, ${what}`).toEqual(entry.content);
        codes.set('accepted', (codes.get('accepted') ?? 0) + 1);
      } else {
        const { error } = outcome;
        if (!(error instanceof PkiError)) {
          throw new Error(`seed ${seed}, ${what}: not a PkiError`, { cause: error });
        }
        expect(CMS_CODES, `seed ${seed}, ${what}`).toContain(error.code);
        codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
      }
    }
    // The loop really exercised both refusal levels that byte damage reaches.
    expect(codes.get('CMS_UNREADABLE')).toBeGreaterThan(MUTATIONS / 10);
    expect(codes.get('CMS_SIGNATURE_INVALID')).toBeGreaterThan(MUTATIONS / 20);
  });
});
