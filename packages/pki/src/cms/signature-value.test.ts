// verifySignatureValue — the function that checks a CMS signer's signature — against every
// Wycheproof ECDSA P-256/SHA-256 vector (test-data/wycheproof/, copied with its source line):
// each `valid` one verifies, each `invalid` one is refused, and each `acceptable` one must have
// a decision recorded below (this version of the file has none).
import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifySignatureValue } from './signature-value';

interface WycheproofTest {
  tcId: number;
  comment: string;
  flags: string[];
  msg: string;
  sig: string;
  result: 'valid' | 'invalid' | 'acceptable';
}

interface WycheproofFile {
  numberOfTests: number;
  testGroups: { publicKeyDer: string; sha: string; tests: WycheproofTest[] }[];
}

const vectors = JSON.parse(
  readFileSync(
    new URL('../../test-data/wycheproof/ecdsa_secp256r1_sha256_test.json', import.meta.url),
    'utf8',
  ),
) as WycheproofFile;

/**
 * What we do with `acceptable` vectors, by tcId, with the reason. Wycheproof marks as acceptable
 * what a careful implementation may either accept or refuse (typically a BER encoding of a valid
 * signature); our rule is DER only, so the decision would be `false` with that reason. Empty: the
 * copied file (commit dac1dd47, testvectors_v1) has no acceptable vector.
 */
const ACCEPTABLE_DECISIONS: ReadonlyMap<number, { accept: boolean; why: string }> = new Map();

const cases = vectors.testGroups.flatMap((group) => {
  expect(group.sha).toBe('SHA-256');
  const publicKey = createPublicKey({
    key: Buffer.from(group.publicKeyDer, 'hex'),
    format: 'der',
    type: 'spki',
  });
  return group.tests.map((test) => ({ ...test, publicKey }));
});

function expected(test: WycheproofTest): boolean {
  if (test.result !== 'acceptable') return test.result === 'valid';
  const decision = ACCEPTABLE_DECISIONS.get(test.tcId);
  if (!decision) throw new Error(`tcId ${test.tcId} is acceptable and has no recorded decision`);
  return decision.accept;
}

describe('verifySignatureValue with the Wycheproof ECDSA P-256/SHA-256 vectors', () => {
  it('holds the 484 tests the README announces', () => {
    expect(cases).toHaveLength(484);
    expect(vectors.numberOfTests).toBe(484);
    const results = cases.map((test) => test.result);
    expect(results.filter((result) => result === 'valid')).toHaveLength(174);
    expect(results.filter((result) => result === 'invalid')).toHaveLength(310);
  });

  it('verifies every valid signature and refuses every invalid one', () => {
    const wrong = cases
      .filter((test) => {
        const verified = verifySignatureValue(
          test.publicKey,
          'sha256',
          Buffer.from(test.msg, 'hex'),
          Buffer.from(test.sig, 'hex'),
        );
        return verified !== expected(test);
      })
      .map(
        (test) => `tcId ${test.tcId} (${test.result}, ${test.flags.join(' ')}): ${test.comment}`,
      );
    expect(wrong).toEqual([]);
  });

  it('refuses a BER re-encoding of a signature it accepts in DER (the malleability guard)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const data = Buffer.from('déclaration');
    const derSignature = sign('sha256', data, privateKey);
    expect(verifySignatureValue(publicKey, 'sha256', data, derSignature)).toBe(true);
    // The same SEQUENCE with a long-form length, then with a trailing zero octet.
    const body = derSignature.subarray(2);
    const longForm = Buffer.concat([Buffer.from([0x30, 0x81, body.length]), body]);
    const trailing = Buffer.concat([derSignature, Buffer.from([0])]);
    expect(verifySignatureValue(publicKey, 'sha256', data, longForm)).toBe(false);
    expect(verifySignatureValue(publicKey, 'sha256', data, trailing)).toBe(false);
  });
});
