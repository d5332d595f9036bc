import type { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isValidSerialHex, randomSerialHex } from './serial';

/** A Crypto whose getRandomValues hands out the given octets in order. */
function scriptedCrypto(octets: number[]): webcrypto.Crypto {
  const queue = [...octets];
  return {
    getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
      const view = array as unknown as Uint8Array;
      for (let i = 0; i < view.length; i += 1) view[i] = queue.shift() ?? 0xaa;
      return array;
    },
  } as webcrypto.Crypto;
}

describe('randomSerialHex', () => {
  it('gives distinct positive 128-bit serials of 32 lower-case hex digits', () => {
    const serials = Array.from({ length: 2000 }, () => randomSerialHex());
    expect(new Set(serials).size).toBe(serials.length);
    for (const serial of serials) {
      expect(serial).toMatch(/^[0-9a-f]{32}$/);
      expect(isValidSerialHex(serial)).toBe(true);
      const first = Number.parseInt(serial.slice(0, 2), 16);
      expect(first).toBeGreaterThanOrEqual(0x01);
      expect(first).toBeLessThanOrEqual(0x7f);
    }
  });

  it('clears the top bit of the first octet (known answer)', () => {
    const octets = [0xff, ...Array.from({ length: 15 }, (_, i) => i + 1)];
    expect(randomSerialHex(scriptedCrypto(octets))).toBe('7f0102030405060708090a0b0c0d0e0f');
  });

  it('draws the first octet again while it would be 0x00 (no leading zero in DER)', () => {
    const octets = [0x80, ...Array.from({ length: 15 }, () => 0x11), 0x00, 0x80, 0x42];
    expect(randomSerialHex(scriptedCrypto(octets))).toBe(`42${'11'.repeat(15)}`);
  });
});

describe('isValidSerialHex', () => {
  it.each(['01', '7f', '0f00', '4a'.repeat(20), '1234567890abcdef1234567890abcdef'])(
    'accepts %s',
    (hex) => expect(isValidSerialHex(hex)).toBe(true),
  );

  it.each([
    ['empty', ''],
    ['zero', '00'],
    ['a leading zero octet', '0080'],
    ['a negative first octet', '80'],
    ['an odd length', '123'],
    ['upper case', 'ABCD'],
    ['21 octets', '4a'.repeat(21)],
    ['non-hex', '12zz'],
  ])('refuses %s', (_name, hex) => expect(isValidSerialHex(hex)).toBe(false));
});
