import { describe, expect, it } from 'vitest';
import { addKey } from '@passerelle/server-kit';
import {
  confidentialCodeMatches,
  generateConfidentialCode,
  hashConfidentialCode,
  normalizeConfidentialCode,
} from './confidential-code';

describe('confidential EDI-TDFC code', () => {
  it('has 100 bits in five groups of four Crockford symbols', () => {
    const code = generateConfidentialCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(generateConfidentialCode()).not.toBe(code);
    expect(generateConfidentialCode(() => Buffer.alloc(20, 31))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
  });

  it('forgives case, spaces, dashes and look-alike letters, and nothing else', () => {
    expect(normalizeConfidentialCode(' 7k3m qx2p-ab1o ilzz 0000 ')).toBe('7K3MQX2PAB1011ZZ0000');
    expect(normalizeConfidentialCode('7K3M-QX2P')).toBeUndefined();
    expect(normalizeConfidentialCode('UUUU-UUUU-UUUU-UUUU-UUUU')).toBeUndefined();
  });

  it('is stored as a keyed hash and compared after normalisation, across a key rotation', () => {
    const keyring = addKey(undefined);
    const code = generateConfidentialCode();
    const stored = hashConfidentialCode(keyring, normalizeConfidentialCode(code)!);
    expect(stored).toMatch(/^k1:[0-9a-f]{64}$/);
    expect(stored).not.toContain(code.replace(/-/g, ''));
    expect(confidentialCodeMatches(keyring, stored, code.toLowerCase().replace(/-/g, ' '))).toBe(
      true,
    );
    expect(confidentialCodeMatches(keyring, stored, generateConfidentialCode())).toBe(false);
    expect(confidentialCodeMatches(keyring, stored, 'n’importe quoi')).toBe(false);
    const rotated = addKey(keyring);
    expect(confidentialCodeMatches(rotated, stored, code)).toBe(true);
    expect(hashConfidentialCode(rotated, 'X')).toMatch(/^k2:/);
  });
});
