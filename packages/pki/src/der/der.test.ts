import { describe, expect, it } from 'vitest';
import {
  der,
  DerError,
  derOid,
  derSetOf,
  derUnsignedInteger,
  integerValue,
  MAX_DER_ELEMENTS,
  oidValue,
  parseDer,
  TAG,
} from './der';
import { derTime, timeValue } from './time';
import { RECEIPT_SIGNER_EKU } from '../ca/receipt-certificate';

const hex = (text: string) => Buffer.from(text.replace(/\s/g, ''), 'hex');
const refuses = (bytes: Buffer) => expect(() => parseDer(bytes)).toThrow(DerError);

describe('parseDer', () => {
  it('reads nested elements with views on the exact bytes', () => {
    const node = parseDer(hex('30 06 02 01 05 04 01 ff'));
    expect(node.tag).toBe(TAG.sequence);
    expect(
      node.children.map((child) => [child.tag, Buffer.from(child.bytes).toString('hex')]),
    ).toEqual([
      [TAG.integer, '020105'],
      [TAG.octetString, '0401ff'],
    ]);
  });

  it('reads a long-form length, and refuses every BER-only or broken form', () => {
    const long = Buffer.concat([hex('04 81 80'), Buffer.alloc(128, 7)]);
    expect(parseDer(long).value).toHaveLength(128);
    refuses(hex('30 80 02 01 05 00 00')); // indefinite length
    refuses(Buffer.concat([hex('04 81 05'), Buffer.alloc(5)])); // long form for a short length
    refuses(Buffer.concat([hex('04 82 00 80'), Buffer.alloc(128)])); // leading zero length octet
    refuses(hex('24 03 04 01 aa')); // constructed OCTET STRING
    refuses(hex('23 04 03 02 00 aa')); // constructed BIT STRING
    refuses(hex('1f 22 01 00')); // high tag number
    refuses(hex('04 02 aa')); // truncated value
    refuses(hex('30 03 02 01')); // truncated child
    refuses(hex('04 01 aa 00')); // trailing byte
    refuses(hex('04')); // no length
    refuses(hex('30 02 00 00')); // end-of-contents octets
    refuses(hex('04 85 01 00 00 00 00')); // five length octets
    refuses(Buffer.alloc(0));
  });

  it('refuses nesting deeper than 40 levels, without overflowing the stack', () => {
    const nested = (levels: number) => {
      let bytes: Buffer = hex('05 00');
      for (let level = 0; level < levels; level += 1) bytes = der(TAG.sequence, bytes);
      return bytes;
    };
    expect(parseDer(nested(40)).tag).toBe(TAG.sequence);
    refuses(nested(41));
    // 100,000 levels of SEQUENCE with 4-octet lengths, written in one pass.
    const levels = 100_000;
    const deep = Buffer.alloc(6 * levels + 2);
    for (let level = 0; level < levels; level += 1) {
      deep.set([0x30, 0x84], 6 * level);
      deep.writeUInt32BE(6 * (levels - level - 1) + 2, 6 * level + 2);
    }
    deep.set([0x05, 0x00], 6 * levels);
    refuses(deep);
  });
});

describe('parseDer contents of universal types (anywhere, even where nothing reads them)', () => {
  it('refuses what OpenSSL’s decoder refuses, and the BER-only forms it tolerates', () => {
    for (const bad of [
      '01 02 00 ff', // BOOLEAN of two octets (openssl: refused)
      '01 01 01', // BOOLEAN TRUE not 0xff (BER only; openssl re-encodes it 0xff)
      '05 01 00', // NULL with contents (openssl: refused)
      '02 00', // empty INTEGER (openssl: refused)
      '0a 02 00 01', // padded ENUMERATED (openssl: refused)
      '03 00', // BIT STRING without its unused-bits octet (openssl: refused)
      '03 02 08 ff', // 8 unused bits (openssl: refused)
      '03 01 03', // unused bits in an empty BIT STRING
      '03 02 04 ff', // unused bits not zero (BER only; openssl clears them)
      '06 02 80 01', // OID arc with a leading 0x80 (openssl: refused)
      '06 02 2a 86', // OID ending inside an arc (openssl: refused)
      '1e 03 00 41 00', // BMPString of odd length (openssl: refused)
      '1c 02 00 41', // UniversalString not a multiple of 4 (openssl: refused)
      '2c 05 0c 03 61 62 63', // constructed UTF8String (BER only)
      '10 00', // primitive SEQUENCE (openssl: refused)
      '11 00', // primitive SET
    ]) {
      refuses(hex(bad));
      refuses(der(TAG.sequence, hex(bad))); // nested, as in an ANY nobody reads
    }
  });

  it('accepts their DER forms and leaves other tags’ contents alone', () => {
    for (const good of [
      '01 01 ff',
      '01 01 00',
      '05 00',
      '0a 01 00',
      '03 01 00',
      '03 02 05 a0',
      '06 03 55 04 03',
      '1e 02 00 41',
      '1c 04 00 00 00 41',
      '80 01 01', // [0] primitive: its type is the reader's business
      '0c 02 ff ff', // UTF8String: contents not interpreted here
    ]) {
      expect(Buffer.from(parseDer(hex(good)).bytes)).toEqual(hex(good));
    }
  });
});

describe('parseDer element budget', () => {
  it(`refuses more than ${MAX_DER_ELEMENTS} elements, which would cost memory, not time`, () => {
    const flat = (count: number) => der(TAG.sequence, Buffer.from('0500'.repeat(count), 'hex'));
    expect(parseDer(flat(MAX_DER_ELEMENTS - 1)).children).toHaveLength(MAX_DER_ELEMENTS - 1);
    refuses(flat(MAX_DER_ELEMENTS));
  });
});

describe('INTEGER', () => {
  it('refuses non-minimal encodings and writes minimal ones with a sign pad', () => {
    expect(() => integerValue(parseDer(hex('02 02 00 7f')))).toThrow(DerError);
    expect(() => integerValue(parseDer(hex('02 02 ff 80')))).toThrow(DerError);
    expect(() => integerValue(parseDer(hex('02 00')))).toThrow(DerError);
    expect(Buffer.from(integerValue(parseDer(hex('02 02 00 80'))))).toEqual(hex('00 80'));
    expect(derUnsignedInteger(hex('00 00 80 01'))).toEqual(hex('02 03 00 80 01'));
    expect(derUnsignedInteger(hex('00 00 7f'))).toEqual(hex('02 01 7f'));
    expect(derUnsignedInteger(hex('00'))).toEqual(hex('02 01 00'));
  });
});

describe('OBJECT IDENTIFIER', () => {
  it('encodes known OIDs as openssl does (fixed vectors)', () => {
    expect(derOid('1.2.840.113549.1.9.16.2.47')).toEqual(
      hex('06 0b 2a 86 48 86 f7 0d 01 09 10 02 2f'),
    );
    expect(derOid('2.16.840.1.101.3.4.2.1')).toEqual(hex('06 09 60 86 48 01 65 03 04 02 01'));
    expect(derOid('2.999.3')).toEqual(hex('06 03 88 37 03'));
  });

  it('round-trips a 128-bit 2.25 arc (RECEIPT_SIGNER_EKU) that asn1js garbles', () => {
    expect(oidValue(parseDer(derOid(RECEIPT_SIGNER_EKU)))).toBe(RECEIPT_SIGNER_EKU);
    expect(oidValue(parseDer(derOid('2.25.0')))).toBe('2.25.0');
    expect(oidValue(parseDer(derOid('0.9.2342')))).toBe('0.9.2342');
  });

  it('refuses a non-minimal arc or an unfinished last arc', () => {
    expect(() => oidValue(parseDer(hex('06 02 80 01')))).toThrow(DerError);
    expect(() => oidValue(parseDer(hex('06 02 2a 86')))).toThrow(DerError);
    expect(() => oidValue(parseDer(hex('06 00')))).toThrow(DerError);
  });
});

describe('SET OF', () => {
  it('sorts its elements by their encodings (X.690 §11.6)', () => {
    const set = derSetOf([hex('04 01 02'), hex('04 01 01'), hex('02 01 09')]);
    expect(set).toEqual(hex('31 09 02 01 09 04 01 01 04 01 02'));
  });
});

describe('time', () => {
  it('writes UTCTime for 1950–2049 and GeneralizedTime otherwise, in whole seconds', () => {
    expect(derTime(new Date('2049-12-31T23:59:59.999Z')).toString('latin1')).toBe(
      '\x17\x0d491231235959Z',
    );
    expect(derTime(new Date('2050-01-01T00:00:00Z')).toString('latin1')).toBe(
      '\x18\x0f20500101000000Z',
    );
    expect(derTime(new Date('1949-06-01T12:00:00Z'))[0]).toBe(TAG.generalizedTime);
  });

  it('reads both forms and refuses fractions, offsets, missing seconds and impossible dates', () => {
    const utc = (text: string) => der(TAG.utcTime, Buffer.from(text, 'latin1'));
    const generalized = (text: string) => der(TAG.generalizedTime, Buffer.from(text, 'latin1'));
    expect(timeValue(parseDer(utc('500101000000Z')))).toEqual(new Date('1950-01-01T00:00:00Z'));
    expect(timeValue(parseDer(utc('491231235959Z')))).toEqual(new Date('2049-12-31T23:59:59Z'));
    expect(timeValue(parseDer(generalized('20500101000000Z')))).toEqual(
      new Date('2050-01-01T00:00:00Z'),
    );
    for (const bad of [
      utc('2603151019Z'),
      utc('260315101930+0100'),
      utc('260231101930Z'),
      generalized('20260315101930.5Z'),
      generalized('20260315101930'),
      der(TAG.printableString, Buffer.from('260315101930Z')),
    ]) {
      expect(() => timeValue(parseDer(bad))).toThrow(DerError);
    }
  });
});
