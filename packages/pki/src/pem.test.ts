import { describe, expect, it } from 'vitest';
import { decodeSinglePem, encodeDerSequence, encodePem, isSingleDerSequence } from './pem';

describe('encodePem / decodeSinglePem', () => {
  it('round-trips DER through 64-column PEM ending with a newline (known answer)', () => {
    const der = Buffer.from(`30${'4c'}${'00'.repeat(76)}`, 'hex');
    const pem = encodePem(der, 'CERTIFICATE REQUEST');
    expect(pem).toBe(
      '-----BEGIN CERTIFICATE REQUEST-----\n' +
        `MEw${'A'.repeat(61)}\n${'A'.repeat(40)}\n` +
        '-----END CERTIFICATE REQUEST-----\n',
    );
    expect(decodeSinglePem(pem, ['CERTIFICATE REQUEST'])).toEqual(der);
    expect(decodeSinglePem(pem.replaceAll('\n', '\r\n'), ['CERTIFICATE REQUEST'])).toEqual(der);
  });

  it('returns undefined for another label, text around the block or trailing bytes', () => {
    const pem = encodePem(Buffer.from('3000', 'hex'), 'CERTIFICATE');
    expect(decodeSinglePem(pem, ['CERTIFICATE REQUEST'])).toBeUndefined();
    expect(decodeSinglePem(`Subject: x\n${pem}`, ['CERTIFICATE'])).toBeUndefined();
    const trailing = encodePem(Buffer.from('300000', 'hex'), 'CERTIFICATE');
    expect(decodeSinglePem(trailing, ['CERTIFICATE'])).toBeUndefined();
  });
});

describe('encodeDerSequence / isSingleDerSequence', () => {
  it.each([
    [0, '3000'],
    [127, '307f'],
    [128, '308180'],
    [255, '3081ff'],
    [256, '30820100'],
    [70_000, '3083011170'],
  ])('encodes a %i-octet content with the minimal length form (%s…)', (size, header) => {
    const der = encodeDerSequence([Buffer.alloc(size)]);
    expect(der.subarray(0, header.length / 2).toString('hex')).toBe(header);
    expect(der.length).toBe(header.length / 2 + size);
    expect(isSingleDerSequence(der)).toBe(true);
  });

  it('rejects indefinite lengths, other tags and truncated input', () => {
    expect(isSingleDerSequence(Buffer.from('30800000', 'hex'))).toBe(false);
    expect(isSingleDerSequence(Buffer.from('3100', 'hex'))).toBe(false);
    expect(isSingleDerSequence(Buffer.from('308201', 'hex'))).toBe(false);
    expect(isSingleDerSequence(Buffer.from('30', 'hex'))).toBe(false);
  });
});
